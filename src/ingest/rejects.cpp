#include "ingest/rejects.hpp"

#include <algorithm>

#include "core/location.hpp"
#include "core/output.hpp"
#include "core/text.hpp"

namespace casestat {

namespace {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

void add_line(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

}  // namespace

std::vector<RejectedRow> rejected_rows(Workbook& workbook, size_t sheet_index, const std::vector<RowError>& errors) {
  std::map<int64_t, RejectedRow> by_row;
  for (const auto& error : errors) {
    RejectedRow& row = by_row[error.where.row];
    row.file = error.where.file;
    row.sheet = error.where.sheet;
    row.row = error.where.row;
    row.columns.push_back(error.where.column);
    row.problems.push_back(error.message);
  }
  if (by_row.empty()) return {};
  int64_t last = by_row.rbegin()->first;
  workbook.read_sheet(sheet_index, [&](const Row& row) {
    auto found = by_row.find(row.number);
    if (found != by_row.end())
      for (const Cell& cell : row.cells) found->second.cells.push_back(cell.text);
    return row.number < last;
  });
  std::vector<RejectedRow> rows;
  for (auto& [number, row] : by_row) rows.push_back(std::move(row));
  return rows;
}

std::string rejects_csv(const std::vector<RejectedRow>& rows) {
  size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.cells.size());
  std::string out(kUtf8Bom);
  std::vector<std::string> header{"file", "sheet", "row", "column", "problem"};
  for (size_t i = 0; i < width; ++i) header.push_back(column_letter(static_cast<int64_t>(i)));
  add_line(out, header);
  for (const auto& row : rows) {
    std::vector<std::string> fields{row.file, row.sheet, std::to_string(row.row), joined(row.columns),
                                    joined(row.problems)};
    fields.insert(fields.end(), row.cells.begin(), row.cells.end());
    add_line(out, fields);
  }
  return out;
}

void write_rejects(const std::filesystem::path& path, const std::vector<RejectedRow>& rows) {
  // The rows hold the ledger's personal data: private to the user, like the store.
  write_file_atomically(path, rejects_csv(rows), 0600);
}

}  // namespace casestat
