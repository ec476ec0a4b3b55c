// The indicators JSON as text for people (an aligned table, Markdown) and for other tools
// (CSV, TSV). JSON is the interface the renderers read; the others are views of it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace casestat {

enum class Format { json, table, csv, tsv, md };

// "auto": table when standard output is a terminal, json otherwise. A usage Error otherwise.
Format parse_format(std::string_view text, bool stdout_is_terminal);

// Totals: one row per indicator (id, name, value, base, change, display, change text).
// With groups: one row per group, a column per indicator (values), then its ranks.
// CSV is for opening in Excel: a UTF-8 byte order mark, headings in Chinese (the indicator's
// name and unit; `ids`: the indicator ids), the grouping column named 单位, 月份 ..., figures in
// the heading's unit rounded as the bulletin shows them, no ranks. TSV and JSON are for
// programs: ids, exact values, ranks.
std::string format_indicators(const nlohmann::json& data, Format format, bool ids = false);

}  // namespace casestat
