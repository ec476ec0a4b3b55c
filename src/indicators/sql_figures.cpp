#include "indicators/sql_figures.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "store/imports.hpp"
#include "store/pg_connection.hpp"
#include "store/pg_schema.hpp"
#include "store/schema.hpp"

namespace casestat {

namespace {

// The columns of `records` that hold integers (flags, counts, money in 分); the others are text.
bool integer_column(std::string_view field) {
  for (const char* c : {"adopted", "resolved", "backlog", "persons", "recovered", "aid_amount", "amount"})
    if (field == c) return true;
  return false;
}

bool own_column(std::string_view field) {
  if (field == "ledger") return true;
  for (const char* column : kRecordColumns)
    if (field == column) return true;
  return false;
}

// A field as an expression: its column, or its text in the `fields` JSON (ids are [a-z0-9_],
// checked, never anything else spliced).
std::string field_sql(const std::string& field) {
  if (own_column(field)) return field;
  for (char c : field)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      data_error("field id \"{}\": only a-z, 0-9 and _ may be used in field ids", field);
  return "(fields::jsonb ->> '" + field + "')";
}

// Every value is a parameter; the same value is bound once.
class Params {
 public:
  std::string text(const std::string& value) { return add(value, "text"); }
  std::string bigint(int64_t value) { return add(std::to_string(value), "bigint"); }
  const PgParams& values() const { return values_; }

 private:
  std::string add(const std::string& value, const char* type) {
    std::string key = std::string(type) + ":" + value;
    auto found = index_.find(key);
    if (found == index_.end()) {
      values_.emplace_back(value);
      found = index_.emplace(key, values_.size()).first;
    }
    return fmt::format("${}::{}", found->second, type);
  }
  PgParams values_;
  std::map<std::string, size_t> index_;
};

// A condition as SQL, with the engine's meaning (engine.cpp, Engine::test): a text column
// compares as text, an integer column with values that are whole numbers; a NULL never holds.
std::string filter_sql(const Filter& f, Params& params) {
  const std::string col = field_sql(f.field);
  const bool integer = integer_column(f.field);
  switch (f.op) {
    case Filter::Op::equals:
    case Filter::Op::one_of: {
      std::string items;
      for (const auto& v : f.values) {
        std::string item;
        if (!integer)
          item = params.text(v);
        else if (auto n = whole_number(v))
          item = params.bigint(*n);
        else
          continue;
        items += (items.empty() ? "" : ", ") + item;
      }
      return items.empty() ? "false" : "(" + col + " IN (" + items + "))";
    }
    case Filter::Op::contains:
      return integer ? "false" : "(strpos(" + col + ", " + params.text(f.values.at(0)) + ") > 0)";
    case Filter::Op::flag: return integer ? "(" + col + " = " + (f.flag ? "1" : "0") + ")" : "false";
    case Filter::Op::present: return integer ? "(" + col + " IS NOT NULL)" : "(" + col + " <> '')";
    case Filter::Op::absent: return integer ? "(" + col + " IS NULL)" : "(" + col + " IS NULL OR " + col + " = '')";
    case Filter::Op::within_days:
      // Stored dates are valid 'YYYY-MM-DD' (the date parser writes no other), so the casts hold.
      if (integer || integer_column(f.since)) return "false";
      return "((" + col + ")::date - (" + field_sql(f.since) + ")::date BETWEEN 0 AND " + std::to_string(f.days) + ")";
  }
  return "false";
}

// Whether the indicator's conditions hold for a record (ledger, all, any), without its dates.
std::string holds_sql(const Indicator& ind, Params& params) {
  std::vector<std::string> parts;
  if (!ind.ledger.empty()) parts.push_back("ledger = " + params.text(ind.ledger));
  for (const auto& f : ind.all) parts.push_back(filter_sql(f, params));
  if (!ind.any.empty()) {
    std::string any;
    for (const auto& f : ind.any) any += (any.empty() ? "" : " OR ") + filter_sql(f, params);
    parts.push_back("(" + any + ")");
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " AND ") + p;
  return out.empty() ? "true" : out;
}

// Whether the record falls in the period by the indicator's date rules. Dates compare as
// bytes ("C"), as the engine compares them as numbers: 'YYYY-MM-DD' in any locale.
std::string dated_sql(const Indicator& ind, const Period& period, Params& params) {
  std::string from = params.text(period.from), to = params.text(period.to);
  std::string out;
  for (const auto& rule : ind.dates) {
    std::string part;
    if (rule.op == DateRule::Op::in_period) {
      std::string date = field_sql(rule.fields.at(0));
      if (rule.fields.size() > 1) {
        date = "coalesce(";
        for (size_t i = 0; i < rule.fields.size(); ++i) date += (i ? ", " : "") + field_sql(rule.fields[i]);
        date += ")";
      }
      part = "(" + date + " COLLATE \"C\" BETWEEN " + from + " AND " + to + ")";
    } else {
      std::string opened = field_sql(rule.fields.at(0)), closed = field_sql(rule.fields.at(1));
      part = "(" + opened + " COLLATE \"C\" <= " + to + " AND (" + closed + " IS NULL OR " + closed +
             " COLLATE \"C\" >= " + from + "))";
    }
    out += (out.empty() ? "" : " AND ") + part;
  }
  return out.empty() ? "true" : out;
}

// Can the server compute the whole catalog? A site's own fields (in the `fields` JSON) keep the
// JSON's types, which the engine tells apart (a number is not its text) and SQL would not, and
// --by month groups each indicator by its own date shifted to the reported period: both are
// computed by the engine itself over the records streamed from the server instead.
bool server_computable(const Catalog& catalog, const std::string& by, const std::vector<WhereValue>& where) {
  if (by == "month" || (!by.empty() && !own_column(by))) return false;
  for (const auto& w : where)
    if (!own_column(w.field)) return false;
  for (const auto& ind : catalog.indicators()) {
    if (ind.kind == Kind::ratio) continue;
    std::vector<std::string> fields;
    for (const auto& rule : ind.dates) fields.insert(fields.end(), rule.fields.begin(), rule.fields.end());
    for (const auto* list : {&ind.all, &ind.any})
      for (const auto& f : *list) {
        fields.push_back(f.field);
        if (!f.since.empty()) fields.push_back(f.since);
      }
    if (!ind.distinct.empty()) fields.push_back(ind.distinct);
    if (!ind.sum.empty()) fields.push_back(ind.sum);
    for (const auto& field : fields)
      if (!own_column(field)) return false;
  }
  return true;
}

std::vector<Figure> with_ratios(const Catalog& catalog, std::vector<Figure> out) {
  fill_ratios(catalog, out);
  return out;
}

std::pair<PeriodFigures, PeriodFigures> server_figures(PgConnection& conn, const Catalog& catalog,
                                                       const Dictionary& dictionary, const std::string& by,
                                                       const std::vector<WhereValue>& where, const Period& period,
                                                       const std::optional<Period>& base) {
  Params params;
  std::vector<const Period*> periods{&period};
  if (base) periods.push_back(&*base);
  std::vector<size_t> counted;  // catalog indexes of the indicators the query computes
  std::string aggregates, touched;
  for (size_t n = 0; n < catalog.indicators().size(); ++n) {
    const Indicator& ind = catalog.indicators()[n];
    if (ind.kind == Kind::ratio) continue;
    counted.push_back(n);
    std::string holds = holds_sql(ind, params);
    std::string any_period;
    for (size_t p = 0; p < 2; ++p) {
      if (p >= periods.size()) {
        aggregates += ", 0";
        continue;
      }
      std::string dated = dated_sql(ind, *periods[p], params);
      any_period += (any_period.empty() ? "" : " OR ") + dated;
      std::string filter = " FILTER (WHERE " + holds + " AND " + dated + ")";
      if (!ind.sum.empty())
        aggregates += integer_column(ind.sum) ? ", coalesce(sum(" + ind.sum + ")" + filter + ", 0)::bigint" : ", 0";
      else if (!ind.distinct.empty())
        aggregates += ", count(DISTINCT " + field_sql(ind.distinct) + ")" + filter;
      else
        aggregates += ", count(*)" + filter;
    }
    touched += (touched.empty() ? "(" : " OR (") + holds + " AND (" + any_period + "))";
  }
  std::string where_sql;
  for (const auto& w : where)
    where_sql += field_sql(w.field) + " = " + (w.number ? params.bigint(*w.number) : params.text(w.bound)) + " AND ";
  where_sql += touched.empty() ? "false" : "(" + touched + ")";

  std::string group = by.empty() ? "" : integer_column(by) ? by : "nullif(" + by + ", '')";
  std::string sql = "SELECT " + (group.empty() ? std::string("0, NULL") : "grouping(" + group + "), " + group) +
                    aggregates + " FROM records WHERE " + where_sql;
  if (!group.empty()) sql += " GROUP BY GROUPING SETS ((), (" + group + "))";
  PgResult r = conn.exec(sql, params.values(), N_("computing the indicators"));

  const size_t count = catalog.indicators().size();
  std::array<std::vector<Figure>, 2> totals{std::vector<Figure>(count, Figure{0, 1}),
                                            std::vector<Figure>(count, Figure{0, 1})};
  std::vector<std::pair<std::string, std::array<std::vector<Figure>, 2>>> groups;
  for (int row = 0; row < r.rows(); ++row) {
    std::array<std::vector<Figure>, 2> figures{std::vector<Figure>(count, Figure{0, 1}),
                                               std::vector<Figure>(count, Figure{0, 1})};
    for (size_t k = 0; k < counted.size(); ++k)
      for (size_t p = 0; p < 2; ++p) figures[p][counted[k]] = Figure{r.integer(row, static_cast<int>(2 + 2 * k + p)), 1};
    if (group.empty() || r.integer(row, 0) == 1) {
      totals = std::move(figures);
    } else {
      std::string name = r.is_null(row, 1) ? unfilled_group_name(dictionary, by) : std::string(r.text(row, 1));
      groups.emplace_back(std::move(name), std::move(figures));
    }
  }
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::pair<PeriodFigures, PeriodFigures> out;
  out.first.total = with_ratios(catalog, totals[0]);
  out.second.total = with_ratios(catalog, base ? totals[1] : std::vector<Figure>(count, Figure{0, 1}));
  for (auto& [name, figures] : groups) {
    out.first.groups.emplace_back(name, with_ratios(catalog, figures[0]));
    out.second.groups.emplace_back(name, with_ratios(catalog, figures[1]));
  }
  return out;
}

// The fallback: the records streamed from the server into a private store in memory, where the
// engine computes them as for a store file.
std::pair<PeriodFigures, PeriodFigures> streamed_figures(PgConnection& conn, const Catalog& catalog,
                                                         const Dictionary& dictionary, const std::string& by,
                                                         const std::vector<WhereValue>& where, const Period& period,
                                                         const std::optional<Period>& base) {
  Database staging(":memory:", Database::Mode::read_write);
  staging.exec(
      "INSERT INTO imports(id, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected) "
      "VALUES (1, '', '', '', 0, 0, 0, 0)");
  std::string columns = "ledger, sheet, \"row\"";
  for (const char* column : kRecordColumns) columns += std::string(", ") + column;
  columns += ", fields, extras";
  const int width = 3 + static_cast<int>(std::size(kRecordColumns)) + 2;
  std::string marks;
  for (int i = 0; i < width; ++i) marks += i ? ", ?" : "?";
  Statement insert = staging.prepare("INSERT INTO records(import_id, " + columns + ") VALUES (1, " + marks + ")");
  // A cursor, so that the client holds a batch of rows at a time, not the whole store.
  conn.exec("DECLARE casestat_rows NO SCROLL CURSOR FOR SELECT " + columns + " FROM records ORDER BY id",
            N_("reading the records"));
  Transaction transaction(staging);
  for (;;) {
    PgResult batch = conn.exec("FETCH 10000 FROM casestat_rows", N_("reading the records"));
    if (batch.rows() == 0) break;
    for (int row = 0; row < batch.rows(); ++row) {
      insert.reset();
      for (int c = 0; c < width; ++c) {
        if (batch.is_null(row, c)) continue;
        std::string_view value = batch.text(row, c);
        bool integer = c == 2 || (c >= 3 && c < 3 + static_cast<int>(std::size(kRecordColumns)) &&
                                  integer_column(kRecordColumns[c - 3]));
        if (integer)
          insert.bind(c + 1, whole_number(value).value_or(0));
        else
          insert.bind(c + 1, value);
      }
      insert.run();
    }
  }
  transaction.commit();
  conn.exec("CLOSE casestat_rows", N_("reading the records"));
  ScanResult scan = compute_figures(staging, catalog, dictionary, by, where, period, base);
  return {std::move(scan.now), std::move(scan.then)};
}

// The same figures as measure_coverage (coverage.cpp), by the server.
Coverage server_coverage(PgConnection& conn, const Catalog& catalog, const Dictionary& dictionary,
                         const std::string& by, const Period& period) {
  std::vector<std::string> dates = catalog_dates(catalog);
  std::vector<std::string> fields = dates;
  for (const char* own : {"received_on", "issued_on"})
    if (dictionary.find(own) && std::find(fields.begin(), fields.end(), own) == fields.end()) fields.push_back(own);
  if (!by.empty() && by != "month" && std::find(fields.begin(), fields.end(), by) == fields.end()) fields.push_back(by);
  std::string in_period, latest;
  for (const auto& date : dates) {
    std::string sql = field_sql(date);
    in_period += (in_period.empty() ? "" : " OR ") + fmt::format("({} COLLATE \"C\" BETWEEN $1 AND $2)", sql);
    latest += fmt::format(", max({} COLLATE \"C\")", sql);
  }
  std::string sql = "SELECT ledger, count(*), " +
                    (in_period.empty() ? std::string("0") : "count(*) FILTER (WHERE " + in_period + ")");
  for (const auto& field : fields) sql += fmt::format(", count({})", field_sql(field));
  sql += latest + " FROM records GROUP BY ledger ORDER BY ledger COLLATE \"C\"";
  // $1 and $2 must appear for their types to be known, even in a catalog without dates.
  if (in_period.empty()) sql = "SELECT * FROM (" + sql + ") c WHERE $1::text IS NOT NULL AND $2::text IS NOT NULL";
  PgResult r = conn.exec(sql, PgParams{period.from, period.to}, N_("measuring what the ledgers hold"));
  Coverage coverage;
  for (int row = 0; row < r.rows(); ++row) {
    LedgerCoverage ledger;
    ledger.ledger = std::string(r.text(row, 0));
    ledger.records = r.integer(row, 1);
    ledger.in_period = r.integer(row, 2);
    int column = 3;
    for (const auto& field : fields) ledger.filled[field] = r.integer(row, column++);
    for (size_t i = 0; i < dates.size(); ++i, ++column)
      if (!r.is_null(row, column)) ledger.latest = std::max(ledger.latest, std::string(r.text(row, column)));
    coverage.latest = std::max(coverage.latest, ledger.latest);
    coverage.ledgers.push_back(std::move(ledger));
  }
  return coverage;
}

}  // namespace

StoreReading read_pg_store(const std::string& conninfo, const Catalog& catalog, const Dictionary& dictionary,
                           const std::string& by, const std::vector<WhereValue>& where, const Period& period,
                           const std::optional<Period>& base) {
  PgConnection conn(conninfo);
  prepare_pg_store(conn, false);
  StoreReading out;
  PgTransaction transaction(conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  out.coverage = server_coverage(conn, catalog, dictionary, by, period);
  out.figures = server_computable(catalog, by, where)
                    ? server_figures(conn, catalog, dictionary, by, where, period, base)
                    : streamed_figures(conn, catalog, dictionary, by, where, period, base);
  out.sources = nlohmann::json::array();
  PgResult s = conn.exec("SELECT file, imported_at, rows_imported, office FROM imports ORDER BY id",
                         N_("listing the imports"));
  for (int row = 0; row < s.rows(); ++row) {
    nlohmann::json source{{"file", s.text(row, 0)}, {"imported_at", s.text(row, 1)}, {"rows", s.integer(row, 2)}};
    if (!s.text(row, 3).empty()) source["office"] = s.text(row, 3);
    out.sources.push_back(std::move(source));
  }
  transaction.commit();
  return out;
}

}  // namespace casestat
