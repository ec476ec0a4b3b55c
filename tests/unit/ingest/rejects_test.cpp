#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "core/input.hpp"
#include "fake_workbook.hpp"
#include "ingest/rejects.hpp"

using namespace casestat;
using test::FakeWorkbook;

TEST_CASE("rejected rows carry their problems and their original cells") {
  FakeWorkbook book("台账.xlsx", {{"公益诉讼",
                                   {{"案号", "立案日期", "金额"},
                                    {"A1", "2021-03-05", "100"},
                                    {"A2", "2021年13月5日", "十元"},
                                    {"A3", "2021-02-30", "5"}}}});
  std::vector<RowError> errors{
      {{"台账.xlsx", "公益诉讼", 3, "立案日期"}, "cannot read \"2021年13月5日\" as a date"},
      {{"台账.xlsx", "公益诉讼", 3, "金额"}, "cannot read \"十元\" as money"},
      {{"台账.xlsx", "公益诉讼", 4, "立案日期"}, "cannot read \"2021-02-30\" as a date"}};
  auto rows = rejected_rows(book, 0, errors);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].row == 3);
  CHECK(rows[0].columns == std::vector<std::string>{"立案日期", "金额"});
  CHECK(rows[0].cells == std::vector<std::string>{"A2", "2021年13月5日", "十元"});
  CHECK(rows[1].row == 4);
  CHECK(rows[1].cells == std::vector<std::string>{"A3", "2021-02-30", "5"});

  std::string csv = rejects_csv(rows);
  CHECK(csv ==
        "\xEF\xBB\xBF"
        "file,sheet,row,column,problem,A,B,C\r\n"
        "台账.xlsx,公益诉讼,3,立案日期; 金额,\"cannot read \"\"2021年13月5日\"\" as a date; cannot read "
        "\"\"十元\"\" as money\",A2,2021年13月5日,十元\r\n"
        "台账.xlsx,公益诉讼,4,立案日期,\"cannot read \"\"2021-02-30\"\" as a date\",A3,2021-02-30,5\r\n");
}

TEST_CASE("cells with commas and line breaks are quoted") {
  RejectedRow row{"a.csv", "", 2, {"金额"}, {"bad"}, {"x,y", "two\nlines", "plain"}};
  CHECK(rejects_csv({row}) == "\xEF\xBB\xBF" "file,sheet,row,column,problem,A,B,C\r\n"
                              "a.csv,,2,金额,bad,\"x,y\",\"two\nlines\",plain\r\n");
}

TEST_CASE("no rejects: a header only, so an old rejects file is not mistaken for this run's") {
  CHECK(rejects_csv({}) == "\xEF\xBB\xBF" "file,sheet,row,column,problem\r\n");
}

TEST_CASE("the rejects file is private to its owner") {
  auto path = std::filesystem::temp_directory_path() / "casestat-rejects-test.csv";
  std::filesystem::remove(path);
  write_rejects(path, {RejectedRow{"a.csv", "", 2, {"金额"}, {"bad"}, {"1"}}});
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  CHECK(read_file(path, "rejects").find("a.csv,,2,金额,bad,1\r\n") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("the second pass reads only the rejected rows' cells") {
  FakeWorkbook book("a.csv", {{"", {{"h"}, {"1"}, {"2"}, {"3"}, {"4"}}}});
  auto rows = rejected_rows(book, 0, {{{"a.csv", "", 3, "h"}, "bad"}});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == std::vector<std::string>{"2"});
  CHECK(rejected_rows(book, 0, {}).empty());
  CHECK(book.reads == 1);  // no errors, no second pass
}
