// expat for the parts of an xlsx: fed in pieces, element names without their namespace
// prefix, and safe against hostile XML: a DOCTYPE or an entity declaration (the billion laughs)
// stops the parse, external entities are never loaded, nesting depth is bounded, and so is
// every markup token (a tag with its attributes, a comment, a processing instruction, a
// reference): expat holds a token whole and scans it again for every piece fed while it is
// incomplete, so an unbounded one costs memory and quadratic time.
#pragma once

#include <expat.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace casestat {

class XmlStream {
 public:
  // `where` starts every message ("book.xlsx" or "book.xlsx: sheet 台账"); `part` names the
  // part in them ("the sheet", "xl/sharedStrings.xml"); `max_token` bounds each markup token.
  XmlStream(std::string where, std::string part, uint64_t max_token);
  virtual ~XmlStream() = default;
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses a piece; returns false once a handler asked to stop. Throws Error (Exit::data)
  // "book.xlsx: the file is damaged: PART is not valid XML at line N (why)" on bad XML.
  bool feed(const char* data, size_t size, bool last);
  void stop() {
    XML_StopParser(parser_.get(), XML_FALSE);
    stopped_ = true;
  }

 protected:
  // `name` has no namespace prefix; attrs is expat's NULL-terminated name/value list.
  virtual void on_start(std::string_view name, const char** attrs) = 0;
  virtual void on_end(std::string_view name) = 0;
  virtual void on_text(const char* text, int length) = 0;
  // Handlers must not throw through expat's C frames: they refuse, which stops the parse, and
  // feed() throws the message (a whole message, file name first).
  void refuse(std::string message);
  const std::string& where() const { return where_; }
  const std::string& part() const { return part_; }
  long line() const;
  // Where the event being handled lies in the bytes fed so far, and its length (0 for the end
  // of an empty element): for callers that edit a part in place and copy the rest as it is.
  long long byte_index() const { return static_cast<long long>(XML_GetCurrentByteIndex(parser_.get())); }
  int byte_count() const { return XML_GetCurrentByteCount(parser_.get()); }

  // feed() in its two steps, for a reader that scans some stretches of a part itself (the sheet
  // scanner): the token bound over a whole piece, then expat over all or part of it. The bound
  // refuses a token still open at the end of the piece that is longer than allowed.
  void guard(const char* data, size_t size);
  bool parse(const char* data, size_t size, bool last);
  // The bound's state as between two tokens: where the scanner hands a part back to expat.
  void reset_guard() {
    token_ = Token::text;
    length_ = 0;
    tail_.clear();
  }
  bool stopped() const { return stopped_; }
  const std::string& refusal() const { return refused_; }
  int depth() const { return depth_; }
  uint64_t max_token() const { return max_token_; }

 private:
  struct Free {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
  };
  static void XMLCALL start(void* self, const XML_Char* name, const XML_Char** attrs);
  static void XMLCALL end(void* self, const XML_Char* name);
  static void XMLCALL text(void* self, const XML_Char* s, int len);
  static void XMLCALL doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int);
  static void XMLCALL entity(void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                             const XML_Char*, const XML_Char*);

  // Where the bytes fed so far stand, outside expat: what kind of token is open and how long.
  enum class Token : char { text, tag, quoted, comment, pi, other, reference, cdata };

  std::unique_ptr<std::remove_pointer_t<XML_Parser>, Free> parser_;
  uint64_t max_token_;
  Token token_ = Token::text;
  char quote_ = 0;      // the quote that opened the attribute value being read
  uint64_t length_ = 0;  // of the open token
  std::string tail_;     // the last bytes of the open token, to see "-->" and "?>" across pieces
  std::string where_, part_;
  int depth_ = 0;
  bool stopped_ = false;
  std::string refused_;  // why a handler stopped the parse
};

// An attribute's value by its local name ("id" finds r:id), or nullptr.
const char* xml_attr(const char** attrs, std::string_view local_name);

// "x:c" -> "c", "c" -> "c". One pass: it runs for every element and attribute of a sheet.
inline std::string_view local_name(const char* name) {
  const char* start = name;
  const char* p = name;
  for (; *p; ++p)
    if (*p == ':') start = p + 1;
  return std::string_view(start, static_cast<size_t>(p - start));
}

}  // namespace casestat
