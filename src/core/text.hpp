// UTF-8 text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>

namespace casestat {

// Columns a string takes on a terminal or in a CJK spreadsheet column: 2 for wide (CJK,
// full-width) characters, 1 otherwise.
size_t display_width(std::string_view utf8);

// The length of the longest prefix of `bytes` that is valid UTF-8. `incomplete` (if given) is set
// when the rest is only the start of a character cut off by the end of the buffer.
size_t valid_utf8_prefix(std::string_view bytes, bool* incomplete = nullptr);

// Is the text valid UTF-8?
inline bool is_valid_utf8(std::string_view text) { return valid_utf8_prefix(text) == text.size(); }

// Leading and trailing ASCII white space, full-width spaces (U+3000) and no-break spaces removed.
std::string_view trim(std::string_view text);

// Appends a code point as UTF-8.
void append_utf8(std::string& out, unsigned code_point);

}  // namespace casestat
