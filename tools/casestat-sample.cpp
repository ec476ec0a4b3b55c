// casestat-sample: writes the synthetic ledgers of sample-data/ (or large benchmark files).
#include "core/cli.hpp"
#include "core/i18n.hpp"
#include "core/output.hpp"
#include "sample/generate.hpp"

int main(int argc, char** argv) {
  casestat::sample::SampleOptions options;
  std::string out = options.out.string();
  bool quiet = false;
  CLI::App app{casestat::N_("Writes synthetic ledgers of a fictional city (江州市, 12 offices, 2024-2025): a case list, a public-"
               "interest litigation ledger, a recommendations ledger (xlsx), a petitions ledger (GBK CSV) and a "
               "judicial-aid ledger (xlsx; sample-data/ holds it as .xls, made once with `ssconvert "
               "司法救助台账.xlsx 司法救助台账.xls`). The same seed gives the same bytes. Prints the files written."),
               "casestat-sample"};
  app.add_option("--seed", options.seed, "The seed")->capture_default_str();
  app.add_option("--rows", options.rows,
                 "Rows of the case list (at most 1048575); the others scale with it: a third as many public-interest "
                 "cases, a quarter recommendations, two thirds petitions, a fifth judicial aid")
      ->capture_default_str();
  app.add_option("--out", out, "The folder to write into")->capture_default_str()->type_name("DIR");
  app.add_flag("--bench", options.bench,
               "Write bench-cases.xlsx (shared strings, date cells) and bench-cases.csv (the same rows in GBK) "
               "instead: --rows rows of 12 columns, in constant memory");
  app.add_flag("--national", options.national,
               "Write national-cases-SEED.csv instead: the --bench rows in GBK CSV, with case numbers no other "
               "seed's file shares, so that files of several seeds make a national-scale store")
      ->excludes("--bench");
  casestat::cli::add_quiet_option(app, quiet);
  casestat::cli::set_examples(app,
                              "  casestat-sample --out sample-data\n"
                              "  casestat-sample --seed 7 --rows 300 --out /tmp/small\n"
                              "  casestat-sample --bench --rows 1000000 --out /tmp/bench\n"
                              "  casestat-sample --national --seed 2019 --rows 1000000 --out /tmp/bench\n");
  return casestat::cli::run(app, argc, argv, [&] {
    options.out = out;
    casestat::cli::Progress progress(quiet);
    options.progress = [&](std::string_view text) { progress.update(text); };
    const auto files = casestat::sample::sample_command(options);
    progress.clear();
    for (const auto& path : files) casestat::Stdout::get().write(path.string() + "\n");
    return 0;
  });
}
