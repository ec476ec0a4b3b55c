#include "sample/calendar.hpp"

#include <fmt/format.h>

namespace casestat::sample {

// Howard Hinnant's algorithms (proleptic Gregorian calendar).
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

int year_of(int64_t days) {
  int y, m, d;
  civil_from_days(days, y, m, d);
  return y;
}

double excel_serial(int64_t days) { return static_cast<double>(days + 25569); }

std::string iso_date(int64_t days) {
  int y, m, d;
  civil_from_days(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string typed_date(int64_t days, int style) {
  int y, m, d;
  civil_from_days(days, y, m, d);
  switch (style % kTypedDateStyles) {
    case 0: return fmt::format("{}年{}月{}日", y, m, d);
    case 1: return fmt::format("{}.{}.{}", y, m, d);
    case 2: return fmt::format("{}/{}/{}", y, m, d);
    case 3: return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    case 4: return fmt::format("{:04}{:02}{:02}", y, m, d);
    case 5: return fmt::format("{}年{}月{}号", y, m, d);
    default: return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", y, m, d, 8 + d % 10, (m * 7) % 60);
  }
}

int64_t some_day(Random& r, int growth) {
  const int64_t first_year = kSecondYear - kFirstDay, second_year = kLastDay - kSecondYear + 1;
  const bool second = r.below(200 + growth) >= 100;
  return second ? kSecondYear + r.below(second_year) : kFirstDay + r.below(first_year);
}

}  // namespace casestat::sample
