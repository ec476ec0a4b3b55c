#include "core/text.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace casestat {

namespace {

// Decodes one code point; returns its length in bytes (1 for an invalid byte, cp = 0xFFFD).
size_t decode(std::string_view s, size_t i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  if (len == 1) {
    cp = b;
    return 1;
  }
  cp = b & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 0x2) {
      cp = 0xFFFD;
      return 1;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  return len;
}

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::optional<int64_t> whole_number(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += decode(s, i, cp);
    width += is_wide(cp) ? 2u : 1u;
  }
  return width;
}

size_t valid_utf8_prefix(std::string_view bytes, bool* incomplete) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  if (incomplete) *incomplete = false;
  while (i < n) {
    // ASCII runs, eight bytes at a time: most of a ledger is digits and punctuation.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    if (b >= 0xC2 && b <= 0xDF) len = 2, min = 0x80;
    else if (b >= 0xE0 && b <= 0xEF) len = 3, min = 0x800;
    else if (b >= 0xF0 && b <= 0xF4) len = 4, min = 0x10000;
    else return i;
    uint32_t cp = b & (0x7F >> len);
    size_t k = 1;
    for (; k < len && i + k < n; ++k) {
      unsigned char c = s[i + k];
      if ((c & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (c & 0x3F);
      // Reject overlong forms, surrogates and code points above U+10FFFF as soon as the
      // second byte shows them, so a cut-off sequence is only called incomplete when it could
      // still become valid.
      if (k == 1 && ((len == 3 && b == 0xE0 && c < 0xA0) || (len == 3 && b == 0xED && c >= 0xA0) ||
                     (len == 4 && b == 0xF0 && c < 0x90) || (len == 4 && b == 0xF4 && c >= 0x90)))
        return i;
    }
    if (k < len) {
      if (incomplete) *incomplete = true;
      return i;
    }
    if (cp < min) return i;
    i += len;
  }
  return n;
}

namespace {

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    size_t len = decode(s, i, cp);
    // decode() passes overlong forms and surrogates through: valid UTF-8 has neither.
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    bool replaced = cp == 0xFFFD && s.substr(i, len) != "\xEF\xBF\xBD";
    if (replaced || overlong || !is_xml_char(cp))
      out += "\xEF\xBF\xBD";
    else
      out.append(s, i, len);
    i += len;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto starts_space = [](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    if (t[0] == ' ' || t[0] == '\t' || t[0] == '\r' || t[0] == '\n') return 1;
    if (t.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000 ideographic space
    if (t.substr(0, 2) == "\xC2\xA0") return 2;      // U+00A0 no-break space
    return 0;
  };
  auto ends_space = [](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    char c = t.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE3\x80\x80") return 3;
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") return 2;
    return 0;
  };
  while (size_t n = starts_space(s)) s.remove_prefix(n);
  while (size_t n = ends_space(s)) s.remove_suffix(n);
  return s;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace casestat
