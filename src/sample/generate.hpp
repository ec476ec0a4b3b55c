// casestat-sample: the synthetic ledgers of sample-data/ for a fictional city, 江州市, with a
// dozen offices and two full years (2024 and 2025), so that year-on-year figures work; and
// large files for the benchmarks.
//
// The committed sample-data/ is
//   casestat-sample --seed 2025 --rows 1200 --out sample-data
// and then, once, the judicial-aid ledger as legacy .xls (libxlsxwriter cannot write .xls;
// ssconvert is in Debian's gnumeric package):
//   cd sample-data && ssconvert 司法救助台账.xlsx 司法救助台账.xls && rm 司法救助台账.xlsx
// The unit test sample_set_test.cpp checks that the other four files are still what the
// generator writes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

namespace casestat::sample {

struct SampleOptions {
  uint64_t seed = 2025;
  int64_t rows = 1200;  // rows of the case list; the other ledgers scale with it (ledgers.hpp)
  std::filesystem::path out = "sample-data";
  bool bench = false;  // instead: bench-cases.xlsx and bench-cases.csv (GBK) of `rows` rows, 12 columns
  // instead: national-cases-SEED.csv (GBK), the bench-cases rows of this seed, with case
  // numbers that no other seed's file shares: several such files make a national-scale store
  bool national = false;
  std::function<void(std::string_view)> progress;  // "案件信息.xlsx: 120000 rows"; may be empty
};

// Case lists above this many rows are written by the streaming writer (streaming_xlsx.hpp):
// constant memory, shared strings. Below it, libxlsxwriter (formats, a coloured header).
constexpr int64_t kStreamingRows = 100'000;
// The most rows an xlsx sheet can have, less the header.
constexpr int64_t kMaxRows = 1'048'575;

// Writes the files and returns them, in order. Each file is written whole or not at all.
std::vector<std::filesystem::path> sample_command(const SampleOptions& options);

}  // namespace casestat::sample
