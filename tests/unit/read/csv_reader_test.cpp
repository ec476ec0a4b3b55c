#include <catch2/catch.hpp>

#include "csv_xls_test_util.hpp"
#include "read/csv_parser.hpp"
#include "read/encoding.hpp"

using namespace casestat;
using namespace casestat::test;

namespace {

std::vector<ReadRow> read_csv(const std::string& path, const std::string& encoding = "auto") {
  Input input(path);
  ReadOptions options;
  options.encoding = encoding;
  auto book = open_csv(input, options);
  CHECK(std::string(book->format()) == "csv");
  REQUIRE(book->sheet_names() == std::vector<std::string>{""});
  return read_rows(*book);
}

const std::vector<std::string> kHeader = texts({"信访编号", "来信来访日期", "信访人", "涉及人数"});
const std::vector<std::string> kRow1 = texts({"XF-001", "2021/3/5", "张三", "1"});
const std::vector<std::string> kRow2 = texts({"XF-002", "2021年4月1日", "李四", "12"});

void check_ledger(const std::vector<ReadRow>& rows) {
  REQUIRE(rows.size() >= 3);
  CHECK(rows[0].number == 1);
  CHECK(rows[0].texts == kHeader);
  CHECK(rows[1].texts == kRow1);
  CHECK(rows[2].texts == kRow2);
  CHECK(rows[2].number == 3);
  CHECK(rows[1].types[0] == Cell::Type::text);
}

}  // namespace

TEST_CASE("CSV in GBK is detected and converted") {
  auto rows = read_csv(data_file("csv/gbk.csv"));
  CHECK(rows.size() == 3);
  check_ledger(rows);
}

TEST_CASE("CSV in GB18030 keeps characters outside GBK") {
  auto rows = read_csv(data_file("csv/gb18030.csv"));
  REQUIRE(rows.size() == 4);
  check_ledger(rows);
  CHECK(rows[3].texts == texts({"XF-003", "2021-05-06", "\xF0\xA0\xAE\xB7五", "3"}));  // 𠮷五
}

TEST_CASE("CSV in UTF-8 with and without a BOM") {
  auto with_bom = read_csv(data_file("csv/utf8-bom.csv"));
  CHECK(with_bom.size() == 3);
  check_ledger(with_bom);  // the BOM is not part of the first header
  auto without = read_csv(data_file("csv/utf8.csv"));  // LF, no newline after the last line
  CHECK(without.size() == 3);
  check_ledger(without);
}

TEST_CASE("UTF-16LE tab-separated text, as WPS saves \"Unicode text\"") {
  auto rows = read_csv(data_file("csv/utf16le.tsv"));
  CHECK(rows.size() == 3);
  check_ledger(rows);
}

TEST_CASE("quoted fields hold commas, line breaks and doubled quotes") {
  auto rows = read_csv(data_file("csv/quoted.csv"));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].texts == texts({"检〔2021〕1号", "张三, 李四盗窃案", "第一行\r\n第二行"}));
  CHECK(rows[2].number == 3);  // the record number, not the line number
  CHECK(rows[2].texts == texts({"检〔2021〕2号", "他说\"已整改\"", ""}));
  CHECK(rows[2].types[2] == Cell::Type::empty);
}

TEST_CASE("a semicolon delimiter is sniffed even with commas in the values") {
  auto rows = read_csv(data_file("csv/semicolon.csv"));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].texts == texts({"1", "12,000.00", "王五"}));
  CHECK(rows[2].texts == texts({"2", "3,8", "赵六"}));
}

TEST_CASE("delimiter sniffing") {
  CHECK(sniff_delimiter("a,b,c\n1,2,3\n", true) == ',');
  CHECK(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n", true) == '\t');
  CHECK(sniff_delimiter("a|b\n1|2\n", true) == '|');
  CHECK(sniff_delimiter("\"x;y\",b\n\"1;2\",3\n", true) == ',');  // not inside quotes
  CHECK(sniff_delimiter("只有一列\n第二行\n", true) == ',');
}

TEST_CASE("CR line ends, blank lines and a last record without a newline") {
  ScratchFile file("cr.csv", "a,b\r1,2\r\r,\r3,\"4\"");
  auto rows = read_csv(file.path());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].texts == texts({"a", "b"}));
  CHECK(rows[1].texts == texts({"1", "2"}));
  CHECK(rows[2].number == 5);  // records 3 (blank) and 4 (",") are empty and not passed on
  CHECK(rows[2].texts == texts({"3", "4"}));
}

TEST_CASE("a trailing delimiter makes an empty last field") {
  ScratchFile file("trailing.csv", "a,b,\n1,,3");
  auto rows = read_csv(file.path());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].texts == texts({"a", "b", ""}));
  CHECK(rows[1].types == std::vector<Cell::Type>{Cell::Type::text, Cell::Type::empty, Cell::Type::text});
}

TEST_CASE("a quote left open is an error naming its row") {
  CHECK(error_of([] { read_csv(data_file("csv/unterminated.csv")); }) ==
        data_file("csv/unterminated.csv") + ": row 3: a quoted field is not closed");
}

TEST_CASE("a forced encoding that does not fit names the row and the byte") {
  std::string gbk = data_file("csv/gbk.csv");
  // 信 is D0 C5 in GBK.
  CHECK(error_of([&] { read_csv(gbk, "utf-8"); }) ==
        gbk + ": row 1: the text is not valid UTF-8 (byte 0xD0); try --encoding gbk");
  ScratchFile file("bad-gbk.csv", "a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n11,\xFF\n");
  CHECK(error_of([&] { read_csv(file.path(), "gbk"); }) ==
        file.path() + ": row 7: the text is not valid GBK (byte 0xFF); try --encoding utf-8");
  // GBK forced on a GBK file reads it.
  check_ledger(read_csv(gbk, "gbk"));
  CHECK(error_of([&] { read_csv(gbk, "latin-1"); }).find("unknown encoding \"latin-1\"") != std::string::npos);
}

TEST_CASE("auto detection: ASCII first, GBK later in the file") {
  // The first non-ASCII byte is 2 MiB in: the reader decides there, not from the first lines.
  std::string content = "id,name\n";
  while (content.size() < (2u << 20)) content += "12345,abcdefghij\n";
  content += "99999,\xD5\xC5\xC8\xFD\n";  // 张三 in GBK
  ScratchFile file("late-gbk.csv", content);
  auto rows = read_csv(file.path());
  REQUIRE(!rows.empty());
  CHECK(rows.back().texts == texts({"99999", "张三"}));
}

TEST_CASE("text that is neither UTF-8 nor GBK") {
  ScratchFile file("broken.csv", "a,b\n\xD5\xC5,\xFF\xFF\n");
  std::string message = error_of([&] { read_csv(file.path()); });
  CHECK(message.rfind(file.path() + ": row 2: the text is not valid GBK (byte 0xFF); the file is neither UTF-8 nor GBK", 0) == 0);
}

TEST_CASE("a huge field is refused at the limit, not buffered") {
  std::string content = "a,b\n1,\"";
  content.append(3u << 20, 'x');  // 3 MiB, no closing quote, no newline
  ScratchFile file("huge.csv", content);
  Input input(file.path());
  ReadOptions options;
  options.limits.max_field_bytes = 1u << 20;
  auto book = open_csv(input, options);
  CHECK(error_of([&] { read_rows(*book); }) == file.path() + ": row 2: a field is longer than 1 MiB: is this really a CSV file?");
}

TEST_CASE("the parser gives the same records however the text is cut") {
  std::string text = "a,\"b,\"\"c\"\"\r\nd\"\r\n\"\",x\ry,z";
  std::vector<std::vector<std::string>> whole;
  RowHandler collect = [&](const Row& row) {
    std::vector<std::string> t;
    for (const auto& c : row.cells) t.push_back(c.text);
    whole.push_back(t);
    return true;
  };
  {
    CsvParser parser(',', "t.csv", ReadLimits{}, collect);
    parser.feed(text);
    parser.finish();
  }
  REQUIRE(whole.size() == 3);
  CHECK(whole[0] == texts({"a", "b,\"c\"\r\nd"}));
  CHECK(whole[1] == texts({"", "x"}));
  CHECK(whole[2] == texts({"y", "z"}));
  auto expected = whole;
  for (size_t cut = 1; cut < text.size(); ++cut) {
    whole.clear();
    CsvParser parser(',', "t.csv", ReadLimits{}, collect);
    parser.feed(std::string_view(text).substr(0, cut));
    parser.feed(std::string_view(text).substr(cut));
    parser.finish();
    CHECK(whole == expected);
  }
}

TEST_CASE("valid_utf8_prefix") {
  bool incomplete = false;
  CHECK(valid_utf8_prefix("abc") == 3);
  CHECK(valid_utf8_prefix("a\xE5\xBC\xA0") == 4);                       // a张
  CHECK(valid_utf8_prefix("a\xE5\xBC", &incomplete) == 1);              // cut off
  CHECK(incomplete);
  CHECK(valid_utf8_prefix("a\xC0\x80", &incomplete) == 1);              // overlong
  CHECK(!incomplete);
  CHECK(valid_utf8_prefix("ab\xED\xA0\x80") == 2);                      // surrogate
  CHECK(valid_utf8_prefix("0123456789\xD5\xC5\xC8\xFD") == 10);         // GBK 张三
}
