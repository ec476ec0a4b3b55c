// A ledger as an xlsx workbook written by libxlsxwriter, as Excel would save it: shared
// strings, date cells with their number formats, a merged title, a bold header.
#pragma once

#include <ctime>
#include <filesystem>

#include "sample/ledger.hpp"

namespace casestat::sample {

// The creation time written into every workbook: fixed, so that a seed gives the same bytes.
constexpr std::time_t kCreated = 1735689600;  // 2025-01-01 00:00:00 UTC

// Written into a temporary file renamed over `path` at the end. libxlsxwriter keeps all cells
// in memory until it closes the workbook (about 1.5 KiB a row); `constant_memory` writes each
// row as it goes instead, with inline strings instead of shared strings (its only mode).
void write_xlsx(Ledger& ledger, const std::filesystem::path& path, bool constant_memory);

}  // namespace casestat::sample
