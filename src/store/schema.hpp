// The store's schema, documented for users who open the store with sqlite3 (README, "The store").
#pragma once

#include <iterator>

namespace casestat {

// Bump with a migration (kMigrations below, applied by Database::migrate in order); a store
// from a newer casestat is refused.
constexpr int kSchemaVersion = 4;

// Version 1. Dates are TEXT 'YYYY-MM-DD'; money is INTEGER 分 (divide by 100 for 元);
// flags are INTEGER 1 (是) / 0 (否); NULL where the ledger had no value.
inline constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  file          TEXT NOT NULL,      -- the file's name as imported (its identity: a new version replaces the old)
                                    -- standard input has none: 'Standard Input (sha256 3f2a9c1d0b7e)'
  sha256        TEXT NOT NULL,      -- content hash: the same content is not imported twice
  imported_at   TEXT NOT NULL,      -- local time, 'YYYY-MM-DD HH:MM:SS'
  rows_read     INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_skipped  INTEGER NOT NULL,   -- blank and total rows
  rows_rejected INTEGER NOT NULL
);
CREATE UNIQUE INDEX imports_file ON imports(file);
CREATE TABLE records (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  ledger      TEXT NOT NULL CHECK (ledger IN ('cases', 'recommendations', 'petitions')),
  sheet       TEXT NOT NULL,        -- '' for CSV
  row         INTEGER NOT NULL,     -- the row number the clerk sees
  case_no     TEXT, case_name TEXT, category TEXT, domain TEXT, unit TEXT, department TEXT,
  handler     TEXT, source TEXT, status TEXT, outcome TEXT, target TEXT,
  received_on TEXT, filed_on TEXT, closed_on TEXT, issued_on TEXT, replied_on TEXT,
  sued_on     TEXT, heard_on TEXT, resolved_on TEXT,
  adopted     INTEGER, resolved INTEGER, backlog INTEGER,
  persons     INTEGER,
  recovered   INTEGER, aid_amount INTEGER, amount INTEGER,   -- 分
  fields      TEXT,                 -- JSON: values of site-defined fields without a column, by field id
  extras      TEXT                  -- JSON: columns not in the field dictionary, by their header
);
CREATE INDEX records_import ON records(import_id);
CREATE INDEX records_ledger_received ON records(ledger, received_on);
CREATE INDEX records_ledger_filed ON records(ledger, filed_on);
CREATE INDEX records_ledger_closed ON records(ledger, closed_on);
CREATE INDEX records_ledger_issued ON records(ledger, issued_on);
CREATE INDEX records_ledger_resolved ON records(ledger, resolved_on);
)SQL";

// Version 2: the indicators are computed in one sequential scan of `records` (a faster way
// than an index walk per indicator, bench-indicators), so the ledger/date indexes only slowed
// imports down (six index updates a row): they are dropped.
inline constexpr const char* kSchemaV2 = R"SQL(
DROP INDEX IF EXISTS records_ledger_received;
DROP INDEX IF EXISTS records_ledger_filed;
DROP INDEX IF EXISTS records_ledger_closed;
DROP INDEX IF EXISTS records_ledger_issued;
DROP INDEX IF EXISTS records_ledger_resolved;
)SQL";

// Version 3: case numbers indexed with their ledger and import, so that an import finds the
// numbers already in the store from other files (the overlap warning) by one lookup per row of
// its own instead of a pass over the whole store; the index answers that lookup alone, without
// reading the stored rows (bench-scale measures what it costs an import).
inline constexpr const char* kSchemaV3 = R"SQL(
CREATE INDEX records_case_no ON records(case_no, ledger, import_id) WHERE case_no IS NOT NULL;
)SQL";

// Version 4: an import belongs to an office, and a file is known by its office and its name
// (every office has a 案件信息.xlsx). A store of one office keeps the default office ''; a
// store shared by a province's offices is a PostgreSQL one (pg_schema.hpp: the same tables).
inline constexpr const char* kSchemaV4 = R"SQL(
ALTER TABLE imports ADD COLUMN office TEXT NOT NULL DEFAULT '';
DROP INDEX imports_file;
CREATE UNIQUE INDEX imports_office_file ON imports(office, file);
)SQL";

// kMigrations[v - 1] takes a store from version v - 1 to v (version 0: a new, empty file).
inline constexpr const char* kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4};
static_assert(std::size(kMigrations) == kSchemaVersion);

// The canonical fields that have a column of their own in `records`; any other field of a
// site's dictionary is stored in records.fields.
inline constexpr const char* kRecordColumns[] = {
    "case_no", "case_name", "category", "domain", "unit", "department", "handler", "source", "status",
    "outcome", "target", "received_on", "filed_on", "closed_on", "issued_on", "replied_on", "sued_on",
    "heard_on", "resolved_on", "adopted", "resolved", "backlog", "persons", "recovered", "aid_amount", "amount"};

}  // namespace casestat
