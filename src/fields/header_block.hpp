// The header of a sheet as offices lay it out: one row of field names, or a block of rows where
// captions merged across columns (案件信息 over 案号, 案件类别) and captions merged down through
// the header rows (序号, 承办单位) name the columns together. From xlsx the merges are known;
// from CSV and .xls exports a merged caption is only in its first cell, and the empty cells
// beside it (over named columns) or under it are read as the merge was.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fields/dictionary.hpp"
#include "read/workbook.hpp"

namespace casestat {

struct Column {
  size_t index = 0;                // 0-based column in the sheet
  std::string header;              // its name: the lowest caption (unique in the sheet: see name_columns)
  std::vector<std::string> path;   // the captions from the top of the header down, the name last
  const Field* field = nullptr;    // nullptr: an extra column, kept as text under its header
  int64_t fen_per_unit = 100;
  bool serial = false;             // 序号: numbers the rows, read by nobody
};

struct HeaderBlock {
  int64_t first_row = 0, last_row = 0;  // the header's rows; the field names are on last_row
  std::vector<Column> columns;          // every column with a caption, in sheet order
  bool assumed = false;                 // no row named known fields: the first row was taken
};

// A row's cells as the header sees them: its own texts, and under a merged range whose top-left
// cell is on a row in `rows`, that cell's text (so 承办单位 merged down B2:B3 names column B on
// row 3 too). `rows` are the rows read so far, in order, the row itself last.
std::vector<std::string> header_texts(const std::vector<Row>& rows, const std::vector<MergedRange>& ranges);

// Does a row of header_texts name fields: two known names, or one and nothing else?
bool names_fields(const std::vector<std::string>& texts, const Dictionary& dictionary);

// Exported to CSV, a header whose upper row names fields (承办单位, 受理日期: merged down in
// the sheet) can have a lower row naming only columns the dictionary does not know, under a
// caption written once (督办情况 over 督办人, 督办日期). `lower` is such a row when it has
// nothing under the upper row's known names and something under an empty cell that follows a
// caption: a data row has values under known names, and none under a header's empty cells.
bool continues_header(const std::vector<std::string>& upper_texts, const Row& lower, const Dictionary& dictionary);

// The header block whose field names are on rows.back(): the caption rows right above it
// (rows kept above that hold captions rather than a title), and every column's name and path,
// bound to the dictionary. Throws Error (Exit::data) naming `where` when two columns mean one field.
HeaderBlock find_header_block(const std::vector<Row>& rows, const std::vector<MergedRange>& ranges,
                              const Dictionary& dictionary, const std::string& where);

// "序号", "序 号"
bool is_serial_header(std::string_view header);

}  // namespace casestat
