// Reading a sheet as records: the layout (header block, merged cells, blank and total rows) from
// sheet_layout, then every value parsed by its field's type.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/location.hpp"
#include "fields/dictionary.hpp"
#include "fields/sheet_layout.hpp"
#include "read/workbook.hpp"

namespace casestat {

// A parsed value: null (empty cell), text/date ("2021-03-05"), or an integer (money in 分,
// counts, flags as 1/0).
using Value = std::variant<std::monostate, std::string, int64_t>;

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

struct SheetSummary {
  std::string sheet;
  int64_t header_first_row = 0;        // the header block's first row (captions above the names)
  int64_t header_row = 0;              // the row of the field names, the header's last
  std::vector<int64_t> title_rows;     // rows above the header that were skipped
  std::vector<Column> columns;         // the bound columns (序号 left out)
  int64_t rows_read = 0;               // data rows below the header
  int64_t rows_ok = 0;
  int64_t rows_blank = 0;              // skipped: no value in any column
  int64_t rows_total = 0;              // skipped: 合计, 小计, 总计 rows
  int64_t rows_rejected = 0;
  int64_t dates_recognized = 0;        // values read as dates
  std::vector<RowError> errors;        // every error, not only the first
  std::vector<MergedFigure> merged_figures;  // money and counts merged down, each counted once
  // "header on row 3", "header on rows 2-3"
  std::string header_words() const;
};

// Reads sheet `sheet_index`; calls on_record for each good row (rows with errors are counted
// and listed in summary.errors, not passed on). Throws Error (Exit::data) for a sheet-level
// problem: header not found, two columns meaning the same field (duplicate header).
using RecordHandler = std::function<void(const Record&)>;
SheetSummary read_records(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary,
                          const SheetOptions& options, const RecordHandler& on_record);

}  // namespace casestat
