// The value parsers: what clerks type, read as what they mean.
#include "fields/values.hpp"

#include <array>
#include <cstdio>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "core/error.hpp"
#include "core/location.hpp"
#include "core/text.hpp"

namespace casestat {

namespace {

// Full-width digits and punctuation (２０２１．３．５) as ASCII, for the parsers below.
std::string ascii_digits(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xEF && i + 2 < text.size()) {
      unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFEE0);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// A ledger's dates lie between 1900 and 2100; anything else is a typing slip.
bool valid_date(int y, int m, int d) { return y >= 1900 && y <= 2100 && is_valid_date(y, m, d); }

std::string quoted(const Cell& cell) { return quoted_value(trim(cell.text)); }

// Reads digits at s[i], advancing i; -1 when there are none or too many.
int read_number(std::string_view s, size_t& i, size_t max_digits) {
  size_t start = i;
  int n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < max_digits) n = n * 10 + (s[i++] - '0');
  return i == start ? -1 : n;
}

bool skip(std::string_view s, size_t& i, std::string_view what) {
  if (s.substr(i, what.size()) != what) return false;
  i += what.size();
  return true;
}

// The rest after a date may only be a time (or nothing).
bool only_time_follows(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == 'T')) ++i;
  if (i == s.size()) return true;
  for (; i < s.size(); ++i)
    if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == '.')) return false;
  return true;
}

std::optional<std::string> date_from_text(std::string_view raw) {
  std::string s = ascii_digits(trim(raw));
  size_t i = 0;
  int y = read_number(s, i, 4), m = -1, d = -1;
  if (y < 0) return std::nullopt;
  if (i == 4 && i < s.size() && s[i] >= '0' && s[i] <= '9') {  // 20210305
    m = read_number(s, i, 2);
    d = read_number(s, i, 2);
    if (i != 8 || !only_time_follows(s, i)) return std::nullopt;
  } else if (i == 4 && skip(s, i, "年")) {
    m = read_number(s, i, 2);
    if (!skip(s, i, "月")) return std::nullopt;
    d = read_number(s, i, 2);
    if (!skip(s, i, "日")) skip(s, i, "号");
    if (!only_time_follows(s, i)) return std::nullopt;
  } else if (i == 4 && i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
    char sep = s[i++];
    m = read_number(s, i, 2);
    if (i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    d = read_number(s, i, 2);
    if (!only_time_follows(s, i)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!valid_date(y, m, d)) return std::nullopt;
  // written by hand: this runs for every date of a ledger, and fmt showed in bench-import
  char iso[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                  static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                  static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  return std::string(iso, 10);
}

// A decimal in text ("1,084.70", "-3.8") as digits and the count of fraction digits.
bool decimal_parts(std::string_view s, bool& negative, __int128& digits, int& fraction) {
  size_t i = 0;
  negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  digits = 0;
  fraction = -1;
  int count = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++count > 30) return false;
      digits = digits * 10 + (c - '0');
      if (fraction >= 0) ++fraction;
    } else if (c == '.' && fraction < 0) {
      fraction = 0;
    } else if (c == ',' && fraction < 0) {
      continue;
    } else {
      return false;
    }
  }
  if (fraction < 0) fraction = 0;
  return count > 0;
}

__int128 pow10(int n) {
  __int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
    s.erase(s.size() - suffix.size());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return true;
  }
  return false;
}

bool strip_prefix(std::string& s, std::string_view prefix) {
  if (s.compare(0, prefix.size(), prefix) == 0) {
    s.erase(0, prefix.size());
    return true;
  }
  return false;
}

std::string remove_all(std::string s, std::string_view what) {
  for (size_t at; (at = s.find(what)) != std::string::npos;) s.erase(at, what.size());
  return s;
}

}  // namespace

std::optional<std::string> parse_date(const Cell& cell, std::string& why) {
  switch (cell.type) {
    case Cell::Type::date:
      if (cell.text.size() >= 10 && cell.text[4] == '-') return cell.text.substr(0, 10);
      why = translate("cannot read the time {} as a date", cell.text);
      return std::nullopt;
    case Cell::Type::number:
      // A serial number in a date column: a date cell that lost its format.
      if (cell.number >= 1 && cell.number < 73051) {  // up to 2099-12-31
        std::string iso = serial_to_iso(cell.number);
        if (auto text = date_from_text(iso)) return text;
      }
      if (auto text = date_from_text(cell.text)) return text;  // 20210305 typed as a number
      why = translate("cannot read {} as a date", quoted(cell));
      return std::nullopt;
    case Cell::Type::text:
      if (auto text = date_from_text(cell.text)) return text;
      why = translate("cannot read {} as a date", quoted(cell));
      return std::nullopt;
    default:
      why = translate("cannot read {} as a date", quoted(cell));
      return std::nullopt;
  }
}

std::optional<int64_t> parse_money(const Cell& cell, int64_t fen_per_unit, std::string& why) {
  // The message is made only for a value that fails: most values are read, and making it
  // for each cost more than reading it.
  auto cannot_read = [&] {
    why = translate("cannot read {} as an amount of money", quoted(cell));
    return std::nullopt;
  };
  if (cell.type != Cell::Type::number && cell.type != Cell::Type::text) return cannot_read();
  std::string s = ascii_digits(trim(cell.text));
  s = remove_all(remove_all(remove_all(s, " "), "，"), "\xC2\xA0");
  strip_prefix(s, "¥") || strip_prefix(s, "￥") || strip_prefix(s, "RMB") || strip_prefix(s, "人民币");
  int64_t per_unit = fen_per_unit;
  if (strip_suffix(s, "万元") || strip_suffix(s, "万")) {
    per_unit = 1000000;
  } else if (strip_suffix(s, "元")) {
    per_unit = 100;  // the cell says 元, whatever the header says
  }
  strip_suffix(s, "余") || strip_suffix(s, "多");
  bool negative = false;
  __int128 digits = 0;
  int fraction = 0;
  if (!decimal_parts(s, negative, digits, fraction)) return cannot_read();
  // fen = digits * per_unit / 10^fraction, rounded half away from zero
  __int128 scale = pow10(fraction);
  __int128 numerator = digits * per_unit;
  __int128 fen = (numerator * 2 + scale) / (scale * 2);
  if (fen > static_cast<__int128>(INT64_MAX / 2)) {
    why = translate("the amount {} is too large", quoted(cell));
    return std::nullopt;
  }
  why.clear();
  return static_cast<int64_t>(negative ? -fen : fen);
}

std::optional<int64_t> parse_integer(const Cell& cell, std::string& why) {
  auto cannot_read = [&] {  // made only for a value that fails, as in parse_money
    why = translate("cannot read {} as a whole number", quoted(cell));
    return std::nullopt;
  };
  std::string s = remove_all(ascii_digits(trim(cell.text)), " ");
  for (std::string_view unit : {"人次", "件次", "人", "件", "名", "户", "个", "次", "起", "家"})
    if (strip_suffix(s, unit)) break;
  strip_suffix(s, "余") || strip_suffix(s, "多") || strip_suffix(s, "以上");
  bool negative = false;
  __int128 digits = 0;
  int fraction = 0;
  if (!decimal_parts(s, negative, digits, fraction)) return cannot_read();
  // "12.0" from a number cell is 12; "12.5" is not a whole number
  __int128 scale = pow10(fraction);
  if (digits % scale != 0 || digits / scale > INT64_MAX / 2) return cannot_read();
  why.clear();
  int64_t value = static_cast<int64_t>(digits / scale);
  return negative ? -value : value;
}

namespace {

// A flag's text as compared: spaces left out, full-width letters, digits and punctuation as
// ASCII (so 已回复，已采纳 and 已回复,已采纳 are one word), letters in upper case.
std::string flag_word(std::string_view text) {
  std::string s = remove_all(ascii_digits(trim(text)), " ");
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool listed(const std::vector<std::string>& words, const std::string& word) {
  for (const auto& w : words)
    if (flag_word(w) == word) return true;
  return false;
}

}  // namespace

std::optional<bool> parse_flag(const Cell& cell, std::string& why, const Field* field) {
  if (cell.type == Cell::Type::boolean) return cell.text == "TRUE";
  std::string s = flag_word(cell.text);
  // The office's own words come first: a site may say that a built-in word means the other.
  if (field && listed(field->yes, s)) return true;
  if (field && listed(field->no, s)) return false;
  // 部分采纳 (partly adopted) is not here: whether it counts as adopted is the office's call.
  static const std::array<std::string_view, 15> yes{"是", "有", "已采纳", "采纳", "整改到位", "已整改", "已整改到位",
                                                    "到位", "已化解", "化解", "Y", "YES", "1", "TRUE", "√"};
  static const std::array<std::string_view, 15> no{"否", "无", "未采纳", "不采纳", "未整改", "未整改到位", "未到位",
                                                   "整改不到位", "未化解", "N", "NO", "0", "FALSE", "×", "不予采纳"};
  for (auto y : yes)
    if (s == y) return true;
  for (auto n : no)
    if (s == n) return false;
  why = translate("cannot read {} as 是 or 否", quoted(cell));
  if (field) {
    std::string word(trim(cell.text));
    why += translate(": if the office means 是 by it, add it to the field's yes words in {} ({} = {{ ..., yes = "
                       "[\"{}\"] }}), if 否, to its no words (no = [\"{}\"])",
                       field->source_file.empty() ? "fields.toml" : field->source_file, field->id, word, word);
  }
  return std::nullopt;
}

}  // namespace casestat
