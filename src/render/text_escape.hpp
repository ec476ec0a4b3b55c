// How interpolated values ({{name}}) are escaped, chosen by what the template produces.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace casestat::render {

enum class Escaping {
  markdown,  // *.md.mustache, *.markdown.mustache: values cannot break the Markdown structure
  html,      // *.html.mustache, *.htm.mustache: HTML entities (kainjow's own escaper)
  none,      // anything else (plain text, CSV): values as they are
};

// By the template's name with ".mustache" removed: bulletin.md.mustache -> markdown.
Escaping escaping_for(const std::filesystem::path& template_file);

// Markdown-safe text for a value that came from a spreadsheet (an office name, a file name):
// whatever the value holds, it renders as the same plain text, never as a link, an image, raw
// HTML or emphasis. It adds backslashes only, no HTML entity:
//   - CR, LF and CRLF become one space (a value stays on its line, inside its table cell);
//   - every ASCII character that can open or close an inline construct is backslash-escaped:
//     \ ` * _ [ ] ( ) ! < > & ~ ^ $ @ { } | (so `![p](/etc/passwd)` stays those characters);
//   - at the start of the value, what would open a block if the value began a line is
//     backslash-escaped: `#`, `>`, `=`, a list bullet (`-`, `+`, `*` then a space), an ordered
//     list number (`1.` or `1)` then a space), and a rule or fence (`---`, `***`, `___`,
//     "```", `~~~`).
// Everything else (Chinese text, digits, `%`, `.`, `-`, `:`) is left as it is; a bare address
// (http://...) stays text in pandoc's Markdown and in CommonMark.
std::string markdown_escape(std::string_view value);

// The escaper for kainjow::mustache::set_custom_escape.
std::function<std::string(const std::string&)> escaper(Escaping escaping);

}  // namespace casestat::render
