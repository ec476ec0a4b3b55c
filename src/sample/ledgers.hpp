// The ledgers of 江州市's sample set, and the case list of the benchmarks.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "sample/ledger.hpp"

namespace casestat::sample {

// Each ledger draws from its own random stream, seeded from `seed`, so that one ledger's size
// does not change the others. Rows: `case_rows` cases, a third as many public-interest cases,
// a quarter as many recommendations, two thirds as many petitions, a fifth as many aid cases.
// In order: 案件信息.xlsx, 公益诉讼台账.xlsx, 检察建议台账.xlsx, 信访台账.csv, 司法救助台账.xlsx.
std::vector<std::unique_ptr<Ledger>> sample_ledgers(uint64_t seed, int64_t case_rows);

// bench-cases: `rows` cases in 12 columns (text, dates, numbers), for the import benchmark.
// `numbers`: put before each case's serial number ("7-" in 江州东湖检[2025]7-15号), so that
// files of several seeds share no case number; empty for bench-cases.
std::unique_ptr<Ledger> bench_ledger(uint64_t seed, int64_t rows, std::string numbers = {});

// The ledgers one by one, from a seed of their own.
std::unique_ptr<Ledger> case_list(uint64_t seed, int64_t rows);
std::unique_ptr<Ledger> pil_ledger(uint64_t seed, int64_t rows);
std::unique_ptr<Ledger> recommendation_ledger(uint64_t seed, int64_t rows);
std::unique_ptr<Ledger> petition_ledger(uint64_t seed, int64_t rows);
std::unique_ptr<Ledger> aid_ledger(uint64_t seed, int64_t rows);
std::unique_ptr<Ledger> bench_case_list(uint64_t seed, int64_t rows, std::string numbers);

}  // namespace casestat::sample
