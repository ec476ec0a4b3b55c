// The imports table: which file was imported when, with which content, and forgetting one
// file's rows when a new version of it replaces them. Call inside the import's Transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/db.hpp"

namespace casestat {

struct ImportCounts {
  int64_t rows_read = 0;
  int64_t rows_imported = 0;
  int64_t rows_skipped = 0;  // blank and total rows
  int64_t rows_rejected = 0;
};

struct ImportInfo {
  int64_t id = 0;
  std::string file;
  std::string sha256;
  std::string imported_at;  // 'YYYY-MM-DD HH:MM:SS', local time
  ImportCounts counts;
};

std::optional<ImportInfo> find_import_by_sha256(Database& db, std::string_view sha256);
std::optional<ImportInfo> find_import_by_file(Database& db, std::string_view file);
// Adds the imports row (with the counts known so far) and returns its id.
int64_t add_import(Database& db, std::string_view file, std::string_view sha256, std::string_view imported_at,
                   const ImportCounts& counts);
void set_import_counts(Database& db, int64_t import_id, const ImportCounts& counts);
// Removes one import's records and its imports row.
void forget_import(Database& db, int64_t import_id);

// The local time now as 'YYYY-MM-DD HH:MM:SS'.
std::string local_time_now();

}  // namespace casestat
