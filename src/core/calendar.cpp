#include "core/calendar.hpp"

#include <array>

namespace casestat {

namespace {
constexpr int64_t kDays1899_12_30 = -25569;  // days since 1970-01-01
constexpr int64_t kDays1904_01_01 = -24107;
}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return days[static_cast<size_t>(month - 1)] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

bool is_valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int64_t days_from_civil(int year, int month, int day) {
  const int64_t y = int64_t{year} - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

std::string iso_date(const CivilDate& date) {
  // Written by hand: this runs for every date cell of a sheet, and fmt::format was a tenth of
  // the reading time (bench-import).
  char buf[10];
  int y = date.year;
  for (int i = 3; i >= 0; --i, y /= 10) buf[i] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + date.month / 10);
  buf[6] = static_cast<char>('0' + date.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + date.day / 10);
  buf[9] = static_cast<char>('0' + date.day % 10);
  return std::string(buf, sizeof buf);
}

int64_t excel_serial_from_civil(int year, int month, int day) {
  if (year == 1900 && month == 2 && day == 29) return kExcelFakeLeapDay;
  const int64_t serial = days_from_civil(year, month, day) - kDays1899_12_30;
  return serial < kExcelFakeLeapDay + 1 ? serial - 1 : serial;  // before the fake day: one less
}

CivilDate civil_from_excel_serial(int64_t serial, bool date1904) {
  if (date1904) return civil_from_days(kDays1904_01_01 + serial);
  if (serial < kExcelFakeLeapDay) ++serial;  // before the fake leap day, serials are one day off
  return civil_from_days(kDays1899_12_30 + serial);
}

int64_t excel_serial_from_days(int64_t days) { return days - kDays1899_12_30; }

}  // namespace casestat
