// The workbook layout: what a site may write, and how its mistakes are reported (file and line).
#include <catch2/catch.hpp>

#include <fstream>

#include "../store/temp_dir.hpp"
#include "core/error.hpp"
#include "render/workbook_layout.hpp"

using casestat::render::fill_placeholders;
using casestat::render::load_layout;
using casestat::render::SheetSpec;
using nlohmann::json;

namespace {

json data() {
  return {{"period", {{"label", "2025年上半年"}, {"from", "2025-01-01"}, {"to", "2025-06-30"}}},
          {"base", {{"label", "2024年上半年"}, {"word", "同比"}}},
          {"generated_on", "2026-11-22"},
          {"catalog", "/srv/templates/indicators.toml"},
          {"sources", {{{"file", "案件信息.xlsx"}}, {{"file", "信访台账.csv"}}}},
          {"sections", {{{"name", "公益诉讼检察"}, {"ids", {"pil.filed"}}}, {{"name", "检察建议"}, {"ids", {"rec.issued", "rec.adoption_rate"}}}}},
          {"indicators", {{{"id", "pil.filed"}}, {{"id", "rec.issued"}}, {{"id", "rec.adoption_rate"}}}}};
}

struct LayoutFile {
  TempDir dir;
  std::string path = dir.file("layout.toml");
  explicit LayoutFile(const std::string& text) { std::ofstream(path) << text; }
};

// The message of the error loading `text` throws, checking it is a data error.
std::string error_of(const std::string& text, const json& d = data()) {
  LayoutFile f(text);
  try {
    load_layout(f.path, d);
  } catch (const casestat::Error& e) {
    CHECK(e.code() == casestat::Exit::data);
    std::string what = e.what();
    CHECK(what.rfind(f.path + ": ", 0) == 0);  // the message starts with the file
    return what.substr(f.path.size() + 2);
  }
  FAIL("no error for:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("a layout is read into sheets with their options") {
  LayoutFile f(R"(title = "{period}数据"
footer = "&C第 &P 页"
[[sheet]]
name = "主要指标"
title = "{area}检察机关{period}"
sections = ["检察建议"]
chart = { title = "对比", indicators = ["pil.filed", "rec.issued"] }

[[sheet]]
name = "各院"
kind = "groups"
indicators = ["pil.filed", "rec.adoption_rate"]
columns = ["value", "change"]
rank = ["rec.adoption_rate"]
mark_lowest = 3
chart = { title = "各院", indicator = "pil.filed" }
)");
  auto layout = load_layout(f.path, data());
  CHECK(layout.title == "{period}数据");
  CHECK(layout.footer == "&C第 &P 页");
  REQUIRE(layout.sheets.size() == 2);
  const SheetSpec& summary = layout.sheets[0];
  CHECK(summary.kind == SheetSpec::Kind::summary);
  CHECK(summary.line == 3);
  CHECK(summary.sections == std::vector<std::string>{"检察建议"});
  CHECK(summary.has_chart);
  CHECK(summary.chart.indicators == std::vector<std::string>{"pil.filed", "rec.issued"});
  const SheetSpec& groups = layout.sheets[1];
  CHECK(groups.kind == SheetSpec::Kind::groups);
  CHECK(groups.line == 9);
  CHECK(groups.columns == std::vector<std::string>{"value", "change"});
  CHECK(groups.rank == std::vector<std::string>{"rec.adoption_rate"});
  CHECK(groups.lowest == std::vector<std::string>{"rec.adoption_rate"});  // rank's, when not given
  CHECK(groups.mark_lowest == 3);
  CHECK(groups.chart.indicator == "pil.filed");
}

TEST_CASE("the default layouts load against the full fixture") {
  std::ifstream in(std::string(CASESTAT_TEST_DATA) + "/render/full.json");
  json full = json::parse(in);
  for (const char* folder : {"half-year", "quarterly"}) {
    auto layout = load_layout(std::string(CASESTAT_TEMPLATES_DIR) + "/" + folder + "/workbook.toml", full);
    REQUIRE(layout.sheets.size() == 2);
    CHECK(layout.sheets[1].kind == SheetSpec::Kind::groups);
    CHECK(layout.sheets[1].rank.empty());  // no ranks by default
    CHECK(layout.sheets[1].columns == std::vector<std::string>{"value", "base", "change"});
    CHECK(layout.sheets[1].mark_lowest == 3);
    CHECK(layout.sheets[1].lowest.size() == 4);
  }
}

TEST_CASE("layout mistakes name the line and what is wrong") {
  CHECK(error_of("[[sheet]]\nname = \"x\"\ncolour = \"red\"\n") ==
        "line 3: unknown key \"colour\" (expected name, kind, title, subtitle, sections, indicators, columns, rank, "
        "lowest, mark_lowest, chart)");
  CHECK(error_of("titel = \"x\"\n[[sheet]]\nname = \"x\"\n").find("line 1: unknown key \"titel\"") == 0);
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nindicators = [\"pil.filed\",\n  \"pil.filedd\"]\n") ==
        "line 5: unknown indicator id \"pil.filedd\" (not in the indicators)");
  CHECK(error_of("[[sheet]]\nname = 3\n") == "line 2: name must be text in quotes");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nrank = [\"pil.filed\"]\nmark_lowest = \"3\"\n") ==
        "line 5: mark_lowest must be a whole number from 0 to 100");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nrank = [\"pil.filed\"]\nmark_lowest = 2.5\n") ==
        "line 5: mark_lowest must be a whole number from 0 to 100");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nmark_lowest = 3\n") ==
        "line 4: mark_lowest needs the indicators whose lowest offices it marks: add lowest = [...]");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\ncolumns = [\"value\", \"rank\"]\n") ==
        "line 4: columns: \"rank\" is not value (本期), base (去年同期) or change (增减)");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\ncolumns = [\"base\"]\nlowest = [\"pil.filed\"]\n"
                 "mark_lowest = 1\n") == "line 6: mark_lowest marks this period's figures: columns needs \"value\"");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nindicators = \"pil.filed\"\n") ==
        "line 4: indicators must be a list, e.g. [\"pil.filed\", \"rec.issued\"]");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nindicators = [1]\n") ==
        "line 4: indicators must list texts in quotes");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nindicators = [\"pil.filed\"]\nlowest = [\"rec.issued\"]\n") ==
        "line 5: lowest: \"rec.issued\" is not one of the sheet's indicators");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nsections = [\"刑事检察\"]\n") ==
        "line 3: unknown section \"刑事检察\" (the indicators have: 公益诉讼检察、检察建议)");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nrank = [\"pil.filed\"]\n") == "line 3: rank is for kind = \"groups\" sheets");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nsections = [\"检察建议\"]\n") ==
        "line 4: sections is for kind = \"summary\" sheets");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"table\"\n") ==
        "line 3: sheet x: unknown kind \"table\" (expected summary or groups)");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nchart = { title = \"t\" }\n") ==
        "line 3: the chart of a summary sheet needs indicators = [...]");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nkind = \"groups\"\nchart = { title = \"t\" }\n") ==
        "line 4: the chart of a groups sheet needs indicator = \"...\"");
  CHECK(error_of("[[sheet]]\nname = \"x\"\nchart = { indicators = [\"pil.filed\"], type = \"pie\" }\n")
            .find("line 3: unknown key \"type\"") == 0);
  CHECK(error_of("title = \"x\"\n") == "has no [[sheet]]");
  CHECK(error_of("sheet = 3\n") == "line 1: sheets are written [[sheet]], one per sheet");
  CHECK(error_of("[[sheet]]\nname = \"x\n").find("line 2: ") == 0);  // TOML syntax
}

TEST_CASE("sheet names follow Excel's rules, with the line") {
  CHECK(error_of("[[sheet]]\ntitle = \"t\"\n") == "line 1: a sheet needs name = \"...\"");
  CHECK(error_of("[[sheet]]\nname = \"a/b\"\n") ==
        "line 2: sheet name \"a/b\" has a character Excel refuses ([ ] : * ? / \\)");
  CHECK(error_of("[[sheet]]\nname = \"'a\"\n") == "line 2: sheet name \"'a\" starts or ends with ', which Excel refuses");
  // 31 characters are counted as characters, not bytes: 31 CJK characters are fine, 32 are not.
  std::string name31;
  for (int i = 0; i < 31; ++i) name31 += "院";
  LayoutFile ok("[[sheet]]\nname = \"" + name31 + "\"\n");
  CHECK(load_layout(ok.path, data()).sheets[0].name == name31);
  CHECK(error_of("[[sheet]]\nname = \"" + name31 + "院\"\n").find("is longer than Excel's 31 characters") !=
        std::string::npos);
  CHECK(error_of("[[sheet]]\nname = \"Data\"\n[[sheet]]\nname = \"data\"\n") == "line 4: two sheets are named \"data\"");
}

TEST_CASE("a document without sections still has its indicators' sections") {
  json d = {{"indicators", {{{"id", "a"}, {"section", "甲"}}, {{"id", "b"}, {"section", "乙"}}}}};
  LayoutFile f("[[sheet]]\nname = \"x\"\nsections = [\"乙\"]\n");
  CHECK(load_layout(f.path, d).sheets[0].sections == std::vector<std::string>{"乙"});
  CHECK(error_of("[[sheet]]\nname = \"x\"\nsections = [\"丙\"]\n", d) ==
        "line 3: unknown section \"丙\" (the indicators have: 甲、乙)");
}

TEST_CASE("placeholders are filled from the data and the site") {
  casestat::render::SiteSettings site = {{"area", "江州市"}, {"org", "A&B院"}};
  CHECK(fill_placeholders("{area}{period}，{from}至{to}，{compare}", data(), site) ==
        "江州市2025年上半年，2025-01-01至2025-06-30，2024年上半年（同比）");
  CHECK(fill_placeholders("{sources}|{catalog}|{generated_on}|{base}{word}", data(), site) ==
        "案件信息.xlsx、信访台账.csv|indicators.toml|2026-11-22|2024年上半年同比");
  // Unknown names and lone braces stay as written.
  CHECK(fill_placeholders("{nope} {period", data(), site) == "{nope} {period");
  // In a footer, & from a value is doubled; the layout's own codes stay.
  CHECK(fill_placeholders("&L{org}&R&P", data(), site, true) == "&LA&&B院&R&P");
  CHECK(fill_placeholders("&L{org}", data(), site) == "&LA&B院");
  json none = data();
  none["base"] = nullptr;
  none.erase("sources");
  CHECK(fill_placeholders("{compare}|{base}|{sources}", none, site) == "无||（无）");
  // A document of the wrong shape gives empty values, not a crash.
  CHECK(fill_placeholders("[{period}{from}]", json::array(), site) == "[]");
  CHECK(fill_placeholders("[{period}]", json{{"period", 3}}, site) == "[]");
}
