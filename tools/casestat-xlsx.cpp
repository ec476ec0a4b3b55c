// casestat-xlsx: indicators JSON into an Excel workbook, laid out by a layout file.
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "render/workbook_command.hpp"

int main(int argc, char** argv) {
  casestat::render::WorkbookOptions options;
  CLI::App app{casestat::N_("Writes indicators JSON (casestat-indicators, with --by unit for the per-office sheet) into an Excel "
               "workbook laid out by a layout file."),
               "casestat-xlsx"};
  app.add_option("-l,--layout", options.layout,
                 "The layout (sheets, titles, charts); default: the site folder's workbook.toml, else "
                 "templates/half-year/workbook.toml")
      ->type_name("FILE");
  app.add_option("-d,--data", options.data, "The indicators JSON; - is standard input")->capture_default_str()->type_name("FILE|-");
  app.add_option("-o,--output", options.output, "The workbook to write (written to a temporary name, then renamed)")
      ->required()
      ->type_name("FILE.xlsx");
  app.add_option("--set", options.sets, "A title value, e.g. org=江州市人民检察院 (over templates/site.toml)")
      ->type_name("KEY=VALUE")
      ->take_all();
  casestat::cli::set_examples(app,
                              "  casestat-indicators --period 2025H1 --by unit | casestat-xlsx -o 2025年上半年.xlsx\n"
                              "  casestat-xlsx --layout my-layout.toml --data 2025H1.json -o out.xlsx\n");
  return casestat::cli::run(app, argc, argv, [&] {
    casestat::render::workbook_command(options);
    return 0;
  });
}
