// A workbook made in the test: sheets of text cells, read like any other.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "read/workbook.hpp"

namespace casestat::test {

class FakeWorkbook : public Workbook {
 public:
  using Sheet = std::vector<std::vector<std::string>>;  // rows of cells; "" is an empty cell
  FakeWorkbook(std::string name, std::vector<std::pair<std::string, Sheet>> sheets)
      : Workbook(std::move(name)) {
    for (auto& [sheet_name, rows] : sheets) {
      names_.push_back(sheet_name);
      sheets_.push_back(std::move(rows));
    }
  }
  const char* format() const override { return "fake"; }
  const std::vector<std::string>& sheet_names() const override { return names_; }
  void read_sheet(size_t index, const RowHandler& on_row) override {
    ++reads;
    const Sheet& sheet = sheets_.at(index);
    for (size_t r = 0; r < sheet.size(); ++r) {
      Row row;
      row.number = static_cast<int64_t>(r + 1);
      bool any = false;
      for (const auto& text : sheet[r]) {
        Cell cell;
        if (!text.empty()) {
          cell.type = Cell::Type::text;
          cell.text = text;
          any = true;
        }
        row.cells.push_back(cell);
      }
      if (any && !on_row(row)) return;  // rows without a cell are not reported, as in the readers
    }
  }
  std::vector<MergedRange> merged_ranges(size_t index) override {
    return index < merges.size() ? merges[index] : std::vector<MergedRange>{};
  }
  int reads = 0;
  std::vector<std::vector<MergedRange>> merges;  // per sheet, settled (sorted, no overlaps)

 private:
  std::vector<std::string> names_;
  std::vector<Sheet> sheets_;
};

}  // namespace casestat::test
