// The rejects file of --on-error skip: the rows left out, with why, as CSV that Excel opens.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "fields/sheet_reader.hpp"
#include "read/workbook.hpp"

namespace casestat {

struct RejectedRow {
  std::string file;
  std::string sheet;
  int64_t row = 0;
  std::vector<std::string> columns;   // the columns with a problem, by header
  std::vector<std::string> problems;  // one per column, in the same order
  std::vector<std::string> cells;     // the row as it was in the sheet (column A first)
};

// Groups a sheet's errors by row and reads those rows' original cells from the sheet again
// (a second pass, only over a sheet that had errors), in row order.
std::vector<RejectedRow> rejected_rows(Workbook& workbook, size_t sheet_index, const std::vector<RowError>& errors);

// UTF-8 with a BOM (Excel takes a CSV without one for the local code page), CRLF, RFC 4180
// quoting. Columns: file, sheet, row, column, problem, then the row's cells under their
// letters A, B, ...; a row with several problems has them joined by "; ".
std::string rejects_csv(const std::vector<RejectedRow>& rows);
void write_rejects(const std::filesystem::path& path, const std::vector<RejectedRow>& rows);

}  // namespace casestat
