// UTF-8 text helpers shared by the stages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casestat {

// A whole decimal number that is all of `text` ("-12"), else nothing ("12a", "1.5", "").
std::optional<int64_t> whole_number(std::string_view text);

// The UTF-8 byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Columns a string takes on a terminal or in a CJK spreadsheet column: 2 for wide (CJK,
// full-width) characters, 1 otherwise.
size_t display_width(std::string_view utf8);

// The length of the longest prefix of `bytes` that is valid UTF-8. `incomplete` (if given) is set
// when the rest is only the start of a character cut off by the end of the buffer.
size_t valid_utf8_prefix(std::string_view bytes, bool* incomplete = nullptr);

// Is the text valid UTF-8?
inline bool is_valid_utf8(std::string_view text) { return valid_utf8_prefix(text) == text.size(); }

// The text as valid XML 1.0 character data, for everything casestat writes into XML (workbook
// cells, sheet names, charts, titles and properties, SVG): characters XML 1.0 forbids (C0
// controls other than tab, newline and carriage return; U+FFFE and U+FFFF; surrogates) and
// bytes that are not UTF-8 each become U+FFFD, the replacement character, so that the reader
// sees where the ledger held something that cannot be shown, and the words around it stay
// apart. Valid text comes back unchanged. Escaping of & < > is left to the XML writer.
std::string xml_text(std::string_view text);

// Leading and trailing ASCII white space, full-width spaces (U+3000) and no-break spaces removed.
std::string_view trim(std::string_view text);

// Appends a code point as UTF-8.
void append_utf8(std::string& out, unsigned code_point);

}  // namespace casestat
