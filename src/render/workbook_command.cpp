#include "render/workbook_command.hpp"

#include "core/input.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "render/office_order.hpp"
#include "render/site_settings.hpp"
#include "render/text_model.hpp"
#include "render/text_render.hpp"
#include "render/workbook.hpp"

namespace casestat::render {

void workbook_command(const WorkbookOptions& options) {
  std::string layout = options.layout;
  if (layout.empty()) layout = site_file_or(templates_dir() / "half-year", "workbook.toml").string();
  note_used_file(layout);
  Input input(options.data);
  nlohmann::json json = parse_indicators_json(input.read_all(), input.display_name());
  auto site = load_site_settings(default_template("site.toml"), options.sets);
  // The same checks as casestat-render, so a document that is not indicators JSON is named as such.
  build_text_model(json, site, input.display_name());
  order_groups(json, site);
  AtomicFile out(options.output);
  write_workbook(json, layout, out.temp_path(), site);
  out.commit();
}

}  // namespace casestat::render
