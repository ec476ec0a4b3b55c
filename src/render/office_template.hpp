// Templates that are the office's own documents: a Word file (.docx) whose text holds
// Mustache tags, an Excel report form (.xlsx) whose cells do. Both see the same data model as
// the Mustache text templates (text_model.hpp) and are checked against it before anything is
// written. The kind of a template is told by its content, not its name.
#pragma once

#include <filesystem>
#include <string>

#include <vector>

#include "render/text_model.hpp"
#include "render/text_template.hpp"

namespace casestat::render {

enum class TemplateKind { text, docx, xlsx };

// A zip holding word/document.xml is Word, one holding xl/workbook.xml is Excel, valid UTF-8
// text is a Mustache template; anything else is refused (a data error naming `display`).
TemplateKind template_kind(const std::filesystem::path& file, const std::string& display);

// Fills a Word template into `out` (written as it is: the caller makes it atomic).
//  - Tags anywhere in the text of the body, tables, headers, footers, footnotes; a tag split
//    over several runs is found, and its value takes the formatting of the run where it begins.
//  - A section whose opening and closing tags sit in one paragraph repeats within it; in two
//    paragraphs of one table row, it repeats the row; otherwise it repeats the paragraphs (and
//    tables) from the one holding the opening tag to the one holding the closing tag, and a
//    paragraph holding nothing but section tags is dropped.
// Values are text: XML-escaped, characters XML cannot hold replaced.
void fill_docx(const std::filesystem::path& file, const std::string& display, const TextModel& model,
               const std::filesystem::path& out);

// Fills an Excel template into `out` (see xlsx_fill.cpp for the rules on repeated rows).
void fill_xlsx(const std::filesystem::path& file, const std::string& display, const TextModel& model,
               const std::filesystem::path& out);

// Renders a template of any kind into `out` (text templates too), atomically.
void render_template_file(const std::filesystem::path& file, const std::string& display, const TextModel& model,
                          const std::filesystem::path& out);

// What a tag is found in, for messages: "in “立案{{pil.filde.display}}件”", at most a few
// dozen characters around the tag.
std::string text_around(const std::string& text, size_t begin, size_t end);

// The delimiters of the Mustache text made from a Word or Excel part: bytes no XML part can
// hold, so that braces in the document are never taken for tags.
inline constexpr const char* kOpenTag = "\x01";
inline constexpr const char* kCloseTag = "\x02";
inline constexpr const char* kSetDelimiters = "{{=\x01 \x02=}}";

// A tag found in a paragraph's or a cell's text: bytes [begin, end) of that text.
struct FoundTag {
  size_t begin, end;
  TemplateTag tag;
};
// The tags of a paragraph's or a cell's text, each with its context ("WHERE: in “...”").
// Refuses a tag never closed, an empty tag, partials and delimiter changes, naming the text.
std::vector<FoundTag> find_tags(const std::string& text, const std::string& display, const std::string& where);

// A tag as the made template writes it: "\x01#groups\x02".
std::string made_tag(const TemplateTag& tag);

}  // namespace casestat::render
