// A scanner for the rows of a worksheet, where expat spends most of an xlsx read. The XML of
// <sheetData> is regular (<row>, <c r= t= s=>, <v>, <f>, <is><t>), so the scanner reads it
// itself and hands the sheet reader the same elements, attributes and text expat would. Expat
// still reads all the rest of the part (the prolog, <worksheet>, everything after </sheetData>),
// and it takes over for good, from the last row the scanner finished, at anything the scanner
// does not read itself: a comment, a processing instruction, CDATA, a carriage return, a
// control character, an entity other than the five predefined and numeric references, bytes
// that are not valid UTF-8, a name outside ASCII, an attribute value with a reference or a
// tab, a row longer than a few MiB, a tag that is not well-formed. Expat then reads those bytes
// as it would have, at the same line (the scanner feeds it the newlines it read past), so its
// rows, refusals and messages are the same as without the scanner.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "read/xlsx_xml.hpp"

namespace casestat {

// An attribute as written: the name with its prefix if any, the value with references expanded.
struct XmlAttr {
  std::string_view name, value;
};

// "x:c" -> "c"
inline std::string_view local_part(std::string_view name) {
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

class SheetScanner : public XmlStream {
 public:
  // `scan`: false reads the whole part with expat (tests compare the two ways).
  SheetScanner(std::string where, std::string part, uint64_t max_token, bool scan)
      : XmlStream(std::move(where), std::move(part), max_token), mode_(scan ? Mode::prolog : Mode::expat) {}

  // As XmlStream::feed, for the pieces of a sheet in order.
  bool scan(const char* data, size_t size, bool last);

 protected:
  // The sheet reader's side, called by expat and by the scanner alike. `name` has no prefix.
  virtual void start(std::string_view name, const XmlAttr* attrs, size_t count) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(const char* data, size_t size) = 0;
  // Whether no row, cell or text is open: where the scanner may take over.
  virtual bool between_rows() const = 0;
  // Back to between rows, after the scanner gave up in the middle of one (expat reads it again).
  virtual void forget_row() = 0;

 private:
  void on_start(std::string_view name, const char** attrs) final;
  void on_end(std::string_view name) final { end(name); }
  void on_text(const char* s, int len) final { text(s, static_cast<size_t>(len)); }

  enum class Mode : char { prolog, rows, expat };
  enum class Step : char { done, more, expat, stopped };
  bool prolog(const char* data, size_t size, bool last);
  bool rows(const char* data, size_t size);
  Step row(const char* buf, size_t size, size_t& pos, long& lines);
  Step tag(const char* buf, size_t size, size_t& pos, long& lines, bool& empty);
  Step content(const char* buf, size_t limit, size_t& pos, long& lines);
  // Hands the rest of the part to expat from the last row finished.
  bool hand_over(const char* buf, size_t size, size_t pos, bool last);
  // After each event: throws the reader's refusal; false once it stopped.
  bool checked() {
    if (!refusal().empty()) throw_refusal();
    return !stopped();
  }
  [[noreturn]] void throw_refusal() const;

  Mode mode_;
  long long fed_ = 0;             // bytes given to expat before the scanner took over
  long long sheet_data_at_ = -1;  // where expat saw <sheetData> start
  // The bytes from the last row finished to the end of the last piece, when a row is cut by
  // the end of a piece, and where each piece begins in them (expat is fed them as they came).
  std::string carry_;
  std::vector<size_t> pieces_;
  long lines_ = 0;  // newlines the scanner read past, up to the last row finished
  // The attributes of the tag being read, and the names of the open elements within a row.
  std::vector<XmlAttr> attrs_;
  std::string_view name_;  // of the tag just read
  std::string_view names_[16];
  size_t open_ = 0;
  char decoded_[4];
};

}  // namespace casestat
