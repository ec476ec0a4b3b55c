#include "sample/ledger.hpp"

#include <fmt/format.h>

#include "sample/calendar.hpp"

namespace casestat::sample {

void Row::reset(size_t columns) {
  cells.resize(columns);
  for (auto& cell : cells) {
    cell.kind = CellKind::empty;
    cell.text.clear();
    cell.number = 0;
    cell.day = 0;
  }
}

void Row::text(size_t column, std::string value) {
  if (value.empty()) return;
  cells[column].kind = CellKind::text;
  cells[column].text = std::move(value);
}

void Row::number(size_t column, double value) {
  cells[column].kind = CellKind::number;
  cells[column].number = value;
}

void Row::money(size_t column, double yuan) {
  cells[column].kind = CellKind::money;
  cells[column].number = yuan;
}

void Row::date(size_t column, int64_t day, CellKind kind) {
  if (day <= 0) return;
  cells[column].kind = kind;
  cells[column].day = day;
}

void Row::typed_date(size_t column, int64_t day, int style) {
  if (day <= 0) return;
  text(column, sample::typed_date(day, style));
  cells[column].day = day;
}

}  // namespace casestat::sample

namespace casestat::sample {

std::string plain_number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value)) && value > -1e15 && value < 1e15)
    return std::to_string(static_cast<int64_t>(value));
  return fmt::format("{}", value);  // the shortest text that reads back as the same double
}

}  // namespace casestat::sample
