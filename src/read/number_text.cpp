// Numbers and Excel serials as the text a user means: plain decimals, ISO dates.
#include <charconv>
#include <cmath>
#include <string>


#include "read/workbook.hpp"

namespace casestat {

std::string plain_decimal(double value) {
  if (std::isnan(value) || std::isinf(value)) return std::isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity");
  if (value == 0) return "0";
  // The shortest text that reads back the same, in scientific form, then written out plainly.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string s(buf, end);
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  size_t e = s.find('e');
  int exponent = std::stoi(s.substr(e + 1));
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  // value = 0.digits * 10^(exponent + 1)
  int point = exponent + 1;  // digits before the decimal point
  std::string out;
  if (point <= 0) {
    out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
  }
  return negative ? "-" + out : out;
}

namespace {
// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void civil_from_days(long long z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long yy = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}
constexpr long long kDays1899_12_30 = -25569;  // 1899-12-30 in days since 1970-01-01
constexpr long long kDays1904_01_01 = -24107;

// "2021-03-05" and "14:30:00" written by hand: this runs for every date cell of a sheet, and
// fmt::format was a tenth of the reading time (bench-import).
void put_digits(std::string& out, long long value, int width) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<size_t>(width));
}

std::string iso_date(int y, unsigned m, unsigned d) {
  std::string out;
  out.reserve(10);
  put_digits(out, y, 4);
  out += '-';
  put_digits(out, m, 2);
  out += '-';
  put_digits(out, d, 2);
  return out;
}

}  // namespace

std::string serial_to_iso(double serial, bool date1904) {
  if (!(serial >= 0) || serial > 2958465.99999)  // beyond 9999-12-31: not a date
    return plain_decimal(serial);
  long long days = static_cast<long long>(std::floor(serial));
  long long seconds = std::llround((serial - static_cast<double>(days)) * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  auto time = [&] {
    std::string t;
    put_digits(t, seconds / 3600, 2);
    t += ':';
    put_digits(t, seconds / 60 % 60, 2);
    t += ':';
    put_digits(t, seconds % 60, 2);
    return t;
  };
  if (days == 0 && !date1904) return time();
  std::string date;
  if (!date1904 && days == 60) {
    date = "1900-02-29";  // Lotus 1-2-3's day that never was; Excel shows it, so do we
  } else {
    long long base = date1904 ? kDays1904_01_01 : kDays1899_12_30;
    if (!date1904 && days < 60) ++days;  // before the fake leap day, serials are one day off
    int y;
    unsigned m, d;
    civil_from_days(base + days, y, m, d);
    date = iso_date(y, m, d);
  }
  return seconds == 0 ? date : date + " " + time();
}

}  // namespace casestat
