#include <catch2/catch.hpp>

#include "core/calendar.hpp"

using namespace casestat;

TEST_CASE("leap years and the days of a month") {
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2025));
  CHECK_FALSE(is_leap_year(1900));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(2100));
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2025, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2025, 1) == 31);
  CHECK(days_in_month(2025, 4) == 30);
  CHECK(days_in_month(2025, 12) == 31);
  CHECK(is_valid_date(2024, 2, 29));
  CHECK_FALSE(is_valid_date(2025, 2, 29));
  CHECK_FALSE(is_valid_date(2025, 13, 1));
  CHECK_FALSE(is_valid_date(2025, 0, 1));
  CHECK_FALSE(is_valid_date(2025, 4, 31));
  CHECK_FALSE(is_valid_date(2025, 1, 0));
}

TEST_CASE("day numbers count from 1970-01-01") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2025, 1, 1) - days_from_civil(2024, 1, 1) == 366);
  CHECK(days_from_civil(2026, 1, 1) - days_from_civil(2025, 1, 1) == 365);
  CHECK(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28) == 1);
  // Every day from 1899 to 2101 comes back as the date it was made from, one after the other.
  int64_t expected = days_from_civil(1899, 1, 1);
  for (int y = 1899; y <= 2101; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= days_in_month(y, m); ++d) {
        const int64_t n = days_from_civil(y, m, d);
        REQUIRE(n == expected++);
        const CivilDate back = civil_from_days(n);
        REQUIRE(back.year == y);
        REQUIRE(back.month == m);
        REQUIRE(back.day == d);
      }
  CHECK(iso_date(civil_from_days(-1)) == "1969-12-31");
  CHECK(iso_date(civil_from_days(days_from_civil(9999, 12, 31))) == "9999-12-31");
  CHECK(iso_date(CivilDate{1, 1, 1}) == "0001-01-01");
}

TEST_CASE("Excel serials keep the 1900 leap-year bug") {
  CHECK(excel_serial_from_civil(1900, 1, 1) == 1);
  CHECK(excel_serial_from_civil(1900, 2, 28) == 59);
  CHECK(excel_serial_from_civil(1900, 2, 29) == 60);  // the day that never was
  CHECK(excel_serial_from_civil(1900, 3, 1) == 61);
  CHECK(excel_serial_from_civil(1899, 12, 31) == 0);
  CHECK(excel_serial_from_civil(2021, 3, 5) == 44260);
  CHECK(is_excel_fake_leap_day(60, false));
  CHECK_FALSE(is_excel_fake_leap_day(60, true));
  CHECK(iso_date(civil_from_excel_serial(1)) == "1900-01-01");
  CHECK(iso_date(civil_from_excel_serial(59)) == "1900-02-28");
  CHECK(iso_date(civil_from_excel_serial(61)) == "1900-03-01");
  CHECK(iso_date(civil_from_excel_serial(44260)) == "2021-03-05");
  CHECK(iso_date(civil_from_excel_serial(0, true)) == "1904-01-01");
  CHECK(iso_date(civil_from_excel_serial(42798, true)) == "2021-03-05");
  CHECK(excel_serial_from_days(days_from_civil(2021, 3, 5)) == 44260);
  for (int64_t serial = 1; serial < 3000; ++serial) {
    if (serial == 60) continue;
    const CivilDate date = civil_from_excel_serial(serial);
    REQUIRE(excel_serial_from_civil(date.year, date.month, date.day) == serial);
  }
}
