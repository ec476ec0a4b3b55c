// casestat-check: reads and checks ledgers as casestat-import would, without a store.
#include "core/cli.hpp"
#include "ingest/check.hpp"

int main(int argc, char** argv) {
  casestat::CheckOptions options;
  CLI::App app{"Checks ledgers as casestat-import reads them, without writing anything: the header found, "
               "the fields matched, and every problem.",
               "casestat-check"};
  std::string ledger;
  app.add_option("--ledger", ledger, "The ledger of every sheet: cases, recommendations or petitions")
      ->check(CLI::IsMember({"cases", "recommendations", "petitions"}))
      ->type_name("LEDGER");
  app.add_option("--sheet", options.sheet, "The sheet to check, by name or number (1 = first), or all")
      ->capture_default_str()
      ->type_name("NAME|N|all");
  app.add_option("--header-row", options.header_row, "The header's row number, or auto")
      ->capture_default_str()
      ->type_name("N|auto");
  app.add_option("--encoding", options.encoding, "The encoding of a CSV file")
      ->check(CLI::IsMember({"auto", "utf-8", "gbk", "gb18030"}))
      ->capture_default_str();
  app.add_option("--fields", options.fields, "A field dictionary of your own (default: templates/fields.toml)")
      ->type_name("FILE");
  casestat::add_limit_options(app, options);
  casestat::cli::add_quiet_option(app, options.quiet);
  app.add_option("files", options.files, "Ledgers to check; - or none: standard input")->type_name("FILE...");
  casestat::cli::set_examples(app,
                              "  casestat-check 台账.xlsx\n"
                              "  casestat-check --sheet 公益诉讼 --header-row 3 台账.xlsx\n");
  int code = 0;
  int failed = casestat::cli::run(app, argc, argv, [&] {
    if (!ledger.empty()) options.ledger = casestat::parse_ledger(ledger);
    code = casestat::check_files(options);
  });
  return failed != 0 ? failed : code;
}
