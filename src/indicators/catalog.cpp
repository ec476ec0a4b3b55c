#include "indicators/catalog.hpp"

#include "fields/toml_file.hpp"

#include <algorithm>
#include <functional>
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
      if (required) fail(t, id, fmt::format("has no {}", key));
      return {};
    }
    auto v = node->value<std::string>();
    if (!v) fail(*node, id, fmt::format("{} must be text in quotes", key));
    return *v;
  }

  std::string field(const toml::node& node, const std::string& id, const std::string& name) const {
    if (!dictionary_.find(name)) {
      std::string known;
      for (const auto& f : dictionary_.fields()) known += (known.empty() ? "" : ", ") + f.id;
      fail(node, id, fmt::format("unknown field \"{}\" (the fields of {}: {})", name,
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
        if (!s2) fail(e, id, fmt::format("{} must be text in quotes", what));
        out.push_back(*s2);
      }
    } else {
      fail(node, id, fmt::format("{} must be text, or a list of texts", what));
    }
    return out;
  }

  Filter filter(const toml::node& node, const std::string& id) const {
    const toml::table* t = node.as_table();
    if (!t) fail(node, id, "a condition must be a table such as { field = \"category\", contains = \"公益诉讼\" }");
    Filter f;
    const toml::node* field_node = t->get("field");
    if (!field_node || !field_node->value<std::string>())
      fail(node, id, "a condition needs field = \"...\"");
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
        if (f.values.size() != 1) fail(value, id, "contains takes one text");
      } else if (k == "is") {
        f.op = Filter::Op::flag;
        auto s = value.value<std::string>();
        auto b = value.value<bool>();
        if (s && (*s == "是" || *s == "否")) {
          f.flag = *s == "是";
        } else if (b) {
          f.flag = *b;
        } else {
          fail(value, id, "is takes \"是\" or \"否\"");
        }
      } else if (k == "present") {
        auto b = value.value<bool>();
        if (!b) fail(value, id, "present takes true or false");
        f.op = *b ? Filter::Op::present : Filter::Op::absent;
      } else if (k == "within_days_of") {
        f.op = Filter::Op::within_days;
        auto s = value.value<std::string>();
        if (!s) fail(value, id, "within_days_of takes a date field");
        f.since = field(value, id, *s);
      } else if (k == "days") {
        --ops;
        auto d = value.value<int64_t>();
        if (!d || *d < 0) fail(value, id, "days takes a whole number");
        f.days = *d;
      } else {
        fail(value, id, fmt::format("unknown condition \"{}\" (expected equals, one_of, contains, is, present, "
                                    "within_days_of)",
                                    k));
      }
    }
    if (ops != 1) fail(node, id, "a condition needs exactly one of equals, one_of, contains, is, present, within_days_of");
    if (f.op == Filter::Op::within_days && !t->get("days")) fail(node, id, "within_days_of needs days = N");
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


  const std::filesystem::path& path_;
  const Dictionary& dictionary_;
};

Kind parse_kind(const std::string& kind, bool& ok) {
  ok = true;
  if (kind == "count") return Kind::count;
  if (kind == "sum") return Kind::sum;
  if (kind == "ratio" || kind == "share") return Kind::ratio;
  ok = false;
  return Kind::count;
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
  toml::table root = parse_toml_file(path, "the indicator catalog");
  Loader loader(path, dictionary);
  const toml::array* list = root["indicator"].as_array();
  if (!list || list->empty()) data_error("{}: has no [[indicator]] entries", path.string());
  std::map<std::string, const toml::table*> tables;
  for (const auto& node : *list) {
    const toml::table* t = node.as_table();
    if (!t) data_error("{}: line {}: [[indicator]] must be a table", path.string(), node.source().begin.line);
    Indicator ind;
    ind.line = node.source().begin.line;
    auto id = t->get("id");
    if (!id || !id->value<std::string>())
      data_error("{}: line {}: an indicator has no id", path.string(), node.source().begin.line);
    ind.id = *id->value<std::string>();
    for (const auto& [key, value] : *t) {
      static const std::set<std::string> known{"id",   "name",     "section", "unit",  "kind",      "definition",
                                               "ledger", "date",   "open_during", "where", "where_any", "distinct",
                                               "sum",  "numerator", "denominator", "like"};
      if (!known.count(std::string(key.str())))
        loader.fail(value, ind.id, fmt::format("unknown key \"{}\"", std::string(key.str())));
    }
    if (catalog.find(ind.id)) loader.fail(*t, ind.id, "is defined twice");
    // like = "other": start from another indicator's records (its ledger, dates and conditions)
    if (std::string like = loader.text(*t, "like", ind.id, false); !like.empty()) {
      const Indicator* base = catalog.find(like);
      if (!base) loader.fail(*t->get("like"), ind.id, fmt::format("like = \"{}\": no such indicator above this one", like));
      if (base->kind == Kind::ratio) loader.fail(*t->get("like"), ind.id, "like cannot name a ratio");
      ind.ledger = base->ledger;
      ind.dates = base->dates;
      ind.all = base->all;
      ind.any = base->any;
    }
    ind.name = loader.text(*t, "name", ind.id, true);
    ind.section = loader.text(*t, "section", ind.id, true);
    ind.unit = loader.text(*t, "unit", ind.id, true);
    ind.definition = loader.text(*t, "definition", ind.id, false);
    bool ok = true;
    std::string kind = loader.text(*t, "kind", ind.id, true);
    ind.kind = parse_kind(kind, ok);
    if (!ok) loader.fail(*t->get("kind"), ind.id, fmt::format("unknown kind \"{}\" (expected count, sum or ratio)", kind));
    if (std::string ledger = loader.text(*t, "ledger", ind.id, false); !ledger.empty()) {
      if (ledger != "cases" && ledger != "recommendations" && ledger != "petitions")
        loader.fail(*t->get("ledger"), ind.id,
                    fmt::format("unknown ledger \"{}\" (expected cases, recommendations or petitions)", ledger));
      ind.ledger = ledger;
    }
    if (const toml::node* d = t->get("date")) {
      DateRule rule;
      for (const auto& f : loader.strings(*d, ind.id, "date")) rule.fields.push_back(loader.field(*d, ind.id, f));
      ind.dates.push_back(rule);
    }
    if (const toml::node* d = t->get("open_during")) {
      DateRule rule{DateRule::Op::open_during, {}};
      for (const auto& f : loader.strings(*d, ind.id, "open_during")) rule.fields.push_back(loader.field(*d, ind.id, f));
      if (rule.fields.size() != 2) loader.fail(*d, ind.id, "open_during takes two fields: [opened, closed]");
      ind.dates.push_back(rule);
    }
    for (auto& f : loader.filters(*t, "where", ind.id)) ind.all.push_back(f);
    auto any = loader.filters(*t, "where_any", ind.id);
    if (!any.empty()) ind.any = any;
    if (std::string d = loader.text(*t, "distinct", ind.id, false); !d.empty()) ind.distinct = loader.field(*t->get("distinct"), ind.id, d);
    if (ind.kind == Kind::sum) {
      std::string s = loader.text(*t, "sum", ind.id, true);
      ind.sum = loader.field(*t->get("sum"), ind.id, s);
      FieldType type = dictionary.find(s)->type;
      if (type != FieldType::money && type != FieldType::integer)
        loader.fail(*t->get("sum"), ind.id, fmt::format("sum = \"{}\": a {} field cannot be summed", s, to_string(type)));
      if (type == FieldType::money && ind.unit != "万元" && ind.unit != "元")
        loader.fail(*t->get("unit"), ind.id, "a sum of money needs unit = \"万元\" or \"元\"");
    }
    if (ind.kind == Kind::ratio) {
      ind.numerator = loader.text(*t, "numerator", ind.id, true);
      ind.denominator = loader.text(*t, "denominator", ind.id, true);
    } else if (ind.dates.empty()) {
      loader.fail(*t, ind.id, "has no date = \"...\" (which date puts a record in the period)");
    }
    tables[ind.id] = t;
    catalog.indicators_.push_back(std::move(ind));
  }
  // Ratios: both parts must exist; no cycles (a ratio of ratios is allowed).
  std::function<void(const Indicator&, std::vector<std::string>&)> check = [&](const Indicator& ind,
                                                                                std::vector<std::string>& path) {
    if (ind.kind != Kind::ratio) return;
    for (const std::string* part : {&ind.numerator, &ind.denominator}) {
      const Indicator* other = catalog.find(*part);
      if (!other)
        loader.fail(*tables[ind.id]->get(part == &ind.numerator ? "numerator" : "denominator"), ind.id,
                    fmt::format("refers to \"{}\", which is not in the catalog", *part));
      for (const auto& p : path)
        if (p == other->id) {
          std::string cycle;
          for (const auto& q : path) cycle += q + " -> ";
          loader.fail(*tables[ind.id], ind.id, fmt::format("its definition goes round in a circle: {}{}", cycle, other->id));
        }
      path.push_back(other->id);
      check(*other, path);
      path.pop_back();
    }
  };
  for (const auto& ind : catalog.indicators_) {
    std::vector<std::string> path{ind.id};
    check(ind, path);
  }
  // Sections in the order they first appear, or as [[section]] lists them.
  for (const auto& ind : catalog.indicators_) {
    auto it = std::find_if(catalog.sections_.begin(), catalog.sections_.end(),
                           [&](const Section& s) { return s.name == ind.section; });
    if (it == catalog.sections_.end()) {
      catalog.sections_.push_back({ind.section, {}});
      it = catalog.sections_.end() - 1;
    }
    it->ids.push_back(ind.id);
  }
  return catalog;
}

}  // namespace casestat
