// casestat-check: reads and checks ledgers as casestat-import would, without a store.
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "indicators/period.hpp"
#include "ingest/check.hpp"

int main(int argc, char** argv) {
  casestat::CheckOptions options;
  CLI::App app{casestat::N_("Checks ledgers as casestat-import reads them, without writing anything: the header found, "
               "the fields matched, and every problem."),
               "casestat-check"};
  std::string ledger;
  casestat::add_reading_options(app, options, "check", &ledger);
  casestat::add_limit_options(app, options);
  casestat::cli::add_quiet_option(app, options.quiet);
  app.add_option("--problems", options.problems,
                 "Write every problem of every ledger, with what to do, to FILE.xlsx (one sheet per ledger) or "
                 "FILE.csv, to send back to the departments (问题清单)")
      ->type_name("FILE");
  app.add_option("--today", options.today, "The date after which a date is in the future (default: today)")
      ->type_name("YYYY-MM-DD");
  app.add_option("files", options.files, "Ledgers to check; - or none: standard input")->type_name("FILE...");
  casestat::cli::add_output_option(app);
  casestat::cli::set_examples(app,
                              "  casestat-check 台账.xlsx\n"
                              "  casestat-check --sheet 公益诉讼 --header-row 3 台账.xlsx\n"
                              "  casestat-check --problems 问题清单.xlsx 台账/*.xlsx\n");
  return casestat::cli::run(app, argc, argv, [&] {
    if (!ledger.empty()) options.ledger = casestat::parse_ledger(ledger);
    if (options.today.empty()) options.today = casestat::today_iso();
    return casestat::check_command(options);
  });
}
