// Any bytes as the XML of a worksheet inside an otherwise good xlsx: the sheet reader alone,
// read with the sheet scanner and with expat alone, which must give the same rows and the same
// refusal (the harness aborts where they differ).
#include <zip.h>

#include <cstdio>
#include <cstdlib>

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
  auto read = [&](bool scan) {
    std::string out;
    try {
      casestat::Input input(file.path());
      casestat::ReadOptions options;
      options.scan_sheets = scan;
      auto book = casestat::open_xlsx(input, options);
      book->merged_ranges(0);
      book->read_sheet(0, [&](const casestat::Row& row) {
        out += fmt::format("row {}:", row.number);
        for (const auto& c : row.cells) out += fmt::format(" [{} {} {}]", static_cast<int>(c.type), c.text, c.number);
        out += '\n';
        return true;
      });
      out += "ok";
    } catch (const casestat::Error& e) {
      out += fmt::format("exit {}: {}", static_cast<int>(e.code()), e.what());
    }
    return out;
  };
  std::string scanned = read(true), expat = read(false);
  if (scanned != expat) {
    std::fprintf(stderr, "the sheet scanner and expat differ:\n-- scanner:\n%s\n-- expat:\n%s\n", scanned.c_str(),
                 expat.c_str());
    std::abort();
  }
  return 0;
}
