#include "indicators/catalog.hpp"

#include "fields/ledger.hpp"

#include "fields/toml_file.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/paths.hpp"

namespace casestat {

namespace {

class Loader {
 public:
  Loader(const std::filesystem::path& path, const Dictionary& dictionary) : path_(path), dictionary_(dictionary) {}

  [[noreturn]] void fail(const toml::node& node, const std::string& id, const std::string& what) const {
    data_error("{}: line {}: indicator {}: {}", path_.string(), node.source().begin.line, id, what);
  }

  std::string text(const toml::table& t, const char* key, const std::string& id, bool required) const {
    const toml::node* node = t.get(key);
    if (!node) {
      if (required) fail(t, id, translate("has no {}", key));
      return {};
    }
    auto v = node->value<std::string>();
    if (!v) fail(*node, id, translate("{} must be text in quotes", key));
    return *v;
  }

  std::string field(const toml::node& node, const std::string& id, const std::string& name) const {
    if (!dictionary_.find(name)) {
      std::string known;
      for (const auto& f : dictionary_.fields()) known += (known.empty() ? "" : ", ") + f.id;
      fail(node, id, translate("unknown field \"{}\" (the fields of {}: {})", name,
                                 dictionary_.source().filename().string(), known));
    }
    return name;
  }

  std::vector<std::string> strings(const toml::node& node, const std::string& id, const char* what) const {
    std::vector<std::string> out;
    if (auto s = node.value<std::string>()) {
      out.push_back(*s);
    } else if (auto a = node.as_array()) {
      for (const auto& e : *a) {
        auto s2 = e.value<std::string>();
        if (!s2) fail(e, id, translate("{} must be text in quotes", what));
        out.push_back(*s2);
      }
    } else {
      fail(node, id, translate("{} must be text, or a list of texts", what));
    }
    return out;
  }

  Filter filter(const toml::node& node, const std::string& id) const {
    const toml::table* t = node.as_table();
    if (!t) fail(node, id, _("a condition must be a table such as { field = \"category\", contains = \"公益诉讼\" }"));
    Filter f;
    const toml::node* field_node = t->get("field");
    if (!field_node || !field_node->value<std::string>())
      fail(node, id, _("a condition needs field = \"...\""));
    f.field = field(node, id, *field_node->value<std::string>());
    int ops = 0;
    for (const auto& [key, value] : *t) {
      std::string k(key.str());
      if (k == "field") continue;
      ++ops;
      if (k == "equals") {
        f.op = Filter::Op::equals;
        f.values = strings(value, id, "equals");
      } else if (k == "one_of") {
        f.op = Filter::Op::one_of;
        f.values = strings(value, id, "one_of");
      } else if (k == "contains") {
        f.op = Filter::Op::contains;
        f.values = strings(value, id, "contains");
        if (f.values.size() != 1) fail(value, id, _("contains takes one text"));
      } else if (k == "is") {
        f.op = Filter::Op::flag;
        auto s = value.value<std::string>();
        auto b = value.value<bool>();
        if (s && (*s == "是" || *s == "否")) {
          f.flag = *s == "是";
        } else if (b) {
          f.flag = *b;
        } else {
          fail(value, id, _("is takes \"是\" or \"否\""));
        }
      } else if (k == "present") {
        auto b = value.value<bool>();
        if (!b) fail(value, id, _("present takes true or false"));
        f.op = *b ? Filter::Op::present : Filter::Op::absent;
      } else if (k == "within_days_of") {
        f.op = Filter::Op::within_days;
        auto s = value.value<std::string>();
        if (!s) fail(value, id, _("within_days_of takes a date field"));
        f.since = field(value, id, *s);
      } else if (k == "days") {
        --ops;
        auto d = value.value<int64_t>();
        if (!d || *d < 0) fail(value, id, _("days takes a whole number"));
        f.days = *d;
      } else {
        fail(value, id, translate("unknown condition \"{}\" (expected equals, one_of, contains, is, present, "
                                    "within_days_of)",
                                    k));
      }
    }
    if (ops != 1) fail(node, id, _("a condition needs exactly one of equals, one_of, contains, is, present, within_days_of"));
    if (f.op == Filter::Op::within_days && !t->get("days")) fail(node, id, _("within_days_of needs days = N"));
    return f;
  }

  std::vector<Filter> filters(const toml::table& t, const char* key, const std::string& id) const {
    std::vector<Filter> out;
    const toml::node* node = t.get(key);
    if (!node) return out;
    if (auto a = node->as_array()) {
      for (const auto& e : *a) out.push_back(filter(e, id));
    } else {
      out.push_back(filter(*node, id));
    }
    return out;
  }


  // One [[indicator]] table, read and checked against the indicators above it.
  Indicator indicator(const toml::node& node, const Catalog& catalog) {
    const toml::table* t = node.as_table();
    if (!t) data_error("{}: line {}: [[indicator]] must be a table", path_.string(), node.source().begin.line);
    Indicator ind;
    ind.line = node.source().begin.line;
    auto id = t->get("id");
    if (!id || !id->value<std::string>())
      data_error("{}: line {}: an indicator has no id", path_.string(), node.source().begin.line);
    ind.id = *id->value<std::string>();
    known_keys(*t, ind.id);
    if (catalog.find(ind.id)) fail(*t, ind.id, _("is defined twice"));
    like(*t, ind, catalog);
    ind.name = text(*t, "name", ind.id, true);
    ind.section = text(*t, "section", ind.id, true);
    ind.unit = text(*t, "unit", ind.id, true);
    ind.definition = text(*t, "definition", ind.id, false);
    ind.kind = kind(*t, ind.id);
    if (std::string ledger = text(*t, "ledger", ind.id, false); !ledger.empty()) {
      if (!ledger_named(ledger))
        fail(*t->get("ledger"), ind.id, translate("unknown ledger \"{}\" (expected {})", ledger, ledger_words()));
      ind.ledger = ledger;
    }
    date_rules(*t, ind);
    for (auto& f : filters(*t, "where", ind.id)) ind.all.push_back(f);
    auto any = filters(*t, "where_any", ind.id);
    if (!any.empty()) ind.any = any;
    if (std::string d = text(*t, "distinct", ind.id, false); !d.empty()) ind.distinct = field(*t->get("distinct"), ind.id, d);
    if (ind.kind == Kind::sum) sum(*t, ind);
    if (ind.kind == Kind::ratio) {
      ind.numerator = text(*t, "numerator", ind.id, true);
      ind.denominator = text(*t, "denominator", ind.id, true);
    } else if (ind.dates.empty()) {
      fail(*t, ind.id, _("has no date = \"...\" (which date puts a record in the period)"));
    }
    tables_[ind.id] = t;
    return ind;
  }

  // Ratios: both parts must exist; no cycles (a ratio of ratios is allowed).
  void check_ratios(const Catalog& catalog) const {
    std::set<std::string> checked;  // each ratio's parts are followed once, however many ratios share them
    for (const auto& ind : catalog.indicators()) {
      std::vector<std::string> path{ind.id};
      check_ratio(catalog, ind, path, checked);
    }
  }

 private:
  // A `like` chain copies its conditions at every step, so its cost grows with the square of
  // its depth; a catalog a person writes needs a few steps, a generated or mistaken one is
  // stopped here.
  static constexpr int kMaxLikeDepth = 16;

  void known_keys(const toml::table& t, const std::string& id) const {
    static const std::set<std::string> known{"id",   "name",     "section", "unit",  "kind",      "definition",
                                             "ledger", "date",   "open_during", "where", "where_any", "distinct",
                                             "sum",  "numerator", "denominator", "like"};
    for (const auto& [key, value] : t)
      if (!known.count(std::string(key.str()))) fail(value, id, translate("unknown key \"{}\"", std::string(key.str())));
  }

  // like = "other": start from another indicator's records (its ledger, dates and conditions)
  void like(const toml::table& t, Indicator& ind, const Catalog& catalog) {
    std::string other = text(t, "like", ind.id, false);
    if (other.empty()) return;
    const toml::node& node = *t.get("like");
    const Indicator* base = catalog.find(other);
    if (!base) fail(node, ind.id, translate("like = \"{}\": no such indicator above this one", other));
    if (base->kind == Kind::ratio) fail(node, ind.id, _("like cannot name a ratio"));
    int depth = like_depth_[base->id] + 1;
    if (depth > kMaxLikeDepth)
      fail(node, ind.id, translate("like = \"{}\": a chain of more than {} indicators each like the one before; "
                                     "write this one's conditions out in full",
                                     other, kMaxLikeDepth));
    like_depth_[ind.id] = depth;
    ind.ledger = base->ledger;
    ind.dates = base->dates;
    ind.all = base->all;
    ind.any = base->any;
  }

  Kind kind(const toml::table& t, const std::string& id) const {
    std::string name = text(t, "kind", id, true);
    if (name == "count") return Kind::count;
    if (name == "sum") return Kind::sum;
    if (name == "ratio" || name == "share") return Kind::ratio;
    fail(*t.get("kind"), id, translate("unknown kind \"{}\" (expected count, sum or ratio)", name));
  }

  void date_rules(const toml::table& t, Indicator& ind) const {
    if (const toml::node* d = t.get("date")) {
      DateRule rule;
      for (const auto& f : strings(*d, ind.id, "date")) rule.fields.push_back(field(*d, ind.id, f));
      ind.dates.push_back(rule);
    }
    if (const toml::node* d = t.get("open_during")) {
      DateRule rule{DateRule::Op::open_during, {}};
      for (const auto& f : strings(*d, ind.id, "open_during")) rule.fields.push_back(field(*d, ind.id, f));
      if (rule.fields.size() != 2) fail(*d, ind.id, _("open_during takes two fields: [opened, closed]"));
      ind.dates.push_back(rule);
    }
  }

  void sum(const toml::table& t, Indicator& ind) const {
    std::string s = text(t, "sum", ind.id, true);
    ind.sum = field(*t.get("sum"), ind.id, s);
    FieldType type = dictionary_.find(s)->type;
    if (type != FieldType::money && type != FieldType::integer)
      fail(*t.get("sum"), ind.id, translate("sum = \"{}\": a {} field cannot be summed", s, to_string(type)));
    if (type == FieldType::money && ind.unit != "万元" && ind.unit != "元")
      fail(*t.get("unit"), ind.id, _("a sum of money needs unit = \"万元\" or \"元\""));
  }

  void check_ratio(const Catalog& catalog, const Indicator& ind, std::vector<std::string>& path,
                   std::set<std::string>& checked) const {
    if (ind.kind != Kind::ratio || checked.count(ind.id)) return;
    for (const std::string* part : {&ind.numerator, &ind.denominator}) {
      const Indicator* other = catalog.find(*part);
      if (!other)
        fail(*tables_.at(ind.id)->get(part == &ind.numerator ? "numerator" : "denominator"), ind.id,
             translate("refers to \"{}\", which is not in the catalog", *part));
      for (const auto& p : path)
        if (p == other->id) {
          std::string cycle;
          for (const auto& q : path) cycle += q + " -> ";
          fail(*tables_.at(ind.id), ind.id, translate("its definition goes round in a circle: {}{}", cycle, other->id));
        }
      path.push_back(other->id);
      check_ratio(catalog, *other, path, checked);
      path.pop_back();
    }
    checked.insert(ind.id);
  }

  const std::filesystem::path& path_;
  const Dictionary& dictionary_;
  std::map<std::string, const toml::table*> tables_;  // each indicator's table, for messages
  std::map<std::string, int> like_depth_;            // how many `like` steps each indicator is from one without
};

// Sections in the order they first appear.
std::vector<Section> sections_of(const std::vector<Indicator>& indicators) {
  std::vector<Section> sections;
  for (const auto& ind : indicators) {
    auto it = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.name == ind.section; });
    if (it == sections.end()) {
      sections.push_back({ind.section, {}});
      it = sections.end() - 1;
    }
    it->ids.push_back(ind.id);
  }
  return sections;
}

}  // namespace

const Indicator* Catalog::find(std::string_view id) const {
  for (const auto& i : indicators_)
    if (i.id == id) return &i;
  return nullptr;
}

Catalog Catalog::load(const std::filesystem::path& path, const Dictionary& dictionary) {
  Catalog catalog;
  catalog.source_ = path;
  note_used_file(path);
  toml::table root = parse_toml_file(path, N_("the indicator catalog"));
  Loader loader(path, dictionary);
  const toml::array* list = root["indicator"].as_array();
  if (!list || list->empty()) data_error("{}: has no [[indicator]] entries", path.string());
  for (const auto& node : *list) catalog.indicators_.push_back(loader.indicator(node, catalog));
  loader.check_ratios(catalog);
  catalog.sections_ = sections_of(catalog.indicators_);
  return catalog;
}

}  // namespace casestat
