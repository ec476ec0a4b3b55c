#include <catch2/catch.hpp>

#include "csv_xls_test_util.hpp"
#include "read/xls_dates.hpp"

using namespace casestat;
using namespace casestat::test;

TEST_CASE("xls (BIFF8): Chinese sheet names, text and numbers; blank rows left out") {
  Input input(data_file("xls/chinese.xls"));
  auto book = open_xls(input, {});
  CHECK(std::string(book->format()) == "xls");
  REQUIRE(book->sheet_names() == texts({"公益诉讼", "检察建议"}));
  auto rows = read_rows(*book, 0);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].number == 1);
  CHECK(rows[0].texts == texts({"案号", "承办单位", "挽回损失（万元）", "人数"}));
  CHECK(rows[1].texts == texts({"检公诉〔2021〕1号", "东城区人民检察院", "1084.7", "12"}));
  CHECK(rows[1].types == std::vector<Cell::Type>{Cell::Type::text, Cell::Type::text, Cell::Type::number, Cell::Type::number});
  CHECK(rows[2].number == 4);  // row 3 is blank
  CHECK(rows[2].texts[2] == "3.8");
  CHECK(rows[2].texts[3] == "1030");
  auto second = read_rows(*book, 1);
  REQUIRE(second.size() == 2);
  CHECK(second[1].texts == texts({"市生态环境局", "是"}));
}

TEST_CASE("xls (BIFF5) in code page 936 reads as Chinese") {
  Input input(data_file("xls/chinese-cp936.xls"));
  auto book = open_xls(input, {});
  REQUIRE(book->sheet_names() == texts({"公益诉讼"}));
  auto rows = read_rows(*book);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].texts == texts({"案号", "承办单位", "人数", "是否采纳"}));
  CHECK(rows[1].texts == texts({"A-1", "东城区人民检察院", "12", "是"}));
}

TEST_CASE("xls dates under built-in and CJK custom formats") {
  Input input(data_file("xls/dates.xls"));
  auto book = open_xls(input, {});
  auto rows = read_rows(*book);
  REQUIRE(rows.size() == 9);
  auto value = [&](size_t i) { return std::make_pair(rows[i].types.at(1), rows[i].texts.at(1)); };
  using T = Cell::Type;
  CHECK(value(1) == std::make_pair(T::date, std::string("2021-03-05")));           // id 14
  CHECK(value(2) == std::make_pair(T::date, std::string("2021-03-05 14:30:00")));  // id 22
  CHECK(value(3) == std::make_pair(T::date, std::string("14:30:00")));             // id 20
  // Gnumeric does not know the CJK built-in id 31, so ssconvert writes the cell as General.
  CHECK(value(4) == std::make_pair(T::number, std::string("44260")));
  CHECK(value(5) == std::make_pair(T::date, std::string("2021-03-05")));  // yyyy"年"m"月"d"日"
  CHECK(value(6) == std::make_pair(T::date, std::string("2021-03-05")));  // yyyy/mm/dd
  CHECK(value(8) == std::make_pair(T::number, std::string("44260")));     // General
  int64_t serial = 0;
  book->read_sheet(0, [&](const Row& row) {
    if (row.number == 2) serial = static_cast<int64_t>(row.cells.at(1).number);
    return true;
  });
  CHECK(serial == 44260);
}

TEST_CASE("FreeXL date text back to serials") {
  CHECK(xls_date_cell("2021-03-05")->serial == 44260);
  CHECK(xls_date_cell("1900-01-01")->serial == 1);
  CHECK(xls_date_cell("1900-02-28")->serial == 59);
  CHECK(xls_date_cell("1900-02-29")->serial == 60);
  CHECK(xls_date_cell("1900-03-01")->serial == 61);
  auto dt = xls_date_cell("2021-03-05 12:00:00");
  CHECK(dt->serial == 44260.5);
  CHECK(dt->text == "2021-03-05 12:00:00");
  CHECK(xls_date_cell("2021-03-05 00:00:00")->text == "2021-03-05");
  CHECK(xls_date_cell("06:00:00")->serial == 0.25);
  CHECK(!xls_date_cell("2021-13-05"));
  CHECK(!xls_date_cell("garbage"));
}

TEST_CASE("a damaged xls is a clear error") {
  std::string path = data_file("detect/damaged.xls");
  Input input(path);
  CHECK(error_of([&] { open_xls(input, {}); }) ==
        path + ": cannot read: the file is damaged or not an Excel 97-2003 workbook");
}
