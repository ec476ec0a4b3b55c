// The computation: each group of indicators that share a ledger and a date rule is one pass
// over the records of the period (one SELECT with an aggregate per indicator, through the
// ledger/date indexes), run once for the period and once for the base period. Counts and
// money stay integers (money in 分) until they are written; rates are kept as fractions.
#include "indicators/compute.hpp"

#include <algorithm>
#include <map>
#include <variant>

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

struct Sql {
  std::string text;
  std::vector<std::string> params;
  std::string param(std::string value) {
    params.push_back(std::move(value));
    return "?" + std::to_string(params.size());
  }
};

std::string condition(const Filter& f, Sql& sql) {
  std::string c = column_of(f.field);
  switch (f.op) {
    case Filter::Op::equals: return c + " = " + sql.param(f.values.at(0));
    case Filter::Op::one_of: {
      std::string list;
      for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + sql.param(v);
      return c + " IN (" + list + ")";
    }
    case Filter::Op::contains: return "instr(" + c + ", " + sql.param(f.values.at(0)) + ") > 0";
    case Filter::Op::flag: return c + (f.flag ? " = 1" : " = 0");
    case Filter::Op::present: return "(" + c + " IS NOT NULL AND " + c + " <> '')";
    case Filter::Op::absent: return "(" + c + " IS NULL OR " + c + " = '')";
    case Filter::Op::within_days: {
      std::string s = column_of(f.since);
      return "(" + c + " IS NOT NULL AND " + s + " IS NOT NULL AND julianday(" + c + ") - julianday(" + s +
             ") BETWEEN 0 AND " + std::to_string(f.days) + ")";
    }
  }
  return "1";
}

std::string conditions(const Indicator& ind, Sql& sql) {
  std::vector<std::string> parts;
  for (const auto& f : ind.all) parts.push_back(condition(f, sql));
  if (!ind.any.empty()) {
    std::string any;
    for (const auto& f : ind.any) any += (any.empty() ? "" : " OR ") + condition(f, sql);
    parts.push_back("(" + any + ")");
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " AND ") + p;
  return out;
}

std::string date_key(const Indicator& ind) {
  std::string key = ind.ledger + "|";
  for (const auto& rule : ind.dates) {
    key += rule.op == DateRule::Op::in_period ? "in:" : "open:";
    for (const auto& f : rule.fields) key += f + ",";
    key += ";";
  }
  return key;
}

std::string coalesce(const std::vector<std::string>& fields) {
  if (fields.size() == 1) return column_of(fields[0]);
  std::string out = "COALESCE(";
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? ", " : "") + column_of(fields[i]);
  return out + ")";
}

struct Pass {
  const Indicator* first = nullptr;
  std::vector<const Indicator*> members;
};

using Figures = std::map<std::string, Figure>;  // indicator id -> figure

struct PeriodResult {
  Figures total;
  std::map<std::string, Figures> groups;  // group name -> figures
};

class Engine {
 public:
  Engine(Database& db, const Catalog& catalog, const Dictionary& dictionary, std::string by,
         std::vector<std::pair<std::string, std::string>> where)
      : db_(db), catalog_(catalog), dictionary_(dictionary), by_(std::move(by)), where_(std::move(where)) {
    std::map<std::string, size_t> index;
    for (const auto& ind : catalog.indicators()) {
      if (ind.kind == Kind::ratio) continue;
      auto [it, fresh] = index.emplace(date_key(ind), passes_.size());
      if (fresh) passes_.push_back({&ind, {}});
      passes_[it->second].members.push_back(&ind);
    }
  }

  PeriodResult run(const Period& period) {
    PeriodResult result;
    for (const auto& pass : passes_) {
      run_pass(pass, period, false, result);
      if (!by_.empty()) run_pass(pass, period, true, result);
    }
    for (const auto& ind : catalog_.indicators()) {
      if (ind.kind != Kind::ratio) continue;
      result.total[ind.id] = ratio(ind, result.total);
      for (auto& [name, figures] : result.groups) figures[ind.id] = ratio(ind, figures);
    }
    return result;
  }

 private:
  Figure ratio(const Indicator& ind, Figures& figures) {
    auto get = [&](const std::string& id) {
      auto it = figures.find(id);
      if (it != figures.end()) return it->second;
      const Indicator* part = catalog_.find(id);
      if (part->kind != Kind::ratio) return figures[id] = Figure{0, 1};  // no record of this group in that pass
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

  std::string group_expr(const Pass& pass) const {
    if (by_ == "month") {
      for (const auto& rule : pass.first->dates)
        if (rule.op == DateRule::Op::in_period) return "substr(" + coalesce(rule.fields) + ", 1, 7)";
      return "NULL";
    }
    return column_of(by_);
  }

  void run_pass(const Pass& pass, const Period& period, bool grouped, PeriodResult& result) {
    Sql sql;
    std::string select = grouped ? group_expr(pass) : "NULL";
    for (const Indicator* ind : pass.members) {
      std::string cond = conditions(*ind, sql);
      std::string when = cond.empty() ? "" : "CASE WHEN " + cond + " THEN ";
      std::string end = cond.empty() ? "" : " END";
      if (ind->kind == Kind::sum) {
        select += ", SUM(" + when + column_of(ind->sum) + end + ")";
      } else if (!ind->distinct.empty()) {
        select += ", COUNT(DISTINCT " + when + column_of(ind->distinct) + end + ")";
      } else {
        select += cond.empty() ? ", COUNT(*)" : ", SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)";
      }
    }
    std::vector<std::string> where;
    if (!pass.first->ledger.empty()) where.push_back("ledger = " + sql.param(pass.first->ledger));
    for (const auto& rule : pass.first->dates) {
      if (rule.op == DateRule::Op::in_period) {
        where.push_back(coalesce(rule.fields) + " BETWEEN " + sql.param(period.from) + " AND " + sql.param(period.to));
      } else {
        std::string opened = column_of(rule.fields[0]), closed = column_of(rule.fields[1]);
        where.push_back(opened + " <= " + sql.param(period.to) + " AND (" + closed + " IS NULL OR " + closed +
                        " >= " + sql.param(period.from) + ")");
      }
    }
    for (const auto& [field, value] : where_) where.push_back(column_of(field) + " = " + sql.param(value));
    std::string text = "SELECT " + select + " FROM records";
    for (size_t i = 0; i < where.size(); ++i) text += (i ? " AND " : " WHERE ") + where[i];
    if (grouped) text += " GROUP BY 1";
    Statement stmt = db_.prepare(text);
    for (size_t i = 0; i < sql.params.size(); ++i) stmt.bind(static_cast<int>(i + 1), std::string_view(sql.params[i]));
    while (stmt.step()) {
      Figures* figures = &result.total;
      if (grouped) {
        std::string name = stmt.is_null(0) ? "" : stmt.text(0);
        if (name.empty()) {
          const Field* f = dictionary_.find(by_);
          name = "（未填" + (f ? f->name : by_) + "）";
        }
        figures = &result.groups[name];
      }
      for (size_t i = 0; i < pass.members.size(); ++i)
        (*figures)[pass.members[i]->id] = Figure{stmt.is_null(static_cast<int>(i + 1)) ? 0 : stmt.integer(static_cast<int>(i + 1)), 1};
    }
  }

  Database& db_;
  const Catalog& catalog_;
  const Dictionary& dictionary_;
  std::string by_;
  std::vector<std::pair<std::string, std::string>> where_;
  std::vector<Pass> passes_;
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
  PeriodResult now = engine.run(period);
  PeriodResult then;
  if (base) then = engine.run(*base);
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
