// Value parsers: what clerks type, read as what they mean. Each returns the value, or
// std::nullopt with `why` set to the message's tail, e.g. cannot read "2021年13月5日" as a date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fields/dictionary.hpp"
#include "read/workbook.hpp"

namespace casestat {

// Date cells, Excel serial numbers (in a date column), 2021-03-05, 2021/3/5, 2021.3.5,
// 2021年3月5日, 20210305 (and a trailing time, ignored) -> "2021-03-05". An impossible
// date (2021-02-30) is an error.
std::optional<std::string> parse_date(const Cell& cell, std::string& why);

// Money as integer 分, exactly: numbers, "12,000.00", "3.8万", "3.8万元", "¥1,200", with the
// header's unit (fen_per_unit: 100 for 元, 1000000 for 万元). A number with a 万 suffix is
// in 万元 whatever the header says. Rounded half away from zero to the 分.
std::optional<int64_t> parse_money(const Cell& cell, int64_t fen_per_unit, std::string& why);

// Whole numbers: 12, "12", "12人", "1,030" ("1030余" and "1030多" read as 1030).
std::optional<int64_t> parse_integer(const Cell& cell, std::string& why);

// 是/否, 有/无, 已采纳/未采纳, 采纳/不采纳, 整改到位/未整改, 已化解/未化解, Y/N, 1/0, TRUE/FALSE,
// and first the words `field` lists as its own (fields.toml: yes = [...], no = [...]). Any
// other text is an error whose message says how to add the word to the field.
std::optional<bool> parse_flag(const Cell& cell, std::string& why, const Field* field = nullptr);

}  // namespace casestat
