// What a period's figures stand on, said before they are shown: a period in which no ledger
// has a record is refused (a July job run before June's ledgers arrive would print a bulletin
// of zeros), a ledger with no record in the period is named, and so are the dates and fields
// whose absence keeps records out of every figure (an empty 制发日期, an empty 承办单位).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "fields/dictionary.hpp"
#include "fields/offices.hpp"
#include "indicators/catalog.hpp"
#include "indicators/period.hpp"
#include "store/db.hpp"

namespace casestat {

struct LedgerCoverage {
  std::string ledger;
  int64_t records = 0;
  int64_t in_period = 0;                  // records with a catalog date in the period
  std::string latest;                     // its latest catalog date ('' when none)
  std::map<std::string, int64_t> filled;  // field id -> records that have a value
};

struct Coverage {
  std::vector<LedgerCoverage> ledgers;  // the ledgers the store holds
  std::string latest;                   // the latest catalog date in the store
};

// What coverage looks at: the dates of the catalog's date rules (`dates`), and those with the
// ledgers' own dates (受理日期, 制发日期) and the `by` field (`fields`, whose filled records are
// counted).
struct CoverageFields {
  std::vector<std::string> dates;
  std::vector<std::string> fields;
};
CoverageFields coverage_fields(const Catalog& catalog, const Dictionary& dictionary, const std::string& by);

// The date fields the catalog's indicators count by, each once, in catalog order.
std::vector<std::string> catalog_dates(const Catalog& catalog);

// One scan of the store for the fields above. The indicators' own scan measures the same thing
// on the way (compute_figures); this query is kept for the stores it leaves to SQLite.
Coverage measure_coverage(Database& db, const Catalog& catalog, const Dictionary& dictionary, const std::string& by,
                          const Period& period);

// Throws Error (Exit::data) when no ledger has a record in the period, naming the latest date
// in the store, unless `allow_empty`; else the warnings to print (one line each). `shown`: the
// catalog positions of the indicators reported, the only ones whose dates are looked at.
std::vector<std::string> coverage_warnings(const Coverage& coverage, const Catalog& catalog,
                                           const std::vector<size_t>& shown, const Dictionary& dictionary,
                                           const std::string& by, const Period& period, bool allow_empty);

// With --by unit: a group whose name is neither an office of the site nor the group of records
// without one is a row of its own in every per-office table; one warning line each, with the fix.
std::vector<std::string> unknown_group_warnings(const std::vector<std::string>& groups, const Offices& offices,
                                                const std::string& unfilled);

}  // namespace casestat
