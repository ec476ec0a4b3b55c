// Which ledger a sheet's rows belong to: cases, recommendations (检察建议) or petitions (信访).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casestat {

enum class Ledger { cases, recommendations, petitions };

const char* to_string(Ledger ledger);  // "cases", "recommendations", "petitions": the store's words
// The --ledger argument; a usage Error for anything else.
Ledger parse_ledger(std::string_view text);

// --ledger when given; else the sheet's name decides, else the file's name: 建议 (as in
// 检察建议) -> recommendations, 信访 -> petitions, neither -> cases. The sheet comes first
// because one workbook often holds several ledgers, one per sheet.
Ledger ledger_for(std::optional<Ledger> forced, std::string_view sheet, std::string_view file);

}  // namespace casestat
