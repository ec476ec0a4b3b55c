// The cell formats of the bulletin workbook and how an indicator's value becomes a cell: numbers
// stay numbers (clerks go on computing with them), shown by unit — counts "0", money in 万元
// "0.00", rates "0.0%", changes of rates in 个百分点.
#pragma once

#include <xlsxwriter.h>

#include <nlohmann/json.hpp>

#include <string>

namespace casestat::render {

struct Formats {
  lxw_format *title, *subtitle, *header, *text, *count, *money, *rate, *change, *points;
  lxw_format *total_text, *total_count, *total_money, *total_rate, *total_change, *total_points;
  lxw_format *low, *negative;  // conditional formats: the lowest offices, negative changes
};

// Adds the formats to the workbook (which owns them).
Formats make_formats(lxw_workbook* wb);

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

// The format of a value, of a change, by the indicator's unit and kind; `total` for the 合计 row.
lxw_format* value_format(const Formats& f, const nlohmann::json& indicator, bool total);
lxw_format* change_format(const Formats& f, const nlohmann::json& indicator, bool total);

// A column header: the indicator's name with its unit, 受理案件（件）, 采纳率（%）.
std::string header_with_unit(const nlohmann::json& indicator);

}  // namespace casestat::render
