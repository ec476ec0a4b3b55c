// casestat-sample: the synthetic ledgers of sample-data/ for a fictional city, 江州市, with a
// dozen offices and two full years (2024 and 2025), so that year-on-year figures work; and
// large files for the benchmarks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace casestat::sample {

struct SampleOptions {
  uint64_t seed = 2025;
  int64_t rows = 1200;  // rows of the case list; the other ledgers scale with it
  std::filesystem::path out = "sample-data";
  bool bench = false;   // instead: bench-cases.xlsx and bench-cases.csv (GBK) of `rows` rows, 12 columns
};

// Returns the files written, in order. The judicial-aid ledger is written as
// 司法救助台账.xlsx: the committed sample has it as legacy .xls, converted once with
//   ssconvert 司法救助台账.xlsx 司法救助台账.xls      (gnumeric; libxlsxwriter cannot write .xls)
std::vector<std::filesystem::path> generate_samples(const SampleOptions& options);

}  // namespace casestat::sample
