#include "store/pg_schema.hpp"

namespace casestat {

namespace {

constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7458216390114)";

// -1: no meta table.
int64_t stored_version(PgConnection& conn) {
  PgResult meta = conn.exec("SELECT to_regclass('meta') IS NOT NULL", N_("reading the schema version"));
  if (meta.text(0, 0) != "t") return -1;
  PgResult version =
      conn.exec("SELECT value FROM meta WHERE key = 'schema_version'", N_("reading the schema version"));
  return version.rows() == 0 ? 0 : version.integer(0, 0);
}

void check(PgConnection& conn, int64_t version) {
  if (version > kSchemaVersion)
    system_error("the store {} was written by a newer casestat (schema version {}, this one reads up to {}): "
                 "use that version or a newer one",
                 conn.name(), version, kSchemaVersion);
  if (version < 0) {
    PgResult tables = conn.exec(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", N_("reading the schema version"));
    if (tables.integer(0, 0) > 0)
      system_error("{} is not a casestat store (it has tables of another program)", conn.name());
  }
}

}  // namespace

bool pg_store_exists(PgConnection& conn) { return stored_version(conn) >= 0; }

void prepare_pg_store(PgConnection& conn, bool writable) {
  int64_t version = stored_version(conn);
  check(conn, version);
  if (version == kSchemaVersion) return;
  if (!writable) {
    if (version < 0)
      system_error("no store at {}: import ledgers first (casestat-import --db '{}' FILE...)", conn.name(),
                   conn.name());
    system_error("the store {} is old and cannot be set up read-only; run casestat-import first", conn.name());
  }
  retry_transaction([&] {
    PgTransaction transaction(conn);
    conn.exec(kMigrationLock, N_("waiting for another casestat setting up the store"));
    int64_t now = stored_version(conn);
    check(conn, now);
    if (now == kSchemaVersion) return;
    for (int64_t v = now < 0 ? 0 : now; v < kSchemaVersion; ++v)
      conn.exec(kPgMigrations[v], N_("setting up the store's tables"));
    if (now < 0) conn.exec("INSERT INTO meta(key, value) VALUES ('created_by', 'casestat')", N_("setting up the store"));
    conn.exec({"INSERT INTO meta(key, value) VALUES ('schema_version', $1) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"},
              PgParams{std::to_string(kSchemaVersion)}, N_("setting up the store"));
    transaction.commit();
  });
}

}  // namespace casestat
