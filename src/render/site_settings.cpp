// Site settings for templates: templates/site.toml, then --set.
#include "render/site_settings.hpp"

#include <toml++/toml.h>

#include <cctype>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "render/text_model.hpp"

namespace casestat::render {

namespace {

bool valid_key(const std::string& key) {
  if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

bool is_reserved(const std::string& key) {
  for (const auto& name : reserved_names())
    if (name == key) return true;
  return false;
}

}  // namespace

std::map<std::string, std::string> load_site_settings(const std::filesystem::path& file,
                                                      const std::vector<std::string>& assignments) {
  std::map<std::string, std::string> site;
  std::error_code ec;
  if (!file.empty() && std::filesystem::exists(file, ec)) {
    note_used_file(file);
    toml::table table;
    try {
      table = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
      data_error("{}: line {}: {}", file.string(), e.source().begin.line, e.description());
    }
    for (const auto& [key, node] : table) {
      std::string name(key.str());
      int line = static_cast<int>(node.source().begin.line);
      if (name == "office_aliases" && node.is_table()) continue;  // for the import (fields/offices.hpp), not the templates
      if (!valid_key(name))
        data_error("{}: line {}: site setting \"{}\": a name is letters, digits and _", file.string(), line, name);
      if (is_reserved(name))
        data_error("{}: line {}: site setting \"{}\" has the name of something in the indicators data: pick another",
                   file.string(), line, name);
      if (auto text = node.value<std::string>(); text && node.is_string()) {
        site[name] = *text;
      } else if (node.is_integer() || node.is_floating_point() || node.is_boolean()) {
        site[name] = *node.value<std::string>();
      } else {
        data_error("{}: line {}: site setting \"{}\" must be a text (in quotes)", file.string(), line, name);
      }
    }
  }
  for (const auto& assignment : assignments) {
    size_t eq = assignment.find('=');
    if (eq == std::string::npos) usage_error("--set {}: write it as KEY=VALUE, e.g. --set org=江州市人民检察院", assignment);
    std::string key = assignment.substr(0, eq);
    if (!valid_key(key)) usage_error("--set {}: KEY is letters, digits and _", assignment);
    if (is_reserved(key))
      usage_error("--set {}: \"{}\" is the name of something in the indicators data: pick another", assignment, key);
    std::string value = assignment.substr(eq + 1);
    // The value goes into documents as text: bytes that are not UTF-8 cannot be shown.
    if (!is_valid_utf8(value))
      usage_error("--set {}=...: the value is not UTF-8 text (check the terminal's encoding)", key);
    site[key] = std::move(value);
  }
  return site;
}

}  // namespace casestat::render
