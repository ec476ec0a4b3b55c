// The indicators of a PostgreSQL store, computed by the server: the catalog becomes one query of
// aggregates with FILTER clauses (count, count DISTINCT, sum), the groups of --by one GROUPING
// SETS query, so that only the figures cross the network, never the records. The figures are
// the engine's (engine.cpp), to the byte.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indicators/coverage.hpp"
#include "indicators/engine.hpp"

namespace casestat {

struct StoreReading {
  Coverage coverage;
  std::pair<PeriodFigures, PeriodFigures> figures;
  nlohmann::json sources;  // [{file, imported_at, rows[, office]}], in import order
};

// All from one snapshot of the store (a read-only repeatable-read transaction).
StoreReading read_pg_store(const std::string& conninfo, const Catalog& catalog, const Dictionary& dictionary,
                           const std::string& by, const std::vector<WhereValue>& where, const Period& period,
                           const std::optional<Period>& base);

}  // namespace casestat
