// The reading interface every spreadsheet format implements: a workbook is a list of sheets,
// and a sheet is read as a stream of rows, one at a time, so memory does not grow with the sheet.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/input.hpp"
#include "read/number_text.hpp"  // plain_decimal and serial_to_iso, used with every Cell

namespace casestat {

// One cell as the user means it.
struct Cell {
  enum class Type { empty, text, number, date, boolean, error };
  Type type = Type::empty;
  // text:    the text (UTF-8, _xHHHH_ escapes decoded, rich-text runs joined, phonetic runs left out)
  // number:  the number as a plain decimal, never in exponent form and never an Excel serial
  //          for a date: "1084.7", "12000", "0.125". From xlsx this is the file's own digits
  //          where they are plain, so money can be read exactly.
  // date:    "2021-03-05", "2021-03-05 14:30:00" when there is a time, "14:30:00" for a time only
  // boolean: "TRUE" or "FALSE"
  // error:   the error code, "#N/A", "#DIV/0!", ... (never a number)
  std::string text;
  // number: the value; date: the Excel serial (1900 system, after the 1900 leap-year fix).
  double number = 0;

  bool empty() const { return type == Type::empty || (type == Type::text && text.empty()); }
};

struct Row {
  int64_t number = 0;       // 1-based, as Excel shows it (CSV: the record number)
  std::vector<Cell> cells;  // index = column (A = 0); may be shorter than the widest row
};

// A range of merged cells, as Excel shows it: one cell over several rows and/or columns, whose
// value is the value of its top-left cell. Rows are 1-based like Row::number, columns 0-based
// like the index of Row::cells, both bounds inclusive.
struct MergedRange {
  int64_t first_row = 0, last_row = 0;
  size_t first_column = 0, last_column = 0;
  bool covers(int64_t row, size_t column) const {
    return row >= first_row && row <= last_row && column >= first_column && column <= last_column;
  }
  std::string describe() const;  // "B4:B24"
  friend bool operator==(const MergedRange&, const MergedRange&) = default;
};

// Return false to stop reading the sheet early.
using RowHandler = std::function<bool(const Row&)>;

// Guards against hostile files (zip bombs, absurd references); an honest huge file can raise them.
struct ReadLimits {
  uint64_t max_inflated_bytes = 4ull << 30;  // all the parts of a workbook, each time one is read
  uint64_t max_shared_strings = 50'000'000;
  uint64_t max_shared_string_bytes = 256u << 20;  // their texts plus 4 bytes of index each
  int64_t max_rows = 1'048'576;
  int64_t max_columns = 16'384;
  uint64_t max_field_bytes = 32u << 20;      // one CSV field or one XML text
  uint64_t max_merged_ranges = 1'000'000;    // per sheet (Excel itself slows to a crawl long before)
};

struct ReadOptions {
  std::string encoding = "auto";  // CSV only: auto, utf-8, gbk, gb18030
  ReadLimits limits;
  // xlsx: the rows of a sheet read by the sheet scanner, expat reading the rest; false reads it
  // all with expat (the tests compare the two).
  bool scan_sheets = true;
};

class Workbook {
 public:
  virtual ~Workbook() = default;
  virtual const char* format() const = 0;  // "xlsx", "xls", "csv"
  // Sheet names in workbook order. A CSV file has one sheet with an empty name.
  virtual const std::vector<std::string>& sheet_names() const = 0;
  // Streams the rows of a sheet that have at least one cell, in order. Throws Error (Exit::data)
  // naming the file and sheet when the sheet cannot be read.
  virtual void read_sheet(size_t index, const RowHandler& on_row) = 0;
  // The sheet's merged ranges, sorted by first row then first column, none of one cell, none
  // overlapping another. Empty for formats that carry none (CSV) or whose reader cannot see
  // them (.xls). Memory is the list itself, whatever the sheet's length.
  virtual std::vector<MergedRange> merged_ranges(size_t /*index*/) { return {}; }
  const std::string& display_name() const { return display_name_; }

 protected:
  explicit Workbook(std::string display_name) : display_name_(std::move(display_name)) {}

 private:
  std::string display_name_;
};

// Opens a workbook by its content, not its name: a zip with xl/workbook.xml is xlsx, an OLE
// compound file is xls, anything else that is text is CSV/TSV. A .xlsb, an encrypted workbook,
// an empty file or a file that is not a spreadsheet is a clear Error (Exit::data).
std::unique_ptr<Workbook> open_workbook(Input& input, const ReadOptions& options = {});

// Format-specific openers (used by open_workbook and the tests).
std::unique_ptr<Workbook> open_xlsx(Input& input, const ReadOptions& options);
std::unique_ptr<Workbook> open_xls(Input& input, const ReadOptions& options);
std::unique_ptr<Workbook> open_csv(Input& input, const ReadOptions& options);

}  // namespace casestat
