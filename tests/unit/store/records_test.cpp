#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/imports.hpp"
#include "store/records.hpp"
#include "temp_dir.hpp"

using namespace casestat;

namespace {

// Fields as a dictionary would define them (the test does not need the dictionary itself).
const Field kCaseNo{"case_no", "案号", FieldType::text, {}, {}, {}, {}};
const Field kFiled{"filed_on", "立案日期", FieldType::date, {}, {}, {}, {}};
const Field kAid{"aid_amount", "救助金额", FieldType::money, {}, {}, {}, {}};
const Field kAdopted{"adopted", "是否采纳", FieldType::flag, {}, {}, {}, {}};
const Field kSiteText{"court", "审判法院", FieldType::text, {}, {}, {}, {}};       // a site's own field
const Field kSiteCount{"hearings", "听证次数", FieldType::integer, {}, {}, {}, {}};  // another

std::string one_text(Database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE(stmt.step());
  return stmt.is_null(0) ? "NULL" : stmt.text(0);
}

}  // namespace

TEST_CASE("a record goes to its typed columns, site fields and extras as JSON") {
  TempDir dir;
  Database db(dir.file("r.db"), Database::Mode::read_write);
  int64_t id = add_import(db, "台账.xlsx", "abc", "2026-01-02 03:04:05", {});
  RecordInserter inserter(db);

  Record record;
  record.row = 17;
  record.values = {{&kCaseNo, std::string("×检×建〔2021〕3号")},
                   {&kFiled, std::string("2021-03-05")},
                   {&kAid, int64_t{380000000}},
                   {&kAdopted, int64_t{1}},
                   {&kSiteText, std::string("江州中院")},
                   {&kSiteCount, int64_t{2}}};
  record.extras = {{"备注", "补录"}};
  inserter.insert(id, "recommendations", "检察建议", record);

  Record bare;  // a row with one value: every other column is NULL
  bare.row = 18;
  bare.values = {{&kCaseNo, std::string("X-2")}};
  inserter.insert(id, "recommendations", "检察建议", bare);

  CHECK(one_text(db, "SELECT count(*) FROM records") == "2");
  CHECK(one_text(db, "SELECT ledger || '|' || sheet || '|' || row || '|' || import_id FROM records WHERE row = 17") ==
        "recommendations|检察建议|17|" + std::to_string(id));
  CHECK(one_text(db, "SELECT case_no FROM records WHERE row = 17") == "×检×建〔2021〕3号");
  CHECK(one_text(db, "SELECT filed_on FROM records WHERE row = 17") == "2021-03-05");
  CHECK(one_text(db, "SELECT typeof(aid_amount) || ' ' || aid_amount FROM records WHERE row = 17") ==
        "integer 380000000");
  CHECK(one_text(db, "SELECT typeof(adopted) || ' ' || adopted FROM records WHERE row = 17") == "integer 1");
  CHECK(one_text(db, "SELECT fields FROM records WHERE row = 17") == R"({"court":"江州中院","hearings":2})");
  CHECK(one_text(db, "SELECT extras FROM records WHERE row = 17") == R"({"备注":"补录"})");
  CHECK(one_text(db, "SELECT json_extract(extras, '$.备注') FROM records WHERE row = 17") == "补录");

  // The statement is reused: nothing of row 17 leaks into row 18.
  CHECK(one_text(db, "SELECT case_no FROM records WHERE row = 18") == "X-2");
  for (const char* column : {"filed_on", "aid_amount", "adopted", "fields", "extras"})
    CHECK(one_text(db, std::string("SELECT ") + column + " FROM records WHERE row = 18") == "NULL");
}

TEST_CASE("the store refuses a ledger it does not know") {
  TempDir dir;
  Database db(dir.file("r.db"), Database::Mode::read_write);
  int64_t id = add_import(db, "a.csv", "abc", "2026-01-02 03:04:05", {});
  RecordInserter inserter(db);
  Record record;
  record.row = 2;
  CHECK_THROWS_AS(inserter.insert(id, "parking", "", record), Error);
}
