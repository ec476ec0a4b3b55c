#include "store/db.hpp"

#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "store/page_memory.hpp"
#include "store/schema.hpp"

namespace casestat {

namespace {
constexpr int kBusyTimeoutMs = 30'000;  // a second import waits for the first rather than failing
constexpr size_t kPageSize = 16384;    // of a new store
constexpr size_t kCachePages = 6144;  // of a connection that writes: 96 MiB

// The schema version of an existing store, read without changing anything (-1: not readable).
int64_t stored_version(const std::string& path) {
  sqlite3* db = nullptr;
  int64_t version = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
      version = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return version;
}

// The store holds personal data. An empty file (`: > s.db`) is a store casestat is about to
// make: it gets the mode of one casestat creates, and so do its -wal and -shm, which SQLite
// creates with the mode of the store.
void make_private_if_empty(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0 && (st.st_mode & 077) != 0)
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
}

// A store others can read is said once per run, with the fix; casestat does not change the
// mode of a store that holds data, as its owner may share it on purpose.
void warn_if_readable(const std::string& path) {
  static bool warned = false;
  struct stat st {};
  if (warned || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) == 0) return;
  warned = true;
  cli::warn(translate("the store {} can be read by other users of this machine (mode {:04o}), and it holds "
                      "personal data: make it private with chmod 600 {}",
                      path, st.st_mode & 0777, path));
}

// SQLite's settings for the whole process, made before its first connection (SQLite refuses them,
// harmlessly, once it has started); the first store the process opens decides.
bool configure_sqlite(bool writing) {
  // SQLite's count of the memory it uses takes a global mutex on every allocation; casestat
  // never reads it.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  // A process that opens a store file for writing imports into it (or forgets files): the
  // page buffers of its large cache come from huge pages (store/page_memory.cpp).
  return !writing || use_huge_pages_for_pages(kPageSize, kCachePages * kPageSize * 4 / 3);
}
}  // namespace

Database::Database(const std::string& path, Mode mode) : path_(path) {
  static const bool configured = configure_sqlite(mode == Mode::read_write && path != ":memory:");
  (void)configured;
  std::error_code ec;
  // A store written by an older casestat is brought up to date even by a tool that only reads
  // it (indicators, bulletin), when the file can be written: an upgrade needs no import first.
  if (mode == Mode::read_only && std::filesystem::exists(path, ec)) {
    int64_t version = stored_version(path);
    if (version > 0 && version < kSchemaVersion && ::access(path.c_str(), W_OK) == 0)
      Database upgrade(path, Mode::read_write);
  }
  bool exists = std::filesystem::exists(path, ec);
  if (mode == Mode::read_only && !exists)
    system_error("no store at {}: import ledgers first (casestat-import --db {} FILE...)", path, path);
  if (exists && mode == Mode::read_write) make_private_if_empty(path);
  int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // The store holds personal data: new files are private to their owner.
  mode_t old_mask = ::umask(077);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  ::umask(old_mask);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errstr(rc) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    system_error("cannot open the store {}: {}", path, why);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db_, 1);
  try {
    if (mode == Mode::read_write) {
      // Only a new, empty store takes it (a store's page size is fixed once it has a table).
      // Larger pages make an import cheaper: fewer pages to allocate, split, write to the WAL
      // and checkpoint, fewer index levels (measured by bench-import).
      exec(fmt::format("PRAGMA page_size={}", kPageSize));
      // Changing the journal mode takes a lock without waiting on the busy handler: retry.
      for (int waited = 0;; waited += 50) {
        const int wal = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
        if (wal == SQLITE_OK) break;
        if ((wal & 0xFF) != SQLITE_BUSY || waited >= kBusyTimeoutMs) fail(wal, N_("setting the journal mode"));
        ::usleep(50 * 1000);
      }
      exec("PRAGMA synchronous=NORMAL");
      // A big import updates the case-number index all over: with SQLite's default 2 MiB cache
      // its pages go to the WAL and back again and again. 96 MiB keeps them (measured by
      // bench-import).
      exec(fmt::format("PRAGMA cache_size=-{}", kCachePages * kPageSize / 1024));  // in KiB, whatever the page size
      // An import is one transaction per file, so the WAL holds up to a file's pages; after
      // each commit SQLite's automatic checkpoint copies them into the store, and the WAL is
      // cut back to this size rather than keeping the largest file's size for good.
      exec("PRAGMA journal_size_limit=67108864");
    }
    exec("PRAGMA foreign_keys=ON");
    migrate();
    if (path != ":memory:") warn_if_readable(path);  // once it is known to be a casestat store
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

// SQLite's own words for the failures a clerk can meet and act on, in the user's language.
static const char* reason(int rc) {
  switch (rc & 0xFF) {
    case SQLITE_CANTOPEN: return _("the file cannot be opened");
    case SQLITE_IOERR: return _("reading or writing the disk failed");
    case SQLITE_PERM: return _("permission denied");
    default: return sqlite3_errstr(rc);
  }
}

void Database::fail(int rc, const char* doing_msgid) const {
  const char* doing = _(doing_msgid);
  int primary = rc & 0xFF;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      system_error("the store {} is busy (another casestat is writing to it); try again when it has finished", path_);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      system_error("the store {} is damaged or is not a casestat store (while {})", path_, doing);
    case SQLITE_FULL:
      system_error("cannot write the store {}: the disk is full", path_);
    case SQLITE_READONLY:
      system_error("cannot write the store {}: it is read-only", path_);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      system_error("cannot use the store {}: {} (while {})", path_, reason(rc), doing);
    default:
      system_error("the store {} failed while {}: {}", path_, doing, sqlite3_errmsg(db_));
  }
}

void Database::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) fail(rc, N_("working on the store"));
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc, N_("preparing a query"));
  return Statement(*this, stmt);
}

void Database::migrate() {
  // user_version is the schema version; 0 is a new, empty file. Each query is its own
  // statement, finished before the next step, so no read transaction is left open.
  auto scalar = [&](const char* sql) {
    Statement stmt = prepare(sql);
    stmt.step();
    return stmt.integer(0);
  };
  auto check = [&](int64_t version) {
    if (version > kSchemaVersion)
      system_error("the store {} was written by a newer casestat (schema version {}, this one reads up to {}): "
                   "use that version or a newer one",
                   path_, version, kSchemaVersion);
    if (version == 0 && scalar("SELECT count(*) FROM sqlite_master") > 0)
      system_error("{} is not a casestat store (it has tables of another program)", path_);
  };
  int64_t version = scalar("PRAGMA user_version");
  check(version);
  if (version == kSchemaVersion) return;
  if (sqlite3_db_readonly(db_, "main") == 1)
    system_error("the store {} is empty or old and cannot be set up read-only; run casestat-import first", path_);
  // Two imports creating the same new store: the second waits here for the first, then finds
  // the schema made.
  Transaction transaction(*this);
  version = scalar("PRAGMA user_version");
  check(version);
  if (version == kSchemaVersion) return;
  for (int64_t v = version; v < kSchemaVersion; ++v) exec(kMigrations[v]);
  if (version == 0) exec("INSERT INTO meta(key, value) VALUES ('created_by', 'casestat')");
  exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  transaction.commit();
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

Statement& Statement::bind(int index, std::nullptr_t) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_->fail(rc, N_("binding a value"));
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_->fail(rc, N_("binding a value"));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) db_->fail(rc, N_("binding a value"));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_->fail(rc, N_("binding a value"));
  return *this;
}

Statement& Statement::bind_in_place(int index, std::string_view text) {
  int rc = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) db_->fail(rc, N_("binding a value"));
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind(index, nullptr);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail(rc, N_("reading or writing records"));
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::rewind() { sqlite3_reset(stmt_); }

std::string Statement::text(int column) const {
  auto data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return data ? std::string(data, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

}  // namespace casestat
