#include "read/xlsx_xml.hpp"

#include <cstring>
#include <limits>

#include "core/error.hpp"

namespace casestat {

namespace {
constexpr int kMaxDepth = 256;  // xlsx parts nest a dozen levels; deeper is hostile
}

std::string_view local_name(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(name);
}

const char* xml_attr(const char** attrs, std::string_view local) {
  for (; attrs && *attrs; attrs += 2)
    if (local_name(attrs[0]) == local) return attrs[1];
  return nullptr;
}

XmlStream::XmlStream(std::string display_name, std::string part)
    : parser_(XML_ParserCreate("UTF-8")), display_(std::move(display_name)), part_(std::move(part)) {
  if (!parser_) system_error("out of memory creating an XML parser");
  XML_SetUserData(parser_.get(), this);
  XML_SetElementHandler(parser_.get(), start, end);
  XML_SetCharacterDataHandler(parser_.get(), text);
  XML_SetStartDoctypeDeclHandler(parser_.get(), doctype);
  XML_SetParamEntityParsing(parser_.get(), XML_PARAM_ENTITY_PARSING_NEVER);
}

long XmlStream::line() const { return static_cast<long>(XML_GetCurrentLineNumber(parser_.get())); }

std::string XmlStream::damaged(std::string_view why) const {
  return fmt::format("{}: the file is damaged: {} {} (line {})", display_, part_, why, line());
}

void XmlStream::fail(std::string_view why) const { throw Error(Exit::data, damaged(why)); }

void XmlStream::refuse(std::string message) {
  if (refused_.empty()) refused_ = std::move(message);
  XML_StopParser(parser_.get(), XML_FALSE);
}

void XMLCALL XmlStream::start(void* self_, const XML_Char* name, const XML_Char** attrs) {
  auto* self = static_cast<XmlStream*>(self_);
  if (++self->depth_ > kMaxDepth) {
    self->refuse(self->damaged("nests elements deeper than " + std::to_string(kMaxDepth) + " levels"));
    return;
  }
  self->on_start(local_name(name), attrs);
}

void XMLCALL XmlStream::end(void* self_, const XML_Char* name) {
  auto* self = static_cast<XmlStream*>(self_);
  --self->depth_;
  if (self->depth_ >= kMaxDepth) return;
  self->on_end(local_name(name));
}

void XMLCALL XmlStream::text(void* self_, const XML_Char* s, int len) { static_cast<XmlStream*>(self_)->on_text(s, len); }

void XMLCALL XmlStream::doctype(void* self_, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* self = static_cast<XmlStream*>(self_);
  self->refuse(self->damaged("has a DOCTYPE declaration, which no spreadsheet part has"));
}

bool XmlStream::feed(const char* data, size_t size, bool last) {
  if (stopped_) return false;
  while (size > 0 || last) {
    int piece = static_cast<int>(std::min<size_t>(size, std::numeric_limits<int>::max() / 2));
    bool final_piece = last && static_cast<size_t>(piece) == size;
    XML_Status status = XML_Parse(parser_.get(), data, piece, final_piece);
    if (!refused_.empty()) throw Error(Exit::data, refused_);
    if (status == XML_STATUS_ERROR) {
      if (XML_GetErrorCode(parser_.get()) == XML_ERROR_ABORTED) return false;  // stopped by a handler
      fail(std::string("is not valid XML: ") + XML_ErrorString(XML_GetErrorCode(parser_.get())));
    }
    if (stopped_) return false;
    data += piece;
    size -= static_cast<size_t>(piece);
    if (final_piece) break;
  }
  return true;
}

}  // namespace casestat
