// More xlsx pitfalls, limits and damaged files, on fixtures made by
// tests/cli/data/xlsx/make-xlsx-fixtures.py (each file's purpose is listed there).
#include <catch2/catch.hpp>

#include "csv_xls_test_util.hpp"
#include "read/xlsx_styles.hpp"
#include "read/xlsx_text.hpp"

using namespace casestat;
using namespace casestat::test;

namespace {

// A workbook and the input it keeps reading from.
struct Book {
  std::unique_ptr<Input> input;
  std::unique_ptr<Workbook> book;
  Workbook* operator->() { return book.get(); }
  Workbook& operator*() { return *book; }
};

Book xlsx(const std::string& name, ReadOptions options = {}) {
  Book b{std::make_unique<Input>(data_file("xlsx/" + name)), nullptr};
  b.book = open_workbook(*b.input, options);
  return b;
}

std::string path(const std::string& name) { return data_file("xlsx/" + name); }

std::string read_error(const std::string& name, ReadOptions options = {}, size_t sheet = 0) {
  return error_of([&] {
    Book b = xlsx(name, options);
    read_rows(*b, sheet);
  });
}

}  // namespace

TEST_CASE("xlsx types: number formats decide dates, and every other cell type is what the file says") {
  Book b = xlsx("types.xlsx");
  double numbers[16] = {};
  std::vector<ReadRow> rows;
  b->read_sheet(0, [&](const Row& row) {
    for (size_t i = 0; i < row.cells.size() && i < 16; ++i) numbers[i] = row.cells[i].number;
    rows.push_back({row.number, {}, {}});
    for (const Cell& c : row.cells) {
      rows.back().texts.push_back(c.text);
      rows.back().types.push_back(c.type);
    }
    return true;
  });
  REQUIRE(rows.size() == 1);
  const auto& r = rows[0];
  CHECK(r.texts == texts({"2021-03-05", "12.5", "14:30:00", "2021-03-05 18:00:00", "2021-03-05", "1234", "44260", "-5",
                          "FALSE", "#DIV/0!", "2021-03-05 14:30:00", "100000000000000000000", "公益诉讼", "a\nb",
                          "s4"}));
  using T = Cell::Type;
  CHECK(r.types == std::vector<T>{T::date, T::number, T::date, T::date, T::date, T::number, T::number, T::number,
                                  T::boolean, T::error, T::date, T::number, T::text, T::text, T::text});
  CHECK(numbers[0] == 44260);           // a date keeps its serial
  CHECK(numbers[3] == 44260.75);
  CHECK(numbers[9] == 0);               // an error cell is never a number
  CHECK(numbers[10] == Approx(44260 + 14.5 / 24));
  CHECK(numbers[11] == 1e20);
}

TEST_CASE("xlsx layout: a merged title, cells and rows out of order, references with and without r") {
  Book b = xlsx("layout.xlsx");
  CHECK(b->sheet_names() == texts({"公益诉讼"}));
  auto rows = read_rows(*b);
  REQUIRE(rows.size() == 6);  // row 5 has only blank cells: not passed on
  CHECK(rows[0].number == 1);
  CHECK(rows[0].texts == texts({"2021年公益诉讼案件台账"}));  // the merged title stays in its first cell
  CHECK(rows[1].number == 2);
  CHECK(rows[1].texts == texts({"案号", "立案日期", "承办人"}));  // C2 written before A2 and B2
  CHECK(rows[2].number == 4);
  CHECK(rows[2].texts == texts({"案4", "甲", "乙"}));  // cells without r follow the one before
  CHECK(rows[3].number == 3);  // rows come in the file's order, each with its own number
  CHECK(rows[3].texts == texts({"案3"}));  // a shorter row after a longer one has only its cells
  CHECK(rows[4].number == 6);  // no r: the row after the last
  CHECK(rows[4].texts == texts({"案6"}));
  CHECK(rows[5].number == 7);
  CHECK(rows[5].texts == texts({"", "", "丙", "丁"}));
}

TEST_CASE("xlsx parts where the package says: the workbook, its sheets, strings and styles") {
  Book b = xlsx("elsewhere.xlsx");
  CHECK(std::string(b->format()) == "xlsx");
  CHECK(b->sheet_names() == texts({"一", "二", "空"}));
  auto one = read_rows(*b, 0);
  REQUIRE(one.size() == 1);
  CHECK(one[0].texts == texts({"第一页", "2021-03-05"}));  // strings at book/text/, styles at /look/
  auto two = read_rows(*b, 1);
  REQUIRE(two.size() == 1);
  CHECK(two[0].number == 3);
  CHECK(two[0].texts == texts({"", "第二页"}));
  CHECK(read_rows(*b, 2).empty());
  CHECK(error_of([&] { read_rows(*b, 3); }) == path("elsewhere.xlsx") + ": there is no sheet 4");
}

TEST_CASE("xlsx: a sheet can be stopped early, read again, and the handler's errors come through") {
  Book b = xlsx("pitfalls.xlsx");
  int seen = 0;
  b->read_sheet(0, [&](const Row&) { return ++seen < 2; });
  CHECK(seen == 2);
  CHECK(read_rows(*b).size() == 4);  // the same sheet again, whole
  CHECK(error_of([&] { b->read_sheet(0, [](const Row&) -> bool { data_error("stop at {}", 1); }); }) == "stop at 1");
  CHECK(read_rows(*b, 1).size() == 1);  // still usable
}

TEST_CASE("xlsx limits: rows, columns, texts and shared strings beyond them are refused, naming the place") {
  std::string pitfalls = path("pitfalls.xlsx");
  CHECK(read_error("far-row.xlsx") == path("far-row.xlsx") +
                                          ": sheet Sheet1: the cell reference XFD1048577 is beyond the last row a "
                                          "sheet can have (1048576)");
  ReadOptions rows;
  rows.limits.max_rows = 50;
  CHECK(read_error("pitfalls.xlsx", rows) ==
        pitfalls + ": sheet 台账: row 100 is beyond the last row a sheet can have (50)");
  ReadOptions columns;
  columns.limits.max_columns = 5;  // row 2 has 13 cells without r
  CHECK(read_error("pitfalls.xlsx", columns) ==
        pitfalls + ": sheet 台账, row 2: a cell is beyond the last column a sheet can have (E)");
  ReadOptions field;
  field.limits.max_field_bytes = 20;
  CHECK(read_error("layout.xlsx", field) ==
        path("layout.xlsx") +
            ": sheet 公益诉讼, row 1, column A: the text is longer than 20 bytes; if the file is honest, raise the "
            "limit with --max-field-mib");
  field.limits.max_field_bytes = 8;  // "受理日期" is 12 bytes of UTF-8
  CHECK(read_error("pitfalls.xlsx", field) ==
        pitfalls + ": shared string 1 is longer than 8 bytes; if the file is honest, raise the limit with "
                   "--max-field-mib");
  ReadOptions strings;
  strings.limits.max_shared_strings = 3;  // declared: 4
  CHECK(read_error("pitfalls.xlsx", strings).find(": the workbook declares 4 shared strings, more than the limit of 3") !=
        std::string::npos);
  strings.limits.max_shared_strings = 4;  // types.xlsx declares no count and has 5
  CHECK(read_error("types.xlsx", strings) ==
        path("types.xlsx") + ": the workbook has more than 4 shared strings; if the file is honest, raise the limit "
                             "with --max-shared-strings");
  ReadOptions inflate;
  inflate.limits.max_inflated_bytes = 1000;
  CHECK(read_error("inflate-bomb.xlsx", inflate).find("the workbook inflates to more than 1000 bytes (reached while reading the part ") !=
        std::string::npos);
}

TEST_CASE("xlsx damage: bad XML names the sheet and the line; a bad checksum and a DOCTYPE are refused") {
  CHECK(read_error("bad-xml.xlsx") ==
        path("bad-xml.xlsx") + ": sheet 台账: the file is damaged: the sheet is not valid XML at line 3 (mismatched tag)");
  std::vector<int64_t> before;
  std::string cut = error_of([&] {
    Book b = xlsx("cut-xml.xlsx");
    b->read_sheet(0, [&](const Row& row) {
      before.push_back(row.number);
      return true;
    });
  });
  CHECK(cut.rfind(path("cut-xml.xlsx") + ": sheet 台账: the file is damaged: the sheet is not valid XML at line 3 (", 0) ==
        0);
  CHECK(before == std::vector<int64_t>{1});  // what came before the damage was read (the importer rejects all)
  CHECK(read_error("bad-crc.xlsx") ==
        path("bad-crc.xlsx") + ": the file is damaged: the part xl/worksheets/sheet1.xml fails its checksum");
  CHECK(read_error("doctype.xlsx") ==
        path("doctype.xlsx") +
            ": sheet Sheet1: the file is damaged: the sheet has a DOCTYPE declaration at line 2, which no spreadsheet "
            "part has (it can hide an entity bomb)");
  CHECK(read_error("deep.xlsx").find(": sheet Sheet1: the file is damaged: the sheet nests elements deeper than 256 "
                                     "levels at line 1") != std::string::npos);
}

TEST_CASE("date formats: date letters count only outside quotes, escapes and brackets") {
  for (const char* code : {"hh:mm", "[$-F800]dddd, mmmm dd, yyyy", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"",
                           "yyyy-mm-dd;@", "mm:ss.0", "[mm]:ss", "m/d", "yyyy\"年\"m\"月\"", "h\"时\"mm\"分\"",
                           "[$-804]aaaa yyyy/m/d"}) {
    INFO(code);
    CHECK(is_date_format(200, code));
  }
  for (const char* code : {"0.00\" m\"", "#,##0_);[Red]\\(#,##0\\)", "@", "0.00E+00", "[<=9999999]###-####",
                           "0.0%", "\"m\"0", "[Red]0.00", "\"元\"#,##0.00", "0.00_m", "\\d0", "# ?/?",
                           "[DBNum2]General", "#,##0.00;[Red]-#,##0.00;\"-\";@\"日\""}) {
    INFO(code);
    CHECK_FALSE(is_date_format(200, code));
  }
}

TEST_CASE("Excel serials: the fake 1900-02-29, times, rounding, the 1904 system, out of range") {
  CHECK(serial_to_iso(59) == "1900-02-28");
  CHECK(serial_to_iso(60) == "1900-02-29");
  CHECK(serial_to_iso(61) == "1900-03-01");
  CHECK(serial_to_iso(44260.75) == "2021-03-05 18:00:00");
  CHECK(serial_to_iso(44260.99999999) == "2021-03-06");  // 23:59:59.9991 rounds to midnight
  CHECK(serial_to_iso(0.0416666666666667) == "01:00:00");
  CHECK(serial_to_iso(2958465) == "9999-12-31");
  CHECK(serial_to_iso(42798, true) == "2021-03-05");
  CHECK(serial_to_iso(1, true) == "1904-01-02");
  CHECK(serial_to_iso(-1) == "-1");
}

TEST_CASE("plain decimals: the shortest text that reads back, never an exponent") {
  CHECK(plain_decimal(0.0015) == "0.0015");
  CHECK(plain_decimal(1e21) == "1000000000000000000000");
  CHECK(plain_decimal(0.1 + 0.2) == "0.30000000000000004");
  CHECK(plain_decimal(123456.789) == "123456.789");
  CHECK(plain_decimal(-0.0) == "0");
  CHECK(plain_decimal(-12000) == "-12000");
  CHECK(plain_decimal(1.5e-10) == "0.00000000015");
}

TEST_CASE("_xHHHH_ escapes and size words") {
  CHECK(decode_xlsx_escapes("_x005F_x000D_") == "_x000D_");  // an escaped underscore: the text itself
  CHECK(decode_xlsx_escapes("a_x000A_b_x00") == "a\nb_x00");  // a cut escape stays text
  CHECK(decode_xlsx_escapes("_xD800_") == "\xEF\xBF\xBD");    // a lone surrogate cannot be UTF-8
  CHECK(size_words(32u << 20) == "32 MiB");
  CHECK(size_words(1000) == "1000 bytes");
}
