// casestat-xlsx: indicators JSON into an Excel workbook, laid out by a layout file.
#include "core/cli.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "render/office_order.hpp"
#include "render/text_model.hpp"
#include "render/text_render.hpp"
#include "render/site_settings.hpp"
#include "render/text_template.hpp"
#include "render/workbook.hpp"

int main(int argc, char** argv) {
  std::string layout;
  std::string data = "-";
  std::string output;
  std::vector<std::string> sets;
  CLI::App app{"Writes indicators JSON (casestat-indicators, with --by unit for the per-office sheet) into an Excel "
               "workbook laid out by a layout file.",
               "casestat-xlsx"};
  app.add_option("-l,--layout", layout,
                 "The layout (sheets, titles, charts); default: the site folder's workbook.toml, else "
                 "templates/half-year/workbook.toml")
      ->type_name("FILE");
  app.add_option("-d,--data", data, "The indicators JSON; - is standard input")->capture_default_str()->type_name("FILE|-");
  app.add_option("-o,--output", output, "The workbook to write (written to a temporary name, then renamed)")
      ->required()
      ->type_name("FILE.xlsx");
  app.add_option("--set", sets, "A title value, e.g. org=江州市人民检察院 (over templates/site.toml)")
      ->type_name("KEY=VALUE")
      ->take_all();
  casestat::cli::set_examples(app,
                              "  casestat-indicators --period 2025H1 --by unit | casestat-xlsx -o 2025年上半年.xlsx\n"
                              "  casestat-xlsx --layout my-layout.toml --data 2025H1.json -o out.xlsx\n");
  return casestat::cli::run(app, argc, argv, [&] {
    if (layout.empty()) layout = casestat::site_file_or(casestat::templates_dir() / "half-year", "workbook.toml");
    casestat::note_used_file(layout);
    casestat::Input input(data);
    nlohmann::json json = casestat::render::parse_indicators_json(input.read_all(), input.display_name());
    auto site = casestat::render::load_site_settings(casestat::default_template("site.toml"), sets);
    // The same checks as casestat-render, so a document that is not indicators JSON is named as such.
    casestat::render::build_text_model(json, site, input.display_name());
    casestat::render::order_groups(json, site);
    casestat::AtomicFile out(output);
    casestat::render::write_workbook(json, layout, out.temp_path(), site);
    out.commit();
    return 0;
  });
}
