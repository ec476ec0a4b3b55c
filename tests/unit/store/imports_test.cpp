#include <catch2/catch.hpp>

#include <regex>

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/imports.hpp"
#include "store/records.hpp"
#include "temp_dir.hpp"

using namespace casestat;

namespace {

const Field kCaseNo{"case_no", "案号", FieldType::text, {}, {}, {}, {}};

int64_t count(Database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  REQUIRE(stmt.step());
  return stmt.integer(0);
}

void add_rows(Database& db, int64_t import_id, int n) {
  RecordInserter inserter(db);
  for (int i = 0; i < n; ++i) {
    Record record;
    record.row = i + 2;
    record.values = {{&kCaseNo, std::string("N") + std::to_string(i)}};
    inserter.insert(import_id, "cases", "", record);
  }
}

}  // namespace

TEST_CASE("imports are found by content and by file name") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  int64_t id = add_import(db, "案件信息.xlsx", "sha-one", "2026-11-22 10:00:00", {10, 7, 2, 1});
  auto by_sha = find_import_by_sha256(db, "sha-one");
  REQUIRE(by_sha);
  CHECK(by_sha->id == id);
  CHECK(by_sha->file == "案件信息.xlsx");
  CHECK(by_sha->imported_at == "2026-11-22 10:00:00");
  CHECK(by_sha->counts.rows_read == 10);
  CHECK(by_sha->counts.rows_imported == 7);
  CHECK(by_sha->counts.rows_skipped == 2);
  CHECK(by_sha->counts.rows_rejected == 1);
  CHECK(find_import_by_file(db, "案件信息.xlsx")->sha256 == "sha-one");
  CHECK_FALSE(find_import_by_sha256(db, "sha-two"));
  CHECK_FALSE(find_import_by_file(db, "其他.xlsx"));

  set_import_counts(db, id, {20, 19, 1, 0});
  CHECK(find_import_by_file(db, "案件信息.xlsx")->counts.rows_imported == 19);
}

TEST_CASE("one file's name is its identity in the store") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  add_import(db, "a.csv", "one", "2026-11-22 10:00:00", {});
  CHECK_THROWS_AS(add_import(db, "a.csv", "two", "2026-11-22 10:00:01", {}), Error);
}

TEST_CASE("forgetting an import removes its rows and only its rows") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  int64_t a = add_import(db, "a.csv", "one", "2026-11-22 10:00:00", {});
  int64_t b = add_import(db, "b.csv", "two", "2026-11-22 10:00:00", {});
  add_rows(db, a, 3);
  add_rows(db, b, 5);
  {
    Transaction transaction(db);
    forget_import(db, a);
    transaction.commit();
  }
  CHECK(count(db, "SELECT count(*) FROM records") == 5);
  CHECK(count(db, "SELECT count(*) FROM records WHERE import_id = " + std::to_string(b)) == 5);
  CHECK(count(db, "SELECT count(*) FROM imports") == 1);
  CHECK_FALSE(find_import_by_file(db, "a.csv"));
  // The name is free again for the new version.
  CHECK(add_import(db, "a.csv", "three", "2026-11-23 09:00:00", {}) > 0);
}

TEST_CASE("the time of an import is local time to the second") {
  CHECK(std::regex_match(local_time_now(), std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")));
}
