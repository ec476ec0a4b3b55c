// open_xls(): legacy Excel workbooks (BIFF5/BIFF8, also BIFF2-4) through FreeXL. FreeXL converts
// the text to UTF-8 itself, honouring the workbook's CODEPAGE record (936 = GBK for Chinese
// Excel 95 files; BIFF8 text is UTF-16), and recognises date cells by their number format: the
// built-in ids 14-22 and 45-47 and any custom FORMAT record with date or time codes, such as
// yyyy"年"m"月"d"日". It reads the whole workbook at open, which is fine for .xls: at most 65,536
// rows a sheet.
#include <freexl.h>

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "read/workbook.hpp"
#include "read/xls_dates.hpp"

namespace casestat {

namespace {

class XlsWorkbook : public Workbook {
 public:
  XlsWorkbook(const std::string& display_name, const std::filesystem::path& path) : Workbook(display_name) {
    const void* handle = nullptr;
    int rc = freexl_open(path.c_str(), &handle);
    handle_ = handle;
    // FreeXL can return FREEXL_OK with no handle when it stops on a record it cannot parse.
    if (rc != FREEXL_OK || !handle_) damaged();
    unsigned int info = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info != FREEXL_BIFF_PLAIN)
      data_error("{}: is password-protected: remove the password in Excel or WPS (File > Info > Protect Workbook) "
                 "and save it again",
                 display_name);
    unsigned int count = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) damaged();
    for (unsigned int i = 0; i < count; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(handle_, static_cast<unsigned short>(i), &name) != FREEXL_OK) damaged();
      sheets_.emplace_back(name ? name : "");
    }
  }
  ~XlsWorkbook() override {
    if (handle_) freexl_close(handle_);
  }
  XlsWorkbook(const XlsWorkbook&) = delete;
  XlsWorkbook& operator=(const XlsWorkbook&) = delete;

  const char* format() const override { return "xls"; }
  const std::vector<std::string>& sheet_names() const override { return sheets_; }

  void read_sheet(size_t index, const RowHandler& on_row) override {
    if (index >= sheets_.size()) usage_error("{}: there is no sheet {}", display_name(), index + 1);
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(handle_, static_cast<unsigned short>(index)) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle_, &rows, &columns) != FREEXL_OK)
      sheet_damaged(index);
    Row row;
    for (unsigned int r = 0; r < rows; ++r) {
      row.cells.assign(columns, Cell{});
      size_t used = 0;  // cells up to the last non-empty one
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue value;
        if (freexl_get_cell_value(handle_, r, c, &value) != FREEXL_OK) sheet_damaged(index);
        Cell& cell = row.cells[c];
        fill_cell(value, cell);
        if (!cell.empty()) used = c + 1u;
      }
      if (used == 0) continue;  // a blank row
      row.cells.resize(used);
      row.number = static_cast<int64_t>(r) + 1;
      if (!on_row(row)) return;
    }
  }

 private:
  [[noreturn]] void damaged() const {
    data_error("{}: cannot read: the file is damaged or not an Excel 97-2003 workbook", display_name());
  }
  [[noreturn]] void sheet_damaged(size_t index) const {
    data_error("{}: sheet {}: cannot read: the file is damaged", display_name(), sheets_[index]);
  }

  void fill_cell(const FreeXL_CellValue& value, Cell& cell) const {
    switch (value.type) {
      case FREEXL_CELL_INT:
        cell.type = Cell::Type::number;
        cell.number = value.value.int_value;
        cell.text = std::to_string(value.value.int_value);
        break;
      case FREEXL_CELL_DOUBLE:
        cell.type = Cell::Type::number;
        cell.number = value.value.double_value;
        cell.text = plain_decimal(value.value.double_value);
        break;
      case FREEXL_CELL_TEXT:
      case FREEXL_CELL_SST_TEXT:
        cell.type = Cell::Type::text;
        cell.text = value.value.text_value ? value.value.text_value : "";
        if (cell.text.empty()) cell.type = Cell::Type::empty;
        break;
      case FREEXL_CELL_DATE:
      case FREEXL_CELL_DATETIME:
      case FREEXL_CELL_TIME: {
        auto date = xls_date_cell(value.value.text_value ? value.value.text_value : "");
        if (!date) damaged();
        cell.type = Cell::Type::date;
        cell.text = date->text;
        cell.number = date->serial;
        break;
      }
      default:
        cell.type = Cell::Type::empty;
        break;
    }
  }

  const void* handle_ = nullptr;
  std::vector<std::string> sheets_;
};

}  // namespace

std::unique_ptr<Workbook> open_xls(Input& input, const ReadOptions&) {
  return std::make_unique<XlsWorkbook>(input.display_name(), input.path());
}

}  // namespace casestat
