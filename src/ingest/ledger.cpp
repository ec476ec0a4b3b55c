#include "ingest/ledger.hpp"

#include <filesystem>


namespace casestat {

namespace {

std::optional<Ledger> from_name(std::string_view name) {
  if (name.find("建议") != std::string_view::npos) return Ledger::recommendations;
  if (name.find("信访") != std::string_view::npos) return Ledger::petitions;
  return std::nullopt;
}

}  // namespace

Ledger ledger_for(std::optional<Ledger> forced, std::string_view sheet, std::string_view file) {
  if (forced) return *forced;
  if (auto ledger = from_name(sheet)) return *ledger;
  // Only the file's own name, not the folders it sits in (…/信访/案件.xlsx is a case list).
  std::string base = std::filesystem::path(file).filename().string();
  if (auto ledger = from_name(base)) return *ledger;
  return Ledger::cases;
}

}  // namespace casestat
