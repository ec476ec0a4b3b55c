#include "render/office_order.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace casestat::render {

void order_groups(nlohmann::json& data, const SiteSettings& site) {
  auto setting = site.find("office_order");
  if (setting == site.end() || !data.contains("groups") || !data["groups"].is_array()) return;
  std::map<std::string, size_t> rank;
  // split on 、 and on commas
  const std::string& list = setting->second;
  const std::string_view comma_cn = "、";
  std::string name;
  auto flush = [&] {
    std::string trimmed(trim(name));
    if (!trimmed.empty()) rank.emplace(trimmed, rank.size());
    name.clear();
  };
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] == ',') {
      flush();
    } else if (std::string_view(list).substr(i, comma_cn.size()) == comma_cn) {
      flush();
      i += comma_cn.size() - 1;
    } else {
      name += list[i];
    }
  }
  flush();
  auto& groups = data["groups"];
  std::stable_sort(groups.begin(), groups.end(), [&](const nlohmann::json& a, const nlohmann::json& b) {
    auto ra = rank.find(a.value("name", "")), rb = rank.find(b.value("name", ""));
    size_t ia = ra == rank.end() ? rank.size() : ra->second, ib = rb == rank.end() ? rank.size() : rb->second;
    if (ia != ib) return ia < ib;
    return ia == rank.size() && a.value("name", "") < b.value("name", "");
  });
}

}  // namespace casestat::render
