// The proleptic Gregorian calendar as day numbers (days since 1970-01-01), and Excel's serial
// dates. Every stage that counts days uses these, so a leap year is decided in one place.
#pragma once

#include <cstdint>
#include <string>

namespace casestat {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1..12
// Does the date exist (month 1..12, day within the month)? Any year.
bool is_valid_date(int year, int month, int day);

// Days since 1970-01-01 (negative before), H. Hinnant's algorithms.
int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(int64_t days);

// "2025-03-05" (the year zero-padded to four digits).
std::string iso_date(const CivilDate& date);

// Excel's 1900 date system counts 1900-02-29, a day that never was (kept from Lotus 1-2-3):
// serial 60 is that day, serials below 60 are one day later than their count suggests.
inline constexpr int64_t kExcelFakeLeapDay = 60;
// The serial (whole days) of a date in the 1900 system; 1900-02-29 gives 60.
int64_t excel_serial_from_civil(int year, int month, int day);
// The date of a whole serial, 1900 or 1904 system. Serial 60 in the 1900 system is not a date:
// the caller shows it as "1900-02-29" (see is_excel_fake_leap_day).
CivilDate civil_from_excel_serial(int64_t serial, bool date1904 = false);
inline bool is_excel_fake_leap_day(int64_t serial, bool date1904) { return !date1904 && serial == kExcelFakeLeapDay; }
// Day number of a serial counted as days since 1899-12-30, valid from 1900-03-01 on (what
// writers use, since they never write earlier dates).
int64_t excel_serial_from_days(int64_t days);

}  // namespace casestat
