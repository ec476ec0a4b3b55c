// Which ledger a sheet's rows belong to, told from its names.
#pragma once

#include <optional>
#include <string_view>

#include "fields/ledger.hpp"

namespace casestat {

// --ledger when given; else the sheet's name decides, else the file's name: 建议 (as in
// 检察建议) -> recommendations, 信访 -> petitions, neither -> cases. The sheet comes first
// because one workbook often holds several ledgers, one per sheet.
Ledger ledger_for(std::optional<Ledger> forced, std::string_view sheet, std::string_view file);

}  // namespace casestat
