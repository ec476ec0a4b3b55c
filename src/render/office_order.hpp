// The order of the offices in a bulletin: a city's bulletin lists its own office first, then
// the district and county offices in the order the city always uses, not in code-point order.
#pragma once

#include <nlohmann/json.hpp>

#include "render/text_model.hpp"

namespace casestat::render {

// Reorders data["groups"] by the site setting office_order (names separated by 、 or ,): the
// offices it names first, in its order, then any others by name. Without the setting, or
// without groups, the data is left as it is.
void order_groups(nlohmann::json& data, const SiteSettings& site);

}  // namespace casestat::render
