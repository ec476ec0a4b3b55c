// The ledgers a record can belong to: cases, recommendations (检察建议) or petitions (信访).
// Their names are the store's words, the catalog's and --ledger's: spelled here only.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace casestat {

enum class Ledger { cases, recommendations, petitions };

inline constexpr std::array<Ledger, 3> kLedgers{Ledger::cases, Ledger::recommendations, Ledger::petitions};

const char* to_string(Ledger ledger);  // "cases", "recommendations", "petitions"
// The ledger a word names, or nullopt.
std::optional<Ledger> ledger_named(std::string_view word);
// "cases, recommendations or petitions", for messages.
std::string ledger_words();
// The --ledger argument; a usage Error for anything else.
Ledger parse_ledger(std::string_view text);

}  // namespace casestat
