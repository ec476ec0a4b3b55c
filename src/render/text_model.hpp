// The data model Mustache templates see, built from the indicators JSON
// (src/indicators/compute.hpp; documented for users in the README, "Indicators JSON" and "Templates").
//
//   {{period.label}} {{base.label}} {{base.word}} {{generated_on}} {{by}}
//   {{pil.filed.display}} {{pil.filed.change_text}} {{hearings.display}}  every indicator by id
//   {{#sections}}{{name}} {{#indicators}}{{name}}{{display}}{{/indicators}}{{/sections}}
//   {{#indicators}}...{{/indicators}}                                      all, catalog order
//   {{#groups}}{{name}} {{pil.filed.display}} {{pil.filed.rank}}{{/groups}}  --by output
//   {{#sources}}{{file}} {{imported_at}} {{rows}}{{/sources}}
//   {{#filters}}{{field}}={{value}}{{/filters}}
//   {{#charts}}![{{title}}]({{file}}){{/charts}}                         casestat-bulletin's SVGs
//   {{org}} {{area}} ...                                                   site settings
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace casestat::render {

// Site settings: templates/site.toml, then --set KEY=VALUE; top-level names of the model.
using SiteSettings = std::map<std::string, std::string>;

struct TextModel {
  // The values: JSON null becomes false (so {{#base}}...{{/base}} is skipped with
  // --compare none), numbers are printed as in the JSON (3578, 0.62, 3038340.5).
  nlohmann::json data;
  // Every name a template may use, whatever the data holds (an empty list of groups, a null
  // base): objects are objects, lists hold one element giving the shape of their items,
  // values are null. Templates are checked against it before rendering.
  nlohmann::json shape;
};

// Builds the model from an indicators JSON document. `source` names the document in messages
// ("indicators.json", "Standard Input"). Throws a data error when the document is not
// indicators JSON, an id collides with another name, or a group lacks an indicator.
TextModel build_text_model(const nlohmann::json& indicators, const SiteSettings& site, const std::string& source);

// The charts casestat-bulletin wrote, for {{#charts}}: file names relative to the Markdown,
// and their titles.
struct ChartRef {
  std::string file;
  std::string title;
};
void set_charts(TextModel& model, const std::vector<ChartRef>& charts);

// The model as kainjow data.
kainjow::mustache::data to_mustache(const nlohmann::json& value);

// The names of the model that are not indicator ids (period, base, sections, ...).
const std::vector<std::string>& reserved_names();

}  // namespace casestat::render
