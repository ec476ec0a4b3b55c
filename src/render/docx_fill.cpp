// Filling a Word template (office_template.hpp): each text part becomes one Mustache template
// whose tags sit where the document's structure says they repeat, rendered by the same
// checked Mustache code as the text templates.
#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "render/office_template.hpp"
#include "render/office_xml.hpp"
#include "render/office_zip.hpp"

namespace casestat::render {

namespace fs = std::filesystem;
using Kind = TemplateTag::Kind;

namespace {

// Edits at one place: closing markers first (inner before outer), then opening markers
// (outer before inner), then replaced bytes.
constexpr long kCloseOrder = -2'000'000;
constexpr long kOpenOrder = -1'000'000;

struct Paragraph {
  int element;
  std::vector<int> texts;          // its w:t elements, in order
  std::vector<size_t> starts;      // where each begins in `text`
  std::string text;                // their text, joined
  std::vector<size_t> tags;        // indexes into PartTags::tags
};

struct PartTag {
  FoundTag found;
  size_t paragraph;
  bool structural = false;  // placed around rows or paragraphs, not in the text
};

class PartFiller {
 public:
  PartFiller(std::string bytes, const std::string& display, const std::string& part)
      : display_(display), part_(part), xml_(outline_xml(std::move(bytes), display, part)) {}

  bool has_tags() {
    collect_paragraphs();
    return !tags_.empty();
  }

  // The part as a Mustache template with its tags (contexts naming the text around them).
  TemplateFile make_template() {
    place_sections();
    std::vector<XmlEdit> edits = edits_;
    for (size_t p = 0; p < paragraphs_.size(); ++p)
      if (!paragraphs_[p].tags.empty()) rewrite_texts(paragraphs_[p], edits);
    TemplateFile file{display_, kSetDelimiters + apply_edits(xml_.bytes, edits), {}};
    for (const auto& t : tags_)
      if (t.found.tag.kind != Kind::comment) file.tags.push_back(t.found.tag);
    return file;
  }

 private:
  const XmlElement& el(int i) const { return xml_.elements[static_cast<size_t>(i)]; }

  int ancestor_named(int i, const char* name) const {
    for (int a = el(i).parent; a >= 0; a = el(a).parent)
      if (el(a).name == name) return a;
    return -1;
  }

  void collect_paragraphs() {
    std::vector<int> index_of(xml_.elements.size(), -1);
    for (size_t i = 0; i < xml_.elements.size(); ++i) {
      const XmlElement& e = xml_.elements[i];
      if (e.name == "p") {
        index_of[i] = static_cast<int>(paragraphs_.size());
        paragraphs_.push_back({static_cast<int>(i), {}, {}, "", {}});
      } else if (e.name == "t") {
        int p = ancestor_named(static_cast<int>(i), "p");
        if (p < 0) continue;
        Paragraph& para = paragraphs_[static_cast<size_t>(index_of[static_cast<size_t>(p)])];
        para.texts.push_back(static_cast<int>(i));
        para.starts.push_back(para.text.size());
        para.text += e.text;
      }
    }
    for (size_t p = 0; p < paragraphs_.size(); ++p) {
      for (auto& found : find_tags(paragraphs_[p].text, display_, part_)) {
        paragraphs_[p].tags.push_back(tags_.size());
        tags_.push_back({std::move(found), p});
      }
    }
  }

  // A paragraph that holds nothing but section tags (and white space) is dropped when its
  // section repeats whole paragraphs, as Mustache drops a line holding only a section tag.
  bool only_section_tags(const Paragraph& para) const {
    size_t at = 0;
    for (size_t t : para.tags) {
      const FoundTag& f = tags_[t].found;
      if (f.tag.kind == Kind::variable) return false;
      for (size_t i = at; i < f.begin; ++i)
        if (!std::isspace(static_cast<unsigned char>(para.text[i]))) return false;
      at = f.end;
    }
    for (size_t i = at; i < para.text.size(); ++i)
      if (!std::isspace(static_cast<unsigned char>(para.text[i]))) return false;
    // The last paragraph of a section carries the section's page setup: never dropped.
    for (size_t i = static_cast<size_t>(para.element) + 1;
         i < xml_.elements.size() && xml_.elements[i].begin() < el(para.element).end(); ++i)
      if (xml_.elements[i].name == "sectPr") return false;
    return true;
  }

  // The chain from the root down to element i.
  std::vector<int> path_to(int i) const {
    std::vector<int> path;
    for (; i >= 0; i = el(i).parent) path.push_back(i);
    std::reverse(path.begin(), path.end());
    return path;
  }

  void place_sections() {
    std::vector<size_t> open;
    std::set<size_t> dropped;
    for (size_t i = 0; i < tags_.size(); ++i) {
      const TemplateTag& tag = tags_[i].found.tag;
      if (tag.kind == Kind::section || tag.kind == Kind::inverted) {
        open.push_back(i);
      } else if (tag.kind == Kind::close) {
        if (open.empty())
          data_error("{}: {}: {{{{/{}}}}} closes a section that was never opened", display_, tag.context,
                     tag.name);
        const TemplateTag& opener = tags_[open.back()].found.tag;
        if (opener.name != tag.name)
          data_error("{}: {}: {{{{/{}}}}} found while section {{{{#{}}}}} ({}) is still open: close it first",
                     display_, tag.context, tag.name, opener.name, opener.context);
        place(open.back(), i, dropped);
        open.pop_back();
      }
    }
    if (!open.empty()) {
      const TemplateTag& tag = tags_[open.back()].found.tag;
      data_error("{}: {}: section {{{{#{}}}}} is never closed (no {{{{/{}}}}} after it)", display_, tag.context,
                 tag.name, tag.name);
    }
    for (size_t p : dropped) {
      const XmlElement& e = el(paragraphs_[p].element);
      edits_.push_back({e.begin(), e.end(), "", 0});
    }
  }

  void place(size_t opener, size_t closer, std::set<size_t>& dropped) {
    size_t pa = tags_[opener].paragraph, pb = tags_[closer].paragraph;
    if (pa == pb) return;  // repeats inside the paragraph: the tags stay in its text
    int a = paragraphs_[pa].element, b = paragraphs_[pb].element;
    int row = ancestor_named(a, "tr");
    int first = 0, last = 0;
    if (row >= 0 && row == ancestor_named(b, "tr")) {
      first = last = row;
    } else {
      // The paragraphs, or the tables holding them, that are siblings under one parent.
      auto path_a = path_to(a), path_b = path_to(b);
      size_t common = 0;
      while (common < path_a.size() && common < path_b.size() && path_a[common] == path_b[common]) ++common;
      first = path_a[std::min(common, path_a.size() - 1)];
      last = path_b[std::min(common, path_b.size() - 1)];
      if (first == a && only_section_tags(paragraphs_[pa])) dropped.insert(pa);
      if (last == b && only_section_tags(paragraphs_[pb])) dropped.insert(pb);
    }
    tags_[opener].structural = tags_[closer].structural = true;
    edits_.push_back({el(first).begin(), el(first).begin(), made_tag(tags_[opener].found.tag),
                      kOpenOrder + static_cast<long>(opener)});
    edits_.push_back({el(last).end(), el(last).end(), made_tag(tags_[closer].found.tag),
                      kCloseOrder + static_cast<long>(closer)});
  }

  // Each tag's text moves into the run where it begins; the runs it spread over keep the rest
  // of their text. Literal text is escaped again; a tag becomes a made-template tag.
  void rewrite_texts(const Paragraph& para, std::vector<XmlEdit>& edits) const {
    std::vector<int> owner(para.text.size(), -1);
    for (size_t t : para.tags)
      for (size_t i = tags_[t].found.begin; i < tags_[t].found.end; ++i) owner[i] = static_cast<int>(t);
    for (size_t k = 0; k < para.texts.size(); ++k) {
      size_t from = para.starts[k];
      size_t to = k + 1 < para.starts.size() ? para.starts[k + 1] : para.text.size();
      bool touched = false;
      for (size_t i = from; i < to && !touched; ++i) touched = owner[i] >= 0;
      if (!touched) continue;
      std::string content, literal;
      for (size_t i = from; i < to; ++i) {
        if (owner[i] < 0) {
          literal += para.text[i];
          continue;
        }
        const PartTag& tag = tags_[static_cast<size_t>(owner[i])];
        if (i != tag.found.begin) continue;
        content += xml_text(literal);
        literal.clear();
        if (!tag.structural) content += made_tag(tag.found.tag);
      }
      content += xml_text(literal);
      const XmlElement& t = el(para.texts[k]);
      if (t.close_begin == t.open_end && t.close_end == t.open_end) continue;  // <w:t/> holds no text
      edits.push_back({t.open_end, t.close_begin, content, 0});
      if (t.attrs.count("space") == 0) {
        // Values may begin or end with a space, which Word drops unless told to keep it.
        std::string open_tag = xml_.bytes.substr(t.open_begin, t.open_end - t.open_begin);
        open_tag.insert(open_tag.size() - 1, " xml:space=\"preserve\"");
        edits.push_back({t.open_begin, t.open_end, open_tag, 0});
      }
    }
  }

  std::string display_, part_;
  XmlOutline xml_;
  std::vector<Paragraph> paragraphs_;
  std::vector<PartTag> tags_;
  std::vector<XmlEdit> edits_;
};

// The parts of a Word document that hold text a template may put tags in.
bool text_part(const std::string& name) {
  auto in_word = [&](const char* prefix) {
    std::string p = std::string("word/") + prefix;
    return name.compare(0, p.size(), p) == 0 && name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0 &&
           name.find('/', p.size()) == std::string::npos;
  };
  return name == "word/document.xml" || in_word("header") || in_word("footer") || name == "word/footnotes.xml" ||
         name == "word/endnotes.xml";
}

}  // namespace

void fill_docx(const fs::path& file, const std::string& display, const TextModel& model, const fs::path& out) {
  ZipIn zip(file, display);
  // Every part is checked and rendered before the output is begun.
  std::map<std::string, std::string> rendered;
  for (const auto& member : zip.members()) {
    if (!text_part(member)) continue;
    PartFiller part(zip.read(member), display, member);
    if (!part.has_tags()) continue;
    TextTemplate tmpl(part.make_template(), [](const std::string& value) { return xml_text(value); });
    rendered[member] = tmpl.render(model);
  }
  write_package(zip, rendered, out);
}

}  // namespace casestat::render
