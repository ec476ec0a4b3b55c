#include "render/office_xml.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "read/xlsx_xml.hpp"

namespace casestat::render {

namespace {

// One tag with its attributes, a comment or a run of text: a Word or Excel part of a template is
// trusted, but a damaged one must not hold the parser for long.
constexpr uint64_t kMaxOfficeToken = uint64_t{64} << 20;

class Outliner : public XmlStream {
 public:
  Outliner(XmlOutline& outline, const std::string& where, const std::string& part)
      : XmlStream(where, part, kMaxOfficeToken), outline_(outline) {}

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    XmlElement element;
    element.name = std::string(name);
    for (const char** a = attrs; a && *a; a += 2) element.attrs[std::string(local_name(a[0]))] = a[1];
    element.open_begin = static_cast<size_t>(byte_index());
    element.open_end = element.open_begin + static_cast<size_t>(byte_count());
    element.parent = open_.empty() ? -1 : open_.back();
    int index = static_cast<int>(outline_.elements.size());
    if (element.parent >= 0) outline_.elements[static_cast<size_t>(element.parent)].children.push_back(index);
    outline_.elements.push_back(std::move(element));
    open_.push_back(index);
  }
  void on_end(std::string_view) override {
    XmlElement& element = outline_.elements[static_cast<size_t>(open_.back())];
    open_.pop_back();
    int count = byte_count();
    if (count == 0) {  // <x/>: the end event has no bytes of its own
      element.close_begin = element.close_end = element.open_end;
    } else {
      element.close_begin = static_cast<size_t>(byte_index());
      element.close_end = element.close_begin + static_cast<size_t>(count);
    }
  }
  void on_text(const char* text, int length) override {
    if (!open_.empty()) outline_.elements[static_cast<size_t>(open_.back())].text.append(text, static_cast<size_t>(length));
  }

 private:
  XmlOutline& outline_;
  std::vector<int> open_;
};

// The length of the UTF-8 sequence at s[i] and its code point; 0 when it is not valid.
size_t utf8_at(std::string_view s, size_t i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? b : n == 2 ? (b & 0x1f) : n == 3 ? (b & 0x0f) : (b & 0x07);
  for (size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 2) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  return n;
}

bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

}  // namespace

XmlOutline outline_xml(std::string bytes, const std::string& where, const std::string& part) {
  XmlOutline outline;
  outline.bytes = std::move(bytes);
  Outliner parser(outline, where, part);
  parser.feed(outline.bytes.data(), outline.bytes.size(), true);
  if (outline.elements.empty()) data_error("{}: the file is damaged: {} has no element", where, part);
  return outline;
}

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t n = utf8_at(text, i, cp);
    if (n == 0 || !xml_char(cp)) {
      out += "\xEF\xBF\xBD";
      i += n == 0 ? 1 : n;
      continue;
    }
    switch (text[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.append(text, i, n);
    }
    i += n;
  }
  return out;
}

std::string apply_edits(const std::string& bytes, std::vector<XmlEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const XmlEdit& a, const XmlEdit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.order < b.order;
  });
  std::string out;
  out.reserve(bytes.size() + 1024);
  size_t at = 0;
  for (const auto& edit : edits) {
    if (edit.begin < at) continue;  // inside a range an earlier edit replaced
    out.append(bytes, at, edit.begin - at);
    out += edit.text;
    at = edit.end;
  }
  out.append(bytes, at, std::string::npos);
  return out;
}

}  // namespace casestat::render
