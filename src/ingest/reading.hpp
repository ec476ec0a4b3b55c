// What casestat-import and casestat-check share: the reading options, the dictionary, which
// sheets to read, and how their messages reach the user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "fields/dictionary.hpp"
#include "fields/sheet_reader.hpp"
#include "ingest/ledger.hpp"
#include "read/workbook.hpp"

namespace casestat {

struct ReadingOptions {
  std::optional<Ledger> ledger;     // --ledger; else from the sheet's or file's name
  std::string sheet = "all";        // --sheet NAME|N|all
  std::string header_row = "auto";  // --header-row N|auto
  std::string encoding = "auto";    // --encoding auto|utf-8|gbk|gb18030 (CSV only)
  std::string fields;               // --fields FILE; empty: the default dictionary
  // Limits against hostile files; an honest huge file can raise them (add_limit_options).
  uint64_t max_inflated_mib = 4096;     // all the parts of an xlsx, inflated, as often as read
  uint64_t max_shared_strings = 50'000'000;
  uint64_t max_shared_strings_mib = 256;  // the shared-string table's texts and index
  uint64_t max_field_mib = 32;          // one CSV field or one text in a cell
};

// --sheet, --header-row, --encoding, --fields (and --ledger into `ledger` when given), the options
// casestat-import, casestat-check and casestat-convert share; `verb` says what is done to the
// sheet ("import", "check", "convert").
void add_reading_options(CLI::App& app, ReadingOptions& options, const char* verb, std::string* ledger = nullptr);
// --max-inflated-mib, --max-shared-strings(-mib), --max-field-mib, in a group of their own.
void add_limit_options(CLI::App& app, ReadingOptions& options);

// Usage Errors for a bad --header-row or --encoding.
SheetOptions sheet_options(const ReadingOptions& options);
ReadOptions read_options(const ReadingOptions& options);
Dictionary load_dictionary(const ReadingOptions& options);

struct SheetChoice {
  std::vector<size_t> indexes;
  // A sheet without a header row is skipped with a warning only when the user asked for every
  // sheet of a workbook that has several (a 说明 sheet beside the ledgers); a sheet the user
  // named, or the only sheet, must have one.
  bool skip_headerless = false;
};
// --sheet: a sheet's name, else its number (1 = the first), else all. A usage Error names the
// sheets the workbook has.
SheetChoice choose_sheets(const Workbook& workbook, std::string_view sheet);

// Does any cell in the sheet's first rows name a field of the dictionary? (false for an empty sheet)
bool has_header_candidate(Workbook& workbook, size_t index, const Dictionary& dictionary, int64_t rows);

// Where messages go: stderr in the tools, a list in the tests.
class Messages {
 public:
  virtual ~Messages() = default;
  virtual void error(std::string_view line) = 0;    // "TOOL: error: LINE", always shown
  virtual void warning(std::string_view line) = 0;  // "TOOL: warning: LINE", always shown
  virtual void note(std::string_view line) = 0;     // a summary line; not with --quiet
};

class StderrMessages : public Messages {
 public:
  explicit StderrMessages(bool quiet) : quiet_(quiet) {}
  void error(std::string_view line) override;
  void warning(std::string_view line) override;
  void note(std::string_view line) override;

 private:
  bool quiet_;
};

// "1 blank, 2 totals" style counting words.
std::string count_of(int64_t n, std::string_view one, std::string_view many);

}  // namespace casestat
