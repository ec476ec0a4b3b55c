// Any bytes as the XML of a worksheet inside an otherwise good xlsx: the sheet reader alone.
#include <zip.h>

#include "fuzz_util.hpp"
#include "read/workbook.hpp"

namespace {
void add(zipFile zip, const char* name, const void* data, size_t size) {
  zipOpenNewFileInZip(zip, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 1);
  zipWriteInFileInZip(zip, data, static_cast<unsigned>(size));
  zipCloseFileInZip(zip);
}
void add(zipFile zip, const char* name, const std::string& text) { add(zip, name, text.data(), text.size()); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casestat::fuzz::TempInput file(nullptr, 0, ".xlsx");
  zipFile zip = zipOpen(file.path().c_str(), APPEND_STATUS_CREATE);
  if (!zip) return 0;
  add(zip, "xl/workbook.xml",
      "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add(zip, "xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  add(zip, "xl/styles.xml", "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
  add(zip, "xl/sharedStrings.xml", "<sst><si><t>受理日期</t></si><si><t>a</t></si></sst>");
  add(zip, "xl/worksheets/sheet1.xml", data, size);
  zipClose(zip, nullptr);
  casestat::fuzz::refusing_is_fine([&] {
    casestat::Input input(file.path());
    auto book = casestat::open_xlsx(input, {});
    book->merged_ranges(0);
    book->read_sheet(0, [](const casestat::Row&) { return true; });
  });
  return 0;
}
