#include <catch2/catch.hpp>

#include <string>

#include "core/error.hpp"
#include "fake_workbook.hpp"
#include "fields/offices.hpp"
#include "ingest/office_names.hpp"
#include "ingest/sheet_import.hpp"
#include "store/db.hpp"
#include "store/imports.hpp"
#include "../store/temp_dir.hpp"

using namespace casestat;

namespace {

// A ledger of `rows` data rows under one header row, many batches long.
test::FakeWorkbook ledger(int rows) {
  test::FakeWorkbook::Sheet sheet{{"案号", "立案日期"}};
  for (int i = 1; i <= rows; ++i) sheet.push_back({"X-" + std::to_string(i), "2021-03-05"});
  return test::FakeWorkbook("台账.csv", {{"", sheet}});
}

int64_t scalar(Database& db, const char* sql) {
  Statement stmt = db.prepare(sql);
  stmt.step();
  return stmt.integer(0);
}

struct Setup {
  TempDir dir;
  Database db{dir.file("s.db"), Database::Mode::read_write};
  Dictionary dictionary = Dictionary::load(std::string(CASESTAT_TEMPLATES_DIR) + "/fields.toml");
  Offices offices = Offices::load(dir.file("no-site.toml"));  // knows no office
  OfficeNames names{offices, dictionary};
  std::string sheet;
};

}  // namespace

TEST_CASE("a sheet read on one thread is written on the other, every row, in order") {
  Setup s;
  auto book = ledger(10000);
  Transaction transaction(s.db);
  int64_t id = add_import(s.db, "台账.csv", "abc", "2026-01-02 03:04:05", {});
  RecordInserter inserter(s.db);
  int64_t last_seen = 0;
  SheetSummary summary = import_sheet(book, 0, s.dictionary, SheetOptions{}, s.names,
                                      SheetTarget{inserter, id, "cases", s.sheet, true},
                                      [&](int64_t seen) { last_seen = seen; });
  transaction.commit();
  CHECK(summary.rows_ok == 10000);
  CHECK(last_seen == 10000);
  CHECK(scalar(s.db, "SELECT count(*) FROM records") == 10000);
  CHECK(scalar(s.db, "SELECT count(*) FROM records WHERE case_no = 'X-' || (row - 1)") == 10000);
}

TEST_CASE("rows read but not written: the summary only") {
  Setup s;
  auto book = ledger(3000);
  int64_t id = add_import(s.db, "台账.csv", "abc", "2026-01-02 03:04:05", {});
  RecordInserter inserter(s.db);
  SheetSummary summary = import_sheet(book, 0, s.dictionary, SheetOptions{}, s.names,
                                      SheetTarget{inserter, id, "cases", s.sheet, false}, [](int64_t) {});
  CHECK(summary.rows_ok == 3000);
  CHECK(scalar(s.db, "SELECT count(*) FROM records") == 0);
}

TEST_CASE("a store that fails mid-sheet stops the reader and its error comes out") {
  Setup s;
  auto book = ledger(20000);
  int64_t id = add_import(s.db, "台账.csv", "abc", "2026-01-02 03:04:05", {});
  s.db.exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON records WHEN NEW.row = 3000 BEGIN SELECT RAISE(ABORT, "
            "'the disk is full'); END");
  RecordInserter inserter(s.db);
  try {
    import_sheet(book, 0, s.dictionary, SheetOptions{}, s.names, SheetTarget{inserter, id, "cases", s.sheet, true},
                 [](int64_t) {});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::system);
    CHECK(std::string(e.what()).find("the disk is full") != std::string::npos);
  }
}

TEST_CASE("a sheet that cannot be read: its error after the rows before it were written") {
  Setup s;
  test::FakeWorkbook book("台账.csv", {{"", {{"名字", "别的"}, {"a", "b"}}}});  // no known header
  int64_t id = add_import(s.db, "台账.csv", "abc", "2026-01-02 03:04:05", {});
  RecordInserter inserter(s.db);
  CHECK_THROWS_AS(import_sheet(book, 0, s.dictionary, SheetOptions{}, s.names,
                               SheetTarget{inserter, id, "cases", s.sheet, true}, [](int64_t) {}),
                  Error);
}
