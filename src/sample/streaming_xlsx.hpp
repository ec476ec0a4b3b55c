// A ledger of any size as xlsx in constant memory, with shared strings and date cells as Excel
// writes them, for the benchmarks. libxlsxwriter cannot do both: it keeps every cell in memory
// (about 1.5 GiB for 1,000,000 rows of 12 columns), and in its constant_memory mode writes
// inline strings, which Excel never does and which would spare the reader its shared-string
// table. So this writer makes the zip itself (minizip) and generates the rows twice: once for
// the sheet, once for xl/sharedStrings.xml, which follows it in the zip. The ledger is
// deterministic, so both passes see the same strings.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>

#include "sample/ledger.hpp"

namespace casestat::sample {

// `make` returns the ledger afresh (same seed) for each pass. Repeated strings share one entry
// while the table of seen strings holds fewer than `dedup_limit`; later new strings, and the
// text of the layout's unique_columns, get entries of their own (a valid table; Excel would
// share them, but the reader's work is the same). Memory: that table and one row.
void write_streaming_xlsx(const std::function<std::unique_ptr<Ledger>()>& make, const std::filesystem::path& path,
                          size_t dedup_limit = size_t{1} << 18);

}  // namespace casestat::sample
