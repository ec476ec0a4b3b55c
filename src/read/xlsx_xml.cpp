#include "read/xlsx_xml.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "core/error.hpp"
#include "read/xlsx_text.hpp"

namespace casestat {

namespace {
constexpr int kMaxDepth = 256;  // xlsx parts nest a dozen levels; deeper is hostile
}

const char* xml_attr(const char** attrs, std::string_view local) {
  for (; attrs && *attrs; attrs += 2)
    if (local_name(attrs[0]) == local) return attrs[1];
  return nullptr;
}

XmlStream::XmlStream(std::string where, std::string part, uint64_t max_token)
    : parser_(XML_ParserCreate("UTF-8")), max_token_(max_token), where_(std::move(where)), part_(std::move(part)) {
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

void XmlStream::refuse(std::string message) {
  if (refused_.empty()) refused_ = std::move(message);
  XML_StopParser(parser_.get(), XML_FALSE);
}

void XMLCALL XmlStream::start(void* self_, const XML_Char* name, const XML_Char** attrs) {
  auto* self = static_cast<XmlStream*>(self_);
  if (!self->refused_.empty()) return;
  if (++self->depth_ > kMaxDepth) {
    self->refuse(translate("{}: the file is damaged: {} nests elements deeper than {} levels at line {}", self->where_,
                          self->part_, kMaxDepth, self->line()));
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
  self->refuse(translate("{}: the file is damaged: {} has a DOCTYPE declaration at line {}, which no spreadsheet part "
                          "has (it can hide an entity bomb)",
                          self->where_, self->part_, self->line()));
}

void XMLCALL XmlStream::entity(void* self_, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                               const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* self = static_cast<XmlStream*>(self_);
  self->refuse(translate("{}: the file is damaged: {} declares an XML entity at line {}, which no spreadsheet part does",
                          self->where_, self->part_, self->line()));
}

// Follows the tokens expat will hold whole, and refuses one longer than the bound before expat
// sees it. Text (and CDATA content, which expat also hands on in pieces) is not bounded here:
// those who keep text bound it themselves. Well-formedness stays expat's job; this only needs
// to find where each token ends, so that it never counts an honest part's tokens as one.
void XmlStream::guard(const char* data, size_t size) {
  const char* p = data;
  const char* const end = data + size;
  auto ends_with = [&](const char* q, std::string_view closing) {
    // Does the token end at q (inclusive) with `closing`? Looks back into this piece, then tail_.
    size_t have = static_cast<size_t>(q - data) + 1;
    std::string joined;
    std::string_view back;
    if (have >= closing.size()) {
      back = std::string_view(q + 1 - closing.size(), closing.size());
    } else {
      joined = tail_ + std::string(data, have);
      back = std::string_view(joined).substr(joined.size() - std::min(joined.size(), closing.size()));
    }
    return back == closing;
  };
  const char* start = p;  // of the open token's bytes within this piece
  while (p < end) {
    switch (token_) {
      case Token::text: {
        while (p < end && *p != '<' && *p != '&') ++p;
        if (p == end) break;
        token_ = *p == '&' ? Token::reference : Token::tag;
        length_ = 0;
        tail_.clear();
        start = p;
        ++p;
        // "<!--", "<?", "<![CDATA[", "<!DOCTYPE" are told apart by the bytes after "<".
        break;
      }
      case Token::tag: {
        if (length_ + static_cast<uint64_t>(p - start) == 1) {
          if (*p == '?') {
            token_ = Token::pi;
            ++p;
            break;
          }
          if (*p == '!') {
            token_ = Token::other;
            ++p;
            break;
          }
        }
        while (p < end && *p != '>' && *p != '"' && *p != '\'') ++p;
        if (p == end) break;
        if (*p == '>') {
          token_ = Token::text;
        } else {
          token_ = Token::quoted;
          quote_ = *p;
        }
        ++p;
        break;
      }
      case Token::quoted: {
        const void* q = std::memchr(p, quote_, static_cast<size_t>(end - p));
        if (!q) {
          p = end;
          break;
        }
        p = static_cast<const char*>(q) + 1;
        token_ = Token::tag;
        break;
      }
      case Token::reference:
        while (p < end && *p != ';' && *p != '<') ++p;  // "<": malformed, expat will say so
        if (p == end) break;
        token_ = Token::text;
        if (*p == ';') ++p;
        break;
      case Token::other: {
        // "<!--" opens a comment, "<![CDATA[" a section expat streams like text; anything else
        // (a DOCTYPE) ends at its ">" and is refused by expat's handlers anyway.
        uint64_t seen = length_ + static_cast<uint64_t>(p - start);
        if (seen == 2 && *p == '-') {
          token_ = Token::comment;
          ++p;
          break;
        }
        if (seen == 2 && *p == '[') {
          token_ = Token::cdata;  // its content is handed on in pieces, like text
          ++p;
          break;
        }
        while (p < end && *p != '>') ++p;
        if (p == end) break;
        token_ = Token::text;
        ++p;
        break;
      }
      case Token::comment:
      case Token::pi:
      case Token::cdata: {
        // The shortest whole tokens, "<!---->", "<?x?>" and "<![CDATA[]]>", put their ">" at
        // these offsets: a closing string that overlaps the opening one does not close.
        std::string_view closing = token_ == Token::comment ? "-->" : token_ == Token::pi ? "?>" : "]]>";
        uint64_t first = token_ == Token::comment ? 6 : token_ == Token::pi ? 3 : 11;
        while (p < end && !(*p == '>' && ends_with(p, closing) && length_ + static_cast<uint64_t>(p - start) >= first))
          ++p;
        if (p == end) break;
        token_ = Token::text;
        ++p;
        break;
      }
    }
    if (token_ == Token::text) start = p;
  }
  if (token_ != Token::text) {
    length_ += static_cast<uint64_t>(end - start);
    tail_.append(end - std::min<size_t>(static_cast<size_t>(end - start), 3), end);
    if (tail_.size() > 3) tail_.erase(0, tail_.size() - 3);
    // CDATA content is counted by whoever keeps it, as text is; its length only finds its end.
    if (token_ != Token::cdata && length_ > max_token_)
      data_error("{}: the file is damaged: {} has a tag, comment or reference longer than {} at line {}; "
                 "if the file is honest, raise the limit with --max-field-mib",
                 where_, part_, size_words(max_token_), line());
  }
}

bool XmlStream::feed(const char* data, size_t size, bool last) {
  if (stopped_) return false;
  guard(data, size);
  return parse(data, size, last);
}

bool XmlStream::parse(const char* data, size_t size, bool last) {
  if (stopped_) return false;
  while (size > 0 || last) {
    int piece = static_cast<int>(std::min<size_t>(size, std::numeric_limits<int>::max() / 2));
    bool final_piece = last && static_cast<size_t>(piece) == size;
    XML_Status status = XML_Parse(parser_.get(), data, piece, final_piece);
    if (!refused_.empty()) throw Error(Exit::data, refused_);
    if (status == XML_STATUS_ERROR) {
      if (XML_GetErrorCode(parser_.get()) == XML_ERROR_ABORTED) return false;  // stopped by a handler
      data_error("{}: the file is damaged: {} is not valid XML at line {} ({})", where_, part_, line(),
                 XML_ErrorString(XML_GetErrorCode(parser_.get())));
    }
    if (stopped_) return false;
    data += piece;
    size -= static_cast<size_t>(piece);
    if (final_piece) break;
  }
  return true;
}

}  // namespace casestat
