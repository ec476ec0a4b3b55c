#include <catch2/catch.hpp>

#include "csv_xls_test_util.hpp"

using namespace casestat;
using namespace casestat::test;

namespace {

std::string open_error(const std::string& path) {
  return error_of([&] {
    Input input(path);
    open_workbook(input);
  });
}

std::string format_of(const std::string& path) {
  Input input(path);
  return open_workbook(input)->format();
}

}  // namespace

TEST_CASE("open_workbook decides by content, not by name") {
  CHECK(format_of(data_file("csv/gbk.csv")) == "csv");
  CHECK(format_of(data_file("csv/utf16le.tsv")) == "csv");  // NUL bytes, but a BOM says text
  CHECK(format_of(data_file("xls/chinese.xls")) == "xls");
  ScratchFile renamed("ledger.xlsx", "案号,人数\n1,2\n");  // a CSV named .xlsx
  CHECK(format_of(renamed.path()) == "csv");
}

TEST_CASE("open_workbook refuses what it cannot read, with one message each") {
  auto file = [](const char* name) { return data_file(std::string("detect/") + name); };
  CHECK(open_error(file("empty.csv")) == file("empty.csv") + ": is empty");
  CHECK(open_error(file("encrypted.xlsx")) ==
        file("encrypted.xlsx") +
            ": is password-protected: remove the password in Excel or WPS (File > Info > Protect Workbook) and save it again");
  for (const char* name : {"report.pdf", "letter.docx", "photos.zip", "binary.dat"})
    CHECK(open_error(file(name)) == file(name) + ": is not a spreadsheet (expected .xlsx, .xls or .csv)");
  CHECK(open_error(file("damaged.xls")) ==
        file("damaged.xls") + ": cannot read: the file is damaged or not an Excel 97-2003 workbook");
}

TEST_CASE("open_workbook hands a .xlsb to the xlsx reader, which refuses it") {
  std::string message = open_error(data_file("detect/book.xlsb"));
  CHECK(message.rfind(data_file("detect/book.xlsb") + ": ", 0) == 0);
  CHECK(message.find("xlsb") != std::string::npos);
}
