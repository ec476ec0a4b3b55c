// Periods: what clerks type (2025H1, 2025年上半年, 2025M1-9, auto) and what they are.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casestat {

struct Period {
  std::string id;     // 2025H1, 2025Q3, 2025M03, 2025M01-09, 2025, 2025-01-01..2025-02-15
  std::string label;  // 2025年上半年, 2025年第三季度, 2025年3月, 2025年1-9月, 2025年
  std::string from;   // inclusive, YYYY-MM-DD
  std::string to;     // inclusive
};

// Accepts 2025H1, 2025H2, 2025Q1..Q4, 2025-03 / 2025M3 / 2025M03, 2025 (全年), 2025M1-9
// (cumulative), 2025-01-01..2025-06-30, and the Chinese forms 2025年上半年, 2025年下半年,
// 2025年第三季度 / 2025年三季度 / 2025年一季度, 2025年3月, 2025年1-9月 / 2025年1至9月, 2025年全年 / 2025年度;
// and auto (the latest complete half-year before `today`), auto-quarter, auto-month.
// A usage Error lists the accepted forms.
Period parse_period(std::string_view text, std::string_view today);

enum class Compare { yoy, prev, none };
Compare parse_compare(std::string_view text);
const char* compare_word(Compare compare);  // 同比, 环比, ""

// The base period: the same dates a year earlier (yoy), or the period of the same length just
// before (prev: Q2 -> Q1, H1 -> the previous H2, a month -> the month before).
std::optional<Period> base_period(const Period& period, Compare compare);

// Today's date as YYYY-MM-DD (local time).
std::string today_iso();
// The --today option's value, refused (a usage error about --today) unless it is a real date
// YYYY-MM-DD between 1990 and 2100, the years a period may name.
std::string checked_today(std::string_view text);

}  // namespace casestat
