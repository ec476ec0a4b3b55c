#include "render/office_template.hpp"

#include <fstream>

#include "core/error.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "render/office_zip.hpp"

namespace casestat::render {

namespace fs = std::filesystem;
using Kind = TemplateTag::Kind;

TemplateKind template_kind(const fs::path& file, const std::string& display) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {  // a package kept as a folder of parts (office_zip.hpp)
    if (fs::is_regular_file(file / "word" / "document.xml", ec)) return TemplateKind::docx;
    if (fs::is_regular_file(file / "xl" / "workbook.xml", ec)) return TemplateKind::xlsx;
    data_error("{}: a folder, and not the parts of a Word or Excel file: not a template", display);
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) system_error("{}: cannot open: {}", display, errno_text(errno));
  char magic[4] = {};
  in.read(magic, 4);
  if (in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
    ZipIn zip(file, display);
    if (zip.has("word/document.xml")) return TemplateKind::docx;
    if (zip.has("xl/workbook.xml")) return TemplateKind::xlsx;
    data_error("{}: a zip that is neither a Word document (word/document.xml) nor an Excel workbook "
               "(xl/workbook.xml): not a template",
               display);
  }
  std::string text = read_file(file, display);
  if (text.find('\0') != std::string::npos || !is_valid_utf8(text))
    data_error("{}: not a template: a binary file (a template is a Word .docx, an Excel .xlsx or a Mustache text "
               "file in UTF-8)",
               display);
  return TemplateKind::text;
}

std::string text_around(const std::string& text, size_t begin, size_t end) {
  constexpr size_t kSide = 24;  // bytes either side, moved to character boundaries
  auto boundary = [&](size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
  };
  size_t from = boundary(begin > kSide ? begin - kSide : 0);
  size_t to = end + kSide >= text.size() ? text.size() : boundary(end + kSide);
  std::string snippet = (from > 0 ? "…" : "") + text.substr(from, to - from) + (to < text.size() ? "…" : "");
  for (char& c : snippet)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return "in “" + snippet + "”";
}

std::vector<FoundTag> find_tags(const std::string& text, const std::string& display, const std::string& where) {
  std::vector<FoundTag> found;
  size_t pos = 0;
  while (true) {
    size_t start = text.find("{{", pos);
    if (start == std::string::npos) break;
    bool triple = start + 2 < text.size() && text[start + 2] == '{';
    const char* closer = triple ? "}}}" : "}}";
    size_t contents = start + (triple ? 3 : 2);
    size_t stop = text.find(closer, contents);
    if (stop == std::string::npos)
      data_error("{}: {}, {}: a tag opened here is never closed (no {})", display, where,
                 text_around(text, start, text.size()), closer);
    size_t end = stop + (triple ? 3 : 2);
    TemplateTag tag = read_tag(std::string_view(text).substr(contents, stop - contents), triple, 0);
    tag.context = where + ", " + text_around(text, start, end);
    if (tag.name.empty() && tag.kind != Kind::comment)
      data_error("{}: {}: empty tag: it needs a name", display, tag.context);
    if (tag.kind == Kind::partial)
      data_error("{}: {}: partials ({{{{> name}}}}) work only in text templates", display, tag.context);
    if (tag.kind == Kind::delimiter)
      data_error("{}: {}: delimiter changes work only in text templates", display, tag.context);
    // Values are always text here: nothing a ledger says may become markup of the document.
    if (tag.kind == Kind::unescaped) tag.kind = Kind::variable;
    found.push_back({start, end, tag});
    pos = end;
  }
  return found;
}

std::string made_tag(const TemplateTag& tag) {
  const char* sigil = "";
  switch (tag.kind) {
    case Kind::section: sigil = "#"; break;
    case Kind::inverted: sigil = "^"; break;
    case Kind::close: sigil = "/"; break;
    case Kind::comment: return "";
    default: break;
  }
  return std::string(kOpenTag) + sigil + tag.name + kCloseTag;
}

void render_template_file(const fs::path& file, const std::string& display, const TextModel& model,
                          const fs::path& out) {
  switch (template_kind(file, display)) {
    case TemplateKind::text: {
      TextTemplate tmpl(file, display);
      write_file_atomically(out, tmpl.render(model));
      return;
    }
    case TemplateKind::docx: {
      AtomicFile target(out);
      fill_docx(file, display, model, target.temp_path());
      target.commit();
      return;
    }
    case TemplateKind::xlsx: {
      AtomicFile target(out);
      fill_xlsx(file, display, model, target.temp_path());
      target.commit();
      return;
    }
  }
}

}  // namespace casestat::render
