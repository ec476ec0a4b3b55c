#include "indicators/coverage.hpp"

#include "fields/ledger.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/i18n_context.hpp"
#include "indicators/engine.hpp"

namespace casestat {

namespace {

// The date each ledger's rows carry when they are kept right: without it a row is in no period.
const char* own_date(const std::string& ledger) {
  return ledger_named(ledger) == Ledger::recommendations ? "issued_on" : "received_on";
}

std::string field_name(const Dictionary& dictionary, const std::string& id) {
  const Field* field = dictionary.find(id);
  return field ? field->name : id;
}

}  // namespace

std::vector<std::string> catalog_dates(const Catalog& catalog) {
  std::vector<std::string> dates;
  for (const auto& indicator : catalog.indicators())
    for (const auto& rule : indicator.dates)
      for (const auto& field : rule.fields)
        if (std::find(dates.begin(), dates.end(), field) == dates.end()) dates.push_back(field);
  return dates;
}

CoverageFields coverage_fields(const Catalog& catalog, const Dictionary& dictionary, const std::string& by) {
  std::vector<std::string> dates = catalog_dates(catalog);
  std::vector<std::string> fields = dates;
  for (const char* own : {"received_on", "issued_on"})
    if (dictionary.find(own) && std::find(fields.begin(), fields.end(), own) == fields.end()) fields.push_back(own);
  if (!by.empty() && by != "month" && std::find(fields.begin(), fields.end(), by) == fields.end()) fields.push_back(by);
  return {std::move(dates), std::move(fields)};
}

Coverage measure_coverage(Database& db, const Catalog& catalog, const Dictionary& dictionary, const std::string& by,
                          const Period& period) {
  auto [dates, fields] = coverage_fields(catalog, dictionary, by);

  std::string in_period, latest;
  for (const auto& date : dates) {
    std::string sql = field_column_sql(date);
    in_period += (in_period.empty() ? "" : " OR ") + fmt::format("({} BETWEEN ?1 AND ?2)", sql);
    latest += fmt::format(", max({})", sql);
  }
  std::string sql = "SELECT ledger, count(*), " + (in_period.empty() ? std::string("0") : "sum(" + in_period + ")");
  for (const auto& field : fields) sql += fmt::format(", count({})", field_column_sql(field));
  sql += latest + " FROM records GROUP BY ledger ORDER BY ledger";
  Statement stmt = db.prepare(sql);
  stmt.bind(1, std::string_view(period.from));
  stmt.bind(2, std::string_view(period.to));
  Coverage coverage;
  while (stmt.step()) {
    LedgerCoverage ledger;
    ledger.ledger = stmt.text(0);
    ledger.records = stmt.integer(1);
    ledger.in_period = stmt.integer(2);
    int column = 3;
    for (const auto& field : fields) ledger.filled[field] = stmt.integer(column++);
    for (size_t i = 0; i < dates.size(); ++i, ++column)
      if (!stmt.is_null(column)) ledger.latest = std::max(ledger.latest, stmt.text(column));
    coverage.latest = std::max(coverage.latest, ledger.latest);
    coverage.ledgers.push_back(std::move(ledger));
  }
  return coverage;
}

std::vector<std::string> coverage_warnings(const Coverage& coverage, const Catalog& catalog,
                                           const std::vector<size_t>& shown, const Dictionary& dictionary,
                                           const std::string& by, const Period& period, bool allow_empty) {
  std::string when = fmt::format("{} ({}..{})", period.label, period.from, period.to);
  bool any = std::any_of(coverage.ledgers.begin(), coverage.ledgers.end(),
                         [](const LedgerCoverage& l) { return l.in_period > 0; });
  std::vector<std::string> warnings;
  if (!any) {
    std::string store = coverage.ledgers.empty() ? _("the store holds no records")
                        : coverage.latest.empty() ? _("no record in the store has a date")
                                                  : translate("the latest date in the store is {}", coverage.latest);
    if (!allow_empty)
      data_error("{}: no ledger has a record in this period ({}): every figure would be 0. Import the period's "
                 "ledgers first, pick another period, or pass --allow-empty to write the zeros",
                 when, store);
    warnings.push_back(translate("{}: no ledger has a record in this period ({}): every figure is 0 (--allow-empty)",
                                   when, store));
  }
  for (const auto& ledger : coverage.ledgers) {
    if (any && ledger.in_period == 0)
      warnings.push_back(translate("{}: the {} ledger has no record in this period{}: its figures are 0; import its "
                                     "ledger for the period",
                                     when, ledger.ledger,
                                     ledger.latest.empty() ? "" : translate(" (its latest date is {})", ledger.latest)));
    // A ledger's own date: a row without it is in no period, so in no figure.
    std::string own = own_date(ledger.ledger);
    if (auto it = ledger.filled.find(own); it != ledger.filled.end() && it->second < ledger.records) {
      int64_t missing = ledger.records - it->second;
      warnings.push_back(translate("{} of the {} records of the {} ledger {} no {}: unless another date of theirs "
                                     "counts, they are in no period and no figure; fill it in the ledger and import "
                                     "it again",
                                     missing, ledger.records, ledger.ledger, missing == 1 ? pgettext_("coverage", "has") : pgettext_("coverage", "have"),
                                     field_name(dictionary, own)));
    }
    if (auto it = ledger.filled.find(by); !by.empty() && it != ledger.filled.end() && it->second < ledger.records)
      warnings.push_back(translate("{} of the {} records of the {} ledger {} no {}: they count in the totals and "
                                     "in the table's row for records without one, under no office of their own",
                                     ledger.records - it->second, ledger.records, ledger.ledger,
                                     ledger.records - it->second == 1 ? pgettext_("coverage", "has") : pgettext_("coverage", "have"), field_name(dictionary, by)));
  }
  // An indicator whose date no record of its ledger has: a column missing or misnamed, most likely.
  std::set<std::string> said;
  for (size_t n : shown) {
    const Indicator& indicator = catalog.indicators()[n];
    for (const auto& ledger : coverage.ledgers) {
      if (!indicator.ledger.empty() && indicator.ledger != ledger.ledger) continue;
      for (const auto& rule : indicator.dates) {
        int64_t filled = 0;
        std::string names;
        for (const auto& field : rule.fields) {
          auto it = ledger.filled.find(field);
          filled += it == ledger.filled.end() ? 0 : it->second;
          names += (names.empty() ? "" : " or ") + field_name(dictionary, field);
        }
        if (filled > 0 || indicator.ledger.empty() || !said.insert(ledger.ledger + names).second) continue;
        warnings.push_back(translate("none of the {} {} of the {} ledger has {}: {} and every indicator dated by "
                                       "it are 0 in every period; is the column named in the field dictionary?",
                                       ledger.records, ledger.records == 1 ? pgettext_("coverage", "record") : pgettext_("coverage", "records"), ledger.ledger,
                                       names, indicator.id));
      }
    }
  }
  return warnings;
}

std::vector<std::string> unknown_group_warnings(const std::vector<std::string>& groups, const Offices& offices,
                                                const std::string& unfilled) {
  std::vector<std::string> warnings;
  if (offices.empty()) return warnings;
  for (const auto& name : groups)
    if (name != unfilled && !offices.canonical(name))
      warnings.push_back(translate("the per-office table has a row for 承办单位 \"{}\", which is not an office of "
                                     "{}: {}; then remove its ledgers with casestat-import --forget and import "
                                     "them again",
                                     name, offices.source().filename().string(), offices.fix_for(name)));
  return warnings;
}

}  // namespace casestat
