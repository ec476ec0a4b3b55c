// casestat-import: reads ledgers (xlsx, xls, CSV) into the store.
#include <map>

#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "ingest/import.hpp"

int main(int argc, char** argv) {
  casestat::ImportOptions options;
  CLI::App app{casestat::N_("Imports ledgers (xlsx, xls, CSV) into the store, all or nothing per file."), "casestat-import"};
  casestat::cli::add_db_option(app, options.db);
  std::string ledger;
  casestat::add_reading_options(app, options, "import", &ledger);
  std::map<std::string, casestat::OnError> on_error{{"abort", casestat::OnError::abort},
                                                    {"skip", casestat::OnError::skip}};
  app.add_option("--on-error", options.on_error,
                 "abort: a file with a bad row is not imported at all; skip: import its good rows and "
                 "list the bad ones in --rejects")
      ->transform(CLI::CheckedTransformer(on_error).description(""))
      ->type_name("abort|skip")
      ->default_str("abort");
  app.add_option("--rejects", options.rejects, "With --on-error skip: write the rows left out and why (CSV)")
      ->type_name("FILE");
  app.add_flag("-n,--dry-run", options.dry_run, "Read and check everything, but write nothing to the store");
  app.add_flag("--forget", options.forget,
               "Remove the rows of the named files from the store (by file name; the files need not exist)");
  app.add_option("--office", options.office,
                 "In a store shared by several offices (PostgreSQL): the office these imports are for; default "
                 "the site settings' office, else the office of the connected role")
      ->type_name("NAME");
  app.add_flag("--init", options.init,
               "Create the store (or bring it up to date) and import nothing: the first step of a shared store");
  app.add_option("--from-store", options.from_store,
                 "Copy every import of an office's store file into the shared store (--db postgresql://...), "
                 "with its file names, hashes and import times")
      ->type_name("FILE");
  casestat::add_limit_options(app, options);
  casestat::cli::add_quiet_option(app, options.quiet);
  app.add_option("files", options.files, "Ledgers to import; - or none: standard input")->type_name("FILE...");
  casestat::cli::set_examples(app,
                              "  casestat-import --db jz.db sample-data/*.xlsx sample-data/*.csv sample-data/*.xls\n"
                              "  casestat-import --ledger petitions 来访登记.csv\n"
                              "  casestat-import --on-error skip --rejects bad-rows.csv 台账.xlsx\n"
                              "  casestat-import --dry-run 台账.xlsx\n"
                              "  casestat-import --forget 信访台账.csv\n"
                              "  casestat-import --db 'postgresql://linjiang@db.example/province' 案件信息.xlsx\n"
                              "  casestat-import --db 'host=/run/postgresql dbname=province' --office 临江县院 "
                              "--from-store lj.db\n"
                              "A file read from standard input is recognized by its content only (it has no name).\n");
  return casestat::cli::run(app, argc, argv, [&] {
    if (!ledger.empty()) options.ledger = casestat::parse_ledger(ledger);
    return casestat::import_command(options);
  });
}
