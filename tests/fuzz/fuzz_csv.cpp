// Any bytes as CSV, with encoding detection (uchardet + iconv) and delimiter sniffing.
#include "fuzz_util.hpp"
#include "read/workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casestat::fuzz::TempInput file(data, size, ".csv");
  casestat::fuzz::refusing_is_fine([&] {
    casestat::Input input(file.path());
    auto book = casestat::open_csv(input, {});
    book->read_sheet(0, [](const casestat::Row&) { return true; });
  });
  return 0;
}
