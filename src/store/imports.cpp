#include "store/imports.hpp"

#include <ctime>

namespace casestat {

namespace {

constexpr const char* kSelect =
    "SELECT id, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected FROM imports ";

std::optional<ImportInfo> find_one(Database& db, std::string_view where, std::string_view value) {
  auto stmt = db.prepare(std::string(kSelect) + std::string(where) + " ORDER BY id LIMIT 1");
  stmt.bind(1, value);
  if (!stmt.step()) return std::nullopt;
  ImportInfo info;
  info.id = stmt.integer(0);
  info.file = stmt.text(1);
  info.sha256 = stmt.text(2);
  info.imported_at = stmt.text(3);
  info.counts = {stmt.integer(4), stmt.integer(5), stmt.integer(6), stmt.integer(7)};
  return info;
}

}  // namespace

std::optional<ImportInfo> find_import_by_sha256(Database& db, std::string_view sha256) {
  return find_one(db, "WHERE sha256 = ?1", sha256);
}

std::optional<ImportInfo> find_import_by_file(Database& db, std::string_view file) {
  return find_one(db, "WHERE file = ?1", file);
}

int64_t add_import(Database& db, std::string_view file, std::string_view sha256, std::string_view imported_at,
                   const ImportCounts& counts) {
  auto stmt = db.prepare(
      "INSERT INTO imports(file, sha256, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  stmt.bind(1, file).bind(2, sha256).bind(3, imported_at);
  stmt.bind(4, counts.rows_read).bind(5, counts.rows_imported).bind(6, counts.rows_skipped);
  stmt.bind(7, counts.rows_rejected);
  stmt.run();
  return db.last_insert_id();
}

void set_import_counts(Database& db, int64_t import_id, const ImportCounts& counts) {
  auto stmt = db.prepare(
      "UPDATE imports SET rows_read = ?2, rows_imported = ?3, rows_skipped = ?4, rows_rejected = ?5 WHERE id = ?1");
  stmt.bind(1, import_id).bind(2, counts.rows_read).bind(3, counts.rows_imported);
  stmt.bind(4, counts.rows_skipped).bind(5, counts.rows_rejected);
  stmt.run();
}

void forget_import(Database& db, int64_t import_id) {
  // Explicitly, not only by ON DELETE CASCADE: the store stays right even if a user's sqlite3
  // session turned foreign keys off.
  auto records = db.prepare("DELETE FROM records WHERE import_id = ?1");
  records.bind(1, import_id);
  records.run();
  auto imports = db.prepare("DELETE FROM imports WHERE id = ?1");
  imports.bind(1, import_id);
  imports.run();
}

std::string local_time_now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return text;
}

}  // namespace casestat
