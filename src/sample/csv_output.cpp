#include "sample/csv_output.hpp"

#include "core/output.hpp"
#include "sample/calendar.hpp"
#include "sample/gbk.hpp"

namespace casestat::sample {

namespace {

// RFC 4180: a field with a comma, a quote or a line end is quoted, quotes doubled.
void append_field(const std::string& value, std::string& line) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    line += value;
    return;
  }
  line += '"';
  for (char c : value) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

std::string cell_text(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::empty: return {};
    case CellKind::text: return cell.text;
    case CellKind::number:
    case CellKind::money: return plain_number(cell.number);
    case CellKind::date:
    case CellKind::cjk_date: return iso_date(cell.day);
  }
  return {};
}

}  // namespace

void write_gbk_csv(Ledger& ledger, const std::filesystem::path& path) {
  AtomicFile file(path);
  Utf8ToGbk gbk;
  std::string line, buffer;
  auto add_line = [&](const std::vector<std::string>& fields) {
    line.clear();
    for (size_t c = 0; c < fields.size(); ++c) {
      if (c) line += ',';
      append_field(fields[c], line);
    }
    gbk.append(line, buffer);
    buffer += "\r\n";
    if (buffer.size() >= (1u << 20)) {
      file.write(buffer);
      buffer.clear();
    }
  };
  add_line(ledger.layout().headers);
  Row row;
  std::vector<std::string> fields;
  auto add_row = [&] {
    fields.clear();
    for (const auto& cell : row.cells) fields.push_back(cell_text(cell));
    add_line(fields);
  };
  for (int64_t i = 0; i < ledger.rows(); ++i) {
    ledger.row(i, row);
    add_row();
  }
  if (ledger.layout().total_row) {
    ledger.total(row);
    add_row();
  }
  file.write(buffer);
  file.commit();
}

}  // namespace casestat::sample
