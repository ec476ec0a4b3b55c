#include "read/xls_dates.hpp"

#include <charconv>

#include "core/calendar.hpp"

namespace casestat {

namespace {

bool number(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

// "HH:MM:SS" at pos -> fraction of a day.
bool time_of_day(std::string_view s, size_t pos, double& fraction) {
  int h, m, sec;
  if (s.size() != pos + 8 || s[pos + 2] != ':' || s[pos + 5] != ':' || !number(s, pos, 2, h) ||
      !number(s, pos + 3, 2, m) || !number(s, pos + 6, 2, sec) || h > 24 || m > 59 || sec > 59)
    return false;
  fraction = (h * 3600 + m * 60 + sec) / 86400.0;
  return true;
}

}  // namespace

std::optional<XlsDate> xls_date_cell(std::string_view s) {
  double fraction = 0;
  if (s.size() == 8) {
    if (!time_of_day(s, 0, fraction)) return std::nullopt;
    return XlsDate{std::string(s), fraction};
  }
  int y, m, d;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !number(s, 0, 4, y) || !number(s, 5, 2, m) ||
      !number(s, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  if (s.size() > 10 && (s[10] != ' ' || !time_of_day(s, 11, fraction))) return std::nullopt;
  const double serial = static_cast<double>(excel_serial_from_civil(y, m, d));
  std::string text(s.substr(0, fraction == 0 ? 10 : s.size()));
  return XlsDate{std::move(text), serial + fraction};
}

}  // namespace casestat
