#include "read/number_text.hpp"

#include <charconv>
#include <cmath>

#include "core/calendar.hpp"

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
// "14:30:00" written by hand: this runs for every date-time cell of a sheet, and fmt::format
// was a tenth of the reading time (bench-import).
void put_digits(std::string& out, long long value, int width) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<size_t>(width));
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
  // Lotus 1-2-3's day that never was; Excel shows it, so do we.
  std::string date = is_excel_fake_leap_day(days, date1904) ? std::string("1900-02-29")
                                                            : iso_date(civil_from_excel_serial(days, date1904));
  return seconds == 0 ? date : date + " " + time();
}

}  // namespace casestat
