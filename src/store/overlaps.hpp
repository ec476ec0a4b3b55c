// Case numbers (案号) of one import that other imports of the same ledger hold too: the sign of
// one file imported twice under two names, or of cumulative exports (1-3月, then 1-6月), whose
// cases every figure would count twice.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.hpp"
#include "store/records.hpp"

namespace casestat {

struct Overlap {
  std::string other_file;  // the other import's file
  int64_t shared = 0;      // distinct case numbers of this import found in that file
  int64_t own = 0;         // distinct case numbers of this import
};

// By other file, sorted by its name: the import's rows, each looked up in the case-number index,
// whatever the size of the store.
std::vector<Overlap> find_overlaps(Database& db, int64_t import_id);
// Its query (?1: the import's id), for a test of its plan.
extern const char* const kOverlapsQuery;

// The same overlaps, looked up while the import is written, by the thread that reads the sheet
// (which waits on the store's inserts anyway), rather than by the whole import after it: its
// own read connection sees the store as it was before the import, which holds the write lock.
//
// Made on the import's connection inside its transaction (BEGIN IMMEDIATE), after the import
// of the file it replaces, if any, was forgotten (`replaced`: that import's id, else 0); then
// look_up() for each batch written, finish() before the transaction commits (the look-up's
// snapshot would hold the import's pages in the WAL), and overlaps().
// A store in memory has no second connection: the overlaps are then found by find_overlaps.
class OverlapProbe {
 public:
  OverlapProbe(Database& db, int64_t import_id, int64_t replaced);
  ~OverlapProbe();
  OverlapProbe(const OverlapProbe&) = delete;
  OverlapProbe& operator=(const OverlapProbe&) = delete;

  // The batch's case numbers, written to `ledger`. On one thread at a time.
  void look_up(std::string_view ledger, const RecordBatch& batch);
  // Ends the look-up and its read connection.
  void finish();
  // As find_overlaps would give them on `db`, the import's connection, now; finishes first.
  std::vector<Overlap> overlaps(Database& db);

 private:
  int64_t import_id_;
  int64_t replaced_;
  bool in_memory_;
  std::unique_ptr<Database> store_;     // the read connection; none once there is nothing to look up
  std::optional<Statement> find_;       // the import ids holding a case number in a ledger
  std::map<int64_t, std::set<std::string>> found_;  // by other import: the shared case numbers
  std::map<int64_t, std::string> files_;            // of those imports, read by finish()
  std::string scratch_;
};

}  // namespace casestat
