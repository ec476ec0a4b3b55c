// The sheet scanner against expat: on every sheet, written by hand for each edge or generated,
// reading with the scanner gives the rows, refusals and messages that expat alone gives.
#include <zip.h>

#include <catch2/catch.hpp>
#include <random>

#include "csv_xls_test_util.hpp"

using namespace casestat;
using namespace casestat::test;

namespace {

void add(zipFile zip, const char* name, const std::string& text) {
  zipOpenNewFileInZip(zip, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 1);
  zipWriteInFileInZip(zip, text.data(), static_cast<unsigned>(text.size()));
  zipCloseFileInZip(zip);
}

// A workbook whose only sheet is `sheet`, with two styles (the second a date) and three shared strings.
std::string write_book(const std::string& sheet) {
  static int count = 0;
  auto path = std::filesystem::temp_directory_path() /
              ("casestat-scanner-test-" + std::to_string(::getpid()) + "-" + std::to_string(count++) + ".xlsx");
  zipFile zip = zipOpen(path.c_str(), APPEND_STATUS_CREATE);
  REQUIRE(zip);
  add(zip, "xl/workbook.xml",
      "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add(zip, "xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  add(zip, "xl/styles.xml", "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
  add(zip, "xl/sharedStrings.xml", "<sst><si><t>受理日期</t></si><si><t>a</t></si><si><t>&amp;b</t></si></sst>");
  add(zip, "xl/worksheets/sheet1.xml", sheet);
  zipClose(zip, nullptr);
  return path.string();
}

// Every row and cell as text, then how the read ended: the same string means the same result.
std::string outcome(const std::string& path, bool scan, const ReadLimits& limits, int64_t stop_after) {
  std::string out;
  try {
    Input input(path);
    ReadOptions options;
    options.limits = limits;
    options.scan_sheets = scan;
    auto book = open_workbook(input, options);
    int64_t rows = 0;
    book->read_sheet(0, [&](const Row& row) {
      out += fmt::format("row {}:", row.number);
      for (const Cell& c : row.cells) out += fmt::format(" [{} {:?} {}]", static_cast<int>(c.type), c.text, c.number);
      out += '\n';
      return ++rows != stop_after;
    });
    out += "ok";
  } catch (const Error& e) {
    out += fmt::format("exit {}: {}", static_cast<int>(e.code()), e.what());
  }
  return out;
}

// Reads the sheet both ways and returns the scanner's outcome after checking it is expat's.
std::string same_both_ways(const std::string& sheet, const ReadLimits& limits = {}, int64_t stop_after = -1) {
  std::string path = write_book(sheet);
  std::string scanned = outcome(path, true, limits, stop_after);
  std::string expat = outcome(path, false, limits, stop_after);
  std::filesystem::remove(path);
  INFO("sheet: " << sheet.substr(0, 2000));
  REQUIRE(scanned == expat);
  return scanned;
}

std::string sheet_of(const std::string& rows, const std::string& after = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"r\"><dimension ref=\"A1:C3\"/><sheetData>" +
         rows + "</sheetData>" + after + "</worksheet>";
}

const std::string kRows =
    "<row r=\"1\" spans=\"1:6\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>44260</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>内联 &amp; &lt;x&gt; &quot;q&quot; &apos;a&apos; &#20013;&#x4E2D;&#x1F600;</t></is></c>"
    "<c r=\"D1\"><f>SUM(A1:A2)</f><v>3.5</v></c><c r=\"E1\" t=\"str\"><f t=\"shared\" si=\"0\"/><v>公式_x0041_</v></c>"
    "<c r=\"F1\" t=\"b\"><v>1</v></c></row>\n"
    "<row r=\"2\"><c r=\"A2\" t=\"e\"><v>#N/A</v></c><c r=\"B2\" t=\"d\"><v>2021-03-05T14:30:00</v></c>"
    "<c r=\"C2\" t=\"inlineStr\"><is><r><rPr><b/><sz val=\"11\"/></rPr><t>富</t></r><r><t xml:space=\"preserve\"> 文 </t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh></is></c><c r=\"D2\"><v>1E-3</v></c><c r=\"E2\"><v> 12 </v></c>"
    "<c r=\"F2\" s=\"1\"/><c r=\"G2\" t=\"s\"><v>2</v></c></row>\n"
    "<row r=\"4\"/><row><c><v>7</v></c><c/><c t=\"s\"><v>1</v></c></row>"
    "<row r='9' ht='20'\n  customHeight='1'><c s='1' t='n' r='B9'><v>1.25</v></c><c\tt=\"inlineStr\"\nr=\"D9\"><is><t>a\tb\nc</t></is></c></row>";

}  // namespace

TEST_CASE("sheet scanner: the cells of every kind, as expat reads them") {
  std::string out = same_both_ways(sheet_of(kRows, "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>"));
  CHECK(out.find("row 1:") != std::string::npos);
  CHECK(out.find("内联 & <x> \\\"q\\\" 'a' 中中😀") != std::string::npos);
  CHECK(out.find("富 文 ") != std::string::npos);
  CHECK(out.ends_with("ok"));
}

TEST_CASE("sheet scanner: what it leaves to expat reads as expat reads it") {
  const char* odd[] = {
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><!-- a comment --><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><!-- in a cell --><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v><![CDATA[12]]></v></c></row>",
      "<row r=\"1\"><?pi x?><c r=\"A1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1\r\n</v></c></row>\r\n<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a]]>b</t></is></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a]>b ]] > c</t></is></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>&foo;</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>&#0;</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>&#xD800;</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>&#X41;</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>&#13;&#9;&#xFFFD;&#x10FFFF;</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>&#x110000;</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>\x01</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>\xff</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>\xef\xbf\xbe</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>\xed\xa0\x80</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>\xe4\xb8</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"t=\"n\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A&amp;1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" x=\"a\tb\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" x=\"a<b\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" x=\"a>b\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</c></v></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></rows>",
      "<row r=\"1\"><c r=\"A1\"><rows>1</rows><v>2</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row ><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v >1</v ></c ></row>",
      "<row r=\"1\"><c r=\"A1\"/ ></row>",
      "<row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></row>",
      "<row r=\"1\"><c r=\"A1\"><x:v>1</v></c></row>",
      "<row r=\"1\"><d r=\"A1\"><v>1</v></d></row>",
      "<row r=\"1\"><c r=\"A1\"><c r=\"B1\"><v>1</v></c></c></row>",
      "<row r=\"1\"><c r=\"A1\"><row r=\"5\"><c><v>1</v></c></row></c></row>",
      "<row r=\"1\"><c r=\"A1\"><rPh><t>x</t></rPh><v>1</v></c></row><row r=\"2\"><rPh/></row>"
      "<row r=\"3\"><rPh></rPh><c r=\"A3\" t=\"inlineStr\"><is><t>lost</t></is></c></row>",
      "<c r=\"A1\"><v>outside a row</v></c><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
      "text between rows<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>",
      "<row r=\"x\"><c r=\"A1\"><v>1</v></c></row>",
      "<row r=\"0\"><c r=\"A1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"ZZZZZ1\"><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>x</v></c></row>",
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v></v></c><c r=\"B1\"><v/></c><c r=\"C1\" t=\"b\"><v>true</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048577\"><c><v>1</v></c></row>",
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>trailing",
  };
  for (const char* rows : odd) same_both_ways(sheet_of(rows));
  // sheets whose <sheetData> the scanner does not take
  same_both_ways(sheet_of("").replace(sheet_of("").find("<sheetData></sheetData>"), 23, "<sheetData/>"));
  same_both_ways("<x:worksheet xmlns:x=\"m\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row>"
                 "</x:sheetData></x:worksheet>");
  same_both_ways("<worksheet><!-- <sheetData> --><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>");
  same_both_ways("<worksheet><sheetData ><row><c><v>1</v></c></row></sheetData></worksheet>");
  same_both_ways("<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet><sheetData><row><c><v>&a;</v></c></row></sheetData></worksheet>");
  same_both_ways("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>\xe9</t>"
                 "</is></c></row></sheetData></worksheet>");
  same_both_ways("<worksheet><row><c><v>1</v></c></row><sheetData><c><v>2</v></c></sheetData></worksheet>");
  // stopped by the reader after a row
  same_both_ways(sheet_of(kRows), {}, 2);
}

TEST_CASE("sheet scanner: a sheet cut or changed at every byte reads as expat reads it") {
  std::string sheet = sheet_of(kRows);
  for (size_t cut = 0; cut <= sheet.size(); ++cut) same_both_ways(sheet.substr(0, cut));
  const char swaps[] = {'<', '>', '&', '"', '\'', '/', '\r', '\x01', '\xff', ' ', '\n', ';', '='};
  size_t from = sheet.find("<sheetData>");
  for (size_t at = from; at < sheet.size(); at += 3)
    for (char c : swaps) {
      std::string changed = sheet;
      changed[at] = c;
      same_both_ways(changed);
    }
}

TEST_CASE("sheet scanner: long generated sheets, rows cut by the pieces the zip is read in") {
  std::mt19937 rng(20261203);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* texts[] = {"受理日期", "a&amp;b", "&#x4E2D;&#20013;", "  sp  ", "x\ny", "&lt;tag&gt;", "", "_x000D_"};
  for (int sheet_no = 0; sheet_no < 6; ++sheet_no) {
    std::string rows;
    int64_t r = 0;
    while (rows.size() < 700'000) {
      r += 1 + pick(3);
      bool with_r = pick(10) != 0;
      rows += with_r ? fmt::format("<row r=\"{}\"{}>", r, pick(2) ? " spans=\"1:9\"" : "") : std::string("<row>");
      if (!with_r) r = -1000000;  // (row numbers now follow the file's own)
      int cells = pick(12);
      for (int c = 0; c < cells; ++c) {
        std::string ref = pick(8) ? fmt::format(" r=\"{}{}\"", static_cast<char>('A' + c), r > 0 ? r : 1) : "";
        if (r <= 0) ref.clear();
        switch (pick(8)) {
          case 0: rows += fmt::format("<c{} t=\"s\"><v>{}</v></c>", ref, pick(3)); break;
          case 1: rows += fmt::format("<c{} s=\"1\"><v>{}</v></c>", ref, 40000 + pick(9000)); break;
          case 2: rows += fmt::format("<c{}><v>{}.{}</v></c>", ref, pick(100000), pick(100)); break;
          case 3: rows += fmt::format("<c{} t=\"inlineStr\"><is><t>{}</t></is></c>", ref, texts[pick(8)]); break;
          case 4: rows += fmt::format("<c{}/>", ref); break;
          case 5: rows += fmt::format("<c s='1'{} t='n'>\n<v>{}</v>\n</c>", ref, pick(60000)); break;
          case 6: rows += fmt::format("<c{} t=\"str\"><f>A1&amp;B1</f><v>{}</v></c>", ref, texts[pick(8)]); break;
          default: rows += fmt::format("<c{} t=\"b\"><v>{}</v></c>", ref, pick(2)); break;
        }
      }
      rows += pick(2) ? "</row>\n" : "</row>";
      if (r < 0) r = 0;
    }
    std::string sheet = sheet_of(rows);
    same_both_ways(sheet);
    // and broken somewhere far in: the message names the same line
    std::string broken = sheet;
    broken.insert(broken.size() / 2 + static_cast<size_t>(pick(1000)), sheet_no % 2 ? "<!-- x -->" : "<v>");
    same_both_ways(broken);
    same_both_ways(sheet.substr(0, sheet.size() / 3 + static_cast<size_t>(pick(100000))));
  }
}

TEST_CASE("sheet scanner: huge rows and the bounds") {
  // a row longer than the scanner keeps: expat reads it
  std::string big = "<row r=\"1\">";
  for (int c = 0; c < 12; ++c) big += fmt::format("<c t=\"inlineStr\"><is><t>{}</t></is></c>", std::string(1 << 20, static_cast<char>('a' + c)));
  big += "</row><row r=\"2\"><c><v>2</v></c></row>";
  same_both_ways(sheet_of(big));
  // a text and a tag longer than --max-field-mib allows, across the zip's pieces
  ReadLimits small;
  small.max_field_bytes = 1000;
  std::string rows;
  for (int i = 1; i <= 20000; ++i) rows += fmt::format("<row r=\"{}\"><c r=\"A{}\"><v>{}</v></c></row>", i, i, i);
  std::string long_text = rows, long_tag = rows, long_ref = rows;
  long_text.insert(long_text.find("<row r=\"15000\">"), "<row r=\"14999\"><c t=\"inlineStr\"><is><t>" +
                                                           std::string(5000, 'x') + "</t></is></c></row>");
  long_tag.insert(long_tag.find("<row r=\"15000\">"), "<row r=\"14999\"><c x=\"" + std::string(300'000, 'y') + "\"/></row>");
  long_ref.insert(long_ref.find("<row r=\"15000\">"), "<row r=\"14999\"><c><v>&" + std::string(300'000, 'z') + ";</v></c></row>");
  CHECK(same_both_ways(sheet_of(long_text), small).find("longer than 1000 bytes") != std::string::npos);
  CHECK(same_both_ways(sheet_of(long_tag), small).find("--max-field-mib") != std::string::npos);
  CHECK(same_both_ways(sheet_of(long_ref), small).find("--max-field-mib") != std::string::npos);
  ReadLimits few_rows;
  few_rows.max_rows = 100;
  same_both_ways(sheet_of(rows), few_rows);
  ReadLimits narrow;
  narrow.max_columns = 3;
  same_both_ways(sheet_of("<row><c/><c/><c/><c><v>1</v></c></row>"), narrow);
}
