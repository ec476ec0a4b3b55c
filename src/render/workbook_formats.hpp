// The cell formats of the bulletin workbook and how an indicator's value becomes a cell: numbers
// stay numbers (clerks go on computing with them), shown as the text bulletin writes them:
// counts "0", money in 万元 with up to two decimals, rates and changes as percentages with one
// decimal, changes of rates in 个百分点 — in each case with trailing zeros dropped (100%, not
// 100.0%). An Excel number format cannot drop a trailing .0 by itself, so each cell gets the
// format its own value needs ("0%" for 1, "0.0%" for 0.625); a number typed over it later keeps
// that format.
#pragma once

#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace casestat::render {

// A cell's look besides its number format.
enum class CellStyle { plain, total };

class Formats {
 public:
  explicit Formats(lxw_workbook* wb);

  lxw_format *title, *subtitle, *header, *text, *total_text;
  lxw_format* section;  // a 板块 merged down its rows
  lxw_format *low, *negative;  // conditional formats: the lowest offices, negative changes

  // A bordered cell with this number format ("" for General), plain or in the 合计 row.
  lxw_format* number(const std::string& num_format, CellStyle style);

 private:
  lxw_workbook* wb_;
  std::map<std::pair<std::string, CellStyle>, lxw_format*> numbers_;
};

// The number a cell holds for an indicator's value: counts as they are, money in 万元 (the JSON
// has 元), rates as fractions (shown as %). Absent when the JSON has no number (null: no base,
// a rate with no denominator).
struct Number {
  bool present = false;
  double value = 0;
};
Number value_number(const nlohmann::json& v, const std::string& unit);
// A change: relative for counts and money (0.123), percentage points for rates (4.6).
Number change_number(const nlohmann::json& v);

// The number format of a value, of a change, by the indicator's unit and kind and by the value
// itself (decimals as the text shows them).
std::string value_num_format(const nlohmann::json& indicator, Number n);
std::string change_num_format(const nlohmann::json& indicator, Number n);

// A column header: the indicator's name with its unit, 受理案件（件）, 采纳率（%）.
std::string header_with_unit(const nlohmann::json& indicator);

}  // namespace casestat::render
