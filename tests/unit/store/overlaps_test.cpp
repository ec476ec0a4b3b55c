#include <catch2/catch.hpp>

#include "store/db.hpp"
#include "store/imports.hpp"
#include "store/overlaps.hpp"
#include "store/records.hpp"
#include "temp_dir.hpp"

using namespace casestat;

namespace {

const Field kCaseNo{"case_no", "案号", FieldType::text, {}, {}, {}, {}};

void add_case_numbers(Database& db, int64_t import_id, const std::string& ledger,
                      const std::vector<std::string>& numbers) {
  RecordInserter inserter(db);
  int row = 2;
  for (const auto& number : numbers) {
    Record record;
    record.row = row++;
    record.values = {{&kCaseNo, number}};
    inserter.insert(import_id, ledger, "", record);
  }
}

}  // namespace

TEST_CASE("overlaps: the case numbers of an import found in other files of the same ledger") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  int64_t first = add_import(db, "1-3月.xlsx", "a", "2026-11-22 10:00:00", {});
  add_case_numbers(db, first, "cases", {"N1", "N2", "N3", "N3"});
  int64_t other_ledger = add_import(db, "信访.csv", "b", "2026-11-22 10:00:00", {});
  add_case_numbers(db, other_ledger, "petitions", {"N4"});
  int64_t copy = add_import(db, "台账(1).xlsx", "c", "2026-11-22 10:00:00", {});
  add_case_numbers(db, copy, "cases", {"N2"});
  int64_t cumulative = add_import(db, "1-6月.xlsx", "d", "2026-11-22 10:00:00", {});
  add_case_numbers(db, cumulative, "cases", {"N1", "N2", "N3", "N4", "N5", "N5"});
  Record blank;  // no case number: never an overlap
  blank.row = 9;
  RecordInserter(db).insert(cumulative, "cases", "", blank);

  auto found = find_overlaps(db, cumulative);
  REQUIRE(found.size() == 2);
  CHECK(found[0].other_file == "1-3月.xlsx");
  CHECK(found[0].shared == 3);  // N1, N2, N3 (N3 twice there, counted once)
  CHECK(found[0].own == 5);     // N1-N5; N4 of the petitions ledger is another case
  CHECK(found[1].other_file == "台账(1).xlsx");
  CHECK(found[1].shared == 1);
  CHECK(found[1].own == 5);
  CHECK(find_overlaps(db, other_ledger).empty());
  // The oldest import sees the later ones too (the other imports are all after it).
  auto of_first = find_overlaps(db, first);
  REQUIRE(of_first.size() == 2);
  CHECK(of_first[0].other_file == "1-6月.xlsx");
  CHECK(of_first[0].shared == 3);
  CHECK(of_first[1].other_file == "台账(1).xlsx");
  CHECK(of_first[1].shared == 1);
}

TEST_CASE("the only import in a store overlaps nothing, though it repeats a case number") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  int64_t only = add_import(db, "1-3月.xlsx", "a", "2026-11-22 10:00:00", {});
  add_case_numbers(db, only, "cases", {"N1", "N1", "N2"});
  CHECK(find_overlaps(db, only).empty());
}

TEST_CASE("overlaps are looked up in the case-number index, not found by reading the whole store") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  auto plan = db.prepare(std::string("EXPLAIN QUERY PLAN ") + kOverlapsQuery);
  plan.bind(1, int64_t{1});
  std::string steps;
  while (plan.step()) steps += plan.text(3) + "\n";
  CHECK_THAT(steps, Catch::Contains("SEARCH r USING INDEX records_import"));
  CHECK_THAT(steps, Catch::Contains("SEARCH o USING COVERING INDEX records_case_no (case_no=? AND ledger=?)"));
  CHECK_THAT(steps, !Catch::Contains("SCAN"));
  CHECK_THAT(steps, !Catch::Contains("AUTOMATIC"));
}

namespace {

// Records as the sheet's reader gives them to the store: `numbers` in order, "" for a row with
// no case number.
RecordBatch batch_of(const std::vector<std::string>& numbers, const Field& field = kCaseNo) {
  RecordEncoder encoder;
  RecordBatch batch;
  int64_t row = 2;
  for (const auto& number : numbers) {
    Record record;
    record.row = row++;
    if (!number.empty()) {
      if (field.type == FieldType::integer)
        record.values = {{&field, Value{std::stoll(number)}}};
      else
        record.values = {{&field, Value{number}}};
    }
    encoder.encode(record, batch);
  }
  return batch;
}

// Writes the batch, and gives it to the probe, as an import of a sheet does.
void write(Database& db, OverlapProbe& probe, int64_t import_id, const char* ledger, const RecordBatch& batch) {
  probe.look_up(ledger, batch);
  RecordInserter(db).insert(import_id, ledger, "", batch);
}

bool same(const std::vector<Overlap>& a, const std::vector<Overlap>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].other_file != b[i].other_file || a[i].shared != b[i].shared || a[i].own != b[i].own) return false;
  return true;
}

}  // namespace

TEST_CASE("the probe finds while the import is written what find_overlaps finds after it") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  add_case_numbers(db, add_import(db, "1-3月.xlsx", "a", "2026-11-22 10:00:00", {}), "cases", {"N1", "N2", "N3", "N3"});
  add_case_numbers(db, add_import(db, "信访.csv", "b", "2026-11-22 10:00:00", {}), "petitions", {"N4", "N9"});
  add_case_numbers(db, add_import(db, "台账(1).xlsx", "c", "2026-11-22 10:00:00", {}), "cases", {"N2"});
  int64_t old = add_import(db, "1-6月.xlsx", "d", "2026-11-22 10:00:00", {});
  add_case_numbers(db, old, "cases", {"N1", "N6"});

  // A new version of 1-6月.xlsx replaces the old one: the old one's numbers are no overlap.
  Transaction transaction(db);
  forget_import(db, old);
  int64_t id = add_import(db, "1-6月.xlsx", "e", "2026-11-23 10:00:00", {});
  OverlapProbe probe(db, id, old);
  write(db, probe, id, "cases", batch_of({"N1", "N2", "", "N5", "N5"}));
  write(db, probe, id, "cases", batch_of({"N3", "N6", "N4"}));  // N4 is another ledger's case
  write(db, probe, id, "petitions", batch_of({"N4", "N1"}));

  std::vector<Overlap> probed = probe.overlaps(db);
  std::vector<Overlap> queried = find_overlaps(db, id);  // the import's connection sees what it wrote
  CHECK(same(probed, queried));
  REQUIRE(probed.size() == 3);
  CHECK(probed[0].other_file == "1-3月.xlsx");
  CHECK(probed[0].shared == 3);  // N1, N2, N3
  CHECK(probed[1].other_file == "信访.csv");
  CHECK(probed[1].shared == 1);  // N4 of the petitions
  CHECK(probed[2].other_file == "台账(1).xlsx");
  CHECK(probed[2].shared == 1);
  for (const Overlap& overlap : probed) CHECK(overlap.own == 6);  // N1-N6, N4 and N1 of both ledgers once

  // The probe has let go of its snapshot: the import's pages can all leave the WAL.
  transaction.commit();
  auto checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
  REQUIRE(checkpoint.step());
  CHECK(checkpoint.integer(0) == 0);
  CHECK(checkpoint.integer(1) == checkpoint.integer(2));
}

TEST_CASE("the probe of a store's first file finds nothing, though the file repeats a number") {
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  Transaction transaction(db);
  int64_t id = add_import(db, "1-3月.xlsx", "a", "2026-11-22 10:00:00", {});
  OverlapProbe probe(db, id, 0);
  write(db, probe, id, "cases", batch_of({"N1", "N1", "N2"}));
  CHECK(probe.overlaps(db).empty());
  CHECK(find_overlaps(db, id).empty());
}

TEST_CASE("the probe matches a case number typed as a number as the store holds it, as text") {
  const Field number{"case_no", "案号", FieldType::integer, {}, {}, {}, {}};
  TempDir dir;
  Database db(dir.file("i.db"), Database::Mode::read_write);
  add_case_numbers(db, add_import(db, "a.csv", "a", "2026-11-22 10:00:00", {}), "cases", {"2025001", "2025002"});
  Transaction transaction(db);
  int64_t id = add_import(db, "b.csv", "b", "2026-11-22 10:00:00", {});
  OverlapProbe probe(db, id, 0);
  write(db, probe, id, "cases", batch_of({"2025002", "2025003"}, number));
  std::vector<Overlap> probed = probe.overlaps(db);
  CHECK(same(probed, find_overlaps(db, id)));
  REQUIRE(probed.size() == 1);
  CHECK(probed[0].shared == 1);
  CHECK(probed[0].own == 2);
}

TEST_CASE("in a store in memory the probe leaves the look-up to find_overlaps") {
  Database db(":memory:", Database::Mode::read_write);
  add_case_numbers(db, add_import(db, "a.csv", "a", "2026-11-22 10:00:00", {}), "cases", {"N1"});
  int64_t id = add_import(db, "b.csv", "b", "2026-11-22 10:00:00", {});
  OverlapProbe probe(db, id, 0);
  write(db, probe, id, "cases", batch_of({"N1"}));
  std::vector<Overlap> probed = probe.overlaps(db);
  REQUIRE(probed.size() == 1);
  CHECK(probed[0].other_file == "a.csv");
}
