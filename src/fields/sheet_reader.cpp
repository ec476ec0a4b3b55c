// Reading a sheet as records: the header row under any title rows, columns bound to fields,
// blank and total rows skipped, every value parsed by its field's type.
#include "fields/sheet_reader.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/text.hpp"
#include "fields/values.hpp"

namespace casestat {

namespace {

std::string cell_text(const Cell& cell) { return std::string(trim(cell.text)); }

std::string compact(std::string_view text) {
  std::string out;
  std::string_view t = trim(text);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ' ') continue;
    if (t.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
      i += 2;
      continue;
    }
    out += t[i];
  }
  return out;
}

bool is_serial_column(const std::string& header) { return compact(header) == "序号"; }

// 合计, 小计, 总计 (also "合 计", "合计：", "全市合计")
bool is_total_row(const Row& row) {
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    // Each word ends in 计: most rows are told apart without building anything.
    if (cell.type != Cell::Type::text || cell.text.find("计") == std::string::npos) return false;
    std::string t = compact(cell.text);
    for (std::string_view word : {"合计", "小计", "总计"})
      if (t.starts_with(word) || (t.ends_with(word) && t.size() <= 18)) return true;
    return false;  // only the first non-empty cell decides
  }
  return false;
}

// Marks that mean "no value" in a typed column: / - — 无 (not for flags, where 无 means 否).
bool is_no_value(const Cell& cell, FieldType type) {
  // every mark is short: most cells are told apart without building anything
  if (cell.type != Cell::Type::text || trim(cell.text).size() > 12) return false;
  std::string t = compact(cell.text);
  if (t == "/" || t == "-" || t == "—" || t == "——" || t == "－" || t == "／" || t == "\\") return true;
  return type != FieldType::flag && type != FieldType::text && t == "无";
}

struct HeaderScore {
  int matched = 0;
  int non_empty = 0;
};

HeaderScore score(const Row& row, const Dictionary& dictionary) {
  HeaderScore s;
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    ++s.non_empty;
    if (cell.type == Cell::Type::text && dictionary.match(cell.text)) ++s.matched;
  }
  return s;
}

}  // namespace

SheetSummary read_records(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary,
                          const SheetOptions& options, const RecordHandler& on_record) {
  SheetSummary summary;
  const std::string& file = workbook.display_name();
  summary.sheet = workbook.sheet_names().at(sheet_index);
  Location sheet_where{file, summary.sheet, 0, ""};
  std::vector<int64_t> seen_rows;  // non-empty rows above the header
  bool have_header = false;
  std::string sheet_error;  // a sheet-level problem found inside the row callback
  int64_t rows_seen = 0;
  int64_t last_row = 0;  // the row read last: the readers leave blank rows out, so a gap is blank rows

  auto bind_header = [&](const Row& row) {
    summary.header_row = row.number;
    summary.title_rows = seen_rows;
    std::map<const Field*, size_t> bound;  // field -> index in summary.columns
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const Cell& cell = row.cells[i];
      if (cell.empty()) continue;
      std::string header = cell_text(cell);
      if (is_serial_column(header)) continue;
      Column column;
      column.index = i;
      column.header = header;
      if (auto match = dictionary.match(header)) {
        column.field = match->field;
        column.fen_per_unit = match->fen_per_unit;
        if (auto [it, fresh] = bound.emplace(match->field, summary.columns.size()); !fresh) {
          const Column& first = summary.columns[it->second];
          sheet_error = fmt::format("{}: columns {} ({}) and {} ({}) both mean {}: keep one of them, or rename the other",
                                    sheet_where.describe(), column_letter(static_cast<int64_t>(first.index)),
                                    first.header, column_letter(static_cast<int64_t>(i)), header, match->field->name);
          return;
        }
      }
      if (!column.field) {  // two extra columns with one header: keep both, told apart by their letter
        for (const auto& other : summary.columns)
          if (!other.field && other.header == column.header) {
            column.header += " (" + column_letter(static_cast<int64_t>(i)) + ")";
            break;
          }
      }
      summary.columns.push_back(std::move(column));
    }
    have_header = true;
    last_row = row.number;
  };

  auto read_row = [&](const Row& row) {
    if (row.number > last_row + 1) {  // blank rows between the header and this one
      summary.rows_read += row.number - last_row - 1;
      summary.rows_blank += row.number - last_row - 1;
    }
    last_row = row.number;
    ++summary.rows_read;
    bool blank = std::none_of(summary.columns.begin(), summary.columns.end(), [&](const Column& c) {
      return c.index < row.cells.size() && !row.cells[c.index].empty();
    });
    if (blank) {
      ++summary.rows_blank;
      return;
    }
    if (is_total_row(row)) {
      ++summary.rows_total;
      return;
    }
    Record record;
    record.row = row.number;
    size_t errors_before = summary.errors.size();
    int64_t dates = 0;
    for (const auto& column : summary.columns) {
      if (column.index >= row.cells.size()) continue;
      const Cell& cell = row.cells[column.index];
      if (cell.empty()) continue;
      if (!column.field) {
        record.extras[column.header] = cell_text(cell);
        continue;
      }
      const FieldType type = column.field->type;
      if (is_no_value(cell, type)) continue;
      std::string why;
      Value value;
      switch (type) {
        case FieldType::text:
          value = cell_text(cell);
          break;
        case FieldType::date:
          if (auto v = parse_date(cell, why)) {
            value = *v;
            ++dates;
          }
          break;
        case FieldType::money:
          if (auto v = parse_money(cell, column.fen_per_unit, why)) value = *v;
          break;
        case FieldType::integer:
          if (auto v = parse_integer(cell, why)) value = *v;
          break;
        case FieldType::flag:
          if (auto v = parse_flag(cell, why, column.field)) value = static_cast<int64_t>(*v ? 1 : 0);
          break;
      }
      if (std::holds_alternative<std::monostate>(value)) {
        summary.errors.push_back({Location{file, summary.sheet, row.number, column.header}, why});
        continue;
      }
      record.values.emplace_back(column.field, std::move(value));
    }
    if (summary.errors.size() > errors_before) {
      ++summary.rows_rejected;
      return;
    }
    summary.dates_recognized += dates;
    ++summary.rows_ok;
    on_record(record);
  };

  workbook.read_sheet(sheet_index, [&](const Row& row) {
    if (have_header) {
      read_row(row);
      return true;
    }
    ++rows_seen;
    bool is_header = false;
    if (options.header_row > 0) {
      is_header = row.number == options.header_row;
      if (row.number > options.header_row) {
        sheet_error = fmt::format("{}: row {} (--header-row) is empty", sheet_where.describe(), options.header_row);
        return false;
      }
    } else {
      HeaderScore s = score(row, dictionary);
      is_header = s.matched >= 2 || (s.matched == 1 && s.non_empty == 1);
    }
    if (is_header) {
      bind_header(row);
      return sheet_error.empty();
    }
    seen_rows.push_back(row.number);
    if (options.header_row == 0 && rows_seen >= options.max_header_search) return false;
    return true;
  });
  if (!sheet_error.empty()) throw Error(Exit::data, sheet_error);
  if (!have_header) {
    if (rows_seen == 0) data_error("{}: is empty: there is no header row and no data", sheet_where.describe());
    if (options.header_row > 0)
      data_error("{}: there is no row {} (--header-row)", sheet_where.describe(), options.header_row);
    data_error("{}: no header row found in the first {} rows: expected column names such as 受理日期, 承办单位, "
               "案件类别 (the headers casestat knows are in templates/fields.toml; --header-row N names the row)",
               sheet_where.describe(), std::min<int64_t>(rows_seen, options.max_header_search));
  }
  return summary;
}

}  // namespace casestat
