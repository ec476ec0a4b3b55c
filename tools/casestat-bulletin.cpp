// casestat-bulletin: indicators, Markdown bulletin, workbook and charts for a period, in one go.
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "render/bulletin.hpp"

int main(int argc, char** argv) {
  casestat::render::BulletinOptions options;
  CLI::App app{casestat::N_("Writes the bulletin of a period: every template of the template folder (Word, Markdown), the Excel workbook and SVG charts, as one set."),
               "casestat-bulletin"};
  casestat::cli::add_db_option(app, options.db);
  app.add_option("-p,--period", options.period, "The period: 2025H1, 2025Q3, 2025年上半年, 2025M1-9, ...")
      ->type_name("P");
  app.add_option("--compare", options.compare, "Compare with the same period a year earlier (yoy, 同比) or the "
                                               "preceding period (prev, 环比)")
      ->type_name("yoy|prev")
      ->capture_default_str();
  app.add_option("--template-dir", options.templates,
                 "The template folder (bulletin.docx, bulletin.md.mustache, any .mustache, .docx or .xlsx, the workbook layout); default TEMPLATES/half-year")
      ->type_name("DIR");
  app.add_option("--catalog", options.catalog,
                 "The indicator catalog (default: the site folder's indicators.toml, else templates/indicators.toml)")
      ->type_name("FILE");
  app.add_option("--fields", options.fields,
                 "The field dictionary (default: the site folder's fields.toml, else templates/fields.toml)")
      ->type_name("FILE");
  app.add_option("--out", options.out, "The folder to write into (created if needed)")
      ->capture_default_str()
      ->type_name("DIR");
  app.add_option("--set", options.sets, "A template value, e.g. org=江州市人民检察院 (over templates/site.toml)")
      ->type_name("KEY=VALUE")
      ->take_all();
  app.add_option("--data", options.data,
                 "Use this indicators JSON (with --by unit groups) instead of computing from the store")
      ->type_name("FILE|-");
  app.add_flag("--allow-empty", options.allow_empty,
               "Write the zeros of a period in which no ledger has a record (else an error naming the latest date)");
  casestat::cli::add_quiet_option(app, options.quiet);
  casestat::cli::set_examples(app,
                              "  casestat-bulletin --period 2025H1 --out out\n"
                              "  casestat-bulletin --period 2025Q3 --compare prev --template-dir templates/quarterly\n"
                              "  casestat-bulletin --period 2025H1 --set org=江州市东湖区人民检察院\n");
  return casestat::cli::run(app, argc, argv, [&] {
    casestat::render::bulletin_command(options);
    return 0;
  });
}
