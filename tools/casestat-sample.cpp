// casestat-sample: writes the synthetic ledgers of sample-data/ (or large benchmark files).
#include "core/cli.hpp"
#include "core/output.hpp"
#include "sample/generate.hpp"

int main(int argc, char** argv) {
  casestat::sample::SampleOptions options;
  std::string out = options.out.string();
  CLI::App app{"Writes synthetic ledgers of a fictional city (江州市, 12 offices, 2024-2025): a case list, a public-"
               "interest litigation ledger, a recommendations ledger (xlsx), a petitions ledger (GBK CSV) and a "
               "judicial-aid ledger (xlsx; sample-data/ holds it as .xls, made once with `ssconvert "
               "司法救助台账.xlsx 司法救助台账.xls`). The same seed gives the same files.",
               "casestat-sample"};
  app.add_option("--seed", options.seed, "The seed")->capture_default_str();
  app.add_option("--rows", options.rows, "Rows of the case list (the other ledgers scale with it)")->capture_default_str();
  app.add_option("-o,--out", out, "The folder to write into")->capture_default_str()->type_name("DIR");
  app.add_flag("--bench", options.bench,
               "Write bench-cases.xlsx and bench-cases.csv (GBK) instead: --rows rows of 12 columns, for benchmarks");
  casestat::cli::set_examples(app,
                              "  casestat-sample --out sample-data\n"
                              "  casestat-sample --bench --rows 1000000 --out /tmp/bench\n");
  return casestat::cli::run(app, argc, argv, [&] {
    options.out = out;
    for (const auto& path : casestat::sample::generate_samples(options))
      casestat::Stdout::get().write(path.string() + "\n");
  });
}
