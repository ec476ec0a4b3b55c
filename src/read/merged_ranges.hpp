// Merged ranges whatever the format: read from their A1 notation, checked as Excel would (no
// overlaps), and walked along a sheet's rows as they stream by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/workbook.hpp"

namespace casestat {

// "B4:B24" (or "B4", one cell) within the limits' last row and column; nullopt when the text is
// not a reference, or reaches beyond the sheet.
std::optional<MergedRange> parse_merged_range(std::string_view ref, const ReadLimits& limits);

// Sorts the ranges by first row then column and leaves out ranges of one cell (they merge
// nothing). Two ranges that share a cell are a damaged file (Excel repairs it when it opens it):
// throws Error (Exit::data) "WHERE: the file is damaged: the merged ranges A1:B2 and B2:C3
// overlap ...". O(n log n) in the number of ranges, nothing per cell.
void settle_merged_ranges(std::vector<MergedRange>& ranges, const std::string& where);

// Walks sorted ranges along a sheet's rows (rows given in increasing order, gaps allowed): at
// each row, the ranges that cover it, each with room for the value of its top-left cell. Memory
// is the ranges active at once (at most one per column), whatever their size.
class MergeCursor {
 public:
  struct Active {
    const MergedRange* range = nullptr;
    Cell top_left;             // the range's value, once its first row was seen (kept by the caller)
    bool top_left_seen = false;
  };
  explicit MergeCursor(const std::vector<MergedRange>& ranges) : ranges_(ranges) {}
  // The ranges covering `row`; ranges whose last row is above it are dropped.
  std::vector<Active>& advance_to(int64_t row);

 private:
  const std::vector<MergedRange>& ranges_;
  size_t next_ = 0;
  std::vector<Active> active_;
};

}  // namespace casestat
