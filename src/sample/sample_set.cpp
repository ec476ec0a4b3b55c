// Which ledgers make the sample set, how many rows each, and their random streams.
#include <algorithm>

#include "sample/ledgers.hpp"
#include "sample/random.hpp"

namespace casestat::sample {

std::vector<std::unique_ptr<Ledger>> sample_ledgers(uint64_t seed, int64_t n) {
  Random seeds(seed);
  std::vector<std::unique_ptr<Ledger>> ledgers;
  ledgers.push_back(case_list(seeds.next(), n));
  ledgers.push_back(pil_ledger(seeds.next(), std::max<int64_t>(1, n / 3)));
  ledgers.push_back(recommendation_ledger(seeds.next(), std::max<int64_t>(1, n / 4)));
  ledgers.push_back(petition_ledger(seeds.next(), std::max<int64_t>(1, n * 2 / 3)));
  ledgers.push_back(aid_ledger(seeds.next(), std::max<int64_t>(1, n / 5)));
  return ledgers;
}

std::unique_ptr<Ledger> bench_ledger(uint64_t seed, int64_t rows, std::string numbers) {
  Random seeds(seed);
  for (int i = 0; i < 5; ++i) seeds.next();  // the sixth stream, after the five sample ledgers
  return bench_case_list(seeds.next(), rows, std::move(numbers));
}

}  // namespace casestat::sample
