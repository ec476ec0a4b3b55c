// A sheet's layout, format by format the same: its header block (under any title rows), then
// its data rows as the clerk sees them, merged cells filled in, each row said to be data, blank
// or a total (合计). casestat-import, -check and -convert all read sheets through it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/location.hpp"
#include "fields/dictionary.hpp"
#include "fields/header_block.hpp"
#include "read/workbook.hpp"

namespace casestat {

struct SheetOptions {
  int64_t header_row = 0;  // 0 = auto: the first row whose cells match known field names
  int64_t max_header_search = 30;
  bool first_row_if_none = false;  // no header found: take the first row as one (else an error)
};

// A money or count merged down over data rows: one figure for the block, counted once, in the
// range's first row (the rows under it read it as empty).
struct MergedFigure {
  Location where;      // file, sheet, the range's first row, the column's header
  MergedRange range;   // "J5:J7"
  std::string value;   // as the cell shows it
  // "book.xlsx: sheet 台账, row 5, column 救助金额: 3.5 is merged over rows 5-7 (J5:J7): one
  // figure for those rows, counted once, in row 5"
  std::string describe() const;
};

enum class RowKind { data, blank, total };

class LayoutHandler {
 public:
  virtual ~LayoutHandler() = default;
  // The header block and the rows above it left out as titles.
  virtual void header(const HeaderBlock& header, const std::vector<int64_t>& title_rows) = 0;
  // Each row under the header the reader hands on, in order (rows with no cell at all are not:
  // their numbers are missing). A data row's cells have merged values filled in.
  virtual void row(const Row& row, RowKind kind) = 0;
  virtual void merged_figure(const MergedFigure& figure) = 0;
};

// Reads the sheet through `handler`. Throws Error (Exit::data) naming the file and sheet when
// no header is found (unless first_row_if_none), the --header-row is empty, or two columns
// mean one field.
void read_layout(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary, const SheetOptions& options,
                 LayoutHandler& handler);

// 合计, 小计, 总计 (also "合 计", "合计：", "全市合计"): only the first non-empty cell decides.
bool is_total_row(const Row& row);

// Text without spaces (ASCII and U+3000) at either end or inside.
std::string compact(std::string_view text);

}  // namespace casestat
