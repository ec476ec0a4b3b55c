// Which number formats make a number a date: Excel does not store dates as such, only numbers
// with a date format, so a reader that misses a format prints 44260 for 2021-03-05.
#pragma once

#include <string_view>

namespace casestat {

// Built-in ids 14-22 and 45-47, and the ids Chinese Excel and WPS use for their built-in date
// formats, 27-36 and 50-58 (31 is yyyy"年"m"月"d"日"); custom codes by their date and time
// letters outside quoted text, escapes and [colour]/[condition] sections.
bool is_date_format(int id, std::string_view custom_code);

}  // namespace casestat
