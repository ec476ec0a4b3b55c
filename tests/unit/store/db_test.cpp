#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <chrono>
#include <functional>
#include <thread>

#include "core/error.hpp"
#include "store/db.hpp"
#include "store/schema.hpp"
#include "temp_dir.hpp"

using namespace casestat;

namespace {

// Runs SQL on a file with plain sqlite3, as another program (or an older casestat) would.
void raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

std::string error_of(const std::function<void()>& action, Exit* code = nullptr) {
  try {
    action();
  } catch (const Error& e) {
    if (code) *code = e.code();
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a new store gets the schema, its version and mode 0600") {
  TempDir dir;
  std::string path = dir.file("new.db");
  {
    Database db(path, Database::Mode::read_write);
    auto version = db.prepare("PRAGMA user_version");
    REQUIRE(version.step());
    CHECK(version.integer(0) == kSchemaVersion);
    auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> names;
    while (tables.step()) names.push_back(tables.text(0));
    CHECK(names == std::vector<std::string>{"imports", "meta", "records"});
    auto mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
  }
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("an empty file given as the store is made 0600, and so are its WAL files") {
  TempDir dir;
  std::string path = dir.file("empty.db");
  std::FILE* empty = std::fopen(path.c_str(), "w");
  REQUIRE(empty);
  std::fclose(empty);
  REQUIRE(::chmod(path.c_str(), 0644) == 0);
  auto mode_of = [](const std::string& file) {
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_mode & 0777;
  };
  Database db(path, Database::Mode::read_write);
  db.exec("INSERT INTO meta(key, value) VALUES ('probe', 'kept')");  // the WAL files exist while it is open
  CHECK(mode_of(path) == 0600);
  CHECK(mode_of(path + "-wal") == 0600);
  CHECK(mode_of(path + "-shm") == 0600);
}

TEST_CASE("a store with rows keeps the mode its owner gave it") {
  TempDir dir;
  std::string path = dir.file("kept.db");
  { Database db(path, Database::Mode::read_write); }
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  { Database db(path, Database::Mode::read_write); }  // warns (tests/cli/store-safety.test.sh), changes nothing
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0640);
}

TEST_CASE("opening a store again keeps its rows and does not migrate twice") {
  TempDir dir;
  std::string path = dir.file("again.db");
  {
    Database db(path, Database::Mode::read_write);
    db.exec("INSERT INTO meta(key, value) VALUES ('probe', 'kept')");
  }
  Database db(path, Database::Mode::read_write);
  auto probe = db.prepare("SELECT value FROM meta WHERE key = 'probe'");
  REQUIRE(probe.step());
  CHECK(probe.text(0) == "kept");
  Database reader(path, Database::Mode::read_only);
  auto count = reader.prepare("SELECT count(*) FROM meta");
  REQUIRE(count.step());
  CHECK(count.integer(0) == 2);  // created_by and probe
}

TEST_CASE("a store from a newer casestat is refused, untouched") {
  TempDir dir;
  std::string path = dir.file("newer.db");
  { Database db(path, Database::Mode::read_write); }
  raw_exec(path, "PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
  Exit code = Exit::ok;
  std::string message = error_of([&] { Database db(path, Database::Mode::read_write); }, &code);
  CHECK(code == Exit::system);
  CHECK(message == "the store " + path + " was written by a newer casestat (schema version " +
                       std::to_string(kSchemaVersion + 1) + ", this one reads up to " +
                       std::to_string(kSchemaVersion) + "): use that version or a newer one");
}

TEST_CASE("a SQLite file of another program is not taken for a store") {
  TempDir dir;
  std::string path = dir.file("other.db");
  raw_exec(path, "CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT)");
  Exit code = Exit::ok;
  std::string message = error_of([&] { Database db(path, Database::Mode::read_write); }, &code);
  CHECK(code == Exit::system);
  CHECK(message == path + " is not a casestat store (it has tables of another program)");
  // Nothing was added to the other program's file.
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master", -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  CHECK(sqlite3_column_int(stmt, 0) == 1);
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

TEST_CASE("a file that is not SQLite at all is refused as a system error") {
  TempDir dir;
  std::string path = dir.file("text.db");
  FILE* file = std::fopen(path.c_str(), "wb");
  REQUIRE(file);
  std::fputs("this is a spreadsheet, honestly, and it is long enough to have a header of sorts\n", file);
  std::fclose(file);
  Exit code = Exit::ok;
  std::string message = error_of([&] { Database db(path, Database::Mode::read_write); }, &code);
  CHECK(code == Exit::system);
  CHECK(message.find("the store " + path + " is damaged or is not a casestat store") == 0);
}

TEST_CASE("reading a store that does not exist says to import first") {
  TempDir dir;
  std::string path = dir.file("missing.db");
  Exit code = Exit::ok;
  std::string message = error_of([&] { Database db(path, Database::Mode::read_only); }, &code);
  CHECK(code == Exit::system);
  CHECK(message == "no store at " + path + ": import ledgers first (casestat-import --db " + path + " FILE...)");
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a transaction not committed leaves nothing behind") {
  TempDir dir;
  Database db(dir.file("tx.db"), Database::Mode::read_write);
  {
    Transaction transaction(db);
    db.exec("INSERT INTO meta(key, value) VALUES ('lost', 'x')");
  }
  {
    Transaction transaction(db);
    db.exec("INSERT INTO meta(key, value) VALUES ('kept', 'y')");
    transaction.commit();
  }
  auto count = db.prepare("SELECT group_concat(key) FROM meta WHERE key IN ('lost', 'kept')");
  REQUIRE(count.step());
  CHECK(count.text(0) == "kept");
}

TEST_CASE("a second writer waits for the first instead of failing") {
  TempDir dir;
  std::string path = dir.file("busy.db");
  { Database setup(path, Database::Mode::read_write); }
  std::atomic<bool> first_has_lock{false};
  std::thread first_writer([&] {
    Database first(path, Database::Mode::read_write);
    Transaction one(first);
    first.exec("INSERT INTO meta(key, value) VALUES ('one', '1')");
    first_has_lock = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    one.commit();
  });
  while (!first_has_lock) std::this_thread::yield();
  Database second(path, Database::Mode::read_write);
  auto started = std::chrono::steady_clock::now();
  Transaction two(second);  // waits here until the first commits
  auto waited = std::chrono::steady_clock::now() - started;
  second.exec("INSERT INTO meta(key, value) VALUES ('two', '2')");
  two.commit();
  first_writer.join();
  CHECK(waited >= std::chrono::milliseconds(100));
  auto count = second.prepare("SELECT count(*) FROM meta WHERE key IN ('one', 'two')");
  REQUIRE(count.step());
  CHECK(count.integer(0) == 2);
}

TEST_CASE("a store of schema version 1 is migrated when opened, its rows kept") {
  TempDir dir;
  std::string path = dir.file("old.db");
  // What casestat 0.1 with schema 1 wrote: the v1 schema, one import, one record.
  raw_exec(path, std::string(kSchemaV1) +
                     "INSERT INTO meta(key, value) VALUES ('created_by', 'casestat');"
                     "INSERT INTO imports VALUES (1, 'a.csv', 'x', '2025-01-01 00:00:00', 1, 1, 0, 0);"
                     "INSERT INTO records(import_id, ledger, sheet, row, received_on) VALUES (1, 'cases', '', 2, '2025-03-05');"
                     "PRAGMA user_version = 1;");
  {
    Database db(path, Database::Mode::read_write);
    auto version = db.prepare("PRAGMA user_version");
    REQUIRE(version.step());
    CHECK(version.integer(0) == kSchemaVersion);
    auto indexes = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'records_ledger_%'");
    REQUIRE(indexes.step());
    CHECK(indexes.integer(0) == 0);
    auto case_numbers = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'records_case_no'");
    REQUIRE(case_numbers.step());
    CHECK(case_numbers.integer(0) == 1);  // version 3: case numbers indexed for the overlap check
    // version 4: the import belongs to the default office, and a file is known by office and name
    auto office = db.prepare("SELECT office FROM imports WHERE id = 1");
    REQUIRE(office.step());
    CHECK(office.text(0).empty());
    db.exec("INSERT INTO imports(office, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, "
            "rows_rejected) VALUES ('临江县人民检察院', 'a.csv', 'y', '2025-01-02 00:00:00', 0, 0, 0, 0)");
    CHECK_THROWS_AS(db.exec("INSERT INTO imports(file, sha256, imported_at, rows_read, rows_imported, rows_skipped, "
                            "rows_rejected) VALUES ('a.csv', 'z', '2025-01-03 00:00:00', 0, 0, 0, 0)"),
                    Error);
    auto rows = db.prepare("SELECT received_on FROM records");
    REQUIRE(rows.step());
    CHECK(rows.text(0) == "2025-03-05");
  }
  // read-only, a store of the current version opens as it is
  Database again(path, Database::Mode::read_only);
  auto version = again.prepare("PRAGMA user_version");
  REQUIRE(version.step());
  CHECK(version.integer(0) == kSchemaVersion);
}
