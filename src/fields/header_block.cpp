#include "fields/header_block.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/location.hpp"
#include "core/text.hpp"
#include "fields/sheet_layout.hpp"

namespace casestat {

namespace {

constexpr int64_t kMaxCaptionRows = 4;  // rows of captions above the field names

std::string own_text(const Row& row, size_t column) {
  if (column >= row.cells.size() || row.cells[column].empty()) return "";
  return std::string(trim(row.cells[column].text));
}

const Row* row_numbered(const std::vector<Row>& rows, int64_t number) {
  for (const auto& row : rows)
    if (row.number == number) return &row;
  return nullptr;
}

// The ranges whose top-left cell is on rows first..last.
template <typename F>
void for_ranges_starting(const std::vector<MergedRange>& ranges, int64_t first, int64_t last, F&& f) {
  for (const auto& range : ranges) {
    if (range.first_row > last) break;  // sorted by first row
    if (range.first_row >= first) f(range);
  }
}

const MergedRange* range_at(const std::vector<MergedRange>& ranges, int64_t row, size_t column) {
  for (const auto& range : ranges) {
    if (range.first_row > row) break;
    if (range.covers(row, column)) return &range;
  }
  return nullptr;
}

bool has_colon(const Row& row) {
  for (const auto& cell : row.cells)
    if (!cell.empty() && (cell.text.find(':') != std::string::npos || cell.text.find("：") != std::string::npos))
      return true;
  return false;
}

// Is `row`, right above the rows of a header block, a row of captions rather than a title or a
// line such as 填报单位：…? Captions come several to a row; a single text is a caption only
// when it stands over part of the header, not from its left edge (a title, merged or not,
// however many columns its merge spans).
bool is_caption_row(const Row& row, int64_t row_below, const std::vector<MergedRange>& ranges, size_t first_column) {
  if (row.number != row_below - 1 || has_colon(row)) return false;
  std::vector<size_t> own;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (row.cells[c].empty()) continue;
    const MergedRange* range = range_at(ranges, row.number, c);
    if (range && (range->first_row != row.number || range->first_column != c)) continue;  // hidden under a merge
    own.push_back(c);
  }
  if (own.size() != 1) return own.size() >= 2;
  return own[0] > first_column;
}

enum class Origin : char { none, own, merged, inferred };
struct Caption {
  std::string text;
  Origin origin = Origin::none;
  bool covered = false;  // inside a merged range: its text is the range's, never inferred
};
using Grid = std::vector<std::vector<Caption>>;  // [row of the block][column]

// The block's own texts, then its merged ranges: a range that ends above the field-name row is
// a caption over every column it spans; one that reaches it names its first column only.
Grid caption_grid(const std::vector<const Row*>& block, const std::vector<MergedRange>& ranges, size_t width) {
  Grid grid(block.size(), std::vector<Caption>(width));
  for (size_t k = 0; k < block.size(); ++k)
    for (size_t c = 0; c < width; ++c)
      if (std::string text = own_text(*block[k], c); !text.empty()) grid[k][c] = {std::move(text), Origin::own, false};
  const int64_t top = block.front()->number, bottom = block.back()->number;
  for (const auto& range : ranges) {
    if (range.first_row > bottom) break;
    if (range.last_row < top) continue;
    std::string text;
    bool ours = range.first_row >= top;  // a range from above the block (a title) gives it nothing
    if (ours) text = own_text(*block[static_cast<size_t>(range.first_row - top)], range.first_column);
    bool names = range.last_row >= bottom;
    for (int64_t r = std::max(range.first_row, top); r <= std::min(range.last_row, bottom); ++r) {
      auto& line = grid[static_cast<size_t>(r - top)];
      for (size_t c = range.first_column; c <= range.last_column && c < width; ++c) {
        bool gets = ours && (!names || c == range.first_column);
        line[c] = {gets ? text : "", gets && !text.empty() ? Origin::merged : Origin::none, true};
        if (r == range.first_row && c == range.first_column && gets && !text.empty()) line[c].origin = Origin::own;
      }
    }
  }
  return grid;
}

// Where no merge says, a caption written once stands for the cells a merge would have joined:
// rightwards over empty cells that have names below them (案件信息 over 案号, 案件类别), and
// downwards into empty cells (序号 and 承办单位 written only on the upper row).
void infer_captions(Grid& grid) {
  for (size_t k = 0; k < grid.size(); ++k) {
    auto& line = grid[k];
    if (k + 1 < grid.size()) {
      const auto& below = grid[k + 1];
      for (size_t c = 0; c < line.size(); ++c) {
        if (line[c].origin != Origin::own || line[c].covered || below[c].text.empty()) continue;
        for (size_t d = c + 1; d < line.size() && line[d].text.empty() && !line[d].covered && !below[d].text.empty(); ++d)
          line[d] = {line[c].text, Origin::inferred, false};
      }
    }
    if (k > 0)
      for (size_t c = 0; c < line.size(); ++c)
        if (line[c].text.empty() && !line[c].covered && !grid[k - 1][c].text.empty())
          line[c] = {grid[k - 1][c].text, Origin::inferred, false};
  }
}

std::string joined(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& caption : path) out += (out.empty() ? "" : "/") + caption;
  return out;
}

// Binds columns to fields (a caption path alias first, then the name); two columns meaning one
// field is an error; extra columns sharing a name are told apart by their captions, else letters.
void bind_columns(std::vector<Column>& columns, const Dictionary& dictionary, const std::string& where) {
  std::map<const Field*, const Column*> bound;
  for (auto& column : columns) {
    if (column.serial) continue;
    auto match = dictionary.match(column.path);
    if (!match) continue;
    column.field = match->field;
    column.fen_per_unit = match->fen_per_unit;
    if (auto [it, fresh] = bound.emplace(match->field, &column); !fresh) {
      const Column& first = *it->second;
      std::string hint = first.path.size() > 1 || column.path.size() > 1
                             ? translate(", or tell them apart in the field dictionary by the captions above them "
                                           "(an alias such as \"{}\")",
                                           joined(column.path))
                             : "";
      data_error("{}: columns {} ({}) and {} ({}) both mean {}: keep one of them, or rename the other{}", where,
                 column_letter(static_cast<int64_t>(first.index)), joined(first.path),
                 column_letter(static_cast<int64_t>(column.index)), joined(column.path), match->field->name, hint);
    }
  }
  std::map<std::string, std::vector<Column*>> extras;
  for (auto& column : columns)
    if (!column.field && !column.serial) extras[column.header].push_back(&column);
  for (auto& [name, same] : extras) {
    if (same.size() < 2) continue;
    std::map<std::string, int> paths;
    for (const Column* column : same) ++paths[joined(column->path)];
    bool by_path = paths.size() == same.size() && std::all_of(same.begin(), same.end(), [](const Column* c) {
                     return c->path.size() > 1;
                   });
    for (size_t i = 0; i < same.size(); ++i) {
      if (by_path)
        same[i]->header = joined(same[i]->path);
      else if (i > 0)
        same[i]->header += " (" + column_letter(static_cast<int64_t>(same[i]->index)) + ")";
    }
  }
}

}  // namespace

bool is_serial_header(std::string_view header) { return compact(header) == "序号"; }

std::vector<std::string> header_texts(const std::vector<Row>& rows, const std::vector<MergedRange>& ranges) {
  const Row& row = rows.back();
  std::vector<std::string> texts;
  for (size_t c = 0; c < row.cells.size(); ++c) texts.push_back(own_text(row, c));
  for_ranges_starting(ranges, 1, row.number - 1, [&](const MergedRange& range) {
    if (range.last_row < row.number) return;
    const Row* top = row_numbered(rows, range.first_row);
    std::string text = top ? own_text(*top, range.first_column) : "";
    if (text.empty()) return;
    if (texts.size() <= range.first_column) texts.resize(range.first_column + 1);
    texts[range.first_column] = text;
  });
  return texts;
}

bool names_fields(const std::vector<std::string>& texts, const Dictionary& dictionary) {
  int matched = 0, non_empty = 0;
  for (const auto& text : texts) {
    if (text.empty()) continue;
    ++non_empty;
    if (dictionary.match(text)) ++matched;
  }
  return matched >= 2 || (matched == 1 && non_empty == 1);
}

bool continues_header(const std::vector<std::string>& upper_texts, const Row& lower, const Dictionary& dictionary) {
  bool under_caption = false;
  for (size_t c = 0; c < lower.cells.size(); ++c) {
    if (lower.cells[c].empty()) continue;
    if (c < upper_texts.size() && !upper_texts[c].empty()) {
      if (dictionary.match(upper_texts[c])) return false;
      continue;
    }
    size_t left = std::min(c, upper_texts.size());
    while (left > 0 && upper_texts[left - 1].empty()) --left;
    if (left > 0) under_caption = true;
  }
  return under_caption;
}

HeaderBlock find_header_block(const std::vector<Row>& rows, const std::vector<MergedRange>& ranges,
                              const Dictionary& dictionary, const std::string& where) {
  const Row& names_row = rows.back();
  std::vector<std::string> texts = header_texts(rows, ranges);
  size_t first_column = 0, last_column = 0;
  while (first_column < texts.size() && texts[first_column].empty()) ++first_column;
  for (size_t c = 0; c < texts.size(); ++c)
    if (!texts[c].empty()) last_column = c;

  size_t top = rows.size() - 1;
  while (top > 0 && names_row.number - rows[top - 1].number <= kMaxCaptionRows &&
         is_caption_row(rows[top - 1], rows[top].number, ranges, first_column))
    --top;
  std::vector<const Row*> block;
  size_t width = 0;
  for (size_t k = top; k < rows.size(); ++k) {
    block.push_back(&rows[k]);
    size_t w = rows[k].cells.size();
    while (w > 0 && rows[k].cells[w - 1].empty()) --w;
    width = std::max(width, w);
  }
  width = std::max(width, last_column + 1);

  Grid grid = caption_grid(block, ranges, width);
  infer_captions(grid);
  HeaderBlock header;
  header.first_row = block.front()->number;
  header.last_row = names_row.number;
  for (size_t c = 0; c < width; ++c) {
    Column column;
    column.index = c;
    for (const auto& line : grid)
      if (!line[c].text.empty() && (column.path.empty() || column.path.back() != line[c].text))
        column.path.push_back(line[c].text);
    column.header = grid.back()[c].text;
    if (column.header.empty()) continue;
    column.serial = is_serial_header(column.header);
    header.columns.push_back(std::move(column));
  }
  bind_columns(header.columns, dictionary, where);
  return header;
}

}  // namespace casestat
