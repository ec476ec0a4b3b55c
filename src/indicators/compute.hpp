// Computing the indicators of a period from the store: the JSON every renderer reads (the
// README documents it, "Indicators JSON").
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace casestat {

struct IndicatorRequest {
  std::string db = "casestat.db";
  std::string period;              // as the user typed it: 2025H1, 2025年上半年, auto, ...
  std::string compare = "yoy";     // yoy, prev, none
  std::string by;                  // empty: totals; else a field id (unit, department, ...) or month
  std::string catalog;             // empty: templates_dir()/indicators.toml
  std::string fields;              // empty: the default field dictionary
  std::vector<std::string> only;   // indicator ids to report (all when empty)
  std::string section;             // report one section only
  std::vector<std::string> where;  // FIELD=VALUE conditions on every indicator
  std::string today;               // for auto periods and generated_on; empty: the real date
  bool allow_empty = false;        // a period in which no ledger has a record: zeros, not an error
};

// Warnings (indicators/coverage.hpp) go to stderr; a period in which no ledger has a record is
// an Error (Exit::data) unless request.allow_empty.

nlohmann::json compute_indicators(const IndicatorRequest& request);

}  // namespace casestat
