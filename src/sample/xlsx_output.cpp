#include "sample/xlsx_output.hpp"

#include "core/output.hpp"
#include "core/xlsx_handle.hpp"
#include "sample/calendar.hpp"

namespace casestat::sample {

namespace {

constexpr double kDefaultWidth = 14;

struct Formats {
  lxw_format* date;
  lxw_format* cjk_date;
  lxw_format* header;
  lxw_format* title;
  lxw_format* money;
};

// Made in this order for every sheet, used or not: their order is in the committed files' bytes.
Formats add_formats(lxw_workbook* book) {
  Formats f{};
  f.date = workbook_add_format(book);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.cjk_date = workbook_add_format(book);
  format_set_num_format_index(f.cjk_date, 31);  // 31: yyyy"年"m"月"d"日", the built-in CJK date format
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.title = workbook_add_format(book);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_align(f.title, LXW_ALIGN_CENTER);
  f.money = workbook_add_format(book);
  format_set_num_format(f.money, "#,##0.00");
  return f;
}

void write_row(lxw_worksheet* sheet, const Formats& f, lxw_row_t r, const Row& row) {
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const Cell& cell = row.cells[c];
    const auto col = static_cast<lxw_col_t>(c);
    switch (cell.kind) {
      case CellKind::empty: break;
      case CellKind::text: worksheet_write_string(sheet, r, col, cell.text.c_str(), nullptr); break;
      case CellKind::number: worksheet_write_number(sheet, r, col, cell.number, nullptr); break;
      case CellKind::money: worksheet_write_number(sheet, r, col, cell.number, f.money); break;
      case CellKind::date: worksheet_write_number(sheet, r, col, excel_serial(cell.day), f.date); break;
      case CellKind::cjk_date: worksheet_write_number(sheet, r, col, excel_serial(cell.day), f.cjk_date); break;
    }
  }
}

}  // namespace

void write_xlsx(Ledger& ledger, const std::filesystem::path& path, bool constant_memory) {
  AtomicFile file(path);
  XlsxHandle book(file.temp_path(), kCreated, constant_memory);
  const Layout& layout = ledger.layout();
  lxw_worksheet* sheet = workbook_add_worksheet(book.get(), layout.sheet.c_str());
  if (!sheet) system_error("{}: cannot add the sheet {}", path.string(), layout.sheet);
  const Formats f = add_formats(book.get());
  const auto last_col = static_cast<lxw_col_t>(layout.headers.size() - 1);
  lxw_row_t r = 0;
  if (!layout.title.empty()) worksheet_merge_range(sheet, r++, 0, 0, last_col, layout.title.c_str(), f.title);
  for (size_t c = 0; c < layout.headers.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_write_string(sheet, r, col, layout.headers[c].c_str(), f.header);
    worksheet_set_column(sheet, col, col, kDefaultWidth, nullptr);
  }
  for (const auto& [c, width] : layout.widths)
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
  if (layout.freeze_header) worksheet_freeze_panes(sheet, r + 1, 0);
  ++r;
  Row row;
  for (int64_t i = 0; i < ledger.rows(); ++i, ++r) {
    ledger.row(i, row);
    write_row(sheet, f, r, row);
  }
  if (layout.total_row) {
    ledger.total(row);
    write_row(sheet, f, r, row);
  }
  book.close();
  file.commit();
}

}  // namespace casestat::sample
