#include "read/merged_ranges.hpp"

#include <algorithm>
#include <map>
#include <queue>

#include "core/error.hpp"
#include "core/location.hpp"

namespace casestat {

namespace {

// "B24" -> column 1, row 24, within the limits; false otherwise.
bool parse_cell_ref(std::string_view ref, const ReadLimits& limits, size_t& column, int64_t& row) {
  size_t i = 0, col = 0;
  for (; i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z')); ++i) {
    if (i >= 3) return false;  // XFD is the last column: three letters at most
    col = col * 26 + static_cast<size_t>((ref[i] & ~0x20) - 'A' + 1);
  }
  if (i == 0 || col > static_cast<size_t>(limits.max_columns)) return false;
  size_t digits_from = i;
  int64_t r = 0;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) {
    if (i - digits_from >= 8) return false;
    r = r * 10 + (ref[i] - '0');
  }
  if (i == digits_from || i != ref.size() || r < 1 || r > limits.max_rows) return false;
  column = col - 1;
  row = r;
  return true;
}

}  // namespace

std::string MergedRange::describe() const {
  std::string first = column_letter(static_cast<int64_t>(first_column)) + std::to_string(first_row);
  if (first_row == last_row && first_column == last_column) return first;
  return first + ":" + column_letter(static_cast<int64_t>(last_column)) + std::to_string(last_row);
}

std::optional<MergedRange> parse_merged_range(std::string_view ref, const ReadLimits& limits) {
  while (!ref.empty() && ref.front() == ' ') ref.remove_prefix(1);
  while (!ref.empty() && ref.back() == ' ') ref.remove_suffix(1);
  size_t colon = ref.find(':');
  std::string_view first = ref.substr(0, colon);
  std::string_view last = colon == std::string_view::npos ? first : ref.substr(colon + 1);
  MergedRange range;
  if (!parse_cell_ref(first, limits, range.first_column, range.first_row) ||
      !parse_cell_ref(last, limits, range.last_column, range.last_row))
    return std::nullopt;
  // Excel writes the top-left corner first; a writer that does not is read as meant.
  if (range.last_row < range.first_row) std::swap(range.first_row, range.last_row);
  if (range.last_column < range.first_column) std::swap(range.first_column, range.last_column);
  return range;
}

void settle_merged_ranges(std::vector<MergedRange>& ranges, const std::string& where) {
  std::erase_if(ranges, [](const MergedRange& r) { return r.first_row == r.last_row && r.first_column == r.last_column; });
  std::sort(ranges.begin(), ranges.end(), [](const MergedRange& a, const MergedRange& b) {
    return a.first_row != b.first_row ? a.first_row < b.first_row : a.first_column < b.first_column;
  });
  // A sweep down the rows: the ranges still open at a range's first row all cover that row, so
  // they are apart in columns; the new range can only meet its neighbours by first column.
  std::map<size_t, const MergedRange*> open;  // first column -> range
  using Ending = std::pair<int64_t, size_t>;  // last row, first column
  std::priority_queue<Ending, std::vector<Ending>, std::greater<>> endings;
  for (const MergedRange& range : ranges) {
    while (!endings.empty() && endings.top().first < range.first_row) {
      open.erase(endings.top().second);
      endings.pop();
    }
    auto after = open.lower_bound(range.first_column);
    const MergedRange* other = nullptr;
    if (after != open.end() && after->second->first_column <= range.last_column) other = after->second;
    if (!other && after != open.begin() && std::prev(after)->second->last_column >= range.first_column)
      other = std::prev(after)->second;
    if (other)
      data_error("{}: the file is damaged: the merged ranges {} and {} overlap; open it in Excel or WPS and save it "
                 "again",
                 where, other->describe(), range.describe());
    open.emplace(range.first_column, &range);
    endings.emplace(range.last_row, range.first_column);
  }
}

std::vector<MergeCursor::Active>& MergeCursor::advance_to(int64_t row) {
  std::erase_if(active_, [&](const Active& a) { return a.range->last_row < row; });
  for (; next_ < ranges_.size() && ranges_[next_].first_row <= row; ++next_)
    if (ranges_[next_].last_row >= row) active_.push_back({&ranges_[next_], {}, false});
  return active_;
}

}  // namespace casestat
