#include "indicators/period.hpp"

#include <ctime>
#include <regex>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "core/error.hpp"

namespace casestat {

namespace {

const char* const kChineseNumbers[] = {"", "一", "二", "三", "四"};

std::string ymd(int y, int m, int d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

Period months(int y, int first, int last) {
  Period p;
  p.from = ymd(y, first, 1);
  p.to = ymd(y, last, days_in_month(y, last));
  if (first == 1 && last == 12) {
    p.id = std::to_string(y);
    p.label = fmt::format("{}年", y);
  } else if (first == 1 && last == 6) {
    p.id = fmt::format("{}H1", y);
    p.label = fmt::format("{}年上半年", y);
  } else if (first == 7 && last == 12) {
    p.id = fmt::format("{}H2", y);
    p.label = fmt::format("{}年下半年", y);
  } else if (last - first == 2 && (first - 1) % 3 == 0) {
    int q = (first - 1) / 3 + 1;
    p.id = fmt::format("{}Q{}", y, q);
    p.label = fmt::format("{}年第{}季度", y, kChineseNumbers[q]);
  } else if (first == last) {
    p.id = fmt::format("{}M{:02}", y, first);
    p.label = fmt::format("{}年{}月", y, first);
  } else {
    p.id = fmt::format("{}M{:02}-{:02}", y, first, last);
    p.label = fmt::format("{}年{}-{}月", y, first, last);
  }
  return p;
}

bool valid_iso(const std::string& s) {
  int y, m, d;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || s.size() != 10) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

[[noreturn]] void bad_period(std::string_view text) {
  usage_error("--period {}: not a period; use 2025H1, 2025H2, 2025Q3, 2025-03, 2025M1-9, 2025, "
              "2025-01-01..2025-06-30, 2025年上半年, 2025年第三季度, 2025年1-9月, auto, auto-quarter or auto-month",
              text);
}

int quarter_number(const std::string& s) {
  if (s == "1" || s == "一") return 1;
  if (s == "2" || s == "二") return 2;
  if (s == "3" || s == "三") return 3;
  if (s == "4" || s == "四") return 4;
  return 0;
}

}  // namespace

std::string today_iso() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string checked_today(std::string_view text) {
  std::string today(text);
  if (!valid_iso(today) || today < "1990-01-01" || today > "2100-12-31")
    usage_error("--today {}: not a date between 1990 and 2100; use YYYY-MM-DD, e.g. 2025-07-15", text);
  return today;
}

Period parse_period(std::string_view text_view, std::string_view today) {
  std::string text(text_view);
  std::smatch m;
  auto year_ok = [&](int y) {
    if (y < 1990 || y > 2100) bad_period(text);
    return y;
  };
  if (text == "auto" || text == "auto-quarter" || text == "auto-month") {
    int y, mo, d;
    if (std::sscanf(std::string(today).c_str(), "%d-%d-%d", &y, &mo, &d) != 3) bad_period(text);
    int done = mo - 1;  // months complete before today's month
    if (text == "auto-month") return done == 0 ? months(y - 1, 12, 12) : months(y, done, done);
    int size = text == "auto" ? 6 : 3;
    int last = done / size * size;
    if (last == 0) return months(y - 1, 12 - size + 1, 12);
    return months(y, last - size + 1, last);
  }
  static const std::regex half(R"((\d{4})[Hh]([12]))"), quarter(R"((\d{4})[Qq]([1-4]))"),
      month(R"((\d{4})(?:-|[Mm])(\d{1,2}))"), cumulative(R"((\d{4})[Mm](\d{1,2})-(\d{1,2}))"), year(R"((\d{4}))"),
      range(R"((\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}))"), zh_half(R"((\d{4})年(上|下)半年)"),
      zh_quarter(R"((\d{4})年(?:第)?(1|2|3|4|一|二|三|四)季度)"), zh_month(R"((\d{4})年(\d{1,2})月(?:份)?)"),
      zh_cumulative(R"((\d{4})年(\d{1,2})(?:-|—|－|至|~|～)(\d{1,2})月)"), zh_year(R"((\d{4})年(?:全年|度)?)");
  auto month_ok = [&](const std::string& s) {
    int v = std::stoi(s);
    if (v < 1 || v > 12) bad_period(text);
    return v;
  };
  if (std::regex_match(text, m, half) || std::regex_match(text, m, zh_half)) {
    int y = year_ok(std::stoi(m[1]));
    bool first = m[2] == "1" || m[2] == "上";
    return first ? months(y, 1, 6) : months(y, 7, 12);
  }
  if (std::regex_match(text, m, quarter) || std::regex_match(text, m, zh_quarter)) {
    int y = year_ok(std::stoi(m[1]));
    int q = quarter_number(m[2]);
    return months(y, q * 3 - 2, q * 3);
  }
  if (std::regex_match(text, m, cumulative) || std::regex_match(text, m, zh_cumulative)) {
    int y = year_ok(std::stoi(m[1]));
    int a = month_ok(m[2]), b = month_ok(m[3]);
    if (a > b) bad_period(text);
    return months(y, a, b);
  }
  if (std::regex_match(text, m, month) || std::regex_match(text, m, zh_month)) {
    int y = year_ok(std::stoi(m[1]));
    int mo = month_ok(m[2]);
    return months(y, mo, mo);
  }
  if (std::regex_match(text, m, year) || std::regex_match(text, m, zh_year)) return months(year_ok(std::stoi(m[1])), 1, 12);
  if (std::regex_match(text, m, range)) {
    std::string a = m[1], b = m[2];
    if (!valid_iso(a) || !valid_iso(b) || a > b) bad_period(text);
    return Period{a + ".." + b, fmt::format("{}至{}", a, b), a, b};
  }
  bad_period(text);
}

Compare parse_compare(std::string_view text) {
  if (text == "yoy" || text == "同比") return Compare::yoy;
  if (text == "prev" || text == "环比") return Compare::prev;
  if (text == "none") return Compare::none;
  usage_error("--compare {}: use yoy (同比), prev (环比) or none", text);
}

const char* compare_word(Compare compare) {
  switch (compare) {
    case Compare::yoy: return "同比";
    case Compare::prev: return "环比";
    case Compare::none: return "";
  }
  return "";
}

std::optional<Period> base_period(const Period& p, Compare compare) {
  if (compare == Compare::none) return std::nullopt;
  int y1, m1, d1, y2, m2, d2;
  std::sscanf(p.from.c_str(), "%d-%d-%d", &y1, &m1, &d1);
  std::sscanf(p.to.c_str(), "%d-%d-%d", &y2, &m2, &d2);
  bool whole_months = d1 == 1 && d2 == days_in_month(y2, m2) && y1 == y2;
  if (compare == Compare::yoy) {
    if (whole_months) return months(y1 - 1, m1, m2);
    // An explicit range: the same days a year earlier (29 February becomes the 28th).
    auto shift = [](int y, int m, int d) { return ymd(y - 1, m, std::min(d, days_in_month(y - 1, m))); };
    std::string a = shift(y1, m1, d1), b = shift(y2, m2, d2);
    return Period{a + ".." + b, fmt::format("{}至{}", a, b), a, b};
  }
  if (whole_months) {
    int length = m2 - m1 + 1;
    int last = m1 - 1, year = y1;
    if (last == 0) {
      last = 12;
      --year;
    }
    int first = last - length + 1;
    if (first >= 1) return months(year, first, last);
    // a cumulative period longer than the months before it (1-9月 环比): the same length, across the year
  }
  // Preceding days of the same count.
  const int64_t first = days_from_civil(y1, m1, d1), count = days_from_civil(y2, m2, d2) - first + 1;
  std::string from = iso_date(civil_from_days(first - count)), to = iso_date(civil_from_days(first - 1));
  return Period{from + ".." + to, fmt::format("{}至{}", from, to), from, to};
}

}  // namespace casestat
