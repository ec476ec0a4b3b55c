// casestat-indicators: the indicators of a period, from the store, as JSON or a table.
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "indicators/compute.hpp"
#include "indicators/output.hpp"
#include "render/office_order.hpp"
#include "render/site_settings.hpp"
#include "render/text_template.hpp"

int main(int argc, char** argv) {
  casestat::IndicatorRequest request;
  std::string format = "auto";
  std::string only;
  bool ids = false;
  CLI::App app{casestat::N_("Computes the indicators of a period from the store, with the change against a base period."),
               "casestat-indicators"};
  casestat::cli::add_db_option(app, request.db);
  app.add_option("-p,--period", request.period,
                 "The period: 2025H1, 2025Q3, 2025-03, 2025M1-9, 2025, 2025-01-01..2025-02-15, 2025年上半年, "
                 "auto (the latest complete half-year), auto-quarter, auto-month")
      ->required()
      ->type_name("P");
  app.add_option("--compare", request.compare, "yoy (同比, the same period a year earlier), prev (环比), none")
      ->type_name("yoy|prev|none")
      ->capture_default_str();
  app.add_option("--by", request.by, "One row per unit (承办单位), department, category, domain, month or another field")
      ->type_name("FIELD");
  app.add_option("--catalog", request.catalog, "The indicator catalog (default: the site folder's indicators.toml, else templates/indicators.toml)")
      ->type_name("FILE");
  app.add_option("--fields", request.fields, "The field dictionary (default: the site folder's fields.toml, else templates/fields.toml)")->type_name("FILE");
  app.add_option("--only", only, "Only these indicators, e.g. pil.filed,rec.adoption_rate")->type_name("ID,...");
  app.add_option("--section", request.section, "Only the indicators of this section, e.g. 公益诉讼检察")->type_name("NAME");
  app.add_option("--where", request.where, "Only records where FIELD is VALUE, e.g. unit=江州市人民检察院")
      ->type_name("FIELD=VALUE");
  app.add_option("--today", request.today, "The date that auto periods count back from (default: today)")
      ->type_name("YYYY-MM-DD");
  app.add_flag("--allow-empty", request.allow_empty,
               "Write the zeros of a period in which no ledger has a record (else an error naming the latest date)");
  app.add_option("-f,--format", format, "json, table, csv, tsv or md; auto: table on a terminal, json in a pipe")
      ->capture_default_str();
  casestat::cli::add_output_option(app);
  app.add_flag("--ids", ids, "CSV headings are the indicator ids (default: their names and units in Chinese)");
  casestat::cli::set_examples(app,
                              "  casestat-indicators --period 2025H1\n"
                              "  casestat-indicators --period 2025H1 | casestat-render --template bulletin.md.mustache\n"
                              "  casestat-indicators --period 2025年1-9月 --by unit --format tsv | sort -t$'\\t' -k3 -nr\n"
                              "  casestat-indicators --period auto-quarter --compare prev --section 信访工作\n"
                              "  casestat-indicators --period 2025H1 --by unit --format csv > 各院.csv\n");
  return casestat::cli::run(app, argc, argv, [&] {
    for (size_t start = 0; !only.empty() && start <= only.size();) {
      size_t comma = only.find(',', start);
      std::string id = only.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!id.empty()) request.only.push_back(id);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    casestat::Format f = casestat::parse_format(format, casestat::Stdout::get().is_terminal());
    nlohmann::json data = casestat::compute_indicators(request);
    // Offices in the order the site lists them (templates/site.toml office_order), as in the bulletin.
    if (request.by == "unit")
      casestat::render::order_groups(data, casestat::render::load_site_settings(casestat::default_template("site.toml"), {}));
    casestat::Stdout::get().write(casestat::format_indicators(data, f, ids));
    return 0;
  });
}
