#include "ingest/check.hpp"

#include "core/error.hpp"
#include "core/input.hpp"
#include "core/location.hpp"
#include "core/output.hpp"
#include "fields/values.hpp"
#include "ingest/office_names.hpp"
#include "ingest/problems.hpp"
#include "ingest/rejects.hpp"

namespace casestat {

namespace {

std::string field_words(const Column& column) {
  if (!column.field) return _("kept as an extra column");
  std::string words = column.field->id + " (" + to_string(column.field->type);
  if (column.field->type == FieldType::money) {
    if (column.fen_per_unit == 100)
      words += _(" in 元");
    else if (column.fen_per_unit == 1000000)
      words += _(" in 万元");
    else
      words += translate(", {} 分 per unit", column.fen_per_unit);
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
    out += summary.title_rows.size() == 1 ? translate(" (title row {} skipped)", row_list(summary.title_rows))
                                          : translate(" (title rows {} skipped)", row_list(summary.title_rows));
  out += "\n";
  out += translate("  rows: {} read, {} good, {} blank, {} total (合计), {} with problems", summary.rows_read,
                   summary.rows_ok, summary.rows_blank, summary.rows_total, summary.rows_rejected) +
         "\n";
  out += translate("  dates recognized: {}", summary.dates_recognized) + "\n";
  size_t extras = 0;
  for (const auto& column : summary.columns) extras += column.field ? 0 : 1;
  out += translate("  columns: {} matched, {} kept as extras", summary.columns.size() - extras, extras) + "\n";
  for (const auto& column : summary.columns)
    out += "    " + column_letter(static_cast<int64_t>(column.index)) + " " + caption_words(column) + " -> " +
           field_words(column) + "\n";
  return out;
}

int check_command(const CheckOptions& options) {
  ReadOptions read_opts = read_options(options);
  SheetOptions sheet_opts = sheet_options(options);
  Cell today_cell{Cell::Type::text, options.today, 0};
  std::string why;
  if (!parse_date(today_cell, why) || options.today.size() != 10)
    usage_error("--today {}: give the date as YYYY-MM-DD, e.g. 2025-07-10", options.today);
  std::vector<std::string> arguments = inputs_or_stdin(options.files);
  Dictionary dictionary = load_dictionary(options);
  Offices offices = Offices::load_default();
  OfficeNames office_names(offices, dictionary);
  ProblemList list(options.today, offices, dictionary);
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
          out.write(translate("{}: skipped: no header row", place.describe()) + "\n");
          continue;
        }
        ++sheets_read;
        Ledger ledger = ledger_for(options.ledger, sheet, file);
        list.start_sheet(file, sheet, ledger);
        try {
          SheetSummary summary = read_records(*workbook, index, dictionary, sheet_opts, [&](const Record& record) {
            list.check_record(record);
            office_names.apply(record);
          });
          list.finish_sheet(summary);
          out.write(sheet_report(file, summary, ledger));
          for (const auto& figure : summary.merged_figures) {
            messages.warning(figure.describe());
            list.add_merged_money(figure.range.first_row, figure.where.column, figure.value, figure.range.describe());
          }
          for (const auto& error : summary.errors) messages.error(error.describe());
          for (const auto& line : unknown_office_warnings(place.describe(), office_names.take_unknown(), offices))
            messages.warning(line);
          problems += summary.errors.size();
          std::vector<std::vector<std::string>> cells;
          std::vector<int64_t> rows;
          // The rows' values, department and office, for the list only: it takes a second pass.
          if (!summary.errors.empty() && !options.problems.empty())
            for (auto& rejected : rejected_rows(*workbook, index, summary.errors)) {
              rows.push_back(rejected.row);
              cells.push_back(std::move(rejected.cells));
            }
          list.add_row_errors(summary.errors, cells, rows);
        } catch (const Error& e) {
          if (e.code() != Exit::data) throw;
          messages.error(e.what());
          list.add_sheet_problem(ProblemKind::unreadable_sheet, file, sheet, std::string("无法读取：") + e.what(),
                                 "按提示改正表头或文件后重新报送");
          ++problems;
        }
      }
      if (sheets_read == 0) {
        messages.error(translate("{}: no sheet has a header row; name one with --sheet and --header-row", file));
        list.add_sheet_problem(ProblemKind::unreadable_sheet, file, "", "没有一个工作表有表头行",
                               "在数据上方加上表头（受理日期、承办单位、案件类别等列名）");
        ++problems;
      }
    } catch (const Error& e) {
      if (e.code() != Exit::data) throw;
      messages.error(e.what());
      list.add_sheet_problem(ProblemKind::unreadable_sheet, Input(argument).display_name(), "",
                             std::string("无法读取：") + e.what(), "另存为 .xlsx 后重新报送");
      ++problems;
    }
  }
  if (!options.problems.empty()) write_problems(options.problems, list.sorted());
  std::map<ProblemKind, int64_t> kinds = list.counts();
  if (!kinds.empty()) {
    int64_t total = 0;
    for (const auto& [kind, n] : kinds) total += n;
    messages.note(options.problems.empty()
                      ? translate("{} found (casestat-check --problems 问题清单.xlsx lists them for the departments):",
                                  count_of(total, "problem", "problems"))
                      : translate("{} found, listed in {}:", count_of(total, "problem", "problems"), options.problems));
    for (const auto& [kind, n] : kinds) messages.note("  " + std::to_string(n) + " " + _(summary_words(kind)));
  } else if (!options.problems.empty()) {
    messages.note(translate("no problems found; {} lists none", options.problems));
  }
  return problems > 0 ? static_cast<int>(Exit::data) : 0;
}

}  // namespace casestat
