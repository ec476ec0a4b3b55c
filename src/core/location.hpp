// Where a value came from. One wording for a position everywhere:
//   "台账.xlsx: sheet 公益诉讼, row 17, column 立案日期"
// Rows are the row numbers the clerk sees in Excel (1-based; for CSV the line's record number,
// the first record being row 1). Columns are named by their header when it is known, else by
// their letter (A, B, ..., AA).
#pragma once

#include <cstdint>
#include <string>

namespace casestat {

struct Location {
  std::string file;    // as the user named it; "Standard Input" for "-"
  std::string sheet;   // empty for CSV
  int64_t row = 0;     // 0 = the whole sheet/file
  std::string column;  // empty = the whole row

  // "FILE", "FILE: sheet S", "FILE: sheet S, row R", "FILE: sheet S, row R, column C";
  // for CSV without a sheet: "FILE: row R, column C".
  std::string describe() const;
};

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letter(int64_t zero_based_index);

}  // namespace casestat
