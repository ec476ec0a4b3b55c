// The SVG charts of the bulletin: well-formed, escaped, deterministic, drawn to scale, and named
// as templates/partials/charts.mustache and casestat-bulletin expect.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "../store/temp_dir.hpp"
#include "render/charts.hpp"

using namespace casestat::render;
using nlohmann::json;

namespace {

json load(const std::string& name) {
  std::ifstream in(std::string(CASESTAT_TEST_DATA) + "/render/" + name);
  REQUIRE(in);
  return json::parse(in);
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The heights of the bars (rect elements other than the background and the legend squares).
std::vector<int> bar_sizes(const std::string& svg, const char* attribute) {
  std::vector<int> out;
  std::regex bar(std::string("<rect x=\"[0-9]+\" y=\"[0-9]+\" width=\"([0-9]+)\" height=\"([0-9]+)\" fill=\"#"));
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it) {
    int w = std::stoi((*it)[1]), h = std::stoi((*it)[2]);
    if (w == 14 && h == 14) continue;  // legend
    out.push_back(std::string(attribute) == "height" ? h : w);
  }
  return out;
}

// Crude well-formedness: every element opened is closed, and no raw & < > in text.
void check_well_formed(const std::string& svg) {
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
  CHECK(count(svg, "<text") == count(svg, "</text>"));
  std::regex text_content(">([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_content); it != std::sregex_iterator(); ++it) {
    std::string t = (*it)[1];
    CHECK(t.find('<') == std::string::npos);
    CHECK(t.find('>') == std::string::npos);
    CHECK(std::regex_replace(t, std::regex("&(amp|lt|gt|quot|apos);"), "").find('&') == std::string::npos);
  }
}

}  // namespace

TEST_CASE("xml_escape escapes markup and replaces characters XML forbids") {
  CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("江州\x01市") == "江州\xEF\xBF\xBD市");
  CHECK(xml_escape("江州\xEF\xBF\xBE市\xFF") == "江州\xEF\xBF\xBD市\xEF\xBF\xBD");
  CHECK(xml_escape("tab\there") == "tab\there");
}

TEST_CASE("the main indicators chart: grouped bars to scale, CJK labels, a font fallback list") {
  json data = load("full.json");
  std::string svg = main_indicators_svg(data, {"cases.received", "pil.filed", "rec.issued"});
  check_well_formed(svg);
  CHECK(svg.find("font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei'") != std::string::npos);
  CHECK(svg.find("sans-serif\"") != std::string::npos);
  CHECK(svg.find(">2025年上半年主要业务数据（与2024年上半年对比）</text>") != std::string::npos);
  CHECK(svg.find(">公益诉讼立案</text>") != std::string::npos);
  // Bars: this period and the base for each: 800/760, 121/120, 75/40 on a scale up to 1000 (300 px).
  auto heights = bar_sizes(svg, "height");
  REQUIRE(heights.size() == 6);
  CHECK(heights[0] == 240);  // 800 of 1000
  CHECK(heights[1] == 228);  // 760
  CHECK(heights[4] == 23);   // 75 -> 22.5, rounded
  CHECK(heights[5] == 12);   // 40
  CHECK(svg.find(">800</text>") != std::string::npos);
  // Deterministic.
  CHECK(svg == main_indicators_svg(data, {"cases.received", "pil.filed", "rec.issued"}));
}

TEST_CASE("names with markup are escaped; long names wrap onto two lines") {
  json data = load("full.json");
  data["indicators"][0]["name"] = "受理<案件>&\"七日内程序性回复\"";
  data["period"]["label"] = "2025年<上半年>";
  std::string svg = main_indicators_svg(data, {"cases.received"});
  check_well_formed(svg);
  CHECK(svg.find("2025年&lt;上半年&gt;") != std::string::npos);
  CHECK(svg.find("受理&lt;案件&gt;&amp;&quot;") != std::string::npos);  // first line
  CHECK(svg.find(">日内程序性回复&quot;</text>") != std::string::npos);          // second line
}

TEST_CASE("without a base only this period's bars are drawn") {
  json data = load("full.json");
  data["base"] = nullptr;
  std::string svg = main_indicators_svg(data, {"cases.received", "pil.filed"});
  check_well_formed(svg);
  CHECK(bar_sizes(svg, "height").size() == 2);
  CHECK(svg.find("对比") == std::string::npos);
}

TEST_CASE("one indicator by office: highest first, labels as the bulletin prints them") {
  json data = load("full.json");
  std::string svg = by_office_svg(data, "cases.received");
  check_well_formed(svg);
  CHECK(svg.find(">2025年上半年各院受理案件（件）</text>") != std::string::npos);
  // 东湖区 420, 西湖区 230, 江州市院 150: in that order, widths to scale (420 of 500 -> 353 px of 420).
  size_t east = svg.find("江州市东湖区人民检察院"), west = svg.find("江州市西湖区人民检察院"),
         city = svg.find(">江州市人民检察院<");
  CHECK(east < west);
  CHECK(west < city);
  auto widths = bar_sizes(svg, "width");
  REQUIRE(widths.size() == 3);
  CHECK(widths[0] == 353);
  CHECK(widths[2] == 126);
  CHECK(svg.find(">420件</text>") != std::string::npos);
  // A rate without display text is shown as a percentage.
  for (auto& g : data["groups"])
    for (auto& i : g["indicators"]) i.erase("display");
  std::string rates = by_office_svg(data, "rec.adoption_rate");
  CHECK(rates.find(">70%</text>") != std::string::npos);
  CHECK(rates.find(">0.7</text>") == std::string::npos);
}

TEST_CASE("odd documents give a chart, not a crash") {
  CHECK_NOTHROW(by_office_svg(json::object(), "x"));
  CHECK_NOTHROW(main_indicators_svg(json::object(), {"x"}));
  json data = load("full.json");
  data["groups"][0]["indicators"] = "none";
  data["groups"][1] = 3;
  std::string svg = by_office_svg(data, "cases.received");
  check_well_formed(svg);
  CHECK(svg.find(">—</text>") != std::string::npos);
}

TEST_CASE("write_charts writes the files the bulletin embeds, atomically and identically twice") {
  TempDir a, b;
  json data = load("full.json");
  auto files = write_charts(data, a.path, "2025年上半年");
  REQUIRE(files.size() == 2);
  CHECK(files[0] == a.path / "2025年上半年-主要指标.svg");
  CHECK(files[1] == a.path / "2025年上半年-各院受理案件.svg");
  write_charts(data, b.path, "2025年上半年");
  for (const auto& f : files) {
    CHECK(read(f) == read(b.path / f.filename()));
    check_well_formed(read(f));
  }
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(a.path)) ++entries;
  CHECK(entries == 2);  // no temporary file left
  // The main chart shows the main counts the catalog has, in their order.
  std::string main = read(files[0]);
  CHECK(main.find(">受理案件</text>") < main.find(">立案</text>"));
  CHECK(main.find(">受理信访</text>") != std::string::npos);
  // Without groups, only the main chart.
  data.erase("groups");
  TempDir c;
  CHECK(write_charts(data, c.path, "x").size() == 1);
}
