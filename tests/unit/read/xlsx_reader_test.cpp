// The streaming xlsx reader on fixtures made for each pitfall (tests/cli/data/xlsx/make-xlsx-fixtures.py).
#include <catch2/catch.hpp>

#include "csv_xls_test_util.hpp"
#include "read/xlsx_styles.hpp"
#include "read/xlsx_text.hpp"

using namespace casestat;
using namespace casestat::test;

namespace {

std::unique_ptr<Workbook> open(const std::string& name, ReadOptions options = {}) {
  static std::vector<std::unique_ptr<Input>> inputs;  // the workbook keeps reading from its input
  inputs.push_back(std::make_unique<Input>(data_file("xlsx/" + name)));
  return open_workbook(*inputs.back(), options);
}

}  // namespace

TEST_CASE("xlsx: sheets by their names and their own paths, absolute or relative") {
  auto book = open("pitfalls.xlsx");
  CHECK(std::string(book->format()) == "xlsx");
  CHECK(book->sheet_names() == texts({"台账", "说明"}));
  auto rows = read_rows(*book, 1);  // x: prefixed elements, target /xl/worksheets/other.xml
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].number == 2);
  CHECK(rows[0].texts == texts({"第二页"}));
}

TEST_CASE("xlsx: strings, rich text without phonetic runs, escapes, inline strings") {
  auto rows = read_rows(*open("pitfalls.xlsx"));
  REQUIRE(rows.size() == 4);  // the empty row 6 is not passed on
  CHECK(rows[0].texts == texts({"受理日期", "公益诉讼 ", "第一行\r第二行_x0041_", "内联"}));
}

TEST_CASE("xlsx: every cell type, and dates by their number format, never a serial") {
  auto rows = read_rows(*open("pitfalls.xlsx"));
  const auto& r = rows[1];
  CHECK(r.number == 2);  // no r attribute: the row after the last
  CHECK(r.texts == texts({"1084.7", "2021-03-05", "2021-03-05", "2021-03-05 12:00:00", "12.5", "2021-03-05", "#N/A",
                          "TRUE", "公式", "2021-03-05", "0.0015", "1900-02-29", "1900-02-28"}));
  CHECK(r.types[0] == Cell::Type::number);
  CHECK(r.types[1] == Cell::Type::date);     // built-in 14
  CHECK(r.types[2] == Cell::Type::date);     // CJK built-in 31
  CHECK(r.types[3] == Cell::Type::date);     // yyyy"年"m"月"d"日"
  CHECK(r.types[4] == Cell::Type::number);   // #,##0.00"元": not a date
  CHECK(r.types[5] == Cell::Type::date);     // CJK built-in 58
  CHECK(r.types[6] == Cell::Type::error);    // never a number
  CHECK(r.types[7] == Cell::Type::boolean);
  CHECK(r.types[8] == Cell::Type::text);
  CHECK(r.types[9] == Cell::Type::date);     // t="d"
}

TEST_CASE("xlsx: sparse rows keep their columns; a lying <dimension> does not cut the sheet") {
  auto rows = read_rows(*open("pitfalls.xlsx"));
  CHECK(rows[2].number == 5);
  CHECK(rows[2].texts == texts({"", "", "", "江州市人民检察院"}));
  CHECK(rows[3].number == 100);
  CHECK(rows[3].texts == texts({"", "7"}));
}

TEST_CASE("xlsx: the 1904 date system") {
  auto rows = read_rows(*open("date1904.xlsx"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].texts == texts({"2021-03-05"}));
}

TEST_CASE("xlsx: hostile files are refused with a clear error, in bounded memory") {
  CHECK(error_of([] { read_rows(*open("doctype.xlsx")); }).find("has a DOCTYPE declaration") != std::string::npos);
  CHECK(error_of([] { read_rows(*open("far-ref.xlsx")); }).find("XFE1 is beyond the last column") != std::string::npos);
  CHECK(error_of([] { open("strings-bomb.xlsx"); }).find("declares 1000000000 shared strings") != std::string::npos);
  CHECK(error_of([] { read_rows(*open("deep.xlsx")); }).find("nests elements deeper than") != std::string::npos);
  ReadOptions small;
  small.limits.max_inflated_bytes = 1 << 20;
  CHECK(error_of([&] { read_rows(*open("inflate-bomb.xlsx", small)); }).find("looks like a zip bomb") !=
        std::string::npos);
  CHECK(read_rows(*open("inflate-bomb.xlsx")).empty());  // under the default limit it is only blanks
}

TEST_CASE("date formats: built-in ids and custom codes") {
  for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 36, 45, 46, 47, 50, 57, 58}) {
    INFO(id);
    CHECK(is_date_format(id, ""));
  }
  for (int id : {0, 1, 2, 9, 10, 11, 37, 44, 49, 59}) {
    INFO(id);
    CHECK_FALSE(is_date_format(id, ""));
  }
  CHECK(is_date_format(176, "yyyy\"年\"m\"月\"d\"日\""));
  CHECK(is_date_format(176, "[$-804]yyyy/m/d"));
  CHECK(is_date_format(176, "[h]:mm:ss"));
  CHECK_FALSE(is_date_format(176, "#,##0.00\"元\""));
  CHECK_FALSE(is_date_format(176, "0.00_);[Red]\\(0.00\\)"));
  CHECK_FALSE(is_date_format(176, "General"));
  CHECK_FALSE(is_date_format(176, "\"合计：\"0\"件\""));
}

TEST_CASE("plain decimals and Excel serials") {
  CHECK(plain_decimal(1e-7) == "0.0000001");
  CHECK(plain_decimal(1e20) == "100000000000000000000");
  CHECK(plain_decimal(1084.7) == "1084.7");
  CHECK(plain_decimal(-0.125) == "-0.125");
  CHECK(serial_to_iso(44260) == "2021-03-05");
  CHECK(serial_to_iso(1) == "1900-01-01");
  CHECK(serial_to_iso(61) == "1900-03-01");
  CHECK(serial_to_iso(0.5) == "12:00:00");
  CHECK(serial_to_iso(0, true) == "1904-01-01");
  CHECK(decode_xlsx_escapes("a_x0009_b_x4E2D_") == "a\tb中");
}
