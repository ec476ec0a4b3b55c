// casestat-convert: a ledger (xlsx, xls, CSV in UTF-8 or GBK) as clean UTF-8 CSV, TSV or JSON lines.
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "ingest/convert.hpp"

int main(int argc, char** argv) {
  casestat::ConvertOptions options;
  options.sheet = "1";
  std::string to = "csv";
  CLI::App app{casestat::N_("Writes a ledger as UTF-8 CSV, TSV or JSON lines on standard output: the header row with the "
               "sheet's own names (title rows above it and 合计 rows left out), dates as 2021-03-05, numbers as "
               "plain decimals. The same reading code as casestat-import."),
               "casestat-convert"};
  app.add_option("files", options.files, "Ledgers; none or - is standard input")->type_name("FILE...");
  casestat::add_reading_options(app, options, "convert");
  app.add_option("--to", to, "csv, tsv or jsonl")->check(CLI::IsMember({"csv", "tsv", "jsonl"}).description(""))
      ->type_name("csv|tsv|jsonl")
      ->capture_default_str();
  app.add_flag("--neutralize-formulas", options.neutralize_formulas,
               "Put ' before a cell that starts with = + - or @, so that a spreadsheet opening the CSV does not run "
               "it as a formula (CSV injection)");
  casestat::add_limit_options(app, options);
  casestat::cli::add_quiet_option(app, options.quiet);
  casestat::cli::add_output_option(app);
  casestat::cli::set_examples(app,
                              "  casestat-convert 公益诉讼台账.xlsx > 公益诉讼台账.csv\n"
                              "  casestat-convert --sheet all --to jsonl 台账.xlsx\n"
                              "  casestat-convert 司法救助台账.xls | casestat-import --db x.db --ledger cases -\n");
  return casestat::cli::run(app, argc, argv, [&] {
    options.to = to == "tsv" ? casestat::ConvertFormat::tsv
                 : to == "jsonl" ? casestat::ConvertFormat::jsonl
                                 : casestat::ConvertFormat::csv;
    casestat::convert_command(options);
    return 0;
  });
}
