#include "read/sheet_scanner.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/error.hpp"

namespace casestat {

namespace {

// A row whose bytes are longer than this is left to expat, which streams it: the scanner keeps
// a row whole, so this bounds its memory.
constexpr size_t kMaxCarry = size_t{8} << 20;
// expat refuses elements nested deeper than 256; the scanner stays far below.
constexpr int kMaxDepthAtSheetData = 200;

// The bytes by what they may be, one table lookup per byte in the loops that read every byte.
enum : unsigned char { kNameStart = 1, kName = 2, kSpace = 4, kPlainValue = 8, kPlainText = 16 };
constexpr auto kClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    bool name = start || (c >= '0' && c <= '9') || c == '.' || c == '-';
    bool space = c == ' ' || c == '\n' || c == '\t';  // '\r' is expat's (it folds "\r\n")
    // in an attribute value, read as it is: not a quote, a reference, '<', a control or non-ASCII
    bool plain = c >= 0x20 && c < 0x80 && c != '"' && c != '\'' && c != '&' && c != '<';
    // in text, read as it is: not markup, a reference, '>' (of "]]>"), a control or non-ASCII
    bool text = c >= 0x20 && c < 0x80 && c != '<' && c != '&' && c != '>';
    t[static_cast<size_t>(c)] =
        static_cast<unsigned char>((start ? kNameStart : 0) | (name ? kName : 0) | (space ? kSpace : 0) |
                                   (plain ? kPlainValue : 0) | (text ? kPlainText : 0));
  }
  return t;
}();
inline bool is(char c, unsigned char what) { return (kClass[static_cast<unsigned char>(c)] & what) != 0; }
inline bool is_space(char c) { return is(c, kSpace); }
inline bool name_start(char c) { return is(c, kNameStart); }
inline bool name_char(char c) { return is(c, kName); }

// The length of the UTF-8 character at p if expat takes it as one, else 0 (the scanner then
// leaves the bytes to expat, which refuses them or not: 0 is never wrong, only slower).
inline size_t utf8_char(const char* s, const char* end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  const auto avail = static_cast<size_t>(end - s);
  auto cont = [&](size_t i) { return i < avail && (p[i] & 0xC0) == 0x80; };
  unsigned c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;                   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;                  // a surrogate
    if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) return 0;  // U+FFFE, U+FFFF
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

// A character reference's value as UTF-8 into out; 0 when XML does not allow the character.
size_t encode_char(uint32_t c, char* out) {
  bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                 (c >= 0x10000 && c <= 0x10FFFF);
  if (!allowed) return 0;
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// "&amp;" ... "&#x4E2D;" (without "&" and ";") as UTF-8 into out; 0 for any other reference.
size_t decode_reference(std::string_view ref, char* out) {
  if (ref == "lt") return out[0] = '<', 1;
  if (ref == "gt") return out[0] = '>', 1;
  if (ref == "amp") return out[0] = '&', 1;
  if (ref == "quot") return out[0] = '"', 1;
  if (ref == "apos") return out[0] = '\'', 1;
  if (ref.size() < 2 || ref[0] != '#') return 0;
  bool hex = ref[1] == 'x';
  std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return 0;
  uint32_t c = 0;
  for (char d : digits) {
    uint32_t v;
    if (d >= '0' && d <= '9') v = static_cast<uint32_t>(d - '0');
    else if (hex && d >= 'a' && d <= 'f') v = static_cast<uint32_t>(d - 'a' + 10);
    else if (hex && d >= 'A' && d <= 'F') v = static_cast<uint32_t>(d - 'A' + 10);
    else return 0;
    c = c * (hex ? 16 : 10) + v;
    if (c > 0x10FFFF) return 0;
  }
  return encode_char(c, out);
}

}  // namespace

void SheetScanner::on_start(std::string_view name, const char** attrs) {
  if (name == "sheetData" && sheet_data_at_ < 0) sheet_data_at_ = byte_index();
  attrs_.clear();
  for (; *attrs; attrs += 2) attrs_.push_back({attrs[0], attrs[1]});
  start(name, attrs_.data(), attrs_.size());
}

void SheetScanner::throw_refusal() const { throw Error(Exit::data, refusal()); }

bool SheetScanner::scan(const char* data, size_t size, bool last) {
  if (mode_ == Mode::expat) return feed(data, size, last);
  if (stopped()) return false;
  if (mode_ == Mode::prolog) return prolog(data, size, last);
  // Rows: the piece joins what is left of the last one.
  const char* buf = data;
  size_t n = size;
  if (carry_.empty()) {
    pieces_.assign(1, 0);
  } else {
    pieces_.push_back(carry_.size());
    carry_.append(data, size);
    buf = carry_.data();
    n = carry_.size();
  }
  // The token bound: a token open at the end of the piece began after the last row finished
  // (where no token is open), so it cannot be longer than the bytes kept since. Most sheets
  // never come near the bound, and the scanner skips it; near it, it follows the tokens from
  // the last row finished, as expat's reader would have.
  bool too_long = false;
  if (n > max_token()) {
    reset_guard();
    try {
      if (n > size) guard(buf, n - size);
      guard(data, size);
    } catch (const Error&) {
      too_long = true;  // expat reads the piece again and refuses it with its line
    }
  }
  if (too_long || last) return hand_over(buf, n, 0, last);
  return rows(buf, n);
}

// Expat reads the part up to the end of the <sheetData> tag, where the scanner takes over.
bool SheetScanner::prolog(const char* data, size_t size, bool last) {
  guard(data, size);
  constexpr std::string_view open = "<sheetData";
  std::string_view piece(data, size);
  size_t at = piece.find(open);
  if (at == std::string_view::npos) {  // (cut by the end of the piece: expat reads the sheet)
    fed_ += static_cast<long long>(size);
    return parse(data, size, last);
  }
  size_t close = at + open.size();
  if (close < size && is_space(data[close]))
    while (close < size && data[close] != '>' && data[close] != '"' && data[close] != '\'' && data[close] != '/')
      ++close;
  if (last || close >= size || data[close] != '>') {  // <sheetData/>, attributes: expat's
    mode_ = Mode::expat;
    return parse(data, size, last);
  }
  size_t head = close + 1;
  long long at_in_part = fed_ + static_cast<long long>(at);
  fed_ += static_cast<long long>(head);
  if (!parse(data, head, false)) return false;
  // The scanner takes over only where expat saw this very tag open <sheetData>, not text in a
  // comment, and where the reader is between rows.
  if (sheet_data_at_ != at_in_part || !between_rows() || depth() > kMaxDepthAtSheetData) {
    mode_ = Mode::expat;
    return parse(data + head, size - head, false);
  }
  mode_ = Mode::rows;
  lines_ = 0;
  carry_.clear();
  pieces_.assign(1, 0);
  return rows(data + head, size - head);
}

bool SheetScanner::rows(const char* buf, size_t n) {
  size_t pos = 0;
  for (;;) {
    while (pos < n && is_space(buf[pos])) {
      if (buf[pos] == '\n') ++lines_;
      ++pos;
    }
    if (pos == n) break;
    size_t p = pos;
    long lines = 0;
    Step step = row(buf, n, p, lines);
    if (step == Step::more) break;
    if (step == Step::expat) return hand_over(buf, n, pos, false);
    if (step == Step::stopped) return false;
    lines_ += lines;
    pos = p;
  }
  // Keep the row the piece cut, with where each piece of it began.
  if (pos == n) {
    carry_.clear();
    return true;
  }
  std::vector<size_t> starts;
  for (size_t i = 0; i < pieces_.size(); ++i) {
    size_t end = i + 1 < pieces_.size() ? pieces_[i + 1] : n;
    if (end > pos) starts.push_back(std::max(pieces_[i], pos) - pos);
  }
  pieces_ = std::move(starts);
  if (buf == carry_.data()) carry_.erase(0, pos);
  else carry_.assign(buf + pos, n - pos);
  if (carry_.size() > kMaxCarry) return hand_over(carry_.data(), carry_.size(), 0, false);
  return true;
}

bool SheetScanner::hand_over(const char* buf, size_t n, size_t pos, bool last) {
  mode_ = Mode::expat;
  forget_row();
  reset_guard();
  // The newlines read past keep expat's line numbers those of the file; between rows they are
  // only white space to the reader.
  static const std::string newlines(4096, '\n');
  for (long left = lines_; left > 0;) {
    size_t k = static_cast<size_t>(std::min<long>(left, static_cast<long>(newlines.size())));
    if (!feed(newlines.data(), k, false)) return false;
    left -= static_cast<long>(k);
  }
  for (size_t i = 0; i < pieces_.size(); ++i) {
    size_t begin = std::max(pieces_[i], pos), end = i + 1 < pieces_.size() ? pieces_[i + 1] : n;
    if (begin < end && !feed(buf + begin, end - begin, false)) return false;
  }
  carry_.clear();
  return last ? feed("", 0, true) : true;
}

// One row from pos, whole: `done` with pos after it, `more` when the bytes end before it does,
// `expat` for anything the scanner leaves to expat (the row is then read again from its start).
SheetScanner::Step SheetScanner::row(const char* buf, size_t n, size_t& pos, long& lines) {
  if (n - pos < 5) return Step::more;
  if (buf[pos] != '<' || buf[pos + 1] == '/' || std::memcmp(buf + pos + 1, "row", 3) != 0 ||
      !(is_space(buf[pos + 4]) || buf[pos + 4] == '>' || buf[pos + 4] == '/'))
    return Step::expat;  // </sheetData>, or anything unusual
  size_t p = pos;
  bool empty = false;
  if (Step step = tag(buf, n, p, lines, empty); step != Step::done) return step;
  size_t close = n;
  if (!empty) {
    const void* found = memmem(buf + p, n - p, "</row", 5);
    if (!found) return Step::more;
    close = static_cast<size_t>(static_cast<const char*>(found) - buf);
    if (close + 5 >= n) return Step::more;
    if (buf[close + 5] != '>') return Step::expat;
  }
  start("row", attrs_.data(), attrs_.size());
  if (!checked()) return Step::stopped;
  if (!empty) {
    open_ = 0;
    if (Step step = content(buf, close, p, lines); step != Step::done) return step;
    p = close + 6;
  }
  end("row");
  if (!checked()) return Step::stopped;
  pos = p;
  return Step::done;
}

// A start tag from pos ("<name a='1' b="2">" or ".../>"), its name in name_ and attributes in attrs_.
SheetScanner::Step SheetScanner::tag(const char* buf, size_t limit, size_t& pos, long& lines, bool& empty) {
  size_t i = pos + 1;
  if (i >= limit) return Step::more;
  if (!name_start(buf[i])) return Step::expat;
  size_t begin = i;
  while (i < limit && name_char(buf[i])) ++i;
  name_ = std::string_view(buf + begin, i - begin);
  attrs_.clear();
  for (;;) {
    bool space = false;
    for (; i < limit && is_space(buf[i]); ++i) {
      space = true;
      if (buf[i] == '\n') ++lines;
    }
    if (i >= limit) return Step::more;
    char c = buf[i];
    if (c == '>') {
      empty = false;
      pos = i + 1;
      return Step::done;
    }
    if (c == '/') {
      if (i + 1 >= limit) return Step::more;
      if (buf[i + 1] != '>') return Step::expat;
      empty = true;
      pos = i + 2;
      return Step::done;
    }
    if (!space || !name_start(c)) return Step::expat;
    begin = i;
    while (i < limit && name_char(buf[i])) ++i;
    std::string_view name(buf + begin, i - begin);
    for (; i < limit && is_space(buf[i]); ++i)
      if (buf[i] == '\n') ++lines;
    if (i >= limit) return Step::more;
    if (buf[i] != '=') return Step::expat;
    for (++i; i < limit && is_space(buf[i]); ++i)
      if (buf[i] == '\n') ++lines;
    if (i >= limit) return Step::more;
    char quote = buf[i];
    if (quote != '"' && quote != '\'') return Step::expat;
    begin = ++i;
    while (i < limit && is(buf[i], kPlainValue)) ++i;
    while (i < limit && buf[i] != quote) {
      auto c2 = static_cast<unsigned char>(buf[i]);
      // expat expands references and turns tabs and newlines into spaces: those are its values
      if (c2 < 0x20 || c2 == '<' || c2 == '&') return Step::expat;
      if (c2 < 0x80) {
        ++i;
      } else if (size_t k = utf8_char(buf + i, buf + limit)) {
        i += k;
      } else {
        return limit - i < 4 ? Step::more : Step::expat;
      }
    }
    if (i >= limit) return Step::more;
    std::string_view value(buf + begin, i - begin);
    ++i;
    if (attrs_.size() >= 32) return Step::expat;
    for (const auto& a : attrs_)  // a duplicate: expat refuses the tag
      if (a.name.size() == name.size() && a.name[0] == name[0] && a.name == name) return Step::expat;
    attrs_.push_back({name, value});
  }
}

// What lies between <row> and </row> (at limit): cells and what they hold, as expat would hand it on.
SheetScanner::Step SheetScanner::content(const char* buf, size_t limit, size_t& pos, long& lines) {
  size_t p = pos;
  while (p < limit) {
    char c = buf[p];
    if (c == '<') {
      if (p + 1 >= limit) return Step::expat;
      if (buf[p + 1] == '/') {
        size_t i = p + 2;
        while (i < limit && name_char(buf[i])) ++i;
        std::string_view name(buf + p + 2, i - p - 2);
        if (open_ == 0 || name != names_[open_ - 1]) return Step::expat;
        for (; i < limit && is_space(buf[i]); ++i)
          if (buf[i] == '\n') ++lines;
        if (i >= limit || buf[i] != '>') return Step::expat;
        --open_;
        end(local_part(name));
        if (!checked()) return Step::stopped;
        p = i + 1;
        continue;
      }
      size_t i = p;
      bool empty = false;
      if (tag(buf, limit, i, lines, empty) != Step::done) return Step::expat;
      std::string_view local = local_part(name_);
      // In a row: cells, and in a cell anything but a cell, a row or the sheet's data (which
      // change the reader's state across rows: expat reads those sheets).
      if (open_ == 0 ? local != "c" : (local == "c" || local == "row" || local == "sheetData"))
        return Step::expat;
      if (!empty && open_ == std::size(names_)) return Step::expat;
      start(local, attrs_.data(), attrs_.size());
      if (!checked()) return Step::stopped;
      if (empty) {
        end(local);
        if (!checked()) return Step::stopped;
      } else {
        names_[open_++] = name_;
      }
      p = i;
      continue;
    }
    if (c == '&') {
      size_t semi = p + 1;
      while (semi < limit && semi - p <= 12 && buf[semi] != ';') ++semi;
      if (semi >= limit || buf[semi] != ';') return Step::expat;
      size_t k = decode_reference(std::string_view(buf + p + 1, semi - p - 1), decoded_);
      if (k == 0) return Step::expat;
      text(decoded_, k);
      if (!checked()) return Step::stopped;
      p = semi + 1;
      continue;
    }
    size_t i = p;
    while (i < limit) {
      if (is(buf[i], kPlainText)) {
        ++i;
        continue;
      }
      auto ch = static_cast<unsigned char>(buf[i]);
      if (ch == '<' || ch == '&') break;
      if (ch < 0x20) {
        if (ch == '\n') ++lines;
        else if (ch != '\t') return Step::expat;
        ++i;
      } else if (ch < 0x80) {
        if (ch == '>' && i >= p + 2 && buf[i - 1] == ']' && buf[i - 2] == ']') return Step::expat;  // "]]>"
        ++i;
      } else if (size_t k = utf8_char(buf + i, buf + limit)) {
        i += k;
      } else {
        return Step::expat;
      }
    }
    text(buf + p, i - p);
    if (!checked()) return Step::stopped;
    p = i;
  }
  if (open_ != 0) return Step::expat;
  pos = p;
  return Step::done;
}

}  // namespace casestat
