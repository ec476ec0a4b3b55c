// One sequential scan of `records` for every indicator, both periods, the totals and the groups
// together, and the store's coverage of the period on the way. The catalog is compiled to column
// positions; SQLite hands each record's values to an aggregate function of ours (no result row
// per record); a value is read when first needed, its date turned into a number once, each
// distinct date rule and condition tested once, and the figures are added in arrays indexed by
// indicator and group. A scan in store order reads the file once, which beats an index walk per
// indicator (bench-indicators: 1,000,000 records); counting the coverage in the same scan saves
// the second full scan (with a sort by ledger) that a query of its own costs (bench-scale). A
// large store is scanned in parts by two threads side by side, on two connections that read the
// same state of it, and their counts put together (bench-scale).
#include "indicators/engine.hpp"

#include "fields/ledger.hpp"

#include <algorithm>
#include <atomic>
#include <array>
#include <charconv>
#include <functional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "store/schema.hpp"

namespace casestat {

namespace {

// A ratio from its parts, which are computed first (the catalog has no cycles: Catalog::load).
void fill_ratio(const Catalog& catalog, size_t n, std::vector<Figure>& out, std::vector<char>& done) {
  const Indicator& ind = catalog.indicators()[n];
  if (ind.kind != Kind::ratio || done[n]) return;
  done[n] = 1;
  auto part = [&](const std::string& id) {
    size_t i = static_cast<size_t>(catalog.find(id) - catalog.indicators().data());
    fill_ratio(catalog, i, out, done);
    return out[i];
  };
  Figure a = part(ind.numerator), b = part(ind.denominator);
  // (a.num / a.den) / (b.num / b.den); no rate when a part has none or the denominator is 0
  if (a.den == 0 || b.den == 0 || b.num == 0) {
    out[n] = Figure{0, 0};
    return;
  }
  __int128 num = static_cast<__int128>(a.num) * b.den, den = static_cast<__int128>(a.den) * b.num;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  while ((num > INT64_MAX || num < -INT64_MAX || den > INT64_MAX) && den > 1) {
    num /= 2;
    den /= 2;
  }
  out[n] = Figure{static_cast<int64_t>(num), static_cast<int64_t>(den)};
}

}  // namespace

void fill_ratios(const Catalog& catalog, std::vector<Figure>& figures) {
  std::vector<char> done(figures.size(), 0);
  for (size_t n = 0; n < figures.size(); ++n) fill_ratio(catalog, n, figures, done);
}

namespace {

// A field as an SQL expression: its column, or its value in the `fields` JSON for a site's own
// fields. Field ids come from the dictionary; anything but [a-z0-9_] is refused, never spliced.
std::string column_of(const std::string& field) {
  if (field == "ledger") return field;
  for (const char* column : kRecordColumns)
    if (field == column) return field;
  for (char c : field)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      data_error("field id \"{}\": only a-z, 0-9 and _ may be used in field ids", field);
  return "json_extract(fields, '$." + field + "')";
}

// "2025-06-30" -> 20250630; -1 for anything else.
int32_t date_key(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return -1;
  int32_t v = 0;
  static constexpr size_t kDigits[] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (size_t i : kDigits) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// 20210305 -> days since 1970-01-01 (for "within N days").
int64_t day_number(int32_t key) { return days_from_civil(key / 10000, key / 100 % 100, key % 100); }

// A ledger as a small number, compared once per record; -1: any ledger (an empty name), and
// past the known ones for a name the store holds that no catalog can name.
int ledger_code(std::string_view ledger) {
  if (ledger.empty()) return -1;
  auto known = ledger_named(ledger);
  return known ? static_cast<int>(*known) : static_cast<int>(kLedgers.size());
}

// One value of the current record.
struct Cell {
  bool null = true;
  bool text = false;
  bool blob = false;    // (read as text, but SQLite ranks blobs above every text)
  int64_t i = 0;        // an integer column's value
  std::string_view s;   // a text column's value (valid until the next step)
  int32_t day = -1;     // a date column's value as yyyymmdd; -1 when it is not a date
};

// The current record's values, each read from SQLite when first asked for: a record outside
// both periods needs only its dates, and one outside an indicator's ledger none of its fields.
class Row {
 public:
  Row(size_t columns, const std::vector<bool>& is_date) : cells_(columns), seen_(columns, 0), is_date_(is_date) {}
  void next(sqlite3_value** values) {
    values_ = values;
    ++current_;
  }
  const Cell& operator[](size_t i) const {
    if (seen_[i] != current_) load(i);
    return cells_[i];
  }
  bool present(size_t i) const {
    return seen_[i] == current_ ? !cells_[i].null : sqlite3_value_type(values_[i]) != SQLITE_NULL;
  }

 private:
  void load(size_t i) const;

  mutable std::vector<Cell> cells_;
  mutable std::vector<uint64_t> seen_;  // the record each cell was read from
  const std::vector<bool>& is_date_;
  sqlite3_value** values_ = nullptr;
  uint64_t current_ = 0;
};

void Row::load(size_t i) const {
  seen_[i] = current_;
  Cell& v = cells_[i];
  sqlite3_value* value = values_[i];
  int type = sqlite3_value_type(value);
  v.null = type == SQLITE_NULL;
  if (v.null) return;
  v.text = type == SQLITE_TEXT || type == SQLITE_BLOB;
  v.blob = type == SQLITE_BLOB;
  if (!v.text) {
    v.i = sqlite3_value_int64(value);
    v.s = {};
    v.day = -1;
  } else {
    const unsigned char* text = sqlite3_value_text(value);
    v.s = std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_value_bytes(value)));
    v.i = 0;
    v.day = is_date_[i] ? date_key(v.s) : -1;
  }
}

struct CompiledFilter {
  Filter::Op op;
  int column;
  std::vector<std::string> values;
  std::vector<std::optional<int64_t>> numbers;  // values as integers, for integer columns
  bool flag;
  int since;
  int64_t days;
  bool operator==(const CompiledFilter& o) const {
    return op == o.op && column == o.column && values == o.values && flag == o.flag && since == o.since &&
           days == o.days;
  }
};

struct CompiledRule {
  DateRule::Op op;
  std::vector<int> columns;
  bool operator==(const CompiledRule& o) const { return op == o.op && columns == o.columns; }
};

struct CompiledIndicator {
  size_t index;  // in the catalog
  int ledger;    // ledger_code(); -1: any
  std::vector<CompiledRule> dates;
  std::vector<int> rules;     // the same, into the engine's distinct date rules
  std::vector<int> all, any;  // into the engine's distinct filters
  int distinct = -1, sum = -1;
};

struct Bounds {
  int32_t from, to;   // yyyymmdd, inclusive
  int year, month;    // of `from`, for --by month
};

Bounds bounds_of(const Period& p) {
  int32_t from = date_key(p.from), to = date_key(p.to);
  return {from, to, from / 10000, from / 100 % 100};
}

// The records whose rowids are from `first` to `last`, both included.
struct RowidRange {
  int64_t first = INT64_MIN, last = INT64_MAX;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Engine {
 public:
  Engine(const Catalog& catalog, const Dictionary& dictionary, std::string by, const std::vector<WhereValue>& where)
      : catalog_(catalog), dictionary_(dictionary), by_(std::move(by)) {
    column("ledger");
    CoverageFields cover = coverage_fields(catalog, dictionary, by_);
    for (const auto& f : cover.dates) cover_dates_.push_back(column(f));
    for (const auto& f : cover.fields) cover_fields_.emplace_back(f, column(f));
    for (size_t n = 0; n < catalog.indicators().size(); ++n) {
      const Indicator& ind = catalog.indicators()[n];
      if (ind.kind == Kind::ratio) continue;
      CompiledIndicator c{n, ledger_code(ind.ledger), {}, {}, {}, {}};
      for (const auto& rule : ind.dates) {
        CompiledRule r{rule.op, {}};
        for (const auto& f : rule.fields) r.columns.push_back(column(f));
        c.rules.push_back(date_rule(r));
        c.dates.push_back(std::move(r));
      }
      for (const auto& f : ind.all) c.all.push_back(filter(f));
      for (const auto& f : ind.any) c.any.push_back(filter(f));
      if (!ind.distinct.empty()) c.distinct = column(ind.distinct);
      if (!ind.sum.empty()) c.sum = column(ind.sum);
      compiled_.push_back(std::move(c));
    }
    if (!by_.empty() && by_ != "month") by_column_ = column(by_);
    of_ledger_.resize(kLedgers.size() + 2);
    for (size_t k = 0; k < compiled_.size(); ++k) {
      undated_ |= compiled_[k].rules.empty();
      for (int code = -1; code <= static_cast<int>(kLedgers.size()); ++code)
        if (compiled_[k].ledger < 0 || compiled_[k].ledger == code) of_ledger_[static_cast<size_t>(code + 1)].push_back(k);
    }
    for (const auto& w : where) where_.push_back({column(w.field), &w});
  }

  // Sets the period (and its base) of the figures and coverage, once per engine; scan() counts
  // records into them and result() gives them.
  void start(const Period& period, const std::optional<Period>& base) {
    period_ = &period;
    cover_from_ = date_key(period.from);
    cover_to_ = date_key(period.to);
    periods_ = {bounds_of(period), base ? std::optional(bounds_of(*base)) : std::nullopt};
    for (auto& acc : acc_) acc.total.assign(compiled_.size(), 0);
    row_.emplace(columns_.size(), is_date_);
    memo_.assign(filters_.size(), -1);
    rule_periods_.assign(rules_.size(), 0);
  }

  // Counts the records of the store whose rowids are in each range `next` gives, until it gives
  // none; one statement and one registration of the scan's function serve them all.
  void scan(Database& db, const std::function<std::optional<RowidRange>()>& next) {
    // Every record: the coverage counts them all, and a scan in store order reads each page
    // once. The records go to an aggregate function of ours, which SQLite calls with each
    // record's values: no result row made and no return from sqlite3_step per record.
    // --where conditions are left to SQLite as 0/1 arguments, with its own comparisons.
    std::string sql = "SELECT casestat_scan(";
    for (size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
    for (const auto& [column, w] : where_) sql += ", (" + columns_[static_cast<size_t>(column)] + " = ?)";
    const int from = static_cast<int>(where_.size()) + 1;
    sql += fmt::format(") FROM records WHERE rowid >= ?{} AND rowid <= ?{}", from, from + 1);
    ScanFunction function(db, this);
    Statement stmt = db.prepare(sql);
    for (size_t i = 0; i < where_.size(); ++i) {
      const WhereValue& w = *where_[i].second;
      if (w.number)
        stmt.bind(static_cast<int>(i + 1), *w.number);
      else
        stmt.bind(static_cast<int>(i + 1), std::string_view(w.bound));
    }
    try {
      while (std::optional<RowidRange> range = next()) {
        stmt.rewind();
        stmt.bind(from, range->first).bind(from + 1, range->last);
        stmt.run();
      }
    } catch (...) {
      if (failure_) std::rethrow_exception(failure_);
      throw;
    }
    if (failure_) std::rethrow_exception(failure_);
  }

  ScanResult result() const { return {figures(0), figures(1), coverage()}; }

  // Adds what `other` (an engine of the same catalog, which scanned other records of the same
  // state of the store) counted: sums and counts add up, distinct values are counted once
  // across both, groups are matched by name, the coverage's counts add up and its dates keep
  // the latest.
  void absorb(Engine& other) {
    odd_dates_ |= other.odd_dates_;
    for (const Tally& theirs : other.tallies_) {
      Tally& t = tally_of(theirs.ledger);
      t.records += theirs.records;
      t.in_period += theirs.in_period;
      for (size_t i = 0; i < t.filled.size(); ++i) t.filled[i] += theirs.filled[i];
      for (size_t i = 0; i < t.latest_day.size(); ++i) {
        t.latest_day[i] = std::max(t.latest_day[i], theirs.latest_day[i]);
        t.latest[i] = std::max(t.latest[i], theirs.latest[i]);
      }
    }
    std::vector<int> group_of;  // their group ids as ours
    for (const auto& name : other.group_names_) group_of.push_back(intern(name));
    for (size_t p = 0; p < acc_.size(); ++p) {
      Accumulator& acc = acc_[p];
      Accumulator& theirs = other.acc_[p];
      absorb_figures(acc.total, acc.seen_total, theirs.total, theirs.seen_total);
      for (size_t g = 0; g < theirs.groups.size(); ++g) {
        if (theirs.groups[g].empty()) continue;
        size_t mine = static_cast<size_t>(group_of[g]);
        if (acc.groups.size() <= mine) {
          acc.groups.resize(mine + 1);
          acc.seen_groups.resize(mine + 1);
        }
        if (acc.groups[mine].empty()) acc.groups[mine].assign(compiled_.size(), 0);
        absorb_figures(acc.groups[mine], acc.seen_groups[mine], theirs.groups[g],
                       g < theirs.seen_groups.size() ? theirs.seen_groups[g] : no_seen_);
      }
    }
  }

 private:
  // casestat_scan(), registered on the connection for the scan's time.
  class ScanFunction {
   public:
    ScanFunction(Database& db, Engine* engine) : db_(db.handle()) {
      int rc = sqlite3_create_function_v2(db_, "casestat_scan", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, engine, nullptr,
                                          &ScanFunction::step, &ScanFunction::final, nullptr);
      if (rc != SQLITE_OK) system_error("cannot register the indicators' scan: {}", sqlite3_errstr(rc));
    }
    ~ScanFunction() {
      sqlite3_create_function_v2(db_, "casestat_scan", -1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    }
    ScanFunction(const ScanFunction&) = delete;
    ScanFunction& operator=(const ScanFunction&) = delete;

   private:
    // No exception may cross SQLite: it is kept, the statement stopped, and run() rethrows it.
    static void step(sqlite3_context* context, int, sqlite3_value** values) {
      auto* engine = static_cast<Engine*>(sqlite3_user_data(context));
      try {
        engine->record(values);
      } catch (...) {
        engine->failure_ = std::current_exception();
        sqlite3_result_error(context, "the indicators' scan failed", -1);
      }
    }
    static void final(sqlite3_context* context) { sqlite3_result_null(context); }

    sqlite3* db_;
  };

  // One record: its coverage, then (when --where selects it) its part in each figure.
  void record(sqlite3_value** values) {
    Row& row = *row_;
    row.next(values);
    Tally& tally = tally_of(row[0].s);
    count(tally, row, *period_);
    for (size_t w = columns_.size(), end = w + where_.size(); w < end; ++w)
      if (sqlite3_value_type(values[w]) != SQLITE_INTEGER || sqlite3_value_int64(values[w]) != 1) return;
    // Each distinct date rule once (the dates are read already, for the coverage): a record
    // outside both periods stops here.
    int any = 0;
    for (size_t r = 0; r < rules_.size(); ++r) {
      const CompiledRule& rule = rules_[r];
      int m = (in_period(rule, row, *periods_[0]) ? 1 : 0) | (periods_[1] && in_period(rule, row, *periods_[1]) ? 2 : 0);
      rule_periods_[r] = static_cast<int8_t>(m);
      any |= m;
    }
    if (!any && !undated_) return;
    std::fill(memo_.begin(), memo_.end(), int8_t{-1});
    int group = -1;  // the record's group by field, found when first needed
    for (size_t k : of_ledger_[static_cast<size_t>(tally.code + 1)]) {
      const CompiledIndicator& c = compiled_[k];
      int in = periods_of(c);
      if (!in || !holds(c, row, memo_)) continue;
      for (size_t p = 0; p < 2; ++p) {
        if (!(in & (1 << p))) continue;
        add(k, p, -1, row);
        if (by_.empty()) continue;
        if (by_column_ >= 0) {
          if (group < 0) group = group_by_field(row);
          add(k, p, group, row);
        } else {
          add(k, p, group_by_month(c, row, *periods_[p], *periods_[0]), row);
        }
      }
    }
  }

  // The coverage of one ledger (coverage.hpp), counted on the way.
  struct Tally {
    std::string ledger;
    int code;                         // ledger_code()
    int64_t records = 0, in_period = 0;
    std::vector<int64_t> filled;      // per cover_fields_
    std::vector<int32_t> latest_day;  // per cover_dates_: the greatest well-formed date (date_key), -1: none
    std::vector<std::string> latest;  // per cover_dates_: the greatest other text
  };

  Tally& tally_of(std::string_view ledger) {
    for (auto& t : tallies_)
      if (t.ledger == ledger) return t;
    Tally& t = tallies_.emplace_back();
    t.ledger = ledger;
    t.code = ledger_code(ledger);
    t.filled.assign(cover_fields_.size(), 0);
    t.latest_day.assign(cover_dates_.size(), -1);
    t.latest.assign(cover_dates_.size(), std::string());
    return t;
  }

  // What measure_coverage's query computes, with SQLite's comparisons: text against text byte
  // by byte (BINARY), every date of the catalog BETWEEN the period's bounds, max() of each date.
  void count(Tally& t, const Row& row, const Period& period) {
    ++t.records;
    bool in = false;
    for (size_t i = 0; i < cover_dates_.size(); ++i) {
      const Cell& v = row[static_cast<size_t>(cover_dates_[i])];
      if (v.null) continue;
      if (!v.text || v.blob) {
        odd_dates_ = true;  // max() would rank numbers and blobs unlike text: left to SQLite
        continue;
      }
      if (v.day >= 0) {  // digits in fixed places: the text's order is the number's
        in |= v.day >= cover_from_ && v.day <= cover_to_;
        t.latest_day[i] = std::max(t.latest_day[i], v.day);
        continue;
      }
      if (v.s >= period.from && v.s <= period.to) in = true;
      if (v.s > t.latest[i]) t.latest[i] = v.s;
    }
    t.in_period += in;
    for (size_t i = 0; i < cover_fields_.size(); ++i) t.filled[i] += row.present(static_cast<size_t>(cover_fields_[i].second));
  }

  // The ledgers in name order (GROUP BY ledger ORDER BY ledger); none when a date held a value
  // that is not text.
  std::optional<Coverage> coverage() const {
    if (odd_dates_) return std::nullopt;
    Coverage out;
    for (const auto& t : tallies_) {
      LedgerCoverage ledger;
      ledger.ledger = t.ledger;
      ledger.records = t.records;
      ledger.in_period = t.in_period;
      for (size_t i = 0; i < cover_fields_.size(); ++i) ledger.filled[cover_fields_[i].first] = t.filled[i];
      for (size_t i = 0; i < t.latest.size(); ++i) {
        ledger.latest = std::max(ledger.latest, t.latest[i]);
        int32_t d = t.latest_day[i];
        if (d >= 0) ledger.latest = std::max(ledger.latest, fmt::format("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100));
      }
      out.latest = std::max(out.latest, ledger.latest);
      out.ledgers.push_back(std::move(ledger));
    }
    std::sort(out.ledgers.begin(), out.ledgers.end(),
              [](const LedgerCoverage& a, const LedgerCoverage& b) { return a.ledger < b.ledger; });
    return out;
  }

  using Seen = std::unordered_set<std::string, StringHash, std::equal_to<>>;
  struct Accumulator {
    std::vector<int64_t> total;                // per compiled indicator
    std::vector<std::vector<int64_t>> groups;  // per group, per compiled indicator (empty: none yet)
    std::vector<Seen> seen_total;              // distinct values so far, per compiled indicator
    std::vector<std::vector<Seen>> seen_groups;  // the same per group (empty: none yet)
  };

  int column(const std::string& field) {
    std::string expr = column_of(field);
    for (size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i] == expr) return static_cast<int>(i);
    columns_.push_back(expr);
    const Field* f = dictionary_.find(field);
    is_date_.push_back(f && f->type == FieldType::date);
    return static_cast<int>(columns_.size() - 1);
  }

  // The index of the date rule among the distinct ones: most indicators share a date (受理日期),
  // whose place in the periods is found once per record.
  int date_rule(const CompiledRule& r) {
    for (size_t i = 0; i < rules_.size(); ++i)
      if (rules_[i] == r) return static_cast<int>(i);
    rules_.push_back(r);
    return static_cast<int>(rules_.size() - 1);
  }

  // The index of the filter among the distinct ones: a condition shared by several indicators
  // (category contains 公益诉讼) is tested once per record.
  int filter(const Filter& f) {
    CompiledFilter c{f.op, column(f.field), f.values, {}, f.flag, f.since.empty() ? -1 : column(f.since), f.days};
    for (const auto& v : c.values) c.numbers.push_back(whole_number(v));
    for (size_t i = 0; i < filters_.size(); ++i)
      if (filters_[i] == c) return static_cast<int>(i);
    filters_.push_back(std::move(c));
    return static_cast<int>(filters_.size() - 1);
  }

  static bool equal(const CompiledFilter& f, size_t j, const Cell& v) {
    if (v.text) return v.s == f.values[j];
    return f.numbers[j] && *f.numbers[j] == v.i;
  }

  bool test(const CompiledFilter& f, const Row& row) const {
    const Cell& v = row[static_cast<size_t>(f.column)];
    switch (f.op) {
      case Filter::Op::equals: return !v.null && equal(f, 0, v);
      case Filter::Op::one_of:
        if (v.null) return false;
        for (size_t j = 0; j < f.values.size(); ++j)
          if (equal(f, j, v)) return true;
        return false;
      case Filter::Op::contains: return !v.null && v.text && v.s.find(f.values[0]) != std::string_view::npos;
      case Filter::Op::flag: return !v.null && !v.text && v.i == (f.flag ? 1 : 0);
      case Filter::Op::present: return !v.null && !(v.text && v.s.empty());
      case Filter::Op::absent: return v.null || (v.text && v.s.empty());
      case Filter::Op::within_days: {
        const Cell& since = row[static_cast<size_t>(f.since)];
        if (v.null || since.null || v.day < 0 || since.day < 0) return false;
        int64_t days = day_number(v.day) - day_number(since.day);
        return days >= 0 && days <= f.days;
      }
    }
    return false;
  }

  bool passes(int filter, const Row& row, std::vector<int8_t>& memo) const {
    int8_t& m = memo[static_cast<size_t>(filter)];
    if (m < 0) m = test(filters_[static_cast<size_t>(filter)], row) ? 1 : 0;
    return m == 1;
  }

  bool holds(const CompiledIndicator& c, const Row& row, std::vector<int8_t>& memo) const {
    for (int f : c.all)
      if (!passes(f, row, memo)) return false;
    if (c.any.empty()) return true;
    for (int f : c.any)
      if (passes(f, row, memo)) return true;
    return false;
  }

  // The first of the rule's dates that has a value.
  static const Cell* first_date(const CompiledRule& rule, const Row& row) {
    for (int column : rule.columns)
      if (!row[static_cast<size_t>(column)].null) return &row[static_cast<size_t>(column)];
    return nullptr;
  }

  static bool in_period(const CompiledRule& rule, const Row& row, const Bounds& p) {
    if (rule.op == DateRule::Op::in_period) {
      const Cell* d = first_date(rule, row);
      return d && d->day >= p.from && d->day <= p.to;
    }
    const Cell& opened = row[static_cast<size_t>(rule.columns[0])];
    const Cell& closed = row[static_cast<size_t>(rule.columns[1])];
    if (opened.null || opened.day < 0 || opened.day > p.to) return false;
    return closed.null || closed.day < 0 || closed.day >= p.from;
  }

  // Bit p set: the record is in periods_[p] by every date rule of the indicator.
  int periods_of(const CompiledIndicator& c) const {
    int mask = periods_[1] ? 3 : 1;
    for (int r : c.rules) mask &= rule_periods_[static_cast<size_t>(r)];
    return mask;
  }

  int intern(std::string_view name) {
    auto it = group_ids_.find(name);
    if (it != group_ids_.end()) return it->second;
    int id = static_cast<int>(group_names_.size());
    group_names_.emplace_back(name);
    group_ids_.emplace(std::string(name), id);
    return id;
  }

  int group_by_field(const Row& row) {
    const Cell& v = row[static_cast<size_t>(by_column_)];
    if (v.null || (v.text && v.s.empty())) {
      if (unfilled_group_ < 0) unfilled_group_ = intern(unfilled_group_name(dictionary_, by_));
      return unfilled_group_;
    }
    if (v.text) return intern(v.s);
    auto found = number_groups_.find(v.i);
    if (found != number_groups_.end()) return found->second;
    return number_groups_[v.i] = intern(std::to_string(v.i));
  }

  // --by month: the month of the indicator's date, as the month of the reported period at the
  // same place, so that a base period's March is compared with the period's March.
  int group_by_month(const CompiledIndicator& c, const Row& row, const Bounds& p, const Bounds& shown) {
    for (const auto& rule : c.dates) {
      if (rule.op != DateRule::Op::in_period) continue;
      const Cell* d = first_date(rule, row);
      if (!d || d->day < 0) break;
      int offset = (d->day / 10000 - p.year) * 12 + (d->day / 100 % 100 - p.month);
      int month = shown.year * 12 + (shown.month - 1) + offset;
      auto found = month_groups_.find(month);
      if (found != month_groups_.end()) return found->second;
      return month_groups_[month] = intern(fmt::format("{:04}-{:02}", month / 12, month % 12 + 1));
    }
    if (undated_group_ < 0) undated_group_ = intern("（无日期）");
    return undated_group_;
  }

  void add(size_t k, size_t p, int group, const Row& row) {
    Accumulator& acc = acc_[p];
    int64_t* slot;
    if (group < 0) {
      slot = &acc.total[k];
    } else {
      if (acc.groups.size() <= static_cast<size_t>(group)) {
        acc.groups.resize(static_cast<size_t>(group) + 1);
        acc.seen_groups.resize(static_cast<size_t>(group) + 1);
      }
      auto& g = acc.groups[static_cast<size_t>(group)];
      if (g.empty()) g.assign(compiled_.size(), 0);
      slot = &g[k];
    }
    const CompiledIndicator& c = compiled_[k];
    if (c.sum >= 0) {
      const Cell& v = row[static_cast<size_t>(c.sum)];
      if (!v.null && !v.text) *slot += v.i;
    } else if (c.distinct >= 0) {
      const Cell& v = row[static_cast<size_t>(c.distinct)];
      if (v.null) return;
      Seen& seen = seen_of(acc, k, group);
      if (v.text) {
        if (seen.find(v.s) != seen.end()) return;  // looked up as a view: no copy for a value seen before
        seen.emplace(v.s);
      } else if (!seen.emplace(std::to_string(v.i)).second) {
        return;
      }
      ++*slot;
    } else {
      ++*slot;
    }
  }

  // One total's or group's figures of another engine added to ours (absorb()).
  void absorb_figures(std::vector<int64_t>& sums, std::vector<Seen>& seen, const std::vector<int64_t>& their_sums,
                      std::vector<Seen>& their_seen) const {
    for (size_t k = 0; k < compiled_.size(); ++k) {
      if (compiled_[k].distinct < 0) {
        sums[k] += their_sums[k];
        continue;
      }
      if (their_seen.empty()) continue;  // they saw no value of any distinct indicator here
      if (seen.empty()) seen.resize(compiled_.size());
      for (auto& value : their_seen[k])
        if (seen[k].insert(value).second) ++sums[k];
    }
  }

  // The distinct values so far of one compiled indicator, in total (group -1) or in a group.
  static Seen& seen_of(Accumulator& acc, size_t k, int group) {
    auto& sets = group < 0 ? acc.seen_total : acc.seen_groups[static_cast<size_t>(group)];
    if (sets.empty()) sets.resize(acc.total.size());
    return sets[k];
  }

  // One period's figures in catalog order, the ratios computed from their parts.
  std::vector<Figure> with_ratios(const std::vector<int64_t>* sums) const {
    const auto& indicators = catalog_.indicators();
    std::vector<Figure> out(indicators.size(), Figure{0, 1});
    if (sums)
      for (size_t k = 0; k < compiled_.size(); ++k) out[compiled_[k].index] = Figure{(*sums)[k], 1};
    fill_ratios(catalog_, out);
    return out;
  }

  PeriodFigures figures(size_t p) const {
    PeriodFigures result;
    result.total = with_ratios(&acc_[p].total);
    std::vector<size_t> order(group_names_.size());
    for (size_t g = 0; g < order.size(); ++g) order[g] = g;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return group_names_[a] < group_names_[b]; });
    for (size_t g : order) {
      bool has = g < acc_[p].groups.size() && !acc_[p].groups[g].empty();
      result.groups.emplace_back(group_names_[g], with_ratios(has ? &acc_[p].groups[g] : nullptr));
    }
    return result;
  }

  const Catalog& catalog_;
  const Dictionary& dictionary_;
  std::string by_;
  int by_column_ = -1;
  std::vector<std::pair<int, const WhereValue*>> where_;
  std::vector<std::string> columns_;
  std::vector<bool> is_date_;
  std::vector<CompiledFilter> filters_;
  std::vector<CompiledIndicator> compiled_;
  std::array<Accumulator, 2> acc_;
  std::vector<std::string> group_names_;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> group_ids_;
  // Group ids already made, so that a record's group is found without building its name.
  std::unordered_map<int64_t, int> number_groups_;
  std::unordered_map<int, int> month_groups_;
  int unfilled_group_ = -1, undated_group_ = -1;
  std::vector<int> cover_dates_;                         // columns
  std::vector<std::pair<std::string, int>> cover_fields_;  // field id, column
  std::vector<Tally> tallies_;                           // in order of appearance
  bool odd_dates_ = false;
  // The scan's state, for record().
  const Period* period_ = nullptr;
  int32_t cover_from_ = -1, cover_to_ = -1;  // the period as date_key()
  std::array<std::optional<Bounds>, 2> periods_;
  std::optional<Row> row_;
  std::vector<int8_t> memo_;       // per distinct filter: -1 not tested yet, 0, 1
  std::vector<int8_t> rule_periods_;  // per distinct date rule: bit p set when the record is in periods_[p]
  // Per ledger_code() + 1, the compiled indicators that count a record of that ledger: those of
  // the ledger and those of any.
  std::vector<std::vector<size_t>> of_ledger_;
  bool undated_ = false;  // an indicator without a date rule counts records of every date
  std::vector<CompiledRule> rules_;
  std::vector<Seen> no_seen_;  // (none: for a group whose distinct values were never asked for)
  std::exception_ptr failure_;
};

}  // namespace

std::string field_column_sql(const std::string& field) { return column_of(field); }

std::string unfilled_group_name(const Dictionary& dictionary, const std::string& by) {
  const Field* f = dictionary.find(by);
  return "（未填" + (f ? f->name : by) + "）";
}

namespace {

// What each casestat write changes (an import adds a row to `imports`, a replaced or forgotten
// file removes one, each in the transaction that writes its records): two connections that read
// the same fingerprint read the same store.
std::string store_fingerprint(Database& db) {
  Statement stmt = db.prepare("SELECT count(*), max(id), total(rows_imported) FROM imports");
  stmt.step();
  return stmt.text(0) + "/" + stmt.text(1) + "/" + stmt.text(2);
}

// A read transaction for the life of the object, unless the connection is in one already.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db) : db_(db), own_(sqlite3_get_autocommit(db.handle()) != 0) {
    if (own_) db_.exec("BEGIN");
  }
  ~ReadSnapshot() {
    if (own_) sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);  // it wrote nothing
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Database& db_;
  bool own_;
};

}  // namespace

ScanResult compute_figures(Database& db, const Catalog& catalog, const Dictionary& dictionary, const std::string& by,
                           const std::vector<WhereValue>& where, const Period& period,
                           const std::optional<Period>& base) {
  // Below this, a second connection and thread cost more than the part of the scan they take.
  constexpr int64_t kSplitFrom = 200'000;
  return compute_figures_split(db, catalog, dictionary, by, where, period, base, kSplitFrom);
}

ScanResult compute_figures_split(Database& db, const Catalog& catalog, const Dictionary& dictionary,
                                 const std::string& by, const std::vector<WhereValue>& where, const Period& period,
                                 const std::optional<Period>& base, int64_t split_from) {
  Engine first(catalog, dictionary, by, where);
  first.start(period, base);
  auto alone = [&] {
    bool done = false;
    first.scan(db, [&]() -> std::optional<RowidRange> {
      if (done) return std::nullopt;
      done = true;
      return RowidRange{};
    });
    return first.result();
  };
  // Only a store file opened read-only: a connection that may have written (in a transaction
  // not yet committed) sees what a second one would not.
  if (db.path().empty() || db.path() == ":memory:" || sqlite3_db_readonly(db.handle(), "main") != 1 ||
      std::thread::hardware_concurrency() < 2)
    return alone();
  // Both threads read one state of the store: that of the caller's read transaction, else of one
  // opened here (and ended with the function).
  ReadSnapshot snapshot(db);
  int64_t low = 0, high = -1;
  {
    Statement range = db.prepare("SELECT min(rowid), max(rowid) FROM records");
    if (range.step() && !range.is_null(0)) {
      low = range.integer(0);
      high = range.integer(1);
    }
  }  // (no statement may be running when the scan registers its function)
  if (high - low + 1 < split_from) return alone();
  // The second thread's connection must see what the first sees (a state made by the same
  // commits): else one scan does it all. Its read transaction ends when it closes.
  Database second_db(db.path(), Database::Mode::read_only);
  second_db.exec("BEGIN");
  if (store_fingerprint(db) != store_fingerprint(second_db)) return alone();
  // The rowids in parts: the first thread scans the first part and the second the last, and the
  // parts between go to whichever thread is free. When the other work of the machine slows one
  // core, the other thread scans more parts, where halves would wait for the slower one. The
  // first part starts at the beginning and the last runs to the end, whatever their rowids.
  constexpr int64_t kParts = 16;
  const int64_t size = (high - low) / kParts + 1;
  std::atomic<int64_t> next{1};  // the next of the parts between
  auto parts = [&](int64_t own) {
    return [&, own, taken = false]() mutable -> std::optional<RowidRange> {
      int64_t part = taken ? next++ : own;
      if (taken && part >= kParts - 1) return std::nullopt;
      taken = true;
      RowidRange range;
      if (part > 0) range.first = low + part * size;
      if (part < kParts - 1) range.last = low + (part + 1) * size - 1;
      return range;
    };
  };
  Engine second(catalog, dictionary, by, where);
  second.start(period, base);
  std::exception_ptr failure;
  std::thread thread([&] {
    try {
      second.scan(second_db, parts(kParts - 1));
    } catch (...) {
      next = kParts;  // the first thread stops after its part: the error is what is reported
      failure = std::current_exception();
    }
  });
  try {
    first.scan(db, parts(0));
  } catch (...) {
    next = kParts;
    thread.join();
    throw;
  }
  thread.join();
  if (failure) std::rethrow_exception(failure);
  first.absorb(second);
  return first.result();
}

}  // namespace casestat
