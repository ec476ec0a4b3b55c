// The indicators JSON of a request: the period, the base, the figures (engine.cpp) with their
// wording, per group with ranks. Counts and money stay integers (money in 分) until they are
// written; rates are kept as fractions.
#include "indicators/compute.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "fields/dictionary.hpp"
#include "fields/values.hpp"
#include "core/cli.hpp"
#include "indicators/catalog.hpp"
#include "indicators/coverage.hpp"
#include "indicators/engine.hpp"
#include "indicators/period.hpp"
#include "indicators/sql_figures.hpp"
#include "store/pg_connection.hpp"
#include "indicators/wording.hpp"
#include "store/db.hpp"

namespace casestat {

using nlohmann::json;

namespace {

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

// --where FIELD=VALUE, the value read as the field's type (是 for a flag, 1.5万 for money).
WhereValue where_value(const std::string& w, const Dictionary& dictionary) {
  size_t eq = w.find('=');
  if (eq == std::string::npos || eq == 0) usage_error("--where {}: expected FIELD=VALUE, e.g. unit=江州市人民检察院", w);
  WhereValue out{w.substr(0, eq), w.substr(eq + 1), std::nullopt, {}};
  const Field* field = dictionary.find(out.field);
  if (!field) {
    std::string known;
    for (const auto& f : dictionary.fields()) known += (known.empty() ? "" : ", ") + f.id;
    usage_error("--where {}: {} is not a field (the fields of {}: {})", w, out.field,
                dictionary.source().filename().string(), known);
  }
  Cell cell;
  cell.type = Cell::Type::text;
  cell.text = out.text;
  std::string why;
  bool ok = true;
  switch (field->type) {
    case FieldType::text: out.bound = out.text; break;
    case FieldType::date:
      if (auto d = parse_date(cell, why)) out.bound = *d; else ok = false;
      break;
    case FieldType::flag:
      if (auto b = parse_flag(cell, why, field)) out.number = *b ? 1 : 0; else ok = false;
      break;
    case FieldType::integer: out.number = parse_integer(cell, why); ok = out.number.has_value(); break;
    case FieldType::money: out.number = parse_money(cell, 100, why); ok = out.number.has_value(); break;
  }
  if (!ok) usage_error("--where {}: {}", w, why);
  return out;
}

// rank 1 = the highest value; ties share a rank; none for a rate without a denominator.
void add_ranks(json& groups, size_t count) {
  for (size_t k = 0; k < count; ++k) {
    for (auto& g : groups) {
      const json& v = g["indicators"][k]["value"];
      if (v.is_null()) {
        g["indicators"][k]["rank"] = nullptr;
        continue;
      }
      int rank = 1;
      for (const auto& other : groups) {
        const json& w = other["indicators"][k]["value"];
        if (!w.is_null() && w.get<double>() > v.get<double>()) ++rank;
      }
      g["indicators"][k]["rank"] = rank;
    }
  }
}

// The indicators the request reports (--only, --section), as catalog positions.
std::vector<size_t> shown_indicators(const Catalog& catalog, const IndicatorRequest& request) {
  for (const auto& id : request.only)
    if (!catalog.find(id)) {
      std::string ids;
      for (const auto& ind : catalog.indicators()) ids += (ids.empty() ? "" : ", ") + ind.id;
      usage_error("--only {}: no such indicator (the catalog has: {})", id, ids);
    }
  std::vector<size_t> shown;
  for (size_t n = 0; n < catalog.indicators().size(); ++n) {
    const Indicator& ind = catalog.indicators()[n];
    bool wanted = request.only.empty() || std::find(request.only.begin(), request.only.end(), ind.id) != request.only.end();
    if (!request.section.empty() && ind.section != request.section) wanted = false;
    if (wanted) shown.push_back(n);
  }
  if (!request.section.empty() && shown.empty()) {
    std::string names;
    for (const auto& s : catalog.sections()) names += (names.empty() ? "" : ", ") + s.name;
    usage_error("--section {}: no such section{} (the catalog has: {})", request.section,
                request.only.empty() ? "" : " among the --only indicators", names);
  }
  return shown;
}

// Everything a request names, read and checked before the store is opened.
struct Prepared {
  std::string today;
  Period period;
  Compare compare;
  std::optional<Period> base;
  Dictionary dictionary;
  std::filesystem::path catalog_path;
  Catalog catalog;
  std::vector<WhereValue> where;
  std::vector<size_t> shown;
};

Prepared prepare(const IndicatorRequest& request) {
  std::string today = request.today.empty() ? today_iso() : checked_today(request.today);
  if (request.period.empty()) usage_error("--period is required (e.g. --period 2025H1, or auto)");
  Period period = parse_period(request.period, today);
  Compare compare = parse_compare(request.compare);
  std::optional<Period> base = base_period(period, compare);
  Dictionary dictionary = request.fields.empty() ? Dictionary::load_default() : Dictionary::load(request.fields);
  std::filesystem::path catalog_path =
      request.catalog.empty() ? default_template("indicators.toml") : std::filesystem::path(request.catalog);
  Catalog catalog = Catalog::load(catalog_path, dictionary);
  if (!request.by.empty() && request.by != "month" && !dictionary.find(request.by))
    usage_error("--by {}: not a field; use unit, department, category, domain, month or another field of {}",
                request.by, dictionary.source().string());
  std::vector<WhereValue> where;
  for (const auto& w : request.where) where.push_back(where_value(w, dictionary));
  std::vector<size_t> shown = shown_indicators(catalog, request);
  return {today,   period, compare, base, std::move(dictionary), catalog_path, std::move(catalog), std::move(where),
          std::move(shown)};
}

// What the figures are of: the period, the base, the filters.
json heading_json(const Prepared& p) {
  json out;
  out["casestat"] = version();
  out["generated_on"] = p.today;
  out["catalog"] = p.catalog_path.string();
  out["period"] = period_json(p.period);
  if (p.base) {
    out["base"] = period_json(*p.base);
    out["base"]["compare"] = p.compare == Compare::prev ? "prev" : "yoy";
    out["base"]["word"] = compare_word(p.compare);
  } else {
    out["base"] = nullptr;
  }
  out["filters"] = json::array();
  for (const auto& w : p.where)
    out["filters"].push_back({{"field", w.field}, {"name", p.dictionary.find(w.field)->name}, {"value", w.text}});
  return out;
}

json sources_json(Database& db) {
  json sources = json::array();
  Statement s = db.prepare("SELECT file, imported_at, rows_imported FROM imports ORDER BY id");
  while (s.step()) sources.push_back({{"file", s.text(0)}, {"imported_at", s.text(1)}, {"rows", s.integer(2)}});
  return sources;
}

// The catalog's sections, each with the ids of its shown indicators; sections without any left out.
json sections_json(const Prepared& p) {
  json sections = json::array();
  for (const auto& section : p.catalog.sections()) {
    json ids = json::array();
    for (const auto& id : section.ids)
      if (std::any_of(p.shown.begin(), p.shown.end(), [&](size_t n) { return p.catalog.indicators()[n].id == id; }))
        ids.push_back(id);
    if (!ids.empty()) sections.push_back({{"name", section.name}, {"ids", ids}});
  }
  return sections;
}

// The shown indicators of one group (or the total), with the base period's figures (`then`:
// none without a base period).
json indicators_json(const Prepared& p, const std::vector<Figure>& now, const std::vector<Figure>* then, bool full) {
  json out = json::array();
  std::string word = compare_word(p.compare);
  for (size_t n : p.shown)
    out.push_back(figures_json(p.catalog.indicators()[n], now[n], then ? &(*then)[n] : nullptr, word, full));
  return out;
}

}  // namespace

json compute_indicators(const IndicatorRequest& request) {
  Prepared p = prepare(request);
  StoreReading store;
  if (is_connection_string(request.db)) {
    store = read_pg_store(request.db, p.catalog, p.dictionary, request.by, p.where, p.period, p.base);
  } else {
    Database db(request.db, Database::Mode::read_only);
    // One read transaction: the figures and the sources come from the same state of the store,
    // even while an import commits.
    db.exec("BEGIN");
    ScanResult scan = compute_figures(db, p.catalog, p.dictionary, request.by, p.where, p.period, p.base);
    store.coverage = scan.coverage ? std::move(*scan.coverage)
                                   : measure_coverage(db, p.catalog, p.dictionary, request.by, p.period);
    store.figures = {std::move(scan.now), std::move(scan.then)};
    store.sources = sources_json(db);
    db.exec("COMMIT");
  }
  for (const auto& line : coverage_warnings(store.coverage, p.catalog, p.shown, p.dictionary, request.by, p.period,
                                            request.allow_empty))
    cli::warn(line);
  const auto& [now, then] = store.figures;
  json out = heading_json(p);
  out["sources"] = std::move(store.sources);
  out["sections"] = sections_json(p);
  out["indicators"] = indicators_json(p, now.total, p.base ? &then.total : nullptr, true);
  if (!request.by.empty()) {
    out["by"] = request.by;
    out["groups"] = json::array();
    // Both periods list the same groups, sorted by name (compute_figures).
    for (size_t g = 0; g < now.groups.size(); ++g)
      out["groups"].push_back({{"name", now.groups[g].first},
                               {"indicators", indicators_json(p, now.groups[g].second, p.base ? &then.groups[g].second : nullptr, false)}});
    add_ranks(out["groups"], p.shown.size());
    if (request.by == "unit") {
      std::vector<std::string> names;
      for (const auto& group : now.groups) names.push_back(group.first);
      for (const auto& line :
           unknown_group_warnings(names, Offices::load_default(), unfilled_group_name(p.dictionary, request.by)))
        cli::warn(line);
    }
  }
  return out;
}

}  // namespace casestat
