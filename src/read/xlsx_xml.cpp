#include "read/xlsx_xml.hpp"

#include <algorithm>
#include <limits>

#include "core/error.hpp"

namespace casestat {

namespace {
constexpr int kMaxDepth = 256;  // xlsx parts nest a dozen levels; deeper is hostile
}

const char* xml_attr(const char** attrs, std::string_view local) {
  for (; attrs && *attrs; attrs += 2)
    if (local_name(attrs[0]) == local) return attrs[1];
  return nullptr;
}

XmlStream::XmlStream(std::string where, std::string part)
    : parser_(XML_ParserCreate("UTF-8")), where_(std::move(where)), part_(std::move(part)) {
  if (!parser_) system_error("out of memory creating an XML parser");
  XML_SetUserData(parser_.get(), this);
  XML_SetElementHandler(parser_.get(), start, end);
  XML_SetCharacterDataHandler(parser_.get(), text);
  // No part of a workbook has a DTD. Refusing it at its start means no entity is ever declared,
  // so none can be expanded (the billion laughs) or fetched (external entities are never
  // loaded anyway: there is no external entity handler). The entity handler is a second lock.
  XML_SetStartDoctypeDeclHandler(parser_.get(), doctype);
  XML_SetEntityDeclHandler(parser_.get(), entity);
  XML_SetParamEntityParsing(parser_.get(), XML_PARAM_ENTITY_PARSING_NEVER);
}

long XmlStream::line() const { return static_cast<long>(XML_GetCurrentLineNumber(parser_.get())); }

std::string XmlStream::damaged(std::string_view what, std::string_view after) const {
  return fmt::format("{}: the file is damaged: {} {} at line {}{}", where_, part_, what, line(), after);
}

void XmlStream::refuse(std::string message) {
  if (refused_.empty()) refused_ = std::move(message);
  XML_StopParser(parser_.get(), XML_FALSE);
}

void XMLCALL XmlStream::start(void* self_, const XML_Char* name, const XML_Char** attrs) {
  auto* self = static_cast<XmlStream*>(self_);
  if (!self->refused_.empty()) return;
  if (++self->depth_ > kMaxDepth) {
    self->refuse(self->damaged("nests elements deeper than " + std::to_string(kMaxDepth) + " levels"));
    return;
  }
  self->on_start(local_name(name), attrs);
}

void XMLCALL XmlStream::end(void* self_, const XML_Char* name) {
  auto* self = static_cast<XmlStream*>(self_);
  --self->depth_;
  if (!self->refused_.empty() || self->depth_ >= kMaxDepth) return;
  self->on_end(local_name(name));
}

void XMLCALL XmlStream::text(void* self_, const XML_Char* s, int len) {
  auto* self = static_cast<XmlStream*>(self_);
  if (self->refused_.empty()) self->on_text(s, len);
}

void XMLCALL XmlStream::doctype(void* self_, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* self = static_cast<XmlStream*>(self_);
  self->refuse(self->damaged("has a DOCTYPE declaration", ", which no spreadsheet part has (it can hide an entity bomb)"));
}

void XMLCALL XmlStream::entity(void* self_, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                               const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* self = static_cast<XmlStream*>(self_);
  self->refuse(self->damaged("declares an XML entity", ", which no spreadsheet part does"));
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
      throw Error(Exit::data, fmt::format("{}: the file is damaged: {} is not valid XML at line {} ({})", where_, part_,
                                          line(), XML_ErrorString(XML_GetErrorCode(parser_.get()))));
    }
    if (stopped_) return false;
    data += piece;
    size -= static_cast<size_t>(piece);
    if (final_piece) break;
  }
  return true;
}

}  // namespace casestat
