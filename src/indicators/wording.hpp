// How figures are written in a Chinese bulletin (../shared/DOMAIN.md): 3578件, 303.83万元,
// 62.5%, 同比上升12.3%, 上升1.4倍, 同比增加0.9个百分点, 持平, 去年同期为0. All from exact integers:
// counts, money in 分, rates as numerator/denominator; rounding is half up, once, at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace casestat {

enum class Kind { count, sum, ratio };

// An exact figure: a count or a sum (money in 分), or a rate num/den (den 0: no rate).
struct Figure {
  int64_t num = 0;
  int64_t den = 1;
};

// "12130件", "303.83万元" (money: 分 in, 万元 with two decimals, trailing zeros dropped),
// "62.5%" (one decimal, a trailing .0 dropped), "—" for a rate without a denominator.
std::string display(Kind kind, const std::string& unit, const Figure& f);

// The value in the JSON: counts as integers, money in 元 (two decimals), rates as a fraction
// rounded to 4 decimals; nullopt for a rate without a denominator.
std::optional<double> json_value(Kind kind, const std::string& unit, const Figure& f);

struct Change {
  std::optional<double> change;  // relative (0.123) for counts and sums; percentage points (0.9) for rates
  std::string direction;         // up, down, flat, none
  std::string text;              // 同比上升12.3%, ... ("" when there is no comparison)
};

// `word` is 同比 or 环比; `base_word` names the base period in words for a zero base (去年同期, 上期).
Change describe_change(Kind kind, const Figure& value, const Figure& base, const std::string& word);

// Decimal text of num/den rounded half away from zero to `places` decimals, trailing zeros
// (and the point) dropped: (1, 3, 1) -> "0.3".
std::string rounded_decimal(__int128 num, __int128 den, int places);


// A date in Chinese figures, as a 公文 dates itself: 2025-07-10 -> 二〇二五年七月十日 (the year
// digit by digit, month and day as numbers). Empty when `iso` does not begin YYYY-MM-DD.
std::string chinese_date(const std::string& iso);
}  // namespace casestat
