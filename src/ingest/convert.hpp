// casestat-convert: any ledger (xlsx, xls, CSV in any encoding) as clean UTF-8 CSV, TSV or JSON
// lines, with the same reading code as casestat-import: title rows and 合计 rows left out,
// dates as 2021-03-05, numbers as plain decimals.
#pragma once

#include <string>
#include <vector>

#include "ingest/reading.hpp"

namespace casestat {

enum class ConvertFormat { csv, tsv, jsonl };

struct ConvertOptions : ReadingOptions {
  ConvertFormat to = ConvertFormat::csv;
  bool neutralize_formulas = false;  // CSV/TSV: a cell starting with = + - @ gets a leading '
  bool quiet = false;
  std::vector<std::string> files;    // "-" is standard input
};

// Writes every chosen sheet to standard output. Returns the exit code.
int convert_command(const ConvertOptions& options);

// One field for CSV (RFC 4180 quoting) or TSV (tabs and line breaks become spaces), with the
// formula neutralizing of --neutralize-formulas (exposed for the tests).
std::string csv_field(const std::string& value, bool neutralize);
std::string tsv_field(const std::string& value, bool neutralize);

}  // namespace casestat
