#include "ingest/ledger.hpp"

#include <filesystem>

#include "core/error.hpp"

namespace casestat {

namespace {

std::optional<Ledger> from_name(std::string_view name) {
  if (name.find("建议") != std::string_view::npos) return Ledger::recommendations;
  if (name.find("信访") != std::string_view::npos) return Ledger::petitions;
  return std::nullopt;
}

}  // namespace

const char* to_string(Ledger ledger) {
  switch (ledger) {
    case Ledger::cases: return "cases";
    case Ledger::recommendations: return "recommendations";
    case Ledger::petitions: return "petitions";
  }
  return "cases";
}

Ledger parse_ledger(std::string_view text) {
  for (Ledger ledger : {Ledger::cases, Ledger::recommendations, Ledger::petitions})
    if (text == to_string(ledger)) return ledger;
  usage_error("--ledger {}: not a ledger; use cases, recommendations or petitions", text);
}

Ledger ledger_for(std::optional<Ledger> forced, std::string_view sheet, std::string_view file) {
  if (forced) return *forced;
  if (auto ledger = from_name(sheet)) return *ledger;
  // Only the file's own name, not the folders it sits in (…/信访/案件.xlsx is a case list).
  std::string base = std::filesystem::path(file).filename().string();
  if (auto ledger = from_name(base)) return *ledger;
  return Ledger::cases;
}

}  // namespace casestat
