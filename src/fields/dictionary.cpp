// The field dictionary (templates/fields.toml) and header matching.
#include "core/text.hpp"
#include "fields/dictionary.hpp"

#include "fields/toml_file.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/error.hpp"
#include "core/paths.hpp"

namespace casestat {

const char* to_string(FieldType type) {
  switch (type) {
    case FieldType::text: return "text";
    case FieldType::date: return "date";
    case FieldType::money: return "money";
    case FieldType::integer: return "integer";
    case FieldType::flag: return "flag";
  }
  return "text";
}

namespace {

// Decodes one UTF-8 code point at text[i], advancing i; invalid bytes come back as themselves.
unsigned next_code_point(std::string_view text, size_t& i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (i + static_cast<size_t>(extra) >= text.size() + (extra ? 0 : 1)) extra = 0;
  unsigned cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(extra) + 1;
  return cp;
}


FieldType parse_type(const std::string& text, const std::filesystem::path& file, const toml::source_region& where,
                     const std::string& id) {
  for (FieldType t : {FieldType::text, FieldType::date, FieldType::money, FieldType::integer, FieldType::flag})
    if (text == to_string(t)) return t;
  data_error("{}: line {}: field {}: unknown type \"{}\" (expected text, date, money, integer or flag)", file.string(),
             where.begin.line, id, text);
}

// 分 per unit for a unit written in a header.
int64_t fen_for_unit(const std::string& unit) {
  if (unit == "元" || unit == "人民币元") return 100;
  if (unit == "万元" || unit == "万") return 1000000;
  if (unit == "千元") return 100000;
  if (unit == "亿元") return 10000000000LL;
  return 0;
}

// "办理情况/立案日期" (normalized) -> its captions; one piece for a plain header.
std::vector<std::string> split_path(const std::string& normalized) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t slash; (slash = normalized.find('/', start)) != std::string::npos; start = slash + 1)
    pieces.push_back(normalized.substr(start, slash - start));
  pieces.push_back(normalized.substr(start));
  return pieces;
}

}  // namespace

std::string normalize_header(std::string_view header, std::string* unit) {
  std::string out;
  for (size_t i = 0; i < header.size();) {
    unsigned cp = next_code_point(header, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp == 0x3000 || cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n') continue;
    if (cp == 0x3010 || cp == 0x3014) cp = '(';  // 【 〔
    if (cp == 0x3011 || cp == 0x3015) cp = ')';  // 】 〕
    if (cp == '[') cp = '(';
    if (cp == ']') cp = ')';
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    append_utf8(out, cp);
  }
  while (!out.empty() && (out.back() == '*' || out.back() == ':')) out.pop_back();  // 受理日期* (required), 日期:
  // A bracketed suffix: a unit (元, 万元, 人) or a note such as (名称); both left out of the name.
  std::string found_unit;
  while (!out.empty() && out.back() == ')') {
    size_t open = out.rfind('(');
    if (open == std::string::npos || open == 0) break;
    std::string inside = out.substr(open + 1, out.size() - open - 2);
    if (found_unit.empty() && fen_for_unit(inside) != 0) found_unit = inside;
    out.erase(open);
  }
  // A unit written without brackets after a money word: 救助金额元, 挽回损失万元
  if (found_unit.empty()) {
    for (std::string_view suffix : {"万元", "元"}) {
      if (out.size() > suffix.size() + 3 && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string stem = out.substr(0, out.size() - suffix.size());
        if (stem.ends_with("金额") || stem.ends_with("损失") || stem.ends_with("工资") || stem.ends_with("救助金")) {
          found_unit = std::string(suffix);
          out = stem;
        }
        break;
      }
    }
  }
  if (unit) *unit = found_unit;
  return out;
}

Dictionary Dictionary::load(const std::filesystem::path& path) {
  Dictionary dictionary;
  dictionary.source_ = path;
  note_used_file(path);
  toml::table root = parse_toml_file(path, N_("the field dictionary"));
  const toml::table* fields = root["fields"].as_table();
  if (!fields) data_error("{}: has no [fields] table", path.string());
  std::unordered_map<std::string, std::string> owner;  // normalized header -> field id
  for (const auto& [key, node] : *fields) {
    std::string id(key.str());
    const toml::table* spec = node.as_table();
    if (!spec) data_error("{}: line {}: field {}: expected {{ name = ..., type = ..., aliases = [...] }}", path.string(),
                          node.source().begin.line, id);
    for (const auto& [k, v] : *spec)
      if (k.str() != "name" && k.str() != "type" && k.str() != "aliases" && k.str() != "yes" && k.str() != "no")
        data_error("{}: line {}: field {}: unknown key \"{}\" (expected name, type, aliases, and yes, no for a flag)",
                   path.string(), v.source().begin.line, id, std::string(k.str()));
    Field field;
    field.id = id;
    auto name = (*spec)["name"].value<std::string>();
    if (!name || name->empty())
      data_error("{}: line {}: field {}: has no name", path.string(), node.source().begin.line, id);
    field.name = *name;
    field.type = parse_type((*spec)["type"].value_or(std::string("text")), path, node.source(), id);
    field.source_file = path.string();
    auto texts = [&](const char* list_key, std::vector<std::string>& into) {
      const toml::node* list = spec->get(list_key);
      if (!list) return;
      if (!list->is_array())
        data_error("{}: line {}: field {}: {} must be a list in brackets, e.g. {} = [\"...\"]", path.string(),
                   list->source().begin.line, id, list_key, list_key);
      for (const auto& item : *list->as_array()) {
        auto text = item.value<std::string>();
        if (!text || !item.is_string())
          data_error("{}: line {}: field {}: {} must be text in quotes", path.string(), item.source().begin.line, id, list_key);
        into.push_back(*text);
      }
    };
    texts("aliases", field.aliases);
    texts("yes", field.yes);
    texts("no", field.no);
    if ((!field.yes.empty() || !field.no.empty()) && field.type != FieldType::flag)
      data_error("{}: line {}: field {}: yes and no are for a flag field (type = \"flag\")", path.string(),
                 node.source().begin.line, id);
    for (const auto& word : field.yes)
      if (std::find(field.no.begin(), field.no.end(), word) != field.no.end())
        data_error("{}: line {}: field {}: \"{}\" is in both yes and no", path.string(), node.source().begin.line, id,
                   word);
    for (const std::string* header : [&] {
           std::vector<const std::string*> all{&field.name};
           for (const auto& a : field.aliases) all.push_back(&a);
           return all;
         }()) {
      std::string normalized = normalize_header(*header);
      auto [it, inserted] = owner.emplace(normalized, id);
      if (!inserted && it->second != id)
        data_error("{}: line {}: field {}: the header \"{}\" is already field {}", path.string(),
                   node.source().begin.line, id, *header, it->second);
    }
    dictionary.fields_.push_back(std::move(field));
  }
  return dictionary;
}

Dictionary Dictionary::load_default() { return load(default_template("fields.toml")); }

std::optional<HeaderMatch> Dictionary::match(std::string_view header) const {
  std::string unit;
  std::string normalized = normalize_header(header, &unit);
  if (normalized.empty()) return std::nullopt;
  for (const auto& field : fields_) {
    bool hit = normalize_header(field.name) == normalized;
    for (size_t i = 0; !hit && i < field.aliases.size(); ++i) hit = normalize_header(field.aliases[i]) == normalized;
    if (hit) {
      HeaderMatch match{&field, 100};
      if (!unit.empty()) match.fen_per_unit = fen_for_unit(unit);
      return match;
    }
  }
  return std::nullopt;
}

std::optional<HeaderMatch> Dictionary::match(const std::vector<std::string>& path) const {
  if (path.empty()) return std::nullopt;
  std::string unit;
  std::vector<std::string> normalized;
  for (size_t i = 0; i < path.size(); ++i) normalized.push_back(normalize_header(path[i], i + 1 == path.size() ? &unit : nullptr));
  // The alias naming the most captions wins: it says the most about the column.
  const Field* best = nullptr;
  size_t best_depth = 1;
  for (const auto& field : fields_) {
    for (const auto& alias : field.aliases) {
      std::vector<std::string> segments = split_path(normalize_header(alias));
      if (segments.size() <= best_depth || segments.size() > normalized.size()) continue;
      if (std::equal(segments.rbegin(), segments.rend(), normalized.rbegin())) {
        best = &field;
        best_depth = segments.size();
      }
    }
  }
  if (!best) return match(path.back());
  HeaderMatch found{best, 100};
  if (!unit.empty()) found.fen_per_unit = fen_for_unit(unit);
  return found;
}

const Field* Dictionary::find(std::string_view id) const {
  for (const auto& field : fields_)
    if (field.id == id) return &field;
  return nullptr;
}

}  // namespace casestat
