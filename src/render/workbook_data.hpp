// Reading the indicators JSON for the workbook and the charts without trusting its shape: the
// document may be hand-edited, and nlohmann's const operator[] on a missing key is undefined
// behaviour, so every lookup goes through these.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace casestat::render::wb {

using nlohmann::json;

// obj[key], or null when obj is not an object or has no such key.
inline const json& field(const json& obj, const char* key) {
  static const json null;
  if (!obj.is_object()) return null;
  auto it = obj.find(key);
  return it == obj.end() ? null : *it;
}

// obj[key] as text, or `fallback` when it is missing or not a string.
inline std::string text(const json& obj, const char* key, const std::string& fallback = "") {
  const json& v = field(obj, key);
  return v.is_string() ? v.get<std::string>() : fallback;
}

// obj[key] when it is an array, else an empty one.
inline const json& list(const json& obj, const char* key) {
  static const json empty = json::array();
  const json& v = field(obj, key);
  return v.is_array() ? v : empty;
}

inline bool has_base(const json& data) { return field(data, "base").is_object(); }

// The indicators by id (the totals), pointing into `data`.
inline std::map<std::string, const json*> indicators_by_id(const json& data) {
  std::map<std::string, const json*> out;
  for (const auto& i : list(data, "indicators"))
    if (field(i, "id").is_string()) out.emplace(i["id"].get<std::string>(), &i);
  return out;
}

// The sections with their indicator ids: as the document lists them, else in the order the
// indicators name their section (as the text model does).
inline std::vector<std::pair<std::string, std::vector<std::string>>> sections_of(const json& data) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  if (field(data, "sections").is_array()) {
    for (const auto& s : data["sections"]) {
      std::vector<std::string> ids;
      for (const auto& id : list(s, "ids"))
        if (id.is_string()) ids.push_back(id.get<std::string>());
      out.emplace_back(text(s, "name"), std::move(ids));
    }
    return out;
  }
  for (const auto& i : list(data, "indicators")) {
    std::string name = text(i, "section"), id = text(i, "id");
    if (id.empty()) continue;
    auto it = out.begin();
    while (it != out.end() && it->first != name) ++it;
    if (it == out.end()) it = out.insert(out.end(), {name, {}});
    it->second.push_back(id);
  }
  return out;
}

// A group's entry for an indicator id, or null.
inline const json& group_indicator(const json& group, const std::string& id) {
  static const json null;
  for (const auto& x : list(group, "indicators"))
    if (text(x, "id") == id) return x;
  return null;
}

}  // namespace casestat::render::wb
