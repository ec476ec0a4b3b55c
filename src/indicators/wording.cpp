#include "indicators/wording.hpp"

#include <cmath>

namespace casestat {

namespace {
__int128 pow10(int n) {
  __int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}
// round(num/den) half away from zero, den > 0
__int128 round_div(__int128 num, __int128 den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  return num >= 0 ? (2 * num + den) / (2 * den) : -((2 * -num + den) / (2 * den));
}
std::string to_string128(__int128 v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  if (negative) v = -v;
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return negative ? "-" + s : s;
}
}  // namespace

std::string rounded_decimal(__int128 num, __int128 den, int places) {
  __int128 scaled = round_div(num * pow10(places), den);
  bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  std::string digits = to_string128(scaled);
  if (places > 0) {
    if (digits.size() <= static_cast<size_t>(places)) digits.insert(0, static_cast<size_t>(places) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(places), ".");
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  return (negative && digits != "0" ? "-" : "") + digits;
}

std::string display(Kind kind, const std::string& unit, const Figure& f) {
  if (kind == Kind::ratio) {
    if (f.den == 0) return "—";
    return rounded_decimal(static_cast<__int128>(f.num) * 100, f.den, 1) + "%";
  }
  if (unit == "万元") return rounded_decimal(f.num, 1000000, 2) + "万元";
  if (unit == "元") return rounded_decimal(f.num, 100, 2) + "元";
  return std::to_string(f.num) + unit;
}

std::optional<double> json_value(Kind kind, const std::string& unit, const Figure& f) {
  if (kind == Kind::ratio) {
    if (f.den == 0) return std::nullopt;
    return std::stod(rounded_decimal(f.num, f.den, 4));
  }
  if (unit == "万元" || unit == "元") return std::stod(rounded_decimal(f.num, 100, 2));
  return static_cast<double>(f.num);
}

Change describe_change(Kind kind, const Figure& v, const Figure& b, const std::string& word) {
  Change c;
  if (word.empty()) {
    c.direction = "none";
    return c;
  }
  if (kind == Kind::ratio) {
    if (v.den == 0 || b.den == 0) {
      c.direction = "none";
      return c;
    }
    // percentage points, one decimal: 100 * (v.num/v.den - b.num/b.den)
    __int128 num = (static_cast<__int128>(v.num) * b.den - static_cast<__int128>(b.num) * v.den) * 100;
    __int128 den = static_cast<__int128>(v.den) * b.den;
    std::string pp = rounded_decimal(num, den, 1);
    c.change = std::stod(pp);
    if (pp == "0") {
      c.direction = "flat";
      c.text = word + "持平";
    } else if (pp[0] == '-') {
      c.direction = "down";
      c.text = word + "减少" + pp.substr(1) + "个百分点";
    } else {
      c.direction = "up";
      c.text = word + "增加" + pp + "个百分点";
    }
    return c;
  }
  if (b.num == 0) {
    if (v.num == 0) {
      c.direction = "flat";
      c.text = word + "持平";
    } else {
      c.direction = "none";
      c.text = word == "环比" ? "上期为0" : "去年同期为0";
    }
    return c;
  }
  __int128 diff = static_cast<__int128>(v.num) - b.num;
  c.change = std::stod(rounded_decimal(diff, b.num, 4));
  if (diff == 0) {
    c.direction = "flat";
    c.text = word + "持平";
  } else if (diff > 0 && diff > b.num) {  // more than doubled: 倍, as a net increase (2.4x old = 上升1.4倍)
    c.direction = "up";
    c.text = word + "上升" + rounded_decimal(diff, b.num, 1) + "倍";
  } else if ((diff > 0) == (b.num > 0)) {
    c.direction = "up";
    c.text = word + "上升" + rounded_decimal(diff * 100, b.num < 0 ? -b.num : b.num, 1) + "%";
  } else {
    c.direction = "down";
    c.text = word + "下降" + rounded_decimal(-diff * 100, b.num < 0 ? -b.num : b.num, 1) + "%";
  }
  return c;
}



std::string chinese_date(const std::string& iso) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto digits_at = [&](size_t from, size_t count) {
    for (size_t i = from; i < from + count; ++i)
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (!digits_at(0, 4) || iso.size() < 10 || iso[4] != '-' || !digits_at(5, 2) || iso[7] != '-' || !digits_at(8, 2))
    return "";
  auto number = [&](int n) {  // 1..31: 七, 十, 十二, 二十, 三十一
    std::string out;
    if (n >= 20) out += kDigits[n / 10];
    if (n >= 10) out += "十";
    if (n % 10 != 0 || n < 10) out += kDigits[n % 10];
    return out;
  };
  int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  int day = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  std::string out;
  for (size_t i = 0; i < 4; ++i) out += kDigits[iso[i] - '0'];
  return out + "年" + number(month) + "月" + number(day) + "日";
}

}  // namespace casestat
