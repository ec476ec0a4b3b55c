#include "render/workbook_layout.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "fields/toml_file.hpp"
#include "render/workbook_data.hpp"

namespace casestat::render {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

struct Reader {
  const std::filesystem::path& path;
  std::set<std::string> ids;
  std::set<std::string> sections;
  std::vector<std::string> section_order;  // for messages

  std::string section_names() const {
    std::string out;
    for (const auto& name : section_order) out += (out.empty() ? "" : "、") + name;
    return out;
  }

  [[noreturn]] void fail(const toml::node& node, const std::string& what) const {
    data_error("{}: line {}: {}", path.string(), node.source().begin.line, what);
  }
  std::string text(const toml::table& t, const char* key, const std::string& fallback = "") const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    auto v = n->value<std::string>();
    if (!v || !n->is_string()) fail(*n, translate("{} must be text in quotes", key));
    return *v;
  }
  std::vector<std::string> list(const toml::table& t, const char* key, bool are_ids) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) fail(*n, translate("{} must be a list, e.g. [\"pil.filed\", \"rec.issued\"]", key));
    for (const auto& e : *a) {
      auto v = e.value<std::string>();
      if (!v || !e.is_string()) fail(e, translate("{} must list texts in quotes", key));
      if (are_ids && !ids.count(*v)) fail(e, translate("unknown indicator id \"{}\" (not in the indicators)", *v));
      out.push_back(*v);
    }
    return out;
  }
  void only_keys(const toml::table& t, std::initializer_list<const char*> keys) const {
    for (const auto& [k, v] : t) {
      bool known = false;
      for (const char* key : keys) known = known || k.str() == key;
      if (!known) {
        std::string names;
        for (const char* key : keys) names += std::string(names.empty() ? "" : ", ") + key;
        fail(v, translate("unknown key \"{}\" (expected {})", k.str(), names));
      }
    }
  }
  // Excel's rules for a sheet name, checked here so the message can give the line.
  void check_sheet_name(const toml::node& node, const std::string& name, std::set<std::string>& seen) const {
    if (name.empty()) fail(node, _("a sheet needs name = \"...\""));
    size_t chars = 0;
    for (char c : name) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (chars > 31) fail(node, translate("sheet name \"{}\" is longer than Excel's 31 characters", name));
    if (name.find_first_of("[]:*?/\\") != std::string::npos)
      fail(node, translate("sheet name \"{}\" has a character Excel refuses ([ ] : * ? / \\)", name));
    if (name.front() == '\'' || name.back() == '\'')
      fail(node, translate("sheet name \"{}\" starts or ends with ', which Excel refuses", name));
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!seen.insert(lower).second) fail(node, translate("two sheets are named \"{}\"", name));
  }
};

void read_chart(const Reader& r, const toml::node& node, SheetSpec& s) {
  const toml::table* c = node.as_table();
  if (!c) r.fail(node, _("chart must be a table, e.g. { title = \"...\", indicator = \"cases.received\" }"));
  r.only_keys(*c, {"title", "indicators", "indicator"});
  s.has_chart = true;
  s.chart.title = r.text(*c, "title");
  s.chart.indicators = r.list(*c, "indicators", true);
  s.chart.indicator = r.text(*c, "indicator");
  if (!s.chart.indicator.empty() && !r.ids.count(s.chart.indicator))
    r.fail(*c->get("indicator"), translate("unknown indicator id \"{}\" (not in the indicators)", s.chart.indicator));
  if (s.kind == SheetSpec::Kind::groups) {
    if (s.chart.indicator.empty()) r.fail(node, _("the chart of a groups sheet needs indicator = \"...\""));
    if (!s.indicators.empty() && !contains(s.indicators, s.chart.indicator))
      r.fail(*c->get("indicator"), translate("the chart's indicator \"{}\" is not one of the sheet's indicators", s.chart.indicator));
  } else if (s.chart.indicators.empty()) {
    r.fail(node, _("the chart of a summary sheet needs indicators = [...]"));
  }
}

// rank and lowest name columns of the sheet: an id the sheet does not show would be ignored.
void check_subset(const Reader& r, const toml::table& t, const char* key, const SheetSpec& s,
                  const std::vector<std::string>& ids) {
  if (s.indicators.empty()) return;
  for (size_t i = 0; i < ids.size(); ++i)
    if (!contains(s.indicators, ids[i]))
      r.fail(*t.get(key)->as_array()->get(i), translate("{}: \"{}\" is not one of the sheet's indicators", key, ids[i]));
}

SheetSpec read_sheet(const Reader& r, const toml::node& node, std::set<std::string>& names) {
  const toml::table* t = node.as_table();
  if (!t) r.fail(node, _("[[sheet]] must be a table"));
  r.only_keys(*t, {"name", "kind", "title", "subtitle", "sections", "indicators", "columns", "rank", "lowest",
                   "mark_lowest", "chart"});
  SheetSpec s;
  s.line = node.source().begin.line;
  s.name = r.text(*t, "name");
  r.check_sheet_name(t->get("name") ? *t->get("name") : node, s.name, names);
  std::string kind = r.text(*t, "kind", "summary");
  if (kind == "summary")
    s.kind = SheetSpec::Kind::summary;
  else if (kind == "groups")
    s.kind = SheetSpec::Kind::groups;
  else
    r.fail(*t->get("kind"), translate("sheet {}: unknown kind \"{}\" (expected summary or groups)", s.name, kind));
  s.title = r.text(*t, "title");
  s.subtitle = r.text(*t, "subtitle");
  s.sections = r.list(*t, "sections", false);
  for (size_t i = 0; i < s.sections.size(); ++i)
    if (!r.sections.count(s.sections[i]))
      r.fail(*t->get("sections")->as_array()->get(i), translate("unknown section \"{}\" (the indicators have: {})", s.sections[i], r.section_names()));
  s.indicators = r.list(*t, "indicators", true);
  if (t->get("columns")) {
    s.columns = r.list(*t, "columns", false);
    for (size_t i = 0; i < s.columns.size(); ++i)
      if (!contains({"value", "base", "change"}, s.columns[i]))
        r.fail(*t->get("columns")->as_array()->get(i), translate("columns: \"{}\" is not value (本期), base (去年同期) or change (增减)", s.columns[i]));
    if (s.columns.empty()) r.fail(*t->get("columns"), _("columns needs at least one of value, base, change"));
  }
  s.rank = r.list(*t, "rank", true);
  s.lowest = t->get("lowest") ? r.list(*t, "lowest", true) : s.rank;
  check_subset(r, *t, "rank", s, s.rank);
  check_subset(r, *t, "lowest", s, s.lowest);
  if (const toml::node* n = t->get("mark_lowest")) {
    auto v = n->value<int64_t>();
    if (!v || !n->is_integer() || *v < 0 || *v > 100) r.fail(*n, _("mark_lowest must be a whole number from 0 to 100"));
    s.mark_lowest = static_cast<int>(*v);
    if (s.mark_lowest > 0 && s.lowest.empty())
      r.fail(*n, _("mark_lowest needs the indicators whose lowest offices it marks: add lowest = [...]"));
    if (s.mark_lowest > 0 && !contains(s.columns, "value"))
      r.fail(*n, _("mark_lowest marks this period's figures: columns needs \"value\""));
  }
  if (s.kind == SheetSpec::Kind::summary)
    for (const char* key : {"indicators", "columns", "rank", "lowest", "mark_lowest"})
      if (const toml::node* n = t->get(key)) r.fail(*n, translate("{} is for kind = \"groups\" sheets", key));
  if (s.kind == SheetSpec::Kind::groups)
    if (const toml::node* n = t->get("sections")) r.fail(*n, _("sections is for kind = \"summary\" sheets"));
  if (const toml::node* n = t->get("chart")) read_chart(r, *n, s);
  return s;
}

}  // namespace

Layout load_layout(const std::filesystem::path& path, const nlohmann::json& data) {
  toml::table root = parse_toml_file(path, N_("the workbook layout"));
  Reader r{path, {}, {}, {}};
  for (const auto& [id, indicator] : wb::indicators_by_id(data)) r.ids.insert(id);
  for (const auto& [name, ids] : wb::sections_of(data))
    if (r.sections.insert(name).second) r.section_order.push_back(name);
  Layout layout;
  layout.source = path;
  r.only_keys(root, {"title", "footer", "sheet"});
  layout.title = r.text(root, "title", "{period}检察业务数据");
  layout.footer = r.text(root, "footer", layout.footer);
  const toml::node* sheets_node = root.get("sheet");
  const toml::array* sheets = sheets_node ? sheets_node->as_array() : nullptr;
  if (sheets_node && !sheets) r.fail(*sheets_node, _("sheets are written [[sheet]], one per sheet"));
  if (!sheets || sheets->empty()) data_error("{}: has no [[sheet]]", path.string());
  std::set<std::string> names;
  for (const auto& node : *sheets) layout.sheets.push_back(read_sheet(r, node, names));
  return layout;
}

std::string fill_placeholders(const std::string& text, const nlohmann::json& data, const SiteSettings& site,
                              bool footer) {
  using wb::field;
  std::map<std::string, std::string> values = site;
  const nlohmann::json& period = field(data, "period");
  const nlohmann::json& base = field(data, "base");
  values["period"] = wb::text(period, "label");
  values["from"] = wb::text(period, "from");
  values["to"] = wb::text(period, "to");
  values["base"] = wb::text(base, "label");
  values["word"] = wb::text(base, "word");
  // 2024年上半年（同比）, or 无 with --compare none, so a subtitle reads well either way
  values["compare"] = base.is_object() ? wb::text(base, "label") + "（" + wb::text(base, "word") + "）" : "无";
  values["generated_on"] = wb::text(data, "generated_on");
  values["catalog"] = std::filesystem::path(wb::text(data, "catalog")).filename().string();
  std::string sources;
  for (const auto& s : wb::list(data, "sources")) sources += (sources.empty() ? "" : "、") + wb::text(s, "file");
  values["sources"] = sources.empty() ? "（无）" : sources;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(text.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          for (char c : it->second) out += footer && c == '&' ? std::string("&&") : std::string(1, c);
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace casestat::render
