// RFC 4180 records from UTF-8 text fed in chunks of any size: quoted fields with delimiters,
// doubled quotes and line breaks inside, CRLF, LF or CR line ends, a last line without one.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "read/workbook.hpp"

namespace casestat {

// The delimiter a CSV or TSV file uses: of comma, tab, semicolon and pipe, the one found the
// same (non-zero) number of times outside quotes on the most of the first lines. `complete`:
// the sample is the whole file (else its last, maybe cut-off, line is not counted). A text
// without any of them is one column: comma.
char sniff_delimiter(std::string_view sample, bool complete);

class CsvParser {
 public:
  // Rows whose every field is empty are counted but not passed on.
  CsvParser(char delimiter, std::string display_name, const ReadLimits& limits, const RowHandler& on_row);

  // Parses a piece of text; false when the handler asked to stop.
  bool feed(std::string_view text);
  // At the end of the input: the last record, or an error for a quote left open.
  bool finish();
  // The record being read (1-based), for messages about it.
  int64_t current_record() const { return records_ + 1; }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted };
  void begin_field();
  void append(const char* begin, size_t size);
  void end_field();
  bool end_record();

  char delimiter_;
  std::string display_name_;
  ReadLimits limits_;
  const RowHandler& on_row_;
  std::array<bool, 256> stops_{};  // bytes that end an unquoted run
  State state_ = State::field_start;
  bool record_open_ = false;  // a field of the current record has begun
  bool skip_lf_ = false;      // the last line ended with CR: a following LF belongs to it
  int64_t records_ = 0;
  size_t cells_ = 0;  // fields of the current record so far
  Row row_;
};

}  // namespace casestat
