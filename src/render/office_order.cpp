#include "render/office_order.hpp"

#include <algorithm>
#include <map>

#include "fields/offices.hpp"

namespace casestat::render {

void order_groups(nlohmann::json& data, const SiteSettings& site) {
  auto setting = site.find("office_order");
  if (setting == site.end() || !data.contains("groups") || !data["groups"].is_array()) return;
  std::map<std::string, size_t> rank;
  for (const auto& name : split_name_list(setting->second)) rank.emplace(name, rank.size());
  auto& groups = data["groups"];
  std::stable_sort(groups.begin(), groups.end(), [&](const nlohmann::json& a, const nlohmann::json& b) {
    auto ra = rank.find(a.value("name", "")), rb = rank.find(b.value("name", ""));
    size_t ia = ra == rank.end() ? rank.size() : ra->second, ib = rb == rank.end() ? rank.size() : rb->second;
    if (ia != ib) return ia < ib;
    return ia == rank.size() && a.value("name", "") < b.value("name", "");
  });
}

}  // namespace casestat::render
