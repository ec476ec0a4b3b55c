// A ledger as Chinese Excel saves it as CSV: GBK, CRLF line ends, no BOM, dates as 2025-03-05.
#pragma once

#include <filesystem>

#include "sample/ledger.hpp"

namespace casestat::sample {

// Written row by row (constant memory) into a temporary file renamed over `path` at the end.
void write_gbk_csv(Ledger& ledger, const std::filesystem::path& path);

}  // namespace casestat::sample
