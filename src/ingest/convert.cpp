#include "ingest/convert.hpp"

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

std::string compact(std::string_view text) {
  std::string out;
  for (char c : trim(text))
    if (c != ' ') out += c;
  return out;
}

bool is_total_row(const Row& row) {
  for (const auto& cell : row.cells) {
    if (cell.empty()) continue;
    std::string t = compact(cell.text);
    return t.starts_with("合计") || t.starts_with("小计") || t.starts_with("总计") ||
           ((t.ends_with("合计") || t.ends_with("总计")) && t.size() <= 18);
  }
  return false;
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

class SheetWriter {
 public:
  SheetWriter(const ConvertOptions& options, const Dictionary& dictionary, const std::string& sheet)
      : options_(options), dictionary_(dictionary), sheet_(sheet) {}

  bool row(const Row& row) {
    if (!have_header_) {
      buffered_.push_back(row);
      if (is_header(row)) {
        header(row);
        buffered_.clear();
      } else if (options_.header_row == "auto" && static_cast<int64_t>(buffered_.size()) >= 30) {
        give_up();
      }
      return true;
    }
    data(row);
    return true;
  }

  void finish(const std::string& where) {
    if (!have_header_ && !buffered_.empty()) {
      if (options_.header_row == "auto")
        cli::warn(where + ": no row names known fields; the first row is taken as the header");
      give_up();
    }
  }

 private:
  bool is_header(const Row& row) const {
    if (options_.header_row != "auto") return row.number == std::stoll(options_.header_row);
    int matched = 0, non_empty = 0;
    for (const auto& c : row.cells) {
      if (c.empty()) continue;
      ++non_empty;
      if (c.type == Cell::Type::text && dictionary_.match(c.text)) ++matched;
    }
    return matched >= 2 || (matched == 1 && non_empty == 1);
  }

  // Without a recognised header: the first row buffered is the header, the others data.
  void give_up() {
    std::vector<Row> rows = std::move(buffered_);
    buffered_.clear();
    if (rows.empty()) return;
    header(rows.front());
    for (size_t i = 1; i < rows.size(); ++i) data(rows[i]);
  }

  void header(const Row& row) {
    have_header_ = true;
    size_t width = row.cells.size();
    while (width > 0 && row.cells[width - 1].empty()) --width;
    for (size_t i = 0; i < width; ++i) {
      std::string name = std::string(trim(row.cells[i].text));
      if (name.empty()) name = column_letter(static_cast<int64_t>(i));
      auto match = dictionary_.match(name);
      fields_.push_back(match ? match->field : nullptr);
      // a header twice: JSON keys must differ
      for (const auto& earlier : names_)
        if (earlier == name) name += " (" + column_letter(static_cast<int64_t>(i)) + ")";
      names_.push_back(name);
    }
    if (options_.to == ConvertFormat::jsonl) return;
    write_line(names_);
  }

  void data(const Row& row) {
    if (is_total_row(row)) return;
    std::vector<std::string> values;
    size_t width = std::max(names_.size(), row.cells.size());
    for (size_t i = 0; i < width; ++i)
      values.push_back(i < row.cells.size() ? cell_value(row.cells[i], i < fields_.size() ? fields_[i] : nullptr) : "");
    while (values.size() > names_.size() && values.back().empty()) values.pop_back();
    bool blank = true;
    for (const auto& v : values) blank = blank && v.empty();
    if (blank) return;
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

  void write_line(const std::vector<std::string>& values) {
    std::string line;
    for (size_t i = 0; i < values.size(); ++i) {
      if (options_.to == ConvertFormat::csv)
        line += (i ? "," : "") + csv_field(values[i], options_.neutralize_formulas);
      else
        line += (i ? "\t" : "") + tsv_field(values[i], options_.neutralize_formulas);
    }
    Stdout::get().write(line + "\n");
  }

  const ConvertOptions& options_;
  const Dictionary& dictionary_;
  std::string sheet_;
  bool have_header_ = false;
  std::vector<Row> buffered_;
  std::vector<std::string> names_;
  std::vector<const Field*> fields_;
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

int convert_files(const ConvertOptions& options) {
  Dictionary dictionary = load_dictionary(options);
  ReadOptions read = read_options(options);
  sheet_options(options);  // checks --header-row
  for (const auto& file : inputs_or_stdin(options.files)) {
    Input input(file);
    auto workbook = open_workbook(input, read);
    SheetChoice choice = choose_sheets(*workbook, options.sheet);
    bool several = options.sheet == "all" && workbook->sheet_names().size() > 1;
    for (size_t index : choice.indexes) {
      const std::string& sheet = workbook->sheet_names()[index];
      if (several && options.to != ConvertFormat::jsonl) Stdout::get().write("# sheet: " + sheet + "\n");
      SheetWriter writer(options, dictionary, workbook->format() == std::string("csv") ? "" : sheet);
      workbook->read_sheet(index, [&](const Row& row) { return writer.row(row); });
      writer.finish(Location{input.display_name(), sheet, 0, ""}.describe());
    }
  }
  return 0;
}

}  // namespace casestat
