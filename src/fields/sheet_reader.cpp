// Reading a sheet as records: the layout gives the header and the rows; here each row becomes
// a record, every value parsed by its field's type, and the sheet's counts are kept.
#include "fields/sheet_reader.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "fields/values.hpp"

namespace casestat {

namespace {

std::string cell_text(const Cell& cell) { return std::string(trim(cell.text)); }

// Marks that mean "no value" in a typed column: / - — 无 (not for flags, where 无 means 否).
bool is_no_value(const Cell& cell, FieldType type) {
  // every mark is short: most cells are told apart without building anything
  if (cell.type != Cell::Type::text) return false;
  std::string_view trimmed = trim(cell.text);
  if (trimmed.size() > 12 || trimmed.empty()) return false;
  // Every mark begins with one of these bytes (/ - \ — － ／ 无, or a space compact() drops):
  // dates, names and numbers are told apart without building anything.
  switch (static_cast<unsigned char>(trimmed[0])) {
    case '/': case '-': case '\\': case ' ': case 0xE2: case 0xE3: case 0xEF: case 0xE6: break;
    default: return false;
  }
  std::string t = compact(cell.text);
  if (t == "/" || t == "-" || t == "—" || t == "——" || t == "－" || t == "／" || t == "\\") return true;
  return type != FieldType::flag && type != FieldType::text && t == "无";
}

// One cell by its field's type; std::monostate with `why` set when it cannot be read.
Value parse_value(const Cell& cell, const Column& column, std::string& why, int64_t& dates) {
  switch (column.field->type) {
    case FieldType::text:
      return cell_text(cell);
    case FieldType::date:
      if (auto v = parse_date(cell, why)) {
        ++dates;
        return *v;
      }
      break;
    case FieldType::money:
      if (auto v = parse_money(cell, column.fen_per_unit, why)) return *v;
      break;
    case FieldType::integer:
      if (auto v = parse_integer(cell, why)) return *v;
      break;
    case FieldType::flag:
      if (auto v = parse_flag(cell, why, column.field)) return static_cast<int64_t>(*v ? 1 : 0);
      break;
  }
  return std::monostate{};
}

class RecordReader : public LayoutHandler {
 public:
  RecordReader(std::string file, SheetSummary& summary, const RecordHandler& on_record)
      : file_(std::move(file)), summary_(summary), on_record_(on_record) {}

  void header(const HeaderBlock& header, const std::vector<int64_t>& title_rows) override {
    summary_.header_first_row = header.first_row;
    summary_.header_row = header.last_row;
    summary_.title_rows = title_rows;
    for (const auto& column : header.columns)
      if (!column.serial) summary_.columns.push_back(column);
    last_row_ = header.last_row;
  }

  void row(const Row& row, RowKind kind) override {
    count_gap(row.number);
    ++summary_.rows_read;
    if (kind == RowKind::blank) ++summary_.rows_blank;
    if (kind == RowKind::total) ++summary_.rows_total;
    if (kind == RowKind::data) record(row);
  }

  void merged_figure(const MergedFigure& figure) override { summary_.merged_figures.push_back(figure); }

 private:
  // The readers leave blank rows out: a gap in the row numbers is blank rows.
  void count_gap(int64_t number) {
    if (number > last_row_ + 1) {
      summary_.rows_read += number - last_row_ - 1;
      summary_.rows_blank += number - last_row_ - 1;
    }
    last_row_ = number;
  }

  void record(const Row& row) {
    // One record for every row, cleared: its list of values keeps its capacity.
    Record& record = record_;
    record.values.clear();
    record.extras = nullptr;
    record.row = row.number;
    size_t errors_before = summary_.errors.size();
    int64_t dates = 0;
    for (const auto& column : summary_.columns) {
      if (column.index >= row.cells.size()) continue;
      const Cell& cell = row.cells[column.index];
      if (cell.empty()) continue;
      if (!column.field) {
        record.extras[column.header] = cell_text(cell);
        continue;
      }
      if (is_no_value(cell, column.field->type)) continue;
      std::string why;
      Value value = parse_value(cell, column, why, dates);
      if (std::holds_alternative<std::monostate>(value)) {
        summary_.errors.push_back({Location{file_, summary_.sheet, row.number, column.header}, why});
        continue;
      }
      record.values.emplace_back(column.field, std::move(value));
    }
    if (summary_.errors.size() > errors_before) {
      ++summary_.rows_rejected;
      return;
    }
    summary_.dates_recognized += dates;
    ++summary_.rows_ok;
    on_record_(record);
  }

  std::string file_;
  SheetSummary& summary_;
  const RecordHandler& on_record_;
  int64_t last_row_ = 0;
  Record record_;
};

}  // namespace

std::string SheetSummary::header_words() const {
  if (header_first_row == header_row) return translate("header on row {}", header_row);
  return translate("header on rows {}-{}", header_first_row, header_row);
}

SheetSummary read_records(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary,
                          const SheetOptions& options, const RecordHandler& on_record) {
  SheetSummary summary;
  summary.sheet = workbook.sheet_names().at(sheet_index);
  RecordReader reader(workbook.display_name(), summary, on_record);
  read_layout(workbook, sheet_index, dictionary, options, reader);
  return summary;
}

}  // namespace casestat
