#include "read/csv_parser.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

#include "core/error.hpp"

namespace casestat {

char sniff_delimiter(std::string_view sample, bool complete) {
  constexpr std::array<char, 4> candidates{',', '\t', ';', '|'};
  constexpr size_t max_lines = 50;
  std::vector<std::array<int, 4>> lines;
  std::array<int, 4> counts{};
  bool in_quotes = false, blank = true;
  for (size_t i = 0; i < sample.size() && lines.size() < max_lines; ++i) {
    char c = sample[i];
    if (c == '"') {
      in_quotes = !in_quotes;  // a doubled quote toggles twice: still right
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      if (!blank) lines.push_back(counts);
      counts = {};
      blank = true;
      continue;
    } else if (!in_quotes) {
      for (size_t k = 0; k < candidates.size(); ++k) counts[k] += c == candidates[k];
    }
    blank = false;
  }
  if (complete && !blank && lines.size() < max_lines) lines.push_back(counts);

  char best = ',';
  size_t best_lines = 0;
  int best_count = 0;
  for (size_t k = 0; k < candidates.size(); ++k) {
    std::map<int, size_t> frequency;  // count on a line -> lines with that count
    for (const auto& line : lines)
      if (line[k] > 0) ++frequency[line[k]];
    for (const auto& [count, n] : frequency) {
      // Most lines agreeing wins; then more columns; then the earlier candidate.
      if (n > best_lines || (n == best_lines && count > best_count)) {
        best = candidates[k];
        best_lines = n;
        best_count = count;
      }
    }
  }
  return best;
}

CsvParser::CsvParser(char delimiter, std::string display_name, const ReadLimits& limits, const RowHandler& on_row)
    : delimiter_(delimiter), display_name_(std::move(display_name)), limits_(limits), on_row_(on_row) {
  stops_[static_cast<unsigned char>(delimiter)] = true;
  stops_['\n'] = true;
  stops_['\r'] = true;
}

void CsvParser::begin_field() {
  if (cells_ >= static_cast<uint64_t>(limits_.max_columns))
    data_error("{}: row {}: more than {} columns: is this really a CSV file?", display_name_, current_record(),
               limits_.max_columns);
  if (cells_ < row_.cells.size()) {
    row_.cells[cells_].text.clear();  // keeps its capacity: no allocation per field
  } else {
    row_.cells.emplace_back();
  }
  record_open_ = true;
}

void CsvParser::append(const char* begin, size_t size) {
  if (size == 0) return;
  std::string& text = row_.cells[cells_].text;
  if (text.size() + size > limits_.max_field_bytes)
    data_error("{}: row {}: a field is longer than {} MiB: is this really a CSV file?", display_name_,
               current_record(), limits_.max_field_bytes >> 20);
  text.append(begin, size);
}

void CsvParser::end_field() {
  Cell& cell = row_.cells[cells_];
  cell.type = cell.text.empty() ? Cell::Type::empty : Cell::Type::text;
  ++cells_;
}

bool CsvParser::end_record() {
  ++records_;
  row_.cells.resize(cells_);
  cells_ = 0;
  record_open_ = false;
  state_ = State::field_start;
  bool any = std::any_of(row_.cells.begin(), row_.cells.end(), [](const Cell& c) { return !c.empty(); });
  if (!any) return true;
  row_.number = records_;
  return on_row_(row_);
}

bool CsvParser::feed(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    if (skip_lf_) {
      skip_lf_ = false;
      if (*p == '\n') {
        ++p;
        continue;
      }
    }
    switch (state_) {
      case State::field_start:
        begin_field();
        if (*p == '"') {
          ++p;
          state_ = State::quoted;
        } else {
          state_ = State::unquoted;
        }
        break;
      case State::unquoted: {
        const char* q = p;
        while (q < end && !stops_[static_cast<unsigned char>(*q)]) ++q;
        append(p, static_cast<size_t>(q - p));
        p = q;
        if (p == end) break;
        char c = *p++;
        end_field();
        if (c == delimiter_) {
          state_ = State::field_start;
        } else {
          skip_lf_ = c == '\r';
          if (!end_record()) return false;
        }
        break;
      }
      case State::quoted: {
        const auto* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
        if (!q) {
          append(p, static_cast<size_t>(end - p));
          p = end;
          break;
        }
        append(p, static_cast<size_t>(q - p));
        p = q + 1;
        state_ = State::quote_in_quoted;
        break;
      }
      case State::quote_in_quoted: {
        char c = *p;
        if (c == '"') {  // a doubled quote is one quote
          append(p, 1);
          ++p;
          state_ = State::quoted;
        } else if (c == delimiter_) {
          ++p;
          end_field();
          state_ = State::field_start;
        } else if (c == '\n' || c == '\r') {
          ++p;
          end_field();
          skip_lf_ = c == '\r';
          if (!end_record()) return false;
        } else {
          state_ = State::unquoted;  // "abc"def reads as abcdef, as Excel reads it
        }
        break;
      }
    }
  }
  return true;
}

bool CsvParser::finish() {
  if (state_ == State::quoted)
    data_error("{}: row {}: a quoted field is not closed", display_name_, current_record());
  if (!record_open_) return true;
  if (state_ == State::field_start) begin_field();  // "a,b," ends with an empty field
  end_field();
  return end_record();
}

}  // namespace casestat
