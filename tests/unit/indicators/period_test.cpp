#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "indicators/period.hpp"

using namespace casestat;

namespace {
std::string span(const Period& p) { return p.id + " " + p.label + " " + p.from + ".." + p.to; }
}  // namespace

TEST_CASE("periods in every form clerks type") {
  CHECK(span(parse_period("2025H1", "")) == "2025H1 2025年上半年 2025-01-01..2025-06-30");
  CHECK(span(parse_period("2025年上半年", "")) == "2025H1 2025年上半年 2025-01-01..2025-06-30");
  CHECK(span(parse_period("2025H2", "")) == "2025H2 2025年下半年 2025-07-01..2025-12-31");
  CHECK(span(parse_period("2025Q3", "")) == "2025Q3 2025年第三季度 2025-07-01..2025-09-30");
  CHECK(span(parse_period("2025年三季度", "")) == "2025Q3 2025年第三季度 2025-07-01..2025-09-30");
  CHECK(span(parse_period("2025年第一季度", "")) == "2025Q1 2025年第一季度 2025-01-01..2025-03-31");
  CHECK(span(parse_period("2024-02", "")) == "2024M02 2024年2月 2024-02-01..2024-02-29");
  CHECK(span(parse_period("2025M1-9", "")) == "2025M01-09 2025年1-9月 2025-01-01..2025-09-30");
  CHECK(span(parse_period("2025年1-9月", "")) == "2025M01-09 2025年1-9月 2025-01-01..2025-09-30");
  CHECK(span(parse_period("2025年1至9月", "")) == "2025M01-09 2025年1-9月 2025-01-01..2025-09-30");
  CHECK(span(parse_period("2025", "")) == "2025 2025年 2025-01-01..2025-12-31");
  CHECK(span(parse_period("2025年3月", "")) == "2025M03 2025年3月 2025-03-01..2025-03-31");
  CHECK(parse_period("2025-01-01..2025-02-15", "").to == "2025-02-15");
}

TEST_CASE("a bad period is a usage error that lists the forms") {
  for (const char* bad : {"2025H3", "2025Q5", "2025-13", "2025M9-1", "上半年", "2025-02-30..2025-03-01", "auto-year"}) {
    INFO(bad);
    try {
      parse_period(bad, "2026-11-24");
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::usage);
      CHECK(std::string(e.what()).find("2025H1") != std::string::npos);
    }
  }
}

TEST_CASE("auto periods are the latest complete ones before today") {
  CHECK(parse_period("auto", "2026-11-24").id == "2026H1");
  CHECK(parse_period("auto", "2026-07-01").id == "2026H1");
  CHECK(parse_period("auto", "2026-06-30").id == "2025H2");
  CHECK(parse_period("auto", "2026-01-05").id == "2025H2");
  CHECK(parse_period("auto-quarter", "2026-11-24").id == "2026Q3");
  CHECK(parse_period("auto-quarter", "2026-02-01").id == "2025Q4");
  CHECK(parse_period("auto-month", "2026-11-24").id == "2026M10");
  CHECK(parse_period("auto-month", "2026-01-24").id == "2025M12");
}

TEST_CASE("the base period: a year earlier, or the period just before") {
  CHECK(base_period(parse_period("2025H1", ""), Compare::yoy)->id == "2024H1");
  CHECK(base_period(parse_period("2025M1-9", ""), Compare::yoy)->label == "2024年1-9月");
  CHECK(base_period(parse_period("2025Q2", ""), Compare::prev)->id == "2025Q1");
  CHECK(base_period(parse_period("2025Q1", ""), Compare::prev)->id == "2024Q4");
  CHECK(base_period(parse_period("2025H1", ""), Compare::prev)->id == "2024H2");
  CHECK(base_period(parse_period("2025-03", ""), Compare::prev)->id == "2025M02");
  CHECK(base_period(parse_period("2024-02-29..2024-03-10", ""), Compare::yoy)->from == "2023-02-28");
  Period before = *base_period(parse_period("2025-03-01..2025-03-10", ""), Compare::prev);
  CHECK(before.from == "2025-02-19");
  CHECK(before.to == "2025-02-28");
  CHECK_FALSE(base_period(parse_period("2025H1", ""), Compare::none).has_value());
}
