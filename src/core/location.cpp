#include "core/location.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace casestat {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t valid = i + valid_utf8_prefix(text.substr(i));
    for (; i < valid; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != 0x7F) {
        out += text[i];
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else {
        out += fmt::format("\\x{:02x}", c);
      }
    }
    if (i < text.size()) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i++]));  // not UTF-8
  }
  return out;
}

std::string quoted_value(std::string_view value) {
  size_t end = 0;
  for (size_t chars = 0; end < value.size() && chars < kQuotedChars; ++chars) {
    ++end;
    while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
  }
  if (end == value.size()) return translate("\"{}\"", printable(value));
  return translate("\"{}…\" ({} bytes)", printable(value.substr(0, end)), value.size());
}

std::string Location::describe() const {
  // Whole phrases rather than pieces, so that a language can order and join them its own way
  // ("台账.xlsx: 工作表「公益诉讼」第17行，列「立案日期」").
  const std::string name = printable(file);
  const std::string sheet_name = printable(sheet);
  const std::string column_name = printable(column);
  const bool has_sheet = !sheet.empty(), has_row = row > 0, has_column = !column.empty();
  if (has_sheet && has_row && has_column)
    return translate("{}: sheet {}, row {}, column {}", name, sheet_name, row, column_name);
  if (has_sheet && has_row) return translate("{}: sheet {}, row {}", name, sheet_name, row);
  if (has_sheet && has_column) return translate("{}: sheet {}, column {}", name, sheet_name, column_name);
  if (has_sheet) return translate("{}: sheet {}", name, sheet_name);
  if (has_row && has_column) return translate("{}: row {}, column {}", name, row, column_name);
  if (has_row) return translate("{}: row {}", name, row);
  if (has_column) return translate("{}: column {}", name, column_name);
  return name;
}

std::string column_letter(int64_t index) {
  std::string letters;
  for (int64_t n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

std::string errno_text(int errnum) {
  char buffer[256];
  // GNU strerror_r returns the message, which may or may not be the buffer.
  return ::strerror_r(errnum, buffer, sizeof buffer);
}

}  // namespace casestat
