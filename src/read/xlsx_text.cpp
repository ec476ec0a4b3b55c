#include "read/xlsx_text.hpp"

#include "core/text.hpp"

namespace casestat {

namespace {
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string decode_xlsx_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned cp = 0;
      bool ok = true;
      for (size_t k = 2; k < 6; ++k) {
        int h = hex(text[i + k]);
        if (h < 0) ok = false;
        cp = cp * 16 + static_cast<unsigned>(h < 0 ? 0 : h);
      }
      if (ok) {
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;  // a lone surrogate cannot be UTF-8
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string size_words(uint64_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace casestat
