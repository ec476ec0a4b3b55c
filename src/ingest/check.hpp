// casestat-check: the reading and validation of casestat-import, without a store.
#pragma once

#include <string>
#include <vector>

#include "ingest/reading.hpp"

namespace casestat {

struct CheckOptions : ReadingOptions {
  std::vector<std::string> files;  // "-" is standard input
  bool quiet = false;
  std::string problems;  // --problems FILE.xlsx|FILE.csv: the list of problems to send back
  std::string today;     // YYYY-MM-DD: later dates are in the future
};

// Prints a report per sheet on stdout (header row, title rows, columns and the fields they
// matched, extras, rows, dates recognized), every value it cannot read on stderr, a warning
// for each 承办单位 the site does not know, and how many problems of each kind the ledgers have
// (ingest/problems.hpp); with --problems, writes them all. Returns 1 when a value cannot be
// read (casestat-import would refuse the file), else 0.
int check_command(const CheckOptions& options);

// The report of one sheet (exposed for the tests).
std::string sheet_report(const std::string& file, const SheetSummary& summary, Ledger ledger);

}  // namespace casestat
