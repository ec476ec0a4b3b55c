// casestat-check: the reading and validation of casestat-import, without a store.
#pragma once

#include <string>
#include <vector>

#include "ingest/reading.hpp"

namespace casestat {

struct CheckOptions : ReadingOptions {
  std::vector<std::string> files;  // "-" is standard input
  bool quiet = false;
};

// Prints a report per sheet on stdout (header row, title rows, columns and the fields they
// matched, extras, rows, dates recognized) and every problem on stderr. Returns 1 when any
// problem was found, else 0.
int check_files(const CheckOptions& options);

// The report of one sheet (exposed for the tests).
std::string sheet_report(const std::string& file, const SheetSummary& summary, Ledger ledger);

}  // namespace casestat
