#include "fields/ledger.hpp"

#include "core/error.hpp"

namespace casestat {

const char* to_string(Ledger ledger) {
  switch (ledger) {
    case Ledger::cases: return "cases";
    case Ledger::recommendations: return "recommendations";
    case Ledger::petitions: return "petitions";
  }
  return "cases";
}

std::optional<Ledger> ledger_named(std::string_view word) {
  for (Ledger ledger : kLedgers)
    if (word == to_string(ledger)) return ledger;
  return std::nullopt;
}

std::string ledger_words() {
  std::string words;
  for (size_t i = 0; i < kLedgers.size(); ++i) {
    if (i > 0) words += i + 1 == kLedgers.size() ? " or " : ", ";
    words += to_string(kLedgers[i]);
  }
  return words;
}

Ledger parse_ledger(std::string_view text) {
  if (auto ledger = ledger_named(text)) return *ledger;
  usage_error("--ledger {}: not a ledger; use {}", text, ledger_words());
}

}  // namespace casestat
