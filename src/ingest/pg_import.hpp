// casestat-import into a PostgreSQL store shared by several offices. Each file is read and
// checked exactly as for an SQLite store (import_workbook, into a private store in memory), then
// sent to the server in one transaction of its own with COPY: all of the file or nothing, the
// same content never twice, a changed file replacing its earlier version of the same office.
#pragma once

#include <string>

#include "ingest/import.hpp"
#include "store/db.hpp"
#include "store/pg_connection.hpp"

namespace casestat {

int pg_import_command(const ImportOptions& options);
int pg_forget_files(const ImportOptions& options);

// --from-store FILE: every import of an office's SQLite store, with its file names, hashes,
// import times and counts, into the shared store (each import one transaction).
int import_from_store(const ImportOptions& options);

// The office the imports are for: --office, else the site settings' `office`, else the one the
// store maps the connected role to (office_roles), else '' (one default office).
std::string import_office(const ImportOptions& options, PgConnection* conn);

}  // namespace casestat
