// Reading a sheet as records: finds the header row under any title rows, binds columns to
// fields, skips blank and total rows, and parses every value by its field's type.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/location.hpp"
#include "fields/dictionary.hpp"
#include "read/workbook.hpp"

namespace casestat {

// A parsed value: null (empty cell), text/date ("2021-03-05"), or an integer (money in 分,
// counts, flags as 1/0).
using Value = std::variant<std::monostate, std::string, int64_t>;

struct Column {
  size_t index = 0;           // 0-based column in the sheet
  std::string header;         // the sheet's own header text
  const Field* field = nullptr;  // nullptr: an extra column, kept as text under its header
  int64_t fen_per_unit = 100;
};

struct Record {
  int64_t row = 0;
  std::vector<std::pair<const Field*, Value>> values;  // only non-null values
  nlohmann::json extras;  // header -> text, for extra columns (null until there is one: no allocation per row)
};

struct RowError {
  Location where;       // file, sheet, row, column (the column's header)
  std::string message;  // e.g. cannot read "2021年13月5日" as a date
  std::string describe() const { return where.describe() + ": " + message; }
};

struct SheetOptions {
  int64_t header_row = 0;  // 0 = auto: the first row whose cells match known field names
  int64_t max_header_search = 30;
};

struct SheetSummary {
  std::string sheet;
  int64_t header_row = 0;
  std::vector<int64_t> title_rows;     // rows above the header that were skipped
  std::vector<Column> columns;         // the bound columns (序号 left out)
  int64_t rows_read = 0;               // data rows below the header
  int64_t rows_ok = 0;
  int64_t rows_blank = 0;              // skipped: no value in any column
  int64_t rows_total = 0;              // skipped: 合计, 小计, 总计 rows
  int64_t rows_rejected = 0;
  int64_t dates_recognized = 0;        // values read as dates
  std::vector<RowError> errors;        // every error, not only the first
};

// Reads sheet `sheet_index`; calls on_record for each good row (rows with errors are counted
// and listed in summary.errors, not passed on). Throws Error (Exit::data) for a sheet-level
// problem: header not found, two columns meaning the same field (duplicate header).
using RecordHandler = std::function<void(const Record&)>;
SheetSummary read_records(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary,
                          const SheetOptions& options, const RecordHandler& on_record);

}  // namespace casestat
