#include "fields/offices.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/i18n_context.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "fields/toml_file.hpp"

namespace casestat {

namespace {

// Spaces (also U+3000) left out: 临江县 人民检察院 is 临江县人民检察院.
std::string compact_name(std::string_view name) {
  std::string out;
  std::string_view t = trim(name);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ' ' || t[i] == '\t') continue;
    if (t.substr(i, 3) == "\xE3\x80\x80") {
      i += 2;
      continue;
    }
    out += t[i];
  }
  return out;
}

// A name's characters without the ending every office shares.
std::vector<std::string> distinctive(std::string_view name) {
  std::string s = compact_name(name);
  for (std::string_view ending : {"人民检察院", "检察院", "院"})
    if (s.size() > ending.size() && s.ends_with(ending)) {
      s.erase(s.size() - ending.size());
      break;
    }
  std::vector<std::string> chars;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) chars.emplace_back();
    if (!chars.empty()) chars.back() += s[i];
  }
  return chars;
}

// The longest run of characters the two have in common.
size_t common_run(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t best = 0;
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < b.size(); ++j) {
      size_t n = 0;
      while (i + n < a.size() && j + n < b.size() && a[i + n] == b[j + n]) ++n;
      best = std::max(best, n);
    }
  return best;
}

}  // namespace

std::vector<std::string> split_name_list(std::string_view list) {
  std::vector<std::string> names;
  const std::string_view comma_cn = "、", wide_comma = "，";
  std::string name;
  auto flush = [&] {
    std::string trimmed(trim(name));
    if (!trimmed.empty()) names.push_back(trimmed);
    name.clear();
  };
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] == ',') {
      flush();
    } else if (list.substr(i, comma_cn.size()) == comma_cn || list.substr(i, wide_comma.size()) == wide_comma) {
      flush();
      i += comma_cn.size() - 1;  // both are three bytes
    } else {
      name += list[i];
    }
  }
  flush();
  return names;
}

Offices Offices::load(const std::filesystem::path& site_toml) {
  Offices offices;
  offices.source_ = site_toml;
  std::error_code ec;
  if (site_toml.empty() || !std::filesystem::exists(site_toml, ec)) return offices;
  toml::table root = parse_toml_file(site_toml, N_("the site settings"));
  if (auto order = root["office_order"].value<std::string>()) offices.names_ = split_name_list(*order);
  for (const auto& name : offices.names_) offices.lookup_.emplace(compact_name(name), name);
  const toml::node* aliases = root.get("office_aliases");
  if (!aliases) return offices;
  const std::string file = site_toml.string();
  if (!aliases->is_table())
    data_error("{}: line {}: office_aliases must be a table: [office_aliases] and under it one line per office, "
               "e.g. \"临江县人民检察院\" = [\"临江县院\", \"临江院\"]",
               file, aliases->source().begin.line);
  for (const auto& [key, node] : *aliases->as_table()) {
    std::string office(key.str());
    int64_t line = node.source().begin.line;
    if (auto known = offices.lookup_.find(compact_name(office)); known == offices.lookup_.end() || known->second != office)
      data_error("{}: line {}: office_aliases: \"{}\" is not in office_order: add the office there first", file, line,
                 office);
    const toml::array* list = node.as_array();
    if (!list) data_error("{}: line {}: office_aliases: \"{}\" = [\"...\", ...] is a list of its other names", file,
                          line, office);
    for (const auto& item : *list) {
      auto alias = item.value<std::string>();
      if (!alias || !item.is_string() || compact_name(*alias).empty())
        data_error("{}: line {}: office_aliases: the names of \"{}\" must be text in quotes", file, line, office);
      auto [it, fresh] = offices.lookup_.emplace(compact_name(*alias), office);
      if (!fresh && it->second != office)
        data_error("{}: line {}: office_aliases: \"{}\" already means {}: one name cannot mean two offices", file, line,
                   *alias, it->second);
    }
  }
  return offices;
}

Offices Offices::load_default() { return load(default_template("site.toml")); }

std::optional<std::string> Offices::canonical(std::string_view name) const {
  auto it = lookup_.find(compact_name(name));
  if (it == lookup_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Offices::closest(std::string_view unknown) const {
  std::vector<std::string> word = distinctive(unknown);
  const std::string* found = nullptr;
  size_t best = 1;  // two characters in common (临江) is a guess worth offering; one (江) is not
  for (const auto& name : names_)
    if (size_t n = common_run(word, distinctive(name)); n > best) {
      best = n;
      found = &name;
    }
  if (!found) return std::nullopt;
  return *found;
}

std::string Offices::fix_for(std::string_view unknown) const {
  std::string word(trim(unknown));
  std::string file = source_.empty() ? "site.toml" : source_.string();
  if (std::optional<std::string> guess = closest(word))
    return translate("if it means {0}, add under [office_aliases] in {1} the line \"{0}\" = [\"{2}\"] (or add "
                       "\"{2}\" to that line's list); if it is another office, add its full name to office_order",
                       *guess, file, word);
  return translate("if it is another name of an office, add under [office_aliases] in {0} a line such as "
                     "\"{1}\" = [\"{2}\"]; if it is an office of its own, add its full name to office_order",
                     file, names_.empty() ? std::string("…人民检察院") : names_.front(), word);
}

void UnknownOffices::add(const std::string& name) {
  for (auto& [known, count] : counts)
    if (known == name) {
      ++count;
      return;
    }
  counts.emplace_back(name, 1);
}

std::vector<std::string> unknown_office_warnings(const std::string& place, const UnknownOffices& unknown,
                                                 const Offices& offices) {
  std::vector<std::string> lines;
  for (const auto& [name, count] : unknown.counts)
    lines.push_back(translate("{}: 承办单位 \"{}\" ({} {}) is not an office of {}: its rows would be a table row "
                                "of their own; {}",
                                place, name, count, count == 1 ? pgettext_("count", "row") : pgettext_("count", "rows"),
                                offices.source().filename().string(), offices.fix_for(name)));
  return lines;
}

}  // namespace casestat
