// The imports table: which file was imported when, with which content, and forgetting one
// file's rows when a new version of it replaces them. Call inside the import's Transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Case numbers (案号) of one import that other imports of the same ledger hold too.
struct Overlap {
  std::string other_file;  // the other import's file
  int64_t shared = 0;      // distinct case numbers of this import found in that file
  int64_t own = 0;         // distinct case numbers of this import
};
// By other file, sorted by its name. One index lookup per row of the import, whatever the size
// of the store.
std::vector<Overlap> find_overlaps(Database& db, int64_t import_id);
// Its query (?1: the import's id), for a test of its plan.
extern const char* const kOverlapsQuery;

// The local time now as 'YYYY-MM-DD HH:MM:SS'.
std::string local_time_now();

}  // namespace casestat
