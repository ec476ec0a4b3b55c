// The computation: one scan of the records for the period and its base period together (see
// Engine). Counts and money stay integers (money in 分) until they are written; rates are kept
// as fractions.
#include "indicators/compute.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "fields/dictionary.hpp"
#include "indicators/catalog.hpp"
#include "indicators/period.hpp"
#include "indicators/wording.hpp"
#include "store/db.hpp"
#include "store/schema.hpp"

namespace casestat {

using nlohmann::json;

namespace {

// A field as an SQL expression: its column, or its value in the `fields` JSON for a site's own
// fields. Field ids come from the dictionary; anything but [a-z0-9_] is refused, never spliced.
std::string column_of(const std::string& field) {
  for (const char* column : kRecordColumns)
    if (field == column) return field;
  for (char c : field)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      data_error("field id \"{}\": only a-z, 0-9 and _ may be used in field ids", field);
  return "json_extract(fields, '$." + field + "')";
}

using Figures = std::map<std::string, Figure>;  // indicator id -> figure

struct PeriodResult {
  Figures total;
  std::map<std::string, Figures> groups;  // group name -> figures
};

// 2021-03-05 -> days since 1970-01-01 (for "within N days"); -1 for anything else.
int64_t day_number(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return -1;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return -1;
  y -= m <= 2;
  const int64_t era = y / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// One value of a record as read from the store: text (dates, texts) or a whole number.
struct Val {
  bool null = true;
  bool text = false;
  int64_t i = 0;
  std::string_view s;
};

// The computation as one scan of the records: the catalog is compiled to column positions,
// each record is tested once against every indicator's ledger and conditions, then against
// the dates of both periods, and added to the totals and to its group. A scan in store order
// reads the file once, sequentially, which beats an index walk per indicator (bench-indicators).
class Engine {
 public:
  Engine(Database& db, const Catalog& catalog, const Dictionary& dictionary, std::string by,
         std::vector<std::pair<std::string, std::string>> where)
      : db_(db), catalog_(catalog), dictionary_(dictionary), by_(std::move(by)) {
    column("ledger");
    for (const auto& ind : catalog.indicators()) {
      if (ind.kind == Kind::ratio) continue;
      Compiled c{&ind, ledger_code(ind.ledger), {}, {}, {}, -1, -1};
      for (const auto& rule : ind.dates) {
        CompiledRule r{rule.op, {}};
        for (const auto& f : rule.fields) r.columns.push_back(column(f));
        c.dates.push_back(r);
      }
      for (const auto& f : ind.all) c.all.push_back(compile(f));
      for (const auto& f : ind.any) c.any.push_back(compile(f));
      if (!ind.distinct.empty()) c.distinct = column(ind.distinct);
      if (!ind.sum.empty()) c.sum = column(ind.sum);
      compiled_.push_back(std::move(c));
    }
    if (!by_.empty() && by_ != "month") by_column_ = column(by_);
    for (auto& [field, value] : where) where_.push_back({column(field), value});
  }

  // Both periods in one scan; `base` may be absent.
  std::pair<PeriodResult, PeriodResult> run(const Period& period, const std::optional<Period>& base) {
    std::array<const Period*, 2> periods{&period, base ? &*base : nullptr};
    std::array<PeriodResult, 2> results;
    // distinct counts: the values seen, per period, indicator and group ("" = the total)
    std::map<std::tuple<int, size_t, std::string>, std::set<std::string>> seen;
    std::string select;
    for (size_t i = 0; i < columns_.size(); ++i) select += (i ? ", " : "") + columns_[i];
    std::string sql = "SELECT " + select + " FROM records";
    for (size_t i = 0; i < where_.size(); ++i)
      sql += (i ? " AND " : " WHERE ") + columns_[static_cast<size_t>(where_[i].first)] + " = ?" + std::to_string(i + 1);
    Statement stmt = db_.prepare(sql);
    for (size_t i = 0; i < where_.size(); ++i) stmt.bind(static_cast<int>(i + 1), std::string_view(where_[i].second));
    std::vector<Val> row(columns_.size());
    sqlite3_stmt* h = stmt.handle();
    while (stmt.step()) {
      for (size_t i = 0; i < columns_.size(); ++i) {
        Val& v = row[i];
        int type = sqlite3_column_type(h, static_cast<int>(i));
        v.null = type == SQLITE_NULL;
        if (v.null) continue;
        v.text = type != SQLITE_INTEGER;
        if (!v.text) {
          v.i = sqlite3_column_int64(h, static_cast<int>(i));
          v.s = {};
        } else {
          const unsigned char* text = sqlite3_column_text(h, static_cast<int>(i));
          v.s = std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(h, static_cast<int>(i))));
          v.i = 0;
        }
      }
      int ledger = ledger_code(row[0].s);
      for (size_t k = 0; k < compiled_.size(); ++k) {
        const Compiled& c = compiled_[k];
        if (c.ledger >= 0 && c.ledger != ledger) continue;
        if (!holds(c, row)) continue;
        for (int p = 0; p < 2; ++p) {
          if (!periods[static_cast<size_t>(p)] || !in_period(c, row, *periods[static_cast<size_t>(p)])) continue;
          std::string group;
          if (!by_.empty()) group = group_of(c, row);
          add(c, k, row, p, "", results[static_cast<size_t>(p)].total, seen);
          if (!by_.empty()) add(c, k, row, p, group, results[static_cast<size_t>(p)].groups[group], seen);
        }
      }
    }
    for (auto& result : results) {
      for (const auto& c : compiled_) result.total.emplace(c.indicator->id, Figure{0, 1});
      for (const auto& ind : catalog_.indicators()) {
        if (ind.kind != Kind::ratio) continue;
        result.total[ind.id] = ratio(ind, result.total);
        for (auto& [name, figures] : result.groups) figures[ind.id] = ratio(ind, figures);
      }
    }
    return {std::move(results[0]), std::move(results[1])};
  }

 private:
  struct CompiledFilter {
    Filter::Op op;
    int column;
    std::vector<std::string> values;
    bool flag;
    int since;
    int64_t days;
  };
  struct CompiledRule {
    DateRule::Op op;
    std::vector<int> columns;
  };
  // The ledger as a small number, compared once per record rather than as text per indicator.
  static int ledger_code(std::string_view ledger) {
    if (ledger.empty()) return -1;
    return ledger == "cases" ? 0 : ledger == "recommendations" ? 1 : ledger == "petitions" ? 2 : 3;
  }

  struct Compiled {
    const Indicator* indicator;
    int ledger;  // ledger_code(); -1: any
    std::vector<CompiledRule> dates;
    std::vector<CompiledFilter> all, any;
    int distinct, sum;
  };

  int column(const std::string& field) {
    std::string expr = field == "ledger" ? "ledger" : column_of(field);
    for (size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i] == expr) return static_cast<int>(i);
    columns_.push_back(expr);
    return static_cast<int>(columns_.size() - 1);
  }

  CompiledFilter compile(const Filter& f) {
    return {f.op, column(f.field), f.values, f.flag, f.since.empty() ? -1 : column(f.since), f.days};
  }

  static std::string text_of(const Val& v) { return v.text ? std::string(v.s) : std::to_string(v.i); }

  static bool test(const CompiledFilter& f, const std::vector<Val>& row) {
    const Val& v = row[static_cast<size_t>(f.column)];
    switch (f.op) {
      case Filter::Op::equals: return !v.null && text_of(v) == f.values[0];
      case Filter::Op::one_of:
        if (v.null) return false;
        for (const auto& x : f.values)
          if (text_of(v) == x) return true;
        return false;
      case Filter::Op::contains: return !v.null && v.s.find(f.values[0]) != std::string_view::npos;
      case Filter::Op::flag: return !v.null && v.i == (f.flag ? 1 : 0);
      case Filter::Op::present: return !v.null && !(v.text && v.s.empty());
      case Filter::Op::absent: return v.null || (v.text && v.s.empty());
      case Filter::Op::within_days: {
        const Val& since = row[static_cast<size_t>(f.since)];
        if (v.null || since.null) return false;
        int64_t a = day_number(since.s), b = day_number(v.s);
        return a >= 0 && b >= 0 && b - a >= 0 && b - a <= f.days;
      }
    }
    return false;
  }

  static bool holds(const Compiled& c, const std::vector<Val>& row) {
    for (const auto& f : c.all)
      if (!test(f, row)) return false;
    if (c.any.empty()) return true;
    for (const auto& f : c.any)
      if (test(f, row)) return true;
    return false;
  }

  // The first of the rule's dates that has a value.
  static const Val* first_date(const CompiledRule& rule, const std::vector<Val>& row) {
    for (int column : rule.columns)
      if (!row[static_cast<size_t>(column)].null) return &row[static_cast<size_t>(column)];
    return nullptr;
  }

  static bool in_period(const Compiled& c, const std::vector<Val>& row, const Period& p) {
    for (const auto& rule : c.dates) {
      if (rule.op == DateRule::Op::in_period) {
        const Val* d = first_date(rule, row);
        if (!d || d->s < p.from || d->s > p.to) return false;
      } else {
        const Val& opened = row[static_cast<size_t>(rule.columns[0])];
        const Val& closed = row[static_cast<size_t>(rule.columns[1])];
        if (opened.null || opened.s > p.to) return false;
        if (!closed.null && closed.s < p.from) return false;
      }
    }
    return true;
  }

  std::string group_of(const Compiled& c, const std::vector<Val>& row) const {
    if (by_ == "month") {
      for (const auto& rule : c.dates)
        if (rule.op == DateRule::Op::in_period)
          if (const Val* d = first_date(rule, row)) return std::string(d->s.substr(0, 7));
      return "（无日期）";
    }
    const Val& v = row[static_cast<size_t>(by_column_)];
    std::string name = v.null ? "" : text_of(v);
    if (name.empty()) {
      const Field* f = dictionary_.find(by_);
      name = "（未填" + (f ? f->name : by_) + "）";
    }
    return name;
  }

  static void add(const Compiled& c, size_t k, const std::vector<Val>& row, int period, const std::string& group,
                  Figures& figures, std::map<std::tuple<int, size_t, std::string>, std::set<std::string>>& seen) {
    Figure& f = figures.try_emplace(c.indicator->id, Figure{0, 1}).first->second;
    if (c.sum >= 0) {
      const Val& v = row[static_cast<size_t>(c.sum)];
      if (!v.null) f.num += v.i;
    } else if (c.distinct >= 0) {
      const Val& v = row[static_cast<size_t>(c.distinct)];
      if (!v.null && seen[{period, k, group}].insert(text_of(v)).second) ++f.num;
    } else {
      ++f.num;
    }
  }

  Figure ratio(const Indicator& ind, Figures& figures) {
    auto get = [&](const std::string& id) {
      auto it = figures.find(id);
      if (it != figures.end()) return it->second;
      const Indicator* part = catalog_.find(id);
      if (part->kind != Kind::ratio) return figures[id] = Figure{0, 1};  // no record of this group
      return figures[id] = ratio(*part, figures);                       // a ratio of ratios
    };
    Figure n = get(ind.numerator), d = get(ind.denominator);
    // (n.num/n.den) / (d.num/d.den)
    if (n.den == 0 || d.den == 0 || d.num == 0) return Figure{0, 0};
    __int128 num = static_cast<__int128>(n.num) * d.den, den = static_cast<__int128>(n.den) * d.num;
    while ((num > INT64_MAX || den > INT64_MAX) && den > 1) {
      num /= 2;
      den /= 2;
    }
    return Figure{static_cast<int64_t>(num), static_cast<int64_t>(den)};
  }

  Database& db_;
  const Catalog& catalog_;
  const Dictionary& dictionary_;
  std::string by_;
  int by_column_ = -1;
  std::vector<std::pair<int, std::string>> where_;
  std::vector<std::string> columns_;
  std::vector<Compiled> compiled_;
};

const char* kind_name(Kind k) { return k == Kind::count ? "count" : k == Kind::sum ? "sum" : "ratio"; }

json number_or_null(std::optional<double> v, Kind kind, const std::string& unit) {
  if (!v) return nullptr;
  if (kind == Kind::count || (kind == Kind::sum && unit != "万元" && unit != "元")) return static_cast<int64_t>(*v);
  return *v;
}

json figures_json(const Indicator& ind, const Figure& value, const Figure* base, const std::string& word, bool full) {
  json e;
  e["id"] = ind.id;
  if (full) {
    e["name"] = ind.name;
    e["section"] = ind.section;
    e["unit"] = ind.unit;
    e["kind"] = kind_name(ind.kind);
    e["definition"] = ind.definition;
    if (ind.kind == Kind::ratio) {
      e["numerator"] = ind.numerator;
      e["denominator"] = ind.denominator;
    }
  }
  e["value"] = number_or_null(json_value(ind.kind, ind.unit, value), ind.kind, ind.unit);
  e["display"] = display(ind.kind, ind.unit, value);
  if (base) {
    Change c = describe_change(ind.kind, value, *base, word);
    e["base"] = number_or_null(json_value(ind.kind, ind.unit, *base), ind.kind, ind.unit);
    e["base_display"] = display(ind.kind, ind.unit, *base);
    e["change"] = c.change ? json(*c.change) : json(nullptr);
    e["direction"] = c.direction;
    e["change_text"] = c.text;
  } else {
    e["base"] = nullptr;
    e["base_display"] = "";
    e["change"] = nullptr;
    e["direction"] = "none";
    e["change_text"] = "";
  }
  return e;
}

json period_json(const Period& p) { return {{"id", p.id}, {"label", p.label}, {"from", p.from}, {"to", p.to}}; }

}  // namespace

json compute_indicators(const IndicatorRequest& request) {
  std::string today = request.today.empty() ? today_iso() : request.today;
  if (request.period.empty()) usage_error("--period is required (e.g. --period 2025H1, or auto)");
  Period period = parse_period(request.period, today);
  Compare compare = parse_compare(request.compare);
  std::optional<Period> base = base_period(period, compare);

  Dictionary dictionary = request.fields.empty() ? Dictionary::load_default() : Dictionary::load(request.fields);
  std::filesystem::path catalog_path = request.catalog.empty() ? templates_dir() / "indicators.toml" : std::filesystem::path(request.catalog);
  Catalog catalog = Catalog::load(catalog_path, dictionary);

  if (!request.by.empty() && request.by != "month" && !dictionary.find(request.by))
    usage_error("--by {}: not a field; use unit, department, category, domain, month or another field of {}",
                request.by, dictionary.source().string());
  std::vector<std::pair<std::string, std::string>> where;
  for (const auto& w : request.where) {
    size_t eq = w.find('=');
    if (eq == std::string::npos || eq == 0) usage_error("--where {}: expected FIELD=VALUE, e.g. unit=江州市人民检察院", w);
    std::string field = w.substr(0, eq);
    if (!dictionary.find(field)) usage_error("--where {}: {} is not a field of {}", w, field, dictionary.source().string());
    where.emplace_back(field, w.substr(eq + 1));
  }
  std::vector<const Indicator*> shown;
  for (const auto& ind : catalog.indicators()) {
    bool wanted = request.only.empty() || std::find(request.only.begin(), request.only.end(), ind.id) != request.only.end();
    if (!request.section.empty() && ind.section != request.section) wanted = false;
    if (wanted) shown.push_back(&ind);
  }
  for (const auto& id : request.only)
    if (!catalog.find(id)) {
      std::string ids;
      for (const auto& ind : catalog.indicators()) ids += (ids.empty() ? "" : ", ") + ind.id;
      usage_error("--only {}: no such indicator (the catalog has: {})", id, ids);
    }
  if (!request.section.empty() && shown.empty()) {
    std::string names;
    for (const auto& s : catalog.sections()) names += (names.empty() ? "" : ", ") + s.name;
    usage_error("--section {}: no such section (the catalog has: {})", request.section, names);
  }

  Database db(request.db, Database::Mode::read_only);
  Engine engine(db, catalog, dictionary, request.by, where);
  auto [now, then] = engine.run(period, base);
  std::string word = compare_word(compare);

  json out;
  out["casestat"] = version();
  out["generated_on"] = today;
  out["catalog"] = catalog_path.string();
  out["period"] = period_json(period);
  if (base) {
    out["base"] = period_json(*base);
    out["base"]["compare"] = request.compare == "prev" || request.compare == "环比" ? "prev" : "yoy";
    out["base"]["word"] = word;
  } else {
    out["base"] = nullptr;
  }
  out["filters"] = json::array();
  for (const auto& [field, value] : where)
    out["filters"].push_back({{"field", field}, {"name", dictionary.find(field)->name}, {"value", value}});
  out["sources"] = json::array();
  {
    Statement s = db.prepare("SELECT file, imported_at, rows_imported FROM imports ORDER BY id");
    while (s.step()) out["sources"].push_back({{"file", s.text(0)}, {"imported_at", s.text(1)}, {"rows", s.integer(2)}});
  }
  out["sections"] = json::array();
  for (const auto& section : catalog.sections()) {
    json ids = json::array();
    for (const auto& id : section.ids)
      if (std::any_of(shown.begin(), shown.end(), [&](const Indicator* i) { return i->id == id; })) ids.push_back(id);
    if (!ids.empty()) out["sections"].push_back({{"name", section.name}, {"ids", ids}});
  }
  out["indicators"] = json::array();
  for (const Indicator* ind : shown) {
    const Figure& v = now.total[ind->id];
    out["indicators"].push_back(figures_json(*ind, v, base ? &then.total[ind->id] : nullptr, word, true));
  }
  if (!request.by.empty()) {
    out["by"] = request.by;
    out["groups"] = json::array();
    std::vector<std::string> names;
    for (const auto& [name, figures] : now.groups) names.push_back(name);
    for (const auto& [name, figures] : then.groups)
      if (!now.groups.count(name)) names.push_back(name);
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      json g = {{"name", name}, {"indicators", json::array()}};
      for (const Indicator* ind : shown) {
        Figure v = now.groups[name].count(ind->id) ? now.groups[name][ind->id] : Figure{0, ind->kind == Kind::ratio ? 0 : 1};
        Figure b = then.groups[name].count(ind->id) ? then.groups[name][ind->id] : Figure{0, ind->kind == Kind::ratio ? 0 : 1};
        g["indicators"].push_back(figures_json(*ind, v, base ? &b : nullptr, word, false));
      }
      out["groups"].push_back(g);
    }
    // rank 1 = the highest value; ties share a rank; none for a rate without a denominator
    for (size_t k = 0; k < shown.size(); ++k) {
      for (auto& g : out["groups"]) {
        const json& v = g["indicators"][k]["value"];
        if (v.is_null()) {
          g["indicators"][k]["rank"] = nullptr;
          continue;
        }
        int rank = 1;
        for (const auto& other : out["groups"]) {
          const json& w = other["indicators"][k]["value"];
          if (!w.is_null() && w.get<double>() > v.get<double>()) ++rank;
        }
        g["indicators"][k]["rank"] = rank;
      }
    }
  }
  return out;
}

}  // namespace casestat
