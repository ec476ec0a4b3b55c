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
  if (end == value.size()) return "\"" + printable(value) + "\"";
  return fmt::format("\"{}…\" ({} bytes)", printable(value.substr(0, end)), value.size());
}

std::string Location::describe() const {
  std::string text = printable(file);
  std::string sep = ": ";
  if (!sheet.empty()) {
    text += sep + "sheet " + printable(sheet);
    sep = ", ";
  }
  if (row > 0) {
    text += sep + "row " + std::to_string(row);
    sep = ", ";
  }
  if (!column.empty()) text += sep + "column " + printable(column);
  return text;
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
