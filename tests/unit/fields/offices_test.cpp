#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.hpp"
#include "fields/offices.hpp"
#include "../store/temp_dir.hpp"

using namespace casestat;

namespace {
const char* kSite =
    "office_order = \"江州市人民检察院、临江县人民检察院,青石县人民检察院\"\n"
    "[office_aliases]\n"
    "\"临江县人民检察院\" = [\"临江县院\", \"临江院\"]\n";

std::string load_error(TempDir& dir, const std::string& toml) {
  std::string path = dir.file("site.toml");
  std::ofstream(path) << toml;
  try {
    Offices::load(path);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("office lists split on 、 and commas") {
  CHECK(split_name_list("甲、乙,丙，丁 ") == std::vector<std::string>{"甲", "乙", "丙", "丁"});
  CHECK(split_name_list("").empty());
}

TEST_CASE("an office's other names give its own name; unknown names give none") {
  TempDir dir;
  std::ofstream(dir.file("site.toml")) << kSite;
  Offices offices = Offices::load(dir.file("site.toml"));
  REQUIRE(offices.names().size() == 3);
  CHECK(offices.canonical("临江院") == "临江县人民检察院");
  CHECK(offices.canonical(" 临江 县院 ") == "临江县人民检察院");  // spaces ignored
  CHECK(offices.canonical("临江县人民检察院") == "临江县人民检察院");
  CHECK(offices.canonical("青石院") == std::nullopt);
  // the fix offers the office whose name begins the same way, else office_order
  CHECK(offices.fix_for("青石院").find("\"青石县人民检察院\" = [\"青石院\"]") != std::string::npos);
  CHECK(offices.fix_for("白沙院").find("add its full name to office_order") != std::string::npos);
  UnknownOffices unknown;
  unknown.add("青石院");
  unknown.add("青石院");
  auto lines = unknown_office_warnings("台账.csv", unknown, offices);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rfind("台账.csv: 承办单位 \"青石院\" (2 rows) is not an office of site.toml", 0) == 0);
}

TEST_CASE("a site without the file or without office_order knows no office") {
  TempDir dir;
  CHECK(Offices::load(dir.file("none.toml")).empty());
  std::ofstream(dir.file("site.toml")) << "org = \"x\"\n";
  CHECK(Offices::load(dir.file("site.toml")).empty());
}

TEST_CASE("a bad alias table names the file and line") {
  TempDir dir;
  CHECK(load_error(dir, "office_order = \"甲院\"\n[office_aliases]\n\"乙院\" = [\"乙\"]\n")
            .find("line 3: office_aliases: \"乙院\" is not in office_order") != std::string::npos);
  CHECK(load_error(dir, "office_order = \"甲院、乙院\"\n[office_aliases]\n\"甲院\" = [\"院\"]\n\"乙院\" = [\"院\"]\n")
            .find(": office_aliases: \"院\" already means ") != std::string::npos);
  CHECK(load_error(dir, "office_order = \"甲院\"\noffice_aliases = \"甲\"\n").find("office_aliases must be a table") !=
        std::string::npos);
  CHECK(load_error(dir, "office_order = \"甲院\"\n[office_aliases]\n\"甲院\" = \"甲\"\n").find("is a list of its other names") !=
        std::string::npos);
}

TEST_CASE("the office an unknown name most likely means") {
  TempDir dir;
  std::ofstream(dir.file("site.toml")) << "office_order = \"江州市人民检察院、江州市西湖区人民检察院、临江县人民检察院\"\n";
  Offices offices = Offices::load(dir.file("site.toml"));
  CHECK(offices.closest("西湖检察院") == "江州市西湖区人民检察院");
  CHECK(offices.closest("临江院") == "临江县人民检察院");
  CHECK(offices.closest("江州院") == "江州市人民检察院");
  CHECK(offices.closest("白沙县院") == std::nullopt);  // nothing but 院 in common
}
