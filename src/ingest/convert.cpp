#include "ingest/convert.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "fields/values.hpp"

namespace casestat {

namespace {

bool looks_like_formula(const std::string& v) {
  return !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r');
}

// A cell as the user means it; a text date in a date column as 2021-03-05.
std::string cell_value(const Cell& cell, const Field* field) {
  if (cell.type == Cell::Type::empty) return "";
  if (field && field->type == FieldType::date &&
      (cell.type == Cell::Type::text || cell.type == Cell::Type::number || cell.type == Cell::Type::date)) {
    std::string why;
    if (auto iso = parse_date(cell, why)) return *iso;
  }
  return cell.type == Cell::Type::text ? std::string(trim(cell.text)) : cell.text;
}

// One sheet as a plain table: the header block's column names (the lowest caption of each
// column), then the data rows with merged values filled in; titles, blank and 合计 rows left out.
class SheetWriter : public LayoutHandler {
 public:
  SheetWriter(const ConvertOptions& options, const std::string& sheet, const std::string& where)
      : options_(options), sheet_(sheet), where_(where) {}

  void header(const HeaderBlock& header, const std::vector<int64_t>&) override {
    if (header.assumed) cli::warn(translate("{}: no row names known fields; the first row is taken as the header", where_));
    size_t width = 0;
    for (const auto& column : header.columns) width = std::max(width, column.index + 1);
    names_.resize(width);
    fields_.resize(width, nullptr);
    for (const auto& column : header.columns) {
      names_[column.index] = column.header;
      fields_[column.index] = column.field;
    }
    for (size_t i = 0; i < width; ++i) {
      if (names_[i].empty()) names_[i] = column_letter(static_cast<int64_t>(i));
      for (size_t j = 0; j < i; ++j)  // a header twice: JSON keys must differ
        if (names_[j] == names_[i]) names_[i] += " (" + column_letter(static_cast<int64_t>(i)) + ")";
    }
    if (options_.to != ConvertFormat::jsonl) write_line(names_);
  }

  void row(const Row& row, RowKind kind) override {
    if (kind != RowKind::data) return;
    // The row's values and its line reuse the memory of the row before (a row costs no allocation
    // unless a value is longer than before).
    std::vector<std::string>& values = values_;
    size_t width = std::max(names_.size(), row.cells.size());
    values.resize(width);
    for (size_t i = 0; i < width; ++i) {
      if (i < row.cells.size()) values[i] = cell_value(row.cells[i], i < fields_.size() ? fields_[i] : nullptr);
      else values[i].clear();
    }
    while (values.size() > names_.size() && values.back().empty()) values.pop_back();
    if (options_.to == ConvertFormat::jsonl) {
      nlohmann::ordered_json object;
      if (!sheet_.empty()) object["sheet"] = sheet_;
      object["row"] = row.number;
      for (size_t i = 0; i < values.size(); ++i)
        object[i < names_.size() ? names_[i] : column_letter(static_cast<int64_t>(i))] = values[i];
      Stdout::get().write(object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
      return;
    }
    write_line(values);
  }

  void merged_figure(const MergedFigure& figure) override { cli::warn(figure.describe()); }

 private:
  void write_line(const std::vector<std::string>& values) {
    line_.clear();
    bool csv = options_.to == ConvertFormat::csv;
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) line_ += csv ? ',' : '\t';
      const std::string& v = values[i];
      // most values go as they are: no formula to neutralize, nothing to quote or replace
      bool plain = !(options_.neutralize_formulas && looks_like_formula(v)) &&
                   std::none_of(v.begin(), v.end(), [csv](char c) {
                     return c == '\r' || c == '\n' || (csv ? c == ',' || c == '"' : c == '\t');
                   });
      if (plain) line_ += v;
      else line_ += csv ? csv_field(v, options_.neutralize_formulas) : tsv_field(v, options_.neutralize_formulas);
    }
    line_ += '\n';
    Stdout::get().write(line_);
  }

  const ConvertOptions& options_;
  std::string sheet_, where_;
  std::vector<std::string> names_;
  std::vector<const Field*> fields_;
  std::vector<std::string> values_;
  std::string line_;
};

}  // namespace

std::string csv_field(const std::string& value, bool neutralize) {
  std::string v = neutralize && looks_like_formula(value) ? "'" + value : value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string tsv_field(const std::string& value, bool neutralize) {
  std::string v = neutralize && looks_like_formula(value) ? "'" + value : value;
  for (auto& c : v)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return v;
}

int convert_command(const ConvertOptions& options) {
  Dictionary dictionary = load_dictionary(options);
  ReadOptions read = read_options(options);
  SheetOptions sheet = sheet_options(options);
  sheet.first_row_if_none = true;
  for (const auto& file : inputs_or_stdin(options.files)) {
    Input input(file);
    auto workbook = open_workbook(input, read);
    SheetChoice choice = choose_sheets(*workbook, options.sheet);
    bool several = options.sheet == "all" && workbook->sheet_names().size() > 1;
    for (size_t index : choice.indexes) {
      const std::string& name = workbook->sheet_names()[index];
      if (several && options.to != ConvertFormat::jsonl) Stdout::get().write("# sheet: " + name + "\n");
      SheetWriter writer(options, workbook->format() == std::string("csv") ? "" : name,
                         Location{input.display_name(), name, 0, ""}.describe());
      read_layout(*workbook, index, dictionary, sheet, writer);
    }
  }
  return 0;
}

}  // namespace casestat
