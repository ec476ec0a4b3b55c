// An XML part of a Word or Excel file as an outline of its elements with their places in the
// bytes, so that a template fill edits the few places that hold tags and copies every other
// byte as it was (namespaces, attribute order, white space, unknown extensions).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace casestat::render {

struct XmlElement {
  std::string name;  // local name: "p", "tr", "t", "row", "c"
  std::map<std::string, std::string> attrs;  // by local name, values decoded
  size_t open_begin = 0, open_end = 0;       // the start tag's bytes
  size_t close_begin = 0, close_end = 0;     // the end tag's bytes (empty element: open_end, open_end)
  int parent = -1;
  std::vector<int> children;
  std::string text;  // the decoded character data directly inside it

  size_t begin() const { return open_begin; }
  size_t end() const { return close_end; }
  std::string attr(const std::string& local) const {
    auto it = attrs.find(local);
    return it == attrs.end() ? "" : it->second;
  }
};

struct XmlOutline {
  std::string bytes;
  std::vector<XmlElement> elements;  // in document order; 0 is the root
};

// Parses a part (the hardened expat of the readers: no DOCTYPE, bounded depth). `where` and
// `part` start messages: "bulletin.docx: the file is damaged: word/document.xml ...".
XmlOutline outline_xml(std::string bytes, const std::string& where, const std::string& part);

// Text for XML character data or attribute values: & < > " escaped, and characters XML 1.0
// does not allow (control characters a ledger may hold) replaced by U+FFFD.
std::string xml_text(std::string_view text);

// An edit of a part's bytes: [begin, end) replaced by `text` (begin == end inserts). Edits at
// one place apply in `order`.
struct XmlEdit {
  size_t begin, end;
  std::string text;
  long order = 0;
};
std::string apply_edits(const std::string& bytes, std::vector<XmlEdit> edits);

}  // namespace casestat::render
