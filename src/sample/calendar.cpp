#include "sample/calendar.hpp"

#include <fmt/format.h>

namespace casestat::sample {

int year_of(int64_t days) { return civil_from_days(days).year; }

double excel_serial(int64_t days) { return static_cast<double>(excel_serial_from_days(days)); }

std::string iso_date(int64_t days) { return casestat::iso_date(civil_from_days(days)); }

std::string typed_date(int64_t days, int style) {
  const auto [y, m, d] = civil_from_days(days);
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
