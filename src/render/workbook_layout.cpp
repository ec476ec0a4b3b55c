#include "render/workbook_layout.hpp"

#include "fields/toml_file.hpp"

#include <set>

#include "core/error.hpp"

namespace casestat::render {

namespace {

struct Reader {
  const std::filesystem::path& path;
  std::set<std::string> ids;

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    data_error("{}: line {}: {}", path.string(), node.source().begin.line, what);
  }
  std::string text(const toml::table& t, const char* key, const std::string& fallback = "") const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    auto v = n->value<std::string>();
    if (!v) fail(*n, std::string(key) + " must be text in quotes");
    return *v;
  }
  std::vector<std::string> list(const toml::table& t, const char* key, bool are_ids) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(*n, std::string(key) + " must be a list, e.g. [\"pil.filed\", \"rec.issued\"]");
    for (const auto& e : *a) {
      auto v = e.value<std::string>();
      if (!v) fail(e, std::string(key) + " must list texts in quotes");
      if (are_ids && !ids.count(*v)) fail(e, "unknown indicator id \"" + *v + "\" (not in the indicators)");
      out.push_back(*v);
    }
    return out;
  }
  void only_keys(const toml::table& t, std::initializer_list<const char*> keys) const {
    for (const auto& [k, v] : t) {
      bool known = false;
      for (const char* key : keys) known = known || k.str() == key;
      if (!known) fail(v, "unknown key \"" + std::string(k.str()) + "\"");
    }
  }
};

}  // namespace

Layout load_layout(const std::filesystem::path& path, const nlohmann::json& data) {
  toml::table root = parse_toml_file(path, "the workbook layout");
  Reader r{path, {}};
  for (const auto& i : data.value("indicators", nlohmann::json::array())) r.ids.insert(i.value("id", ""));
  Layout layout;
  layout.source = path;
  r.only_keys(root, {"title", "footer", "sheet"});
  layout.title = r.text(root, "title", "{period}检察业务数据");
  layout.footer = r.text(root, "footer", layout.footer);
  const toml::array* sheets = root["sheet"].as_array();
  if (!sheets || sheets->empty()) data_error("{}: has no [[sheet]]", path.string());
  for (const auto& node : *sheets) {
    const toml::table* t = node.as_table();
    if (!t) r.fail(node, "[[sheet]] must be a table");
    r.only_keys(*t, {"name", "kind", "title", "subtitle", "sections", "indicators", "rank", "mark_lowest", "chart"});
    SheetSpec s;
    s.line = node.source().begin.line;
    s.name = r.text(*t, "name");
    if (s.name.empty()) r.fail(node, "a sheet needs name = \"...\"");
    std::string kind = r.text(*t, "kind", "summary");
    if (kind == "summary")
      s.kind = SheetSpec::Kind::summary;
    else if (kind == "groups")
      s.kind = SheetSpec::Kind::groups;
    else
      r.fail(*t->get("kind"), "sheet " + s.name + ": unknown kind \"" + kind + "\" (expected summary or groups)");
    s.title = r.text(*t, "title");
    s.subtitle = r.text(*t, "subtitle");
    s.sections = r.list(*t, "sections", false);
    s.indicators = r.list(*t, "indicators", true);
    s.rank = r.list(*t, "rank", true);
    if (const toml::node* n = t->get("mark_lowest")) {
      auto v = n->value<int64_t>();
      if (!v || *v < 0 || *v > 100) r.fail(*n, "mark_lowest must be a whole number (0 for none)");
      s.mark_lowest = static_cast<int>(*v);
    }
    if (const toml::node* n = t->get("chart")) {
      const toml::table* c = n->as_table();
      if (!c) r.fail(*n, "chart must be a table, e.g. { title = \"...\", indicator = \"cases.received\" }");
      r.only_keys(*c, {"title", "indicators", "indicator"});
      s.has_chart = true;
      s.chart.title = r.text(*c, "title");
      s.chart.indicators = r.list(*c, "indicators", true);
      s.chart.indicator = r.text(*c, "indicator");
      if (!s.chart.indicator.empty() && !r.ids.count(s.chart.indicator))
        r.fail(*c->get("indicator"), "unknown indicator id \"" + s.chart.indicator + "\" (not in the indicators)");
      if (s.kind == SheetSpec::Kind::groups && s.chart.indicator.empty())
        r.fail(*n, "the chart of a groups sheet needs indicator = \"...\"");
      if (s.kind == SheetSpec::Kind::summary && s.chart.indicators.empty())
        r.fail(*n, "the chart of a summary sheet needs indicators = [...]");
    }
    layout.sheets.push_back(std::move(s));
  }
  return layout;
}

}  // namespace casestat::render
