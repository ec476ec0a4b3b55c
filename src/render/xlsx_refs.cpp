#include "render/xlsx_refs.hpp"

#include <cctype>
#include <vector>

#include "core/location.hpp"

namespace casestat::render {

namespace {

bool letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
// A character that may continue a name (function, defined name, unquoted sheet name).
bool name_char(char c) {
  return letter(c) || digit(c) || c == '_' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// A reference part at s[i]: [$]LETTERS[$]DIGITS, or [$]LETTERS (whole columns) or [$]DIGITS
// (whole rows) when `partial` allows. Returns its length, 0 when there is none.
size_t read_ref(std::string_view s, size_t i, CellRef& ref, bool partial) {
  size_t p = i;
  ref = {};
  if (p < s.size() && s[p] == '$') {
    ref.col_abs = true;
    ++p;
  }
  size_t letters = 0;
  long col = 0;
  while (p < s.size() && letter(s[p]) && letters < 4) {
    col = col * 26 + (std::toupper(static_cast<unsigned char>(s[p])) - 'A' + 1);
    ++p;
    ++letters;
  }
  if (letters > 3 || (p < s.size() && letter(s[p]))) return 0;
  if (letters > 0 && p < s.size() && s[p] == '$') {
    ref.row_abs = true;
    ++p;
  }
  size_t digits = 0;
  long row = 0;
  while (p < s.size() && digit(s[p]) && digits < 8) {
    row = row * 10 + (s[p] - '0');
    ++p;
    ++digits;
  }
  if (p < s.size() && (name_char(s[p]) || s[p] == '(')) return 0;  // a name or a function, not a reference
  if (letters > 0 && digits > 0) {
    ref.col = col;
    ref.row = row;
    return p - i;
  }
  if (!partial) return 0;
  if (letters > 0 && digits == 0 && !ref.row_abs) {
    ref.col = col;
    return p - i;
  }
  if (letters == 0 && digits > 0) {  // "$3": the '$' read as a column's belongs to the row
    ref.row_abs = ref.col_abs;
    ref.col_abs = false;
    ref.row = row;
    return p - i;
  }
  return 0;
}

std::string ref_text(const CellRef& ref) {
  std::string out;
  if (ref.col > 0) out += (ref.col_abs ? "$" : "") + column_letter(ref.col - 1);
  if (ref.row > 0) out += (ref.row_abs ? "$" : "") + std::to_string(ref.row);
  return out;
}

// A reference or range at s[i]; appends its rewritten text to out and returns its length.
size_t rewrite_at(std::string_view s, size_t i, const std::string& sheet, bool whole_allowed,
                  const RefRewriter& rewrite, std::string& out) {
  CellRef first;
  size_t n = read_ref(s, i, first, whole_allowed);
  if (n == 0) return 0;
  CellRef second;
  size_t m = 0;
  if (i + n < s.size() && s[i + n] == ':') m = read_ref(s, i + n + 1, second, whole_allowed);
  bool whole = first.col == 0 || first.row == 0;
  if (m == 0 && whole) return 0;  // "A" or "3" alone is not a reference
  if (m > 0 && ((first.col == 0) != (second.col == 0) || (first.row == 0) != (second.row == 0))) return 0;
  rewrite(sheet, first, false);
  out += ref_text(first);
  if (m == 0) return n;
  rewrite(sheet, second, true);
  out += ":" + ref_text(second);
  return n + 1 + m;
}

}  // namespace

bool parse_cell(std::string_view text, CellRef& ref) {
  return read_ref(text, 0, ref, false) == text.size() && !text.empty();
}

std::string cell_name(const CellRef& ref) { return ref_text(ref); }

std::string rewrite_formula(std::string_view s, const RefRewriter& rewrite) {
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') {  // a text constant: "" is a quote inside it
      size_t j = i + 1;
      while (j < s.size() && !(s[j] == '"' && (j + 1 >= s.size() || s[j + 1] != '"')))
        j += s[j] == '"' ? size_t{2} : size_t{1};
      out.append(s.substr(i, j + 1 - i));
      i = j + 1;
      continue;
    }
    bool at_token_start = i == 0 || !(name_char(s[i - 1]) || s[i - 1] == '$' || s[i - 1] == '\'');
    if (!at_token_start) {
      out += c;
      ++i;
      continue;
    }
    // A sheet name before '!': 'My sheet'!A1 or 报表!A1.
    std::string sheet;
    size_t after_sheet = i;
    if (c == '\'') {
      size_t j = i + 1;
      while (j < s.size() && !(s[j] == '\'' && (j + 1 >= s.size() || s[j + 1] != '\''))) {
        if (s[j] == '\'') ++j;
        sheet += s[j++];
      }
      if (j + 1 < s.size() && s[j + 1] == '!') after_sheet = j + 2;
      else sheet.clear();
    } else if (name_char(c)) {
      size_t j = i;
      while (j < s.size() && name_char(s[j])) ++j;
      if (j < s.size() && s[j] == '!') {
        sheet = std::string(s.substr(i, j - i));
        after_sheet = j + 1;
      }
    }
    if (after_sheet > i) {
      std::string rewritten;
      size_t n = rewrite_at(s, after_sheet, sheet, true, rewrite, rewritten);
      if (n > 0) {
        out.append(s.substr(i, after_sheet - i));
        out += rewritten;
        i = after_sheet + n;
        continue;
      }
    }
    if (c == '$' || letter(c)) {
      std::string rewritten;
      size_t n = rewrite_at(s, i, "", false, rewrite, rewritten);
      if (n > 0) {
        out += rewritten;
        i += n;
        continue;
      }
    }
    // Not a reference: copy the whole name, so that its tail is not read as one.
    size_t j = i + 1;
    if (name_char(c))
      while (j < s.size() && name_char(s[j])) ++j;
    out.append(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string rewrite_ranges(std::string_view ranges, const RefRewriter& rewrite) {
  std::string out;
  size_t i = 0;
  while (i < ranges.size()) {
    if (ranges[i] == ' ') {
      out += ' ';
      ++i;
      continue;
    }
    size_t n = rewrite_at(ranges, i, "", true, rewrite, out);
    if (n == 0) {  // not a range: kept as it is
      size_t j = ranges.find(' ', i);
      if (j == std::string_view::npos) j = ranges.size();
      out.append(ranges.substr(i, j - i));
      i = j;
    } else {
      i += n;
    }
  }
  return out;
}

}  // namespace casestat::render
