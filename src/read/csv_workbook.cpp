// open_csv(): a CSV or TSV file is a workbook of one sheet with an empty name. The text is
// converted to UTF-8 and parsed a megabyte at a time, so memory stays flat however big the file.
#include <filesystem>

#include "core/error.hpp"
#include "read/csv_parser.hpp"
#include "read/encoding.hpp"
#include "read/workbook.hpp"

namespace casestat {

namespace {

constexpr size_t kSniffBytes = 64 << 10;

class CsvWorkbook : public Workbook {
 public:
  CsvWorkbook(const std::string& display_name, std::filesystem::path path, const ReadOptions& options)
      : Workbook(display_name), path_(std::move(path)), options_(options), delimiter_(sniff()) {}

  const char* format() const override { return "csv"; }
  const std::vector<std::string>& sheet_names() const override { return sheets_; }

  void read_sheet(size_t index, const RowHandler& on_row) override {
    if (index != 0) usage_error("{}: a CSV file has only one sheet", display_name());
    Utf8Reader reader(path_, display_name(), options_.encoding);
    CsvParser parser(delimiter_, display_name(), options_.limits, on_row);
    for (;;) {
      Utf8Reader::Chunk chunk = reader.next();
      if (size_t nul = chunk.text.find('\0'); nul != std::string_view::npos) {
        if (!parser.feed(chunk.text.substr(0, nul))) return;
        data_error("{}: row {}: the text holds a NUL byte (0x00), which a CSV file never has: the file is damaged, or "
                   "is not a CSV file",
                   display_name(), parser.current_record());
      }
      if (!parser.feed(chunk.text)) return;
      if (chunk.utf8_in_gbk)
        data_error("{}: row {}: the row is UTF-8 text, but the file's other rows are GBK (was it pasted from another "
                   "file?): read as GBK it would become wrong Chinese; retype it, or save the whole file again as "
                   "\"CSV UTF-8\" (--encoding gbk reads every row as GBK)",
                   display_name(), parser.current_record());
      if (chunk.bad)
        data_error("{}: row {}: the text is not valid {} (byte 0x{:02X}); {}", display_name(), parser.current_record(),
                   encoding_name(reader.encoding()), chunk.bad_byte, reader.advice());
      if (chunk.text.empty()) break;
    }
    parser.finish();
  }

 private:
  // The delimiter, from the first 64 KiB of text (as far as it converts).
  char sniff() {
    Utf8Reader reader(path_, display_name(), options_.encoding);
    std::string sample;
    bool complete = false;
    while (sample.size() < kSniffBytes) {
      Utf8Reader::Chunk chunk = reader.next();
      sample.append(chunk.text.substr(0, kSniffBytes - std::min(sample.size(), kSniffBytes)));
      if (chunk.bad) break;
      if (chunk.text.empty()) {
        complete = true;
        break;
      }
    }
    return sniff_delimiter(sample, complete);
  }

  std::filesystem::path path_;
  ReadOptions options_;
  std::vector<std::string> sheets_{""};
  char delimiter_;
};

}  // namespace

std::unique_ptr<Workbook> open_csv(Input& input, const ReadOptions& options) {
  return std::make_unique<CsvWorkbook>(input.display_name(), input.path(), options);
}

}  // namespace casestat
