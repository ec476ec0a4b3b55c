// UTF-8 text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>

namespace casestat {

// Columns a string takes on a terminal or in a CJK spreadsheet column: 2 for wide (CJK,
// full-width) characters, 1 otherwise.
size_t display_width(std::string_view utf8);

// Is the text valid UTF-8?
bool is_valid_utf8(std::string_view text);

// Leading and trailing ASCII white space, full-width spaces (U+3000) and no-break spaces removed.
std::string_view trim(std::string_view text);

// Appends a code point as UTF-8.
void append_utf8(std::string& out, unsigned code_point);

}  // namespace casestat
