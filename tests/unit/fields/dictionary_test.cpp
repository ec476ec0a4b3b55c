#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.hpp"
#include "fields/dictionary.hpp"
#include "../store/temp_dir.hpp"

using namespace casestat;

namespace {
const std::string kFields = std::string(CASESTAT_TEMPLATES_DIR) + "/fields.toml";

// The message of loading `toml` as a dictionary, or "(no error)".
std::string load_error(const TempDir& dir, const std::string& toml) {
  std::string path = dir.file("fields.toml");
  std::ofstream(path) << toml;
  try {
    Dictionary::load(path);
  } catch (const Error& e) {
    return std::string(e.what());
  }
  return std::string("(no error)");
}
}

TEST_CASE("headers match whatever their width, spaces and unit") {
  Dictionary d = Dictionary::load(kFields);
  auto id = [&](const char* header) {
    auto m = d.match(header);
    return m ? m->field->id : std::string("-");
  };
  CHECK(id("受理日期") == "received_on");
  CHECK(id(" 受 理 日 期 ") == "received_on");
  CHECK(id("来信来访日期") == "received_on");
  CHECK(id("案件类别(名称)") == "category");
  CHECK(id("承办单位（名称）") == "unit");
  CHECK(id("承办单位名称") == "unit");
  CHECK(id("受理日期*") == "received_on");
  CHECK(id("备注") == "-");
  CHECK(d.match("救助金额（元）")->fen_per_unit == 100);
  CHECK(d.match("挽回损失(万元)")->fen_per_unit == 1000000);
  CHECK(d.match("挽回损失（万元）")->field->id == "recovered");
  CHECK(d.match("救助金额")->fen_per_unit == 100);
  CHECK(d.match("ＡＢＣ") == std::nullopt);
  CHECK(normalize_header("Ａｂｃ （万元）") == "abc");
}

TEST_CASE("a bad dictionary names the file and the line") {
  TempDir dir;
  auto message = [&](const std::string& toml) { return load_error(dir, toml); };
  CHECK(message("[fields]\na = { name = \"甲\", type = \"datum\" }\n").find("line 2: field a: unknown type \"datum\"") !=
        std::string::npos);
  CHECK(message("[fields]\na = { name = \"甲\" }\nb = { name = \"乙\", aliases = [\"甲\"] }\n")
            .find("the header \"甲\" is already field a") != std::string::npos);
  CHECK(message("[fields]\na = { type = \"text\" }\n").find("field a: has no name") != std::string::npos);
  CHECK(message("[fields\n").find("fields.toml: line 1") != std::string::npos);
}

TEST_CASE("a flag field's own words, and what else a dictionary refuses about them") {
  TempDir dir;
  std::string path = dir.file("fields.toml");
  std::ofstream(path) << "[fields]\nadopted = { name = \"是否采纳\", type = \"flag\", yes = [\"已回复，已采纳\", \"采纳\"], "
                         "no = [\"未采纳\", \"未回复\", \"暂未回复\"] }\n";
  Dictionary d = Dictionary::load(path);
  const Field* adopted = d.find("adopted");
  REQUIRE(adopted);
  CHECK(adopted->yes == std::vector<std::string>{"已回复，已采纳", "采纳"});
  CHECK(adopted->no.size() == 3);
  auto message = [&](const std::string& toml) { return load_error(dir, toml); };
  CHECK(message("[fields]\na = { name = \"甲\", yes = [\"是\"] }\n").find("yes and no are for a flag field") !=
        std::string::npos);
  CHECK(message("[fields]\na = { name = \"甲\", type = \"flag\", yes = [\"是\"], no = [\"是\"] }\n")
            .find("\"是\" is in both yes and no") != std::string::npos);
  CHECK(message("[fields]\na = { name = \"甲\", type = \"flag\", yes = \"是\" }\n").find("yes must be a list") !=
        std::string::npos);
}
