// The workbook writer, checked by reading the file back: with casestat's own xlsx reader for the
// cells, and the raw XML parts for what a reader does not report (formats, print setup).
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "../store/temp_dir.hpp"
#include "core/error.hpp"
#include "core/input.hpp"
#include "read/workbook.hpp"
#include "read/xlsx_zip.hpp"
#include "render/workbook.hpp"

using casestat::render::write_workbook;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json load(const std::string& name) {
  std::ifstream in(std::string(CASESTAT_TEST_DATA) + "/render/" + name);
  REQUIRE(in);
  return json::parse(in);
}

std::string default_layout() { return std::string(CASESTAT_TEMPLATES_DIR) + "/half-year/workbook.toml"; }

const casestat::render::SiteSettings kSite = {{"area", "江州市"}, {"org", "江州市人民检察院"}, {"author", "案管办"}};

using Sheet = std::vector<std::vector<casestat::Cell>>;  // rows from 1, as Excel numbers them

std::vector<std::pair<std::string, Sheet>> read_back(const std::string& path) {
  casestat::Input input(path);
  auto book = casestat::open_xlsx(input, {});
  std::vector<std::pair<std::string, Sheet>> out;
  for (size_t i = 0; i < book->sheet_names().size(); ++i) {
    Sheet sheet;
    book->read_sheet(i, [&](const casestat::Row& row) {
      if (sheet.size() <= static_cast<size_t>(row.number)) sheet.resize(static_cast<size_t>(row.number) + 1);
      sheet[static_cast<size_t>(row.number)] = row.cells;
      return true;
    });
    out.emplace_back(book->sheet_names()[i], std::move(sheet));
  }
  return out;
}

const casestat::Cell& at(const Sheet& s, size_t row, size_t col) {
  static const casestat::Cell empty;
  if (row >= s.size() || col >= s[row].size()) return empty;
  return s[row][col];
}

std::string part(const std::string& path, const std::string& member) {
  casestat::XlsxZip zip(path, path, 64u << 20);
  return zip.read_all(member);
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The number format of a cell of a sheet part, by its style index: "0", "0.00", ...
std::string number_format_of(const std::string& styles, const std::string& sheet_xml, const std::string& ref) {
  std::smatch m;
  std::regex cell("<c r=\"" + ref + "\" s=\"([0-9]+)\"");
  if (!std::regex_search(sheet_xml, m, cell)) return "(no style)";
  int xf = std::stoi(m[1]);
  std::string xfs = styles.substr(styles.find("<cellXfs"));
  std::regex xf_re("<xf numFmtId=\"([0-9]+)\"");
  auto it = std::sregex_iterator(xfs.begin(), xfs.end(), xf_re);
  for (int i = 0; i < xf && it != std::sregex_iterator(); ++i) ++it;
  REQUIRE(it != std::sregex_iterator());
  std::string id = (*it)[1];
  if (id == "0") return "General";
  std::regex fmt_re("<numFmt numFmtId=\"" + id + "\" formatCode=\"([^\"]*)\"");
  if (std::regex_search(styles, m, fmt_re)) return m[1];
  return "builtin " + id;
}

}  // namespace

TEST_CASE("every figure of the summary and of the offices equals the indicators JSON") {
  TempDir dir;
  json data = load("full.json");
  write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
  auto sheets = read_back(dir.file("a.xlsx"));
  REQUIRE(sheets.size() == 3);
  CHECK(sheets[0].first == "主要指标");
  CHECK(sheets[1].first == "各院情况");
  CHECK(sheets[2].first == "图表数据");  // the chart's figures, off the printed pages

  const Sheet& summary = sheets[0].second;
  CHECK(at(summary, 1, 0).text == "江州市检察机关2025年上半年主要业务数据");
  CHECK(at(summary, 3, 3).text == "2025年上半年");
  CHECK(at(summary, 3, 4).text == "2024年上半年");
  CHECK(at(summary, 3, 5).text == "同比增减");
  std::map<std::string, json> by_name;
  for (const auto& i : data["indicators"]) by_name[i["name"]] = i;
  size_t rows = 0;
  std::string section;  // merged down its rows: the text is in the first
  for (size_t r = 4; r < summary.size() && !at(summary, r, 1).text.empty(); ++r) {
    if (!at(summary, r, 0).text.empty()) section = at(summary, r, 0).text;
    const json& i = by_name.at(at(summary, r, 1).text);
    INFO("row " << r << " " << i["id"]);
    double scale = i["unit"] == "万元" ? 10000.0 : 1.0;
    REQUIRE(at(summary, r, 3).type == casestat::Cell::Type::number);
    CHECK(at(summary, r, 3).number * scale == Approx(i["value"].get<double>()));
    CHECK(at(summary, r, 4).number * scale == Approx(i["base"].get<double>()));
    CHECK(at(summary, r, 5).number == Approx(i["change"].get<double>()));  // points for rates, as the JSON
    CHECK(at(summary, r, 6).text == i["change_text"]);
    CHECK(section == i["section"]);
    ++rows;
  }
  CHECK(rows == data["indicators"].size());

  const Sheet& offices = sheets[1].second;
  // Two header rows: the indicator (name and unit on two lines) over its 本期, 去年同期, 增减.
  CHECK(at(offices, 3, 0).text == "单位");
  CHECK(at(offices, 3, 1).text == "受理案件\n（件）");
  CHECK(at(offices, 4, 1).text == "本期");
  CHECK(at(offices, 4, 2).text == "去年同期");
  CHECK(at(offices, 4, 3).text == "同比增减");
  CHECK(at(offices, 3, 4).text == "办结案件\n（件）");
  std::map<std::string, std::string> id_of_header;
  for (const auto& i : data["indicators"])
    id_of_header[i["name"].get<std::string>() + "\n（" + i["unit"].get<std::string>() + "）"] = i["id"];
  std::map<std::string, std::string> unit_of;
  for (const auto& i : data["indicators"]) unit_of[i["id"]] = i["unit"];
  size_t groups = data["groups"].size();
  size_t checked = 0;
  for (size_t g = 0; g < groups; ++g) {
    const json& group = data["groups"][g];
    size_t r = 5 + g;
    CHECK(at(offices, r, 0).text == group["name"]);
    std::string id;
    for (size_t c = 1; c < offices[4].size(); ++c) {
      std::string head = at(offices, 3, c).text, sub = at(offices, 4, c).text;
      if (id_of_header.count(head)) id = id_of_header[head];
      json gi;
      for (const auto& x : group["indicators"])
        if (x["id"] == id) gi = x;
      INFO(group["name"] << " " << id << " " << sub);
      const json& expected = sub == "本期" ? gi["value"] : sub == "去年同期" ? gi["base"] : gi["change"];
      REQUIRE((sub == "本期" || sub == "去年同期" || sub == "同比增减"));
      double scale = sub != "同比增减" && unit_of[id] == "万元" ? 10000.0 : 1.0;
      if (expected.is_null()) {  // no change against a base of 0
        CHECK(at(offices, r, c).text == "—");
        ++checked;
        continue;
      }
      REQUIRE(at(offices, r, c).type == casestat::Cell::Type::number);
      CHECK(at(offices, r, c).number * scale == Approx(expected.get<double>()));
      ++checked;
    }
  }
  CHECK(checked == groups * 10 * 3);  // ten indicators, three columns each
  // The 合计 row holds the totals as computed, not sums.
  CHECK(at(offices, 5 + groups, 0).text == "合计");
  CHECK(at(offices, 5 + groups, 1).number == 800);
  CHECK(at(offices, 5 + groups, 2).number == 760);
}

TEST_CASE("the same input gives the same bytes; the creation time is the data's date") {
  TempDir dir;
  json data = load("full.json");
  write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
  write_workbook(data, default_layout(), dir.file("b.xlsx"), kSite);
  CHECK(file_bytes(dir.file("a.xlsx")) == file_bytes(dir.file("b.xlsx")));
  std::string core = part(dir.file("a.xlsx"), "docProps/core.xml");
  CHECK(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T00:00:00Z</dcterms:created>") !=
        std::string::npos);
  CHECK(core.find("<dc:title>江州市检察机关2025年上半年主要业务数据</dc:title>") != std::string::npos);
  CHECK(core.find("<dc:creator>案管办</dc:creator>") != std::string::npos);
  CHECK(part(dir.file("a.xlsx"), "docProps/app.xml").find("<Company>江州市人民检察院</Company>") != std::string::npos);
  // Another date in the data is another creation time, and so other bytes.
  data["generated_on"] = "2026-12-01";
  write_workbook(data, default_layout(), dir.file("c.xlsx"), kSite);
  CHECK(file_bytes(dir.file("a.xlsx")) != file_bytes(dir.file("c.xlsx")));
  // An unreadable date still gives a fixed time, not "now".
  data["generated_on"] = "soon";
  write_workbook(data, default_layout(), dir.file("d.xlsx"), kSite);
  CHECK(part(dir.file("d.xlsx"), "docProps/core.xml").find("2000-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("numbers carry formats by unit; changes of rates are in 个百分点") {
  TempDir dir;
  write_workbook(load("full.json"), default_layout(), dir.file("a.xlsx"), kSite);
  std::string styles = part(dir.file("a.xlsx"), "xl/styles.xml");
  std::string sheet1 = part(dir.file("a.xlsx"), "xl/worksheets/sheet1.xml");
  std::string sheet2 = part(dir.file("a.xlsx"), "xl/worksheets/sheet2.xml");
  // Each figure shows the decimals the text shows (wording.hpp), a trailing .0 or 0 dropped.
  // Summary row 4 is 受理案件 (件); per office, T is 发放救助金 (万元), K-M 整改到位率 (%) with
  // its change in points, P the change of 制发检察建议; row 8 the 合计.
  CHECK(number_format_of(styles, sheet1, "D4") == "0");
  CHECK(number_format_of(styles, sheet1, "F4") == "0.0%");         // 0.0526: 5.3%
  CHECK(number_format_of(styles, sheet2, "T8") == "0.00");         // 303.83405 万元: 303.83
  CHECK(number_format_of(styles, sheet2, "T7") == "0");            // 100 万元
  CHECK(number_format_of(styles, sheet2, "K8") == "0%");           // 0.79: 79%, not 79.0%
  CHECK(number_format_of(styles, sheet2, "L8") == "0.0%");         // 0.7444: 74.4%
  CHECK(number_format_of(styles, sheet2, "P5") == "0%");           // 1: 100%
  CHECK(number_format_of(styles, sheet2, "M8") == "0.0&quot;个百分点&quot;");  // 4.6
  CHECK(number_format_of(styles, sheet2, "S8") == "0&quot;个百分点&quot;");    // -2
  // No cell of any sheet is a formula.
  CHECK(sheet1.find("<f>") == std::string::npos);
  CHECK(sheet2.find("<f>") == std::string::npos);
  // Print setup of the per-office sheet: A4 landscape, not shrunk to one page wide (a scale of
  // 75% or more), split between indicators, the office column and both header rows repeated.
  CHECK(sheet2.find("paperSize=\"9\"") != std::string::npos);
  CHECK(sheet2.find("orientation=\"landscape\"") != std::string::npos);
  CHECK(sheet2.find("fitToPage") == std::string::npos);
  std::smatch scale;
  REQUIRE(std::regex_search(sheet2, scale, std::regex("scale=\"([0-9]+)\"")));
  CHECK(std::stoi(scale[1]) >= 75);
  CHECK(sheet2.find("<colBreaks") != std::string::npos);
  CHECK(sheet2.find("<pane xSplit=\"1\" ySplit=\"4\" topLeftCell=\"B5\"") != std::string::npos);
  CHECK(part(dir.file("a.xlsx"), "xl/workbook.xml").find("'各院情况'!$A:$A,'各院情况'!$3:$4") != std::string::npos);
}

TEST_CASE("the lowest offices are marked with a rule of the right size; negative changes in red") {
  TempDir dir;
  json data = load("full.json");
  write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
  std::string sheet2 = part(dir.file("a.xlsx"), "xl/worksheets/sheet2.xml");
  // Three offices: mark_lowest = 3 would mark them all, so at most half (1) are marked.
  CHECK(sheet2.find("<formula>AND(ISNUMBER(B5),SUMPRODUCT(--($B$5:$B$7&lt;=B5))&lt;=1)</formula>") != std::string::npos);
  CHECK(sheet2.find("type=\"top10\"") == std::string::npos);  // libxlsxwriter 1.1.4's broken bottom-N rule
  CHECK(sheet2.find("<conditionalFormatting sqref=\"D5:D8\"><cfRule type=\"cellIs\"") != std::string::npos);
  // With twelve offices the layout's 3 holds.
  json many = data;
  many["groups"] = json::array();
  for (int i = 0; i < 12; ++i) {
    json g = data["groups"][static_cast<size_t>(i % 3)];
    g["name"] = "院" + std::to_string(i);
    many["groups"].push_back(g);
  }
  write_workbook(many, default_layout(), dir.file("b.xlsx"), kSite);
  CHECK(part(dir.file("b.xlsx"), "xl/worksheets/sheet2.xml").find("SUMPRODUCT(--($B$5:$B$16&lt;=B5))&lt;=3)") !=
        std::string::npos);
}

TEST_CASE("text that looks like a formula is written as text") {
  TempDir dir;
  json data = load("full.json");
  data["groups"][0]["name"] = "=HYPERLINK(\"http://example.com\",\"x\")";
  data["indicators"][0]["name"] = "+SUM(A1:A9)";
  write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
  auto sheets = read_back(dir.file("a.xlsx"));
  CHECK(at(sheets[1].second, 5, 0).type == casestat::Cell::Type::text);
  CHECK(at(sheets[1].second, 5, 0).text == "=HYPERLINK(\"http://example.com\",\"x\")");
  CHECK(at(sheets[0].second, 4, 1).text == "+SUM(A1:A9)");
  for (const char* member : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"})
    CHECK(part(dir.file("a.xlsx"), member).find("<f>") == std::string::npos);
}

TEST_CASE("without a base the sheets have no base and no change columns") {
  TempDir dir;
  json data = load("full.json");
  data["base"] = nullptr;
  for (auto& i : data["indicators"]) i["base"] = i["change"] = nullptr;
  write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
  auto sheets = read_back(dir.file("a.xlsx"));
  CHECK(at(sheets[0].second, 3, 3).text == "2025年上半年");
  CHECK(at(sheets[0].second, 3, 4).empty());
  CHECK(at(sheets[0].second, 2, 0).text.find("对比期间：无") != std::string::npos);
  CHECK(at(sheets[1].second, 3, 2).text == "办结案件\n（件）");  // this period's figure only
  CHECK(at(sheets[1].second, 4, 1).empty());
  // A document without the key at all is the same.
  data.erase("base");
  write_workbook(data, default_layout(), dir.file("b.xlsx"), kSite);
  CHECK(at(read_back(dir.file("b.xlsx"))[0].second, 3, 4).empty());
}

TEST_CASE("missing figures are written as — and unexpected shapes do not crash") {
  TempDir dir;
  json data = load("full.json");
  data["indicators"][0]["value"] = nullptr;        // a rate with no denominator looks like this
  data["indicators"][1]["value"] = "six hundred";  // hand-edited
  data["groups"][0]["indicators"] = json::array();  // an office with nothing
  write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
  auto sheets = read_back(dir.file("a.xlsx"));
  CHECK(at(sheets[0].second, 4, 3).text == "—");
  CHECK(at(sheets[0].second, 5, 3).text == "—");
  CHECK(at(sheets[1].second, 5, 1).text == "—");
}

TEST_CASE("a groups sheet on data without groups is a data error naming the layout line") {
  TempDir dir;
  json data = load("full.json");
  data.erase("groups");
  try {
    write_workbook(data, default_layout(), dir.file("a.xlsx"), kSite);
    FAIL("no error");
  } catch (const casestat::Error& e) {
    CHECK(e.code() == casestat::Exit::data);
    CHECK(std::string(e.what()) ==
          default_layout() + ": line 37: sheet \"各院情况\": it shows offices, but the indicators have no groups "
                             "(compute them with --by unit)");
  }
}
