#include "core/location.hpp"

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace casestat {

std::string Location::describe() const {
  std::string text = file;
  std::string sep = ": ";
  if (!sheet.empty()) {
    text += sep + "sheet " + sheet;
    sep = ", ";
  }
  if (row > 0) {
    text += sep + "row " + std::to_string(row);
    sep = ", ";
  }
  if (!column.empty()) text += sep + "column " + column;
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
