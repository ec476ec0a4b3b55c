#include "render/text_render.hpp"

#include "render/office_order.hpp"

#include "core/error.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "render/office_template.hpp"
#include "render/text_model.hpp"
#include "render/site_settings.hpp"
#include "render/text_template.hpp"

namespace casestat::render {

nlohmann::json parse_indicators_json(const std::string& text, const std::string& display) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 5: ...".
    std::string what = e.what();
    size_t at = what.find("parse error");
    data_error("{}: not indicators JSON: {}", display, at == std::string::npos ? what : what.substr(at));
  }
}

void render_command(const RenderOptions& options) {
  auto site = load_site_settings(default_template("site.toml"), options.sets);
  Input input(options.data);
  nlohmann::json doc = parse_indicators_json(input.read_all(), input.display_name());
  order_groups(doc, site);
  TextModel model = build_text_model(doc, site, input.display_name());
  if (options.show_model) {
    Stdout::get().write(model.data.dump(2) + "\n");
    return;
  }
  bool to_stdout = options.output.empty() || options.output == "-";
  TemplateKind kind = template_kind(options.template_file, options.template_file);
  if (kind != TemplateKind::text) {
    if (to_stdout)
      usage_error("--template {}: a {} template makes a file: name it with -o FILE", options.template_file,
                  kind == TemplateKind::docx ? "Word" : "Excel");
    render_template_file(options.template_file, options.template_file, model, options.output);
    return;
  }
  TextTemplate tmpl(options.template_file);
  std::string text = tmpl.render(model);
  if (to_stdout)
    Stdout::get().write(text);
  else
    write_file_atomically(options.output, text);
}

}  // namespace casestat::render
