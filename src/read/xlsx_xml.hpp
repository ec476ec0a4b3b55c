// expat for the parts of an xlsx: fed in pieces, element names without their namespace
// prefix, and safe against hostile XML: a DOCTYPE (and so any entity declaration, the billion
// laughs) stops the parse, external entities are never loaded, nesting depth is bounded.
#pragma once

#include <expat.h>

#include <memory>
#include <string>
#include <string_view>

namespace casestat {

class XmlStream {
 public:
  XmlStream(std::string display_name, std::string part);
  virtual ~XmlStream() = default;
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses a piece; returns false once a handler asked to stop. Throws Error (Exit::data)
  // "FILE: the file is damaged: PART is not valid XML at line N: ..." on bad XML.
  bool feed(const char* data, size_t size, bool last);
  void stop() { XML_StopParser(parser_.get(), XML_FALSE); stopped_ = true; }

 protected:
  // `name` has no namespace prefix; attrs is expat's NULL-terminated name/value list.
  virtual void on_start(std::string_view name, const char** attrs) = 0;
  virtual void on_end(std::string_view name) = 0;
  virtual void on_text(const char* text, int length) = 0;
  [[noreturn]] void fail(std::string_view why) const;
  // Handlers must not throw through expat's C frames: they refuse, which stops the parse, and
  // feed() throws the message (a whole message, file name first).
  void refuse(std::string message);
  std::string damaged(std::string_view why) const;
  const std::string& display_name() const { return display_; }
  const std::string& part() const { return part_; }
  long line() const;

 private:
  struct Free {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
  };
  static void XMLCALL start(void* self, const XML_Char* name, const XML_Char** attrs);
  static void XMLCALL end(void* self, const XML_Char* name);
  static void XMLCALL text(void* self, const XML_Char* s, int len);
  static void XMLCALL doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int);

  std::unique_ptr<std::remove_pointer_t<XML_Parser>, Free> parser_;
  std::string display_, part_;
  int depth_ = 0;
  bool stopped_ = false;
  std::string refused_;  // why a handler stopped the parse
};

// An attribute's value by its local name ("id" finds r:id), or nullptr.
const char* xml_attr(const char** attrs, std::string_view local_name);
std::string_view local_name(const char* name);

}  // namespace casestat
