#include "render/text_model.hpp"

#include <set>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "indicators/wording.hpp"

namespace casestat::render {

using nlohmann::json;

namespace {

// Fields of every indicator in the contract; present in the shape even when a document lacks
// them, so a template written for ratios (numerator) also checks against counts.
const std::vector<std::string> kIndicatorFields = {
    "id",     "name",   "section",   "unit",      "kind",         "definition",  "value",
    "base",   "change", "direction", "display",   "base_display", "change_text", "numerator",
    "denominator", "up", "down", "flat", "with_change", "change_brief"};

const std::vector<std::string> kPeriodFields = {"id", "label", "from", "to"};
const std::vector<std::string> kBaseFields = {"id", "label", "from", "to", "compare", "word", "period_word"};
const std::vector<std::string> kSourceFields = {"file", "imported_at", "rows"};
const std::vector<std::string> kFilterFields = {"field", "value"};
const std::vector<std::string> kChartFields = {"file", "title"};

std::string string_field(const json& object, const char* key) {
  if (!object.contains(key) || object[key].is_null()) return "";
  if (object[key].is_string()) return object[key].get<std::string>();
  return object[key].dump();
}

// A JSON scalar as the model holds it: null -> false, other scalars as they are.
json model_value(const json& v) {
  if (v.is_null()) return false;
  return v;
}

json shape_with(const std::vector<std::string>& fields) {
  json shape = json::object();
  for (const auto& f : fields) shape[f] = nullptr;
  return shape;
}

// Adds the keys of `data` (an object) to `shape`, as values or nested objects.
void add_keys(json& shape, const json& data) {
  if (!data.is_object()) return;
  for (const auto& [key, value] : data.items()) {
    if (value.is_object()) {
      if (!shape.contains(key) || !shape[key].is_object()) shape[key] = json::object();
      add_keys(shape[key], value);
    } else if (!shape.contains(key)) {
      shape[key] = nullptr;
    }
  }
}

std::vector<std::string> split_id(const std::string& id, const std::string& source) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = id.find('.', start);
    std::string part = id.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) data_error("{}: indicator id \"{}\" has an empty part between dots", source, id);
    parts.push_back(part);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// Puts `node` at the dotted `id` inside `tree`: pil.filed -> tree["pil"]["filed"].
void insert_by_id(json& tree, const std::string& id, const json& node, const std::string& source) {
  auto parts = split_id(id, source);
  json* at = &tree;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    json& next = (*at)[parts[i]];
    if (next.is_null()) next = json::object();
    at = &next;
  }
  (*at)[parts.back()] = node;
}

// The indicator node of the model: the document's fields, nulls as false, plus up/down/flat
// flags from `direction` for templates that word a sentence by the direction, and
// with_change: "3578件，同比上升23.8%", or only "3578件" when there is no comparison.
json indicator_node(const json& indicator) {
  json node = json::object();
  for (const auto& [key, value] : indicator.items()) node[key] = model_value(value);
  std::string display = string_field(indicator, "display");
  std::string change_text = string_field(indicator, "change_text");
  node["with_change"] = change_text.empty() ? display : display + "，" + change_text;
  // For a table whose column heading already says 同比 or 环比: "上升23.8%".
  std::string brief = change_text;
  for (const char* word : {"同比", "环比"})
    if (brief.rfind(word, 0) == 0) brief = brief.substr(std::string(word).size());
  node["change_brief"] = brief;
  std::string direction = indicator.value("direction", "");
  node["up"] = direction == "up";
  node["down"] = direction == "down";
  node["flat"] = direction == "flat";
  return node;
}

const json& require_object(const json& doc, const char* key, const std::string& source) {
  if (!doc.contains(key) || !doc[key].is_object())
    data_error("{}: not indicators JSON: no \"{}\" object (make it with casestat-indicators --format json)", source,
               key);
  return doc[key];
}

// Checks that the ids can all be nested: "pil" and "pil.filed" cannot both be indicators, and
// no id's first part may be a name of the model itself.
void check_ids(const std::vector<std::string>& ids, const SiteSettings& site, const std::string& source) {
  std::set<std::string> all(ids.begin(), ids.end());
  for (const auto& id : ids) {
    auto parts = split_id(id, source);
    for (const auto& reserved : reserved_names())
      if (parts[0] == reserved)
        data_error("{}: indicator id \"{}\" starts with \"{}\", a name the templates already use for something else",
                   source, id, reserved);
    if (site.count(parts[0]))
      data_error("{}: indicator id \"{}\" starts with \"{}\", which is also a site setting", source, id, parts[0]);
    std::string prefix;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      prefix += (i ? "." : "") + parts[i];
      if (all.count(prefix))
        data_error("{}: indicator ids \"{}\" and \"{}\" cannot both be used in templates: {{{{{}.display}}}} would "
                   "be ambiguous",
                   source, prefix, id, prefix);
    }
  }
}

}  // namespace

const std::vector<std::string>& reserved_names() {
  static const std::vector<std::string> names = {"casestat", "generated_on", "catalog",  "period",
                                                 "base",     "by",           "filters",  "sources",
                                                 "sections", "indicators",   "groups",
                                                 "charts",   "has_groups",   "has_sources", "has_charts", "issued_on_cn"};
  return names;
}

namespace {

// The model is built part by part; each step adds its names to data and shape.
struct ModelBuilder {
  const json& doc;
  const std::string& source;
  json& data;
  json& shape;
  std::vector<std::string> ids;      // indicator ids in catalog order
  std::map<std::string, json> by_id;  // their nodes
  json indicator_shape = shape_with(kIndicatorFields);
  json tree = json::object(), tree_shape = json::object();

  void add_header();
  void add_period_and_base(const json& period);
  void add_lists();
  void add_indicators(const SiteSettings& site);
  void add_sections();
  void add_groups();
  void add_flags_and_site(const SiteSettings& site);
};

void ModelBuilder::add_header() {
  for (const char* key : {"casestat", "generated_on", "catalog", "by"}) {
    data[key] = string_field(doc, key);
    shape[key] = nullptr;
  }
  // The date a 公文 ends with, in Chinese figures: 二〇二五年七月十日.
  data["issued_on_cn"] = chinese_date(data["generated_on"].get<std::string>());
  shape["issued_on_cn"] = nullptr;
}

void ModelBuilder::add_period_and_base(const json& period) {
  data["period"] = json::object();
  for (const auto& f : kPeriodFields) data["period"][f] = string_field(period, f.c_str());
  for (const auto& [key, value] : period.items()) data["period"][key] = model_value(value);
  shape["period"] = shape_with(kPeriodFields);
  add_keys(shape["period"], period);

  shape["base"] = shape_with(kBaseFields);
  if (doc.contains("base") && doc["base"].is_object()) {
    data["base"] = json::object();
    for (const auto& f : kBaseFields) data["base"][f] = string_field(doc["base"], f.c_str());
    for (const auto& [key, value] : doc["base"].items()) data["base"][key] = model_value(value);
    // The heading of a table's base column.
    data["base"]["period_word"] = data["base"]["compare"] == "prev" ? "上期" : "去年同期";
    add_keys(shape["base"], doc["base"]);
  } else {
    data["base"] = false;  // --compare none: {{#base}}...{{/base}} is skipped
  }
}

void ModelBuilder::add_lists() {
  auto list_of = [&](const char* key, const std::vector<std::string>& fields) {
    json list = json::array();
    json item_shape = shape_with(fields);
    if (doc.contains(key) && doc[key].is_array()) {
      for (const auto& item : doc[key]) {
        if (!item.is_object()) data_error("{}: \"{}\" must be a list of objects", source, key);
        json node = json::object();
        for (const auto& f : fields) node[f] = "";
        for (const auto& [k, v] : item.items()) node[k] = model_value(v);
        list.push_back(node);
        add_keys(item_shape, item);
      }
    }
    data[key] = list;
    shape[key] = json::array({item_shape});
  };
  list_of("sources", kSourceFields);
  list_of("filters", kFilterFields);
  list_of("charts", kChartFields);  // filled by casestat-bulletin (the SVG files it wrote)
}

void ModelBuilder::add_indicators(const SiteSettings& site) {
  // Indicators, in the document's (catalog) order.
  data["indicators"] = json::array();
  for (const auto& indicator : doc["indicators"]) {
    if (!indicator.is_object() || !indicator.contains("id") || !indicator["id"].is_string())
      data_error("{}: every indicator needs a string \"id\"", source);
    std::string id = indicator["id"].get<std::string>();
    if (by_id.count(id)) data_error("{}: indicator \"{}\" is listed twice", source, id);
    json node = indicator_node(indicator);
    ids.push_back(id);
    by_id[id] = node;
    data["indicators"].push_back(node);
    add_keys(indicator_shape, indicator);
  }
  check_ids(ids, site, source);
  for (const auto& id : ids) {
    insert_by_id(tree, id, by_id[id], source);
    insert_by_id(tree_shape, id, indicator_shape, source);
  }
  shape["indicators"] = json::array({indicator_shape});
}

void ModelBuilder::add_sections() {
  // Sections: as the document lists them, else in the order the indicators name them.
  data["sections"] = json::array();
  auto add_section = [&](const std::string& name, const std::vector<std::string>& section_ids) {
    json section = {{"name", name}, {"ids", section_ids}, {"indicators", json::array()}};
    for (const auto& id : section_ids) {
      auto it = by_id.find(id);
      if (it == by_id.end()) data_error("{}: section \"{}\" lists \"{}\", which is not an indicator", source, name, id);
      section["indicators"].push_back(it->second);
    }
    data["sections"].push_back(section);
  };
  if (doc.contains("sections") && doc["sections"].is_array()) {
    for (const auto& s : doc["sections"]) {
      if (!s.is_object() || !s.contains("ids") || !s["ids"].is_array())
        data_error("{}: every section needs \"name\" and a list \"ids\"", source);
      std::vector<std::string> section_ids;
      for (const auto& id : s["ids"]) section_ids.push_back(id.is_string() ? id.get<std::string>() : id.dump());
      add_section(string_field(s, "name"), section_ids);
    }
  } else {
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> members;
    for (const auto& id : ids) {
      std::string section = string_field(by_id[id], "section");
      if (!members.count(section)) order.push_back(section);
      members[section].push_back(id);
    }
    for (const auto& name : order) add_section(name, members[name]);
  }
  shape["sections"] = json::array({{{"name", nullptr}, {"ids", json::array({nullptr})},
                                    {"indicators", json::array({indicator_shape})}}});
}

void ModelBuilder::add_groups() {
  // Groups (--by): each carries every indicator, with its rank among the groups. A missing
  // one is an error: the template would otherwise fall back to the total's figure silently.
  json group_indicator_shape = indicator_shape;
  group_indicator_shape["rank"] = nullptr;
  data["groups"] = json::array();
  if (doc.contains("groups") && doc["groups"].is_array()) {
    for (const auto& g : doc["groups"]) {
      if (!g.is_object() || !g.contains("indicators") || !g["indicators"].is_array())
        data_error("{}: every group needs \"name\" and a list \"indicators\"", source);
      std::string name = string_field(g, "name");
      std::map<std::string, json> group_by_id;
      for (const auto& indicator : g["indicators"]) {
        if (!indicator.is_object() || !indicator.contains("id") || !indicator["id"].is_string())
          data_error("{}: group \"{}\": every indicator needs a string \"id\"", source, name);
        json node = indicator_node(indicator);
        // A rate with no denominator has no rank: the table shows "—" as for its value.
        if (!node.contains("rank") || node["rank"] == false) node["rank"] = "—";
        std::string id = indicator["id"].get<std::string>();
        if (!by_id.count(id))
          data_error("{}: group \"{}\" has indicator \"{}\", which the totals do not have", source, name, id);
        // The catalog's name, unit and definition hold for the group too.
        for (const char* key : {"name", "section", "unit", "kind", "definition"})
          if (!node.contains(key) && by_id[id].contains(key)) node[key] = by_id[id][key];
        group_by_id[id] = node;
        add_keys(group_indicator_shape, indicator);
      }
      json group = json::object();
      for (const auto& [key, value] : g.items())
        if (key != "indicators") group[key] = model_value(value);
      group["name"] = name;
      group["indicators"] = json::array();
      for (const auto& id : ids) {
        auto it = group_by_id.find(id);
        if (it == group_by_id.end())
          data_error("{}: group \"{}\" has no indicator \"{}\": the per-group data must carry every indicator",
                     source, name, id);
        group["indicators"].push_back(it->second);
        insert_by_id(group, id, it->second, source);
      }
      data["groups"].push_back(group);
    }
  }
  json group_shape = {{"name", nullptr}, {"indicators", json::array({group_indicator_shape})}};
  for (const auto& id : ids) insert_by_id(group_shape, id, group_indicator_shape, source);
  shape["groups"] = json::array({group_shape});
}

void ModelBuilder::add_flags_and_site(const SiteSettings& site) {
  // Mustache cannot ask whether a list is empty without going through it: these can.
  for (const char* list : {"groups", "sources", "charts"}) {
    std::string flag = std::string("has_") + list;
    data[flag] = !data[list].empty();
    shape[flag] = nullptr;
  }

  for (const auto& [key, value] : tree.items()) data[key] = value;
  for (const auto& [key, value] : tree_shape.items()) shape[key] = value;

  for (const auto& [key, value] : site) {
    if (data.contains(key))
      usage_error("site setting \"{}\" has the name of something in the indicators data: pick another name", key);
    data[key] = value;
    shape[key] = nullptr;
  }
}

}  // namespace

TextModel build_text_model(const json& doc, const SiteSettings& site, const std::string& source) {
  if (!doc.is_object()) data_error("{}: not indicators JSON: expected an object", source);
  const json& period = require_object(doc, "period", source);
  if (!doc.contains("indicators") || !doc["indicators"].is_array())
    data_error("{}: not indicators JSON: no \"indicators\" list (make it with casestat-indicators --format json)",
               source);
  TextModel m;
  m.data = json::object();
  m.shape = json::object();
  ModelBuilder builder{doc, source, m.data, m.shape, {}, {}};
  builder.add_header();
  builder.add_period_and_base(period);
  builder.add_lists();
  builder.add_indicators(site);
  builder.add_sections();
  builder.add_groups();
  builder.add_flags_and_site(site);
  return m;
}

void set_charts(TextModel& model, const std::vector<ChartRef>& charts) {
  json list = json::array();
  for (const auto& chart : charts) list.push_back({{"file", chart.file}, {"title", chart.title}});
  model.data["charts"] = list;
  model.data["has_charts"] = !charts.empty();
}

kainjow::mustache::data to_mustache(const json& value) {
  using kainjow::mustache::data;
  switch (value.type()) {
    case json::value_t::null:
      return data(false);
    case json::value_t::boolean:
      return data(value.get<bool>());
    case json::value_t::string:
      return data(value.get<std::string>());
    case json::value_t::array: {
      data list(data::type::list);
      for (const auto& item : value) list.push_back(to_mustache(item));
      return list;
    }
    case json::value_t::object: {
      data object(data::type::object);
      for (const auto& [key, item] : value.items()) object.set(key, to_mustache(item));
      return object;
    }
    default:
      return data(value.dump());  // numbers as the JSON writes them
  }
}

}  // namespace casestat::render
