// The merged ranges of an xlsx sheet: <mergeCells> comes after <sheetData> in the sheet's XML,
// so it is found by a first pass over the part that only inflates and looks for it.
#pragma once

#include <string>
#include <vector>

#include "read/workbook.hpp"
#include "read/xlsx_zip.hpp"

namespace casestat {

// The sheet part's merged ranges, settled (settle_merged_ranges). `where` starts messages
// ("book.xlsx: sheet 台账"). Memory: the ranges and a few pieces of inflated XML, never the sheet.
std::vector<MergedRange> read_xlsx_merged_ranges(XlsxZip& zip, const std::string& member, const std::string& where,
                                                 const ReadLimits& limits);

}  // namespace casestat
