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
std::string format_indicators(const nlohmann::json& data, Format format);

}  // namespace casestat
