// The computation of a catalog's figures from the store, for a period and its base period
// together, in total and per group, with the store's coverage, in one sequential scan of
// `records` (see engine.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fields/dictionary.hpp"
#include "indicators/catalog.hpp"
#include "indicators/coverage.hpp"
#include "indicators/period.hpp"
#include "indicators/wording.hpp"
#include "store/db.hpp"

namespace casestat {

// A condition of --where: records whose field equals the value, bound as an SQL parameter
// (an integer for flag, integer and money fields, so 是 finds the stored 1).
struct WhereValue {
  std::string field;
  std::string text;               // as the user typed it, for the JSON's filters
  std::optional<int64_t> number;  // flag 1/0, integer, money in 分
  std::string bound;              // text fields and dates: the text to compare with
};

// The figures of one period: one per catalog indicator (catalog order), counts and money in
// 分 as num/1, rates as num/den (den 0: no rate).
struct PeriodFigures {
  std::vector<Figure> total;
  std::vector<std::pair<std::string, std::vector<Figure>>> groups;  // by group name, sorted
};

// The figures of the period and of its base period (`then`: all zero, no groups, when `base`
// is absent), and the store's coverage of `period` (coverage.hpp), measured by the same scan
// of every record; no coverage when a date column held a value that is not text (then
// measure_coverage asks SQLite).
struct ScanResult {
  PeriodFigures now, then;
  std::optional<Coverage> coverage;
};

// Sets the ratio indicators of `figures` (one per indicator, in catalog order) from their parts'
// figures: the one place a rate is computed, whichever store counted the parts.
void fill_ratios(const Catalog& catalog, std::vector<Figure>& figures);

// `by`: empty (totals only), "month", or a field id.
ScanResult compute_figures(Database& db, const Catalog& catalog, const Dictionary& dictionary, const std::string& by,
                           const std::vector<WhereValue>& where, const Period& period,
                           const std::optional<Period>& base);

// The same, with the store scanned in parts by two threads side by side (the second on a
// connection of its own) when it is a file that holds at least `split_from` records;
// compute_figures sets the size from which that pays. For tests of the parts.
ScanResult compute_figures_split(Database& db, const Catalog& catalog, const Dictionary& dictionary,
                                 const std::string& by, const std::vector<WhereValue>& where, const Period& period,
                                 const std::optional<Period>& base, int64_t split_from);

// A field as an SQL expression over `records`: its column, or its value in the `fields` JSON.
std::string field_column_sql(const std::string& field);

// The group a record without the --by field goes into: （未填承办单位）.
std::string unfilled_group_name(const Dictionary& dictionary, const std::string& by);

}  // namespace casestat
