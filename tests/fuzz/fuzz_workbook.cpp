// Any file as a workbook (xlsx, xls, CSV: open_workbook decides by content), every sheet read.
#include "fuzz_util.hpp"
#include "read/workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casestat::fuzz::TempInput file(data, size, ".bin");
  casestat::fuzz::refusing_is_fine([&] {
    casestat::Input input(file.path());
    casestat::ReadOptions options;
    options.limits.max_inflated_bytes = 64 << 20;  // keep each run small
    auto book = casestat::open_workbook(input, options);
    for (size_t i = 0; i < book->sheet_names().size(); ++i)
      book->read_sheet(i, [](const casestat::Row& row) { return !row.cells.empty() || true; });
  });
  return 0;
}
