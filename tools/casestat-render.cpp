// casestat-render: renders indicators JSON through a template: Mustache text, or a Word or Excel file to fill.
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "render/text_render.hpp"

int main(int argc, char** argv) {
  casestat::render::RenderOptions options;
  CLI::App app{casestat::N_("Renders indicators JSON (casestat-indicators --format json) through a Mustache template."),
               "casestat-render"};
  app.add_option("-t,--template", options.template_file,
                 "The template: a Word .docx or Excel .xlsx to fill (needs -o), or Mustache text (NAME.md.mustache escapes values for Markdown, NAME.html.mustache for HTML)")
      ->required()
      ->type_name("FILE");
  app.add_option("-d,--data", options.data, "The indicators JSON; - is standard input")
      ->capture_default_str()
      ->type_name("FILE|-");
  app.add_option("-o,--output", options.output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  app.add_option("--set", options.sets, "A template value, e.g. org=江州市人民检察院 (over templates/site.toml)")
      ->type_name("KEY=VALUE")
      ->take_all();
  app.add_flag("--show-model", options.show_model, "Print the data model the template sees, as JSON, and stop");
  casestat::cli::set_examples(app,
                              "  casestat-indicators --period 2025H1 --by unit | casestat-render -t templates/half-year/bulletin.md.mustache\n"
                              "  casestat-render -t bulletin.md.mustache -d 2025H1.json --set org=江州市人民检察院 -o 通报.md\n");
  return casestat::cli::run(app, argc, argv, [&] {
    casestat::render::render_command(options);
    return 0;
  });
}
