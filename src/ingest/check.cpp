#include "ingest/check.hpp"

#include "core/error.hpp"
#include "core/input.hpp"
#include "core/location.hpp"
#include "core/output.hpp"

namespace casestat {

namespace {

std::string field_words(const Column& column) {
  if (!column.field) return "kept as an extra column";
  std::string words = column.field->id + " (" + to_string(column.field->type);
  if (column.field->type == FieldType::money) {
    if (column.fen_per_unit == 100)
      words += " in 元";
    else if (column.fen_per_unit == 1000000)
      words += " in 万元";
    else
      words += ", " + std::to_string(column.fen_per_unit) + " 分 per unit";
  }
  return words + ")";
}

std::string row_list(const std::vector<int64_t>& rows) {
  std::string text;
  for (int64_t row : rows) text += (text.empty() ? "" : ", ") + std::to_string(row);
  return text;
}

// A column under captions as the check shows it: 办理情况/立案日期.
std::string caption_words(const Column& column) {
  if (column.path.size() < 2 || column.header.find('/') != std::string::npos) return column.header;
  std::string words;
  for (const auto& caption : column.path) words += (words.empty() ? "" : "/") + caption;
  return words;
}

}  // namespace

std::string sheet_report(const std::string& file, const SheetSummary& summary, Ledger ledger) {
  std::string out = Location{file, summary.sheet, 0, ""}.describe() + ": " + to_string(ledger) + "\n";
  out += "  " + summary.header_words();
  if (!summary.title_rows.empty())
    out += " (title " + std::string(summary.title_rows.size() == 1 ? "row" : "rows") + " " +
           row_list(summary.title_rows) + " skipped)";
  out += "\n";
  out += "  rows: " + std::to_string(summary.rows_read) + " read, " + std::to_string(summary.rows_ok) + " good, " +
         std::to_string(summary.rows_blank) + " blank, " + std::to_string(summary.rows_total) + " total (合计), " +
         std::to_string(summary.rows_rejected) + " with problems\n";
  out += "  dates recognized: " + std::to_string(summary.dates_recognized) + "\n";
  size_t extras = 0;
  for (const auto& column : summary.columns) extras += column.field ? 0 : 1;
  out += "  columns: " + std::to_string(summary.columns.size() - extras) + " matched, " + std::to_string(extras) +
         " kept as extras\n";
  for (const auto& column : summary.columns)
    out += "    " + column_letter(static_cast<int64_t>(column.index)) + " " + caption_words(column) + " -> " +
           field_words(column) + "\n";
  return out;
}

int check_files(const CheckOptions& options) {
  ReadOptions read_opts = read_options(options);
  SheetOptions sheet_opts = sheet_options(options);
  std::vector<std::string> arguments = inputs_or_stdin(options.files);
  Dictionary dictionary = load_dictionary(options);
  StderrMessages messages(options.quiet);
  Stdout& out = Stdout::get();
  size_t problems = 0;
  for (const auto& argument : arguments) {
    Input input(argument);
    try {
      auto workbook = open_workbook(input, read_opts);
      const std::string& file = workbook->display_name();
      SheetChoice choice = choose_sheets(*workbook, options.sheet);
      size_t sheets_read = 0;
      for (size_t index : choice.indexes) {
        const std::string& sheet = workbook->sheet_names()[index];
        Location place{file, sheet, 0, ""};
        if (choice.skip_headerless &&
            !has_header_candidate(*workbook, index, dictionary, sheet_opts.max_header_search)) {
          out.write(place.describe() + ": skipped: no header row\n");
          continue;
        }
        ++sheets_read;
        try {
          SheetSummary summary = read_records(*workbook, index, dictionary, sheet_opts, [](const Record&) {});
          out.write(sheet_report(file, summary, ledger_for(options.ledger, sheet, file)));
          for (const auto& figure : summary.merged_figures) messages.warning(figure.describe());
          for (const auto& error : summary.errors) messages.error(error.describe());
          problems += summary.errors.size();
        } catch (const Error& e) {
          if (e.code() != Exit::data) throw;
          messages.error(e.what());
          ++problems;
        }
      }
      if (sheets_read == 0) {
        messages.error(file + ": no sheet has a header row; name one with --sheet and --header-row");
        ++problems;
      }
    } catch (const Error& e) {
      if (e.code() != Exit::data) throw;
      messages.error(e.what());
      ++problems;
    }
  }
  if (problems > 0) messages.note(count_of(static_cast<int64_t>(problems), "problem", "problems") + " found");
  return problems > 0 ? static_cast<int>(Exit::data) : 0;
}

}  // namespace casestat
