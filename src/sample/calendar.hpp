// Days as numbers (days since 1970-01-01), the two years the sample covers, and the ways
// clerks type a date by hand.
#pragma once

#include <cstdint>
#include <string>

#include "core/calendar.hpp"
#include "sample/random.hpp"

namespace casestat::sample {

// Day numbers are core/calendar.hpp's (days since 1970-01-01).
using casestat::civil_from_days;
using casestat::days_from_civil;
int year_of(int64_t days);

double excel_serial(int64_t days);  // the 1900 date system (days after 1900-03-01 are right)
std::string iso_date(int64_t days);  // 2025-03-05
// Every text form of a date the readers accept: 2025年3月5日 (style 0), 2025.3.5 (1),
// 2025/3/5 (2), 2025-03-05 (3), 20250305 (4), 2025年3月5号 (5), 2025-03-05 09:30 (6: a time
// after the date, as systems export it).
constexpr int kTypedDateStyles = 7;
std::string typed_date(int64_t days, int style);

// The sample's two full years, 2024 and 2025.
inline const int64_t kFirstDay = days_from_civil(2024, 1, 1);
inline const int64_t kLastDay = days_from_civil(2025, 12, 31);
inline const int64_t kSecondYear = days_from_civil(2025, 1, 1);

// A day of the two years, with about `growth` percent more in 2025 than in 2024 (negative: fewer).
int64_t some_day(Random& random, int growth);

}  // namespace casestat::sample
