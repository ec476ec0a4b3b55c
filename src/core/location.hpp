// Where a value came from. One wording for a position everywhere:
//   "台账.xlsx: sheet 公益诉讼, row 17, column 立案日期"
// Rows are the row numbers the clerk sees in Excel (1-based; for CSV the line's record number,
// the first record being row 1). Columns are named by their header when it is known, else by
// their letter (A, B, ..., AA).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

// Text as a message may print it: control characters (newline, ESC, ...) and bytes that are not
// UTF-8 written as escapes (\n, \t, \x1b), so a value can neither forge a line of a log nor
// drive the terminal. Location::describe and the message printer (core/cli.hpp) apply it.
std::string printable(std::string_view text);

// A value quoted in a message: "…" with at most kQuotedChars characters of it, the rest cut
// with an ellipsis and the value's length in bytes; printable() applied.
inline constexpr size_t kQuotedChars = 200;
std::string quoted_value(std::string_view value);

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letter(int64_t zero_based_index);

}  // namespace casestat
