#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "render/text_model.hpp"

using casestat::render::build_text_model;
using nlohmann::json;

namespace {

json load(const std::string& name) {
  std::ifstream in(std::string(CASESTAT_TEST_DATA) + "/render/" + name);
  REQUIRE(in);
  return json::parse(in);
}

json indicator(const std::string& id, const json& extra = json::object()) {
  json i = {{"id", id}, {"name", id}, {"unit", "件"}, {"kind", "count"}, {"value", 1}, {"base", 1},
            {"change", 0.0}, {"direction", "flat"}, {"display", "1件"}, {"base_display", "1件"},
            {"change_text", "同比持平"}};
  i.update(extra);
  return i;
}

json doc_with(const json& indicators) {
  return {{"period", {{"id", "2025H1"}, {"label", "2025年上半年"}}}, {"base", nullptr}, {"indicators", indicators}};
}

}  // namespace

TEST_CASE("indicators are nested by the dots of their ids", "[render][model]") {
  auto m = build_text_model(load("small.json"), {}, "small.json");
  CHECK(m.data["pil"]["filed"]["display"] == "96件");
  CHECK(m.data["pil"]["filed"]["change_text"] == "同比下降4%");
  CHECK(m.data["hearings"]["display"] == "48件次");  // an id without a dot
  CHECK(m.data["rec"]["adoption_rate"]["change_text"] == "同比增加7个百分点");
  CHECK(m.data["period"]["label"] == "2025年上半年");
  CHECK(m.data["base"]["label"] == "2024年上半年");
  CHECK(m.data["pil"]["filed"]["with_change"] == "96件，同比下降4%");
  CHECK(m.data["pil"]["filed"]["down"] == true);
  CHECK(m.data["pil"]["filed"]["up"] == false);
  // null in the JSON becomes false, so {{#change}} is skipped
  CHECK(m.data["aid"]["amount"]["change"] == false);
  CHECK(m.data["aid"]["amount"]["change_text"] == "去年同期为0");
  // numbers are kept as JSON numbers, printed as JSON prints them
  CHECK(m.data["aid"]["amount"]["value"].dump() == "3038340.5");
}

TEST_CASE("sections list their indicators in order", "[render][model]") {
  auto m = build_text_model(load("small.json"), {}, "small.json");
  REQUIRE(m.data["sections"].size() == 5);
  CHECK(m.data["sections"][1]["name"] == "检察建议");
  REQUIRE(m.data["sections"][1]["indicators"].size() == 3);
  CHECK(m.data["sections"][1]["indicators"][2]["display"] == "62%");
}

TEST_CASE("groups carry every indicator by id with its rank", "[render][model]") {
  auto m = build_text_model(load("small.json"), {}, "small.json");
  REQUIRE(m.data["groups"].size() == 2);
  const json& west = m.data["groups"][1];
  CHECK(west["name"] == "江州市西湖|区人民\n检察院");  // escaping is the template's business
  CHECK(west["pil"]["filed"]["display"] == "56件");
  CHECK(west["pil"]["filed"]["rank"] == 1);
  CHECK(west["pil"]["filed"]["name"] == "公益诉讼立案");  // from the catalog entry of the totals
  CHECK(m.data["has_groups"] == true);
  CHECK(m.data["has_charts"] == false);
}

TEST_CASE("the shape knows every name even when the data is empty", "[render][model]") {
  auto m = build_text_model(load("empty-groups.json"), {{"org", "江州市人民检察院"}}, "empty-groups.json");
  CHECK(m.data["groups"].empty());
  CHECK(m.data["has_groups"] == false);
  REQUIRE(m.shape["groups"].size() == 1);
  CHECK(m.shape["groups"][0].contains("name"));
  CHECK(m.shape["groups"][0]["pil"]["filed"].contains("rank"));
  CHECK(m.shape["sources"][0].contains("imported_at"));
  CHECK(m.shape["charts"][0].contains("file"));
  CHECK(m.shape["pil"]["filed"].contains("numerator"));  // contract fields even for counts
  CHECK(m.data["org"] == "江州市人民检察院");
}

TEST_CASE("no comparison: base is false", "[render][model]") {
  auto m = build_text_model(doc_with(json::array({indicator("a.b", {{"change_text", ""}})})), {}, "x.json");
  CHECK(m.data["base"] == false);
  CHECK(m.shape["base"].contains("label"));
  CHECK(m.data["a"]["b"]["with_change"] == "1件");
}

TEST_CASE("the model refuses what a template could not use safely", "[render][model]") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(build_text_model(json::array(), {}, "x.json"), Contains("x.json: not indicators JSON"));
  CHECK_THROWS_WITH(build_text_model(json{{"period", {{"label", "x"}}}}, {}, "x.json"),
                    Contains("no \"indicators\" list"));
  CHECK_THROWS_WITH(build_text_model(doc_with(json::array({indicator("pil"), indicator("pil.filed")})), {}, "x.json"),
                    Contains("\"pil\" and \"pil.filed\""));
  CHECK_THROWS_WITH(build_text_model(doc_with(json::array({indicator("period.x")})), {}, "x.json"),
                    Contains("starts with \"period\""));
  CHECK_THROWS_WITH(build_text_model(doc_with(json::array({indicator("org.x")})), {{"org", "o"}}, "x.json"),
                    Contains("site setting"));
  CHECK_THROWS_WITH(build_text_model(doc_with(json::array({indicator("a..b")})), {}, "x.json"),
                    Contains("empty part"));
  CHECK_THROWS_WITH(build_text_model(doc_with(json::array({indicator("a"), indicator("a")})), {}, "x.json"),
                    Contains("listed twice"));
  json missing = load("small.json");
  missing["groups"][0]["indicators"].erase(1);  // 东湖 without pil.filed
  CHECK_THROWS_WITH(build_text_model(missing, {}, "small.json"),
                    Contains("group \"江州市东湖区人民检察院\" has no indicator \"pil.filed\""));
}
