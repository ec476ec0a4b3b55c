#include "render/text_escape.hpp"

#include <kainjow/mustache.hpp>

#include <cctype>

namespace casestat::render {

Escaping escaping_for(const std::filesystem::path& template_file) {
  std::filesystem::path name = template_file.filename();
  if (name.extension() == ".mustache") name = name.stem();
  std::string ext = name.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".md" || ext == ".markdown") return Escaping::markdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xml" || ext == ".svg") return Escaping::html;
  return Escaping::none;
}

namespace {

bool is_blank_or_end(std::string_view s, size_t i) { return i >= s.size() || s[i] == ' ' || s[i] == '\t'; }

// Would `line` (the value with its line breaks already flattened) open a Markdown block if it
// stood at the start of a line?
bool opens_block(std::string_view line) {
  if (line.empty()) return false;
  char c = line[0];
  switch (c) {
    case '#':
    case '>':
    case '=':  // a setext underline turns the line above into a heading
      return true;
    case '-':
    case '+':
    case '*':
      if (is_blank_or_end(line, 1)) return true;  // a list bullet
      break;
    default:
      break;
  }
  // Rules and fences: ---, ***, ___, ```, ~~~ (two are enough to be safe).
  if ((c == '-' || c == '*' || c == '_' || c == '`' || c == '~') && line.size() >= 2 && line[1] == c) return true;
  // An ordered list item: up to nine digits, then . or ), then a space or the end.
  size_t digits = 0;
  while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits >= 1 && digits <= 9 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      is_blank_or_end(line, digits + 1))
    return true;
  return false;
}

// ASCII punctuation that starts or ends an inline construct in CommonMark or in pandoc's
// Markdown: emphasis and strong (* _), code spans (`), links, images, footnotes and bracketed
// spans ([ ] ( ) !), autolinks and raw HTML (< >), entity references (&), strikeout, super- and
// subscript (~ ^), TeX math ($), citations (@), attributes ({ }), table cells (|), and the
// backslash itself. A backslash before any ASCII punctuation is always a literal character, so
// escaping too much costs nothing but a backslash in the .md file.
bool is_inline_markup(char c) {
  return std::string_view("\\`*_[]()!<>&~^$@{}|").find(c) != std::string_view::npos;
}

}  // namespace

std::string markdown_escape(std::string_view value) {
  // Flatten line breaks first, so the block check below sees the value as it will stand.
  std::string flat;
  flat.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\r') {
      if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
      flat += ' ';
    } else if (c == '\n') {
      flat += ' ';
    } else {
      flat += c;
    }
  }
  std::string out;
  out.reserve(flat.size() + 8);
  size_t digits_end = 0;
  if (opens_block(flat)) {
    // For "1. x" the backslash goes before the dot ("1\. x"), where CommonMark needs it; a
    // first character escaped below anyway needs no second backslash.
    while (digits_end < flat.size() && flat[digits_end] >= '0' && flat[digits_end] <= '9') ++digits_end;
    out.append(flat, 0, digits_end);
    if (digits_end < flat.size() && !is_inline_markup(flat[digits_end])) out += '\\';
  }
  for (size_t i = digits_end; i < flat.size(); ++i) {
    char c = flat[i];
    if (is_inline_markup(c)) out += '\\';
    out += c;
  }
  return out;
}

std::function<std::string(const std::string&)> escaper(Escaping escaping) {
  switch (escaping) {
    case Escaping::markdown:
      return [](const std::string& s) { return markdown_escape(s); };
    case Escaping::html:
      return [](const std::string& s) { return kainjow::mustache::html_escape<std::string>(s); };
    case Escaping::none:
      break;
  }
  return [](const std::string& s) { return s; };
}

}  // namespace casestat::render
