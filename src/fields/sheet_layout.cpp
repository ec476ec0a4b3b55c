#include "fields/sheet_layout.hpp"

#include <algorithm>
#include <functional>
#include <optional>

#include "core/error.hpp"
#include "core/text.hpp"
#include "read/merged_ranges.hpp"

namespace casestat {

namespace {

// Data rows as the clerk sees them. A range merged down over data rows gives its value to each
// of its rows: text, dates and flags are the block's (an office, a case of several suspects);
// a money or count column is one figure for the block, so it stays in the first row only and
// is reported. Across columns, a merged value stays in its first column. Ranges that start in
// the header (or above) hold nothing for the data rows they reach into.
class MergeFiller {
 public:
  MergeFiller(const std::vector<MergedRange>& ranges, const HeaderBlock& header) : cursor_(ranges), header_(header) {
    for (const auto& column : header.columns) {
      if (counted_once_.size() <= column.index) counted_once_.resize(column.index + 1, 0);
      counted_once_[column.index] =
          column.field && (column.field->type == FieldType::money || column.field->type == FieldType::integer);
    }
  }

  // The row with merged values filled in: `row` itself when no range covers it, else a copy.
  const Row& fill(const Row& row, const std::function<void(const MergedRange&, const Cell&)>& on_figure) {
    auto& active = cursor_.advance_to(row.number);
    if (active.empty()) return row;
    filled_ = row;
    for (auto& merge : active) {
      const MergedRange& range = *merge.range;
      const size_t first = range.first_column;
      if (range.first_row <= header_.last_row) {
        clear(range.first_column, range.last_column);
        continue;
      }
      if (row.number == range.first_row) {
        if (first < row.cells.size()) merge.top_left = row.cells[first];
        merge.top_left_seen = true;
        if (counted_once(first) && range.last_row > range.first_row && !merge.top_left.empty())
          on_figure(range, merge.top_left);
        clear(first + 1, range.last_column);
        continue;
      }
      clear(first, range.last_column);
      if (merge.top_left_seen && !counted_once(first) && !merge.top_left.empty()) {
        if (filled_.cells.size() <= first) filled_.cells.resize(first + 1);
        filled_.cells[first] = merge.top_left;
      }
    }
    return filled_;
  }

 private:
  bool counted_once(size_t column) const { return column < counted_once_.size() && counted_once_[column]; }
  void clear(size_t from, size_t to) {
    for (size_t c = from; c <= to && c < filled_.cells.size(); ++c) filled_.cells[c] = Cell{};
  }

  MergeCursor cursor_;
  const HeaderBlock& header_;
  std::vector<char> counted_once_;  // by column index
  Row filled_;
};

class LayoutReader {
 public:
  LayoutReader(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary, const SheetOptions& options,
               LayoutHandler& handler)
      : dictionary_(dictionary),
        options_(options),
        handler_(handler),
        file_(workbook.display_name()),
        sheet_(workbook.sheet_names().at(sheet_index)),
        where_(Location{file_, sheet_, 0, ""}.describe()),
        ranges_(workbook.merged_ranges(sheet_index)) {}

  // One row from the reader; false stops the reading.
  bool take(const Row& row) {
    if (filler_) {
      data(row);
      return true;
    }
    kept_.push_back(row);
    if (options_.header_row > 0) {
      if (row.number == options_.header_row) bind(kept_.size() - 1);
      if (row.number > options_.header_row)
        data_error("{}: row {} (--header-row) is empty", where_, options_.header_row);
      return true;
    }
    std::vector<std::string> texts = header_texts(kept_, ranges_);
    bool names = names_fields(texts, dictionary_);
    if (candidate_) {
      // Field names on the next row too: the row before was captions of a header block.
      bool next = row.number == kept_[*candidate_].number + 1;
      if (next && names) {
        candidate_ = kept_.size() - 1;
        candidate_texts_ = std::move(texts);
      } else if (next && continues_header(candidate_texts_, row, dictionary_)) {
        candidate_ = kept_.size() - 1;
      } else {
        bind(*candidate_);
      }
      return true;
    }
    if (names) {
      candidate_ = kept_.size() - 1;  // bound once the next row shows it is the last header row
      candidate_texts_ = std::move(texts);
      return true;
    }
    if (static_cast<int64_t>(kept_.size()) < options_.max_header_search) return true;
    if (!options_.first_row_if_none) return false;
    bind(0, true);
    return true;
  }

  void finish() {
    if (filler_) return;
    if (candidate_) return bind(*candidate_);
    if (kept_.empty()) data_error("{}: is empty: there is no header row and no data", where_);
    if (options_.header_row > 0) data_error("{}: there is no row {} (--header-row)", where_, options_.header_row);
    if (options_.first_row_if_none) return bind(0, true);
    data_error("{}: no header row found in the first {} rows: expected column names such as 受理日期, 承办单位, "
               "案件类别 (the headers casestat knows are in templates/fields.toml; --header-row N names the row)",
               where_, std::min<int64_t>(static_cast<int64_t>(kept_.size()), options_.max_header_search));
  }

 private:
  // The header's field names are on kept_[index]; the rows kept after it are data.
  void bind(size_t index, bool assumed = false) {
    std::vector<Row> after(std::make_move_iterator(kept_.begin() + static_cast<std::ptrdiff_t>(index) + 1),
                           std::make_move_iterator(kept_.end()));
    kept_.resize(index + 1);
    header_ = find_header_block(kept_, ranges_, dictionary_, where_);
    header_.assumed = assumed;
    std::vector<int64_t> titles;
    for (const auto& row : kept_)
      if (row.number < header_.first_row) titles.push_back(row.number);
    for (const auto& column : header_.columns)
      if (!column.serial) value_columns_.push_back(column.index);
    kept_.clear();
    handler_.header(header_, titles);
    filler_.emplace(ranges_, header_);
    for (const auto& row : after) data(row);
  }

  void data(const Row& row) {
    bool blank = std::none_of(value_columns_.begin(), value_columns_.end(),
                              [&](size_t c) { return c < row.cells.size() && !row.cells[c].empty(); });
    if (blank) return handler_.row(row, RowKind::blank);
    if (is_total_row(row)) return handler_.row(row, RowKind::total);
    handler_.row(filler_->fill(row,
                               [&](const MergedRange& range, const Cell& cell) {
                                 handler_.merged_figure({Location{file_, sheet_, range.first_row, header_of(range.first_column)},
                                                         range, std::string(trim(cell.text))});
                               }),
                 RowKind::data);
  }

  std::string header_of(size_t column) const {
    for (const auto& c : header_.columns)
      if (c.index == column) return c.header;
    return column_letter(static_cast<int64_t>(column));
  }

  const Dictionary& dictionary_;
  const SheetOptions& options_;
  LayoutHandler& handler_;
  std::string file_, sheet_, where_;
  std::vector<MergedRange> ranges_;
  std::vector<Row> kept_;  // the rows read before the header is bound: at most max_header_search + 1
  std::optional<size_t> candidate_;
  std::vector<std::string> candidate_texts_;  // the first candidate's, whose names the rows below may continue
  HeaderBlock header_;
  std::vector<size_t> value_columns_;
  std::optional<MergeFiller> filler_;  // set once the header is bound
};

}  // namespace

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

std::string MergedFigure::describe() const {
  return translate("{}: {} is merged over rows {}-{} ({}): one figure for those rows, counted once, in row {}",
                     where.describe(), value, range.first_row, range.last_row, range.describe(), range.first_row);
}

void read_layout(Workbook& workbook, size_t sheet_index, const Dictionary& dictionary, const SheetOptions& options,
                 LayoutHandler& handler) {
  LayoutReader reader(workbook, sheet_index, dictionary, options, handler);
  workbook.read_sheet(sheet_index, [&](const Row& row) { return reader.take(row); });
  reader.finish();
}

}  // namespace casestat
