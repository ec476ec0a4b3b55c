// RAII for the SQLite store: a connection and prepared statements, with casestat's errors.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casestat {

class Statement;

class Database {
 public:
  enum class Mode { read_only, read_write };
  // Opens (and for read_write creates, mode 0600) the store at `path`, in WAL mode with a busy
  // timeout, creating or migrating the schema; a store from a newer casestat, a file that is
  // not a casestat store, or a corrupt one is a system Error naming the file. A read_only
  // open of a missing store is an Error too ("no store at FILE: import ledgers first").
  Database(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  void exec(std::string_view sql);  // statements without results
  Statement prepare(std::string_view sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }

  // The store's own words for a SQLite failure, never a bare sqlite3_errmsg: "the store FILE
  // is busy (another import is running); try again", "the store FILE is corrupt", ...
  // `doing` is a message marked N_("..."), said in the user's language.
  [[noreturn]] void fail(int rc, const char* doing) const;

 private:
  void migrate();
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN IMMEDIATE ... COMMIT; rolled back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

class Statement {
 public:
  Statement(Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;

  // Binding by 1-based index; std::nullopt binds NULL.
  Statement& bind(int index, std::nullptr_t);
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::optional<std::string>& text);
  // Text that SQLite reads in place, without a copy: it must stay unchanged until the next
  // step() or reset() (the record being inserted, for one row).
  Statement& bind_in_place(int index, std::string_view text);

  bool step();   // true: a row is ready; false: done. Throws Error on failure.
  void run() { while (step()) {} }
  void reset();   // for re-use with new bindings (all of them cleared: NULL)
  void rewind();  // for re-use keeping the bindings (each is bound again or kept on purpose)

  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string text(int column) const;
  sqlite3_stmt* handle() const { return stmt_; }

 private:
  Database* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace casestat
