// Cell references in Excel formulas and ranges, rewritten when a template's rows move: the
// references of a formula ("=SUM(B4:B4)*报表!$C$2"), of a range list ("A1:B2 D4"), found
// without mistaking text in quotes, function names or sheet names for references.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace casestat::render {

struct CellRef {
  long col = 0;  // 1-based; 0 when the reference is whole rows ("$3:$4")
  long row = 0;  // 1-based; 0 when the reference is whole columns ("A:A")
  bool col_abs = false, row_abs = false;
};

// Called for each reference with the sheet it names ("" when none) and whether it ends a
// range ("B4" in "B2:B4"); it changes the reference in place.
using RefRewriter = std::function<void(const std::string& sheet, CellRef& ref, bool range_end)>;

std::string rewrite_formula(std::string_view formula, const RefRewriter& rewrite);

// A space-separated list of ranges (sqref) or one range ("B4:F4"), which name no sheet.
std::string rewrite_ranges(std::string_view ranges, const RefRewriter& rewrite);

// "B4" -> col 2, row 4; false when it is not a cell reference.
bool parse_cell(std::string_view text, CellRef& ref);
std::string cell_name(const CellRef& ref);

}  // namespace casestat::render
