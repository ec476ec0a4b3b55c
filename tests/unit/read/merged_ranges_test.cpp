// Merged ranges: their notation, the overlap check, the walk along the rows, and the xlsx
// reader finding <mergeCells> after the sheet's data (tests/cli/data/merged/make-merged-fixtures.py).
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/input.hpp"
#include "csv_xls_test_util.hpp"
#include "read/merged_ranges.hpp"

using namespace casestat;

namespace {

MergedRange range(std::string_view ref) {
  auto r = parse_merged_range(ref, ReadLimits{});
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_CASE("merged ranges: A1 notation both ways, within the sheet's bounds") {
  MergedRange b = range("B4:B24");
  CHECK(b.first_row == 4);
  CHECK(b.last_row == 24);
  CHECK(b.first_column == 1);
  CHECK(b.last_column == 1);
  CHECK(b.describe() == "B4:B24");
  CHECK(range("C2:E2").describe() == "C2:E2");
  CHECK(range("E3:C2") == range("C2:E3"));  // corners in the other order: the same range
  CHECK(range("B7").describe() == "B7");   // one cell
  MergedRange all = range("A1:XFD1048576");
  CHECK(all.last_column == 16383);
  CHECK(all.last_row == 1048576);
  for (std::string_view bad : {"", "A", "1", "A0", "XFE1", "A1048577", "A1:", "AAAA1", "A1:B2:C3", "A-1", "A1B2"})
    CHECK_FALSE(parse_merged_range(bad, ReadLimits{}));
}

TEST_CASE("merged ranges: sorted, one-cell ranges left out, overlaps refused") {
  std::vector<MergedRange> ranges{range("C2:E2"), range("A1:K1"), range("B7"), range("A2:A3"), range("B4:B6")};
  settle_merged_ranges(ranges, "book.xlsx: sheet 台账");
  REQUIRE(ranges.size() == 4);
  CHECK(ranges[0].describe() == "A1:K1");
  CHECK(ranges[1].describe() == "A2:A3");
  CHECK(ranges[2].describe() == "C2:E2");
  CHECK(ranges[3].describe() == "B4:B6");

  std::vector<MergedRange> touching{range("A1:B2"), range("C1:D2"), range("A3:D3"), range("E1:E9")};
  CHECK_NOTHROW(settle_merged_ranges(touching, "x"));

  for (auto pair : std::vector<std::pair<std::string_view, std::string_view>>{
           {"A1:B2", "B2:C3"}, {"B4:B24", "A10:C10"}, {"A1:XFD1048576", "Z500:Z501"}, {"C1:C9", "A5:D5"}}) {
    std::vector<MergedRange> overlapping{range(pair.first), range(pair.second), range("Q1:R1")};
    try {
      settle_merged_ranges(overlapping, "book.xlsx: sheet 台账");
      FAIL("no error for " << pair.first << " and " << pair.second);
    } catch (const Error& e) {
      CHECK(e.code() == Exit::data);
      CHECK_THAT(e.what(), Catch::Contains("book.xlsx: sheet 台账: the file is damaged: the merged ranges"));
      CHECK_THAT(e.what(), Catch::Contains("overlap"));
    }
  }
}

TEST_CASE("merged ranges: the walk along the rows keeps only the ranges of the row") {
  std::vector<MergedRange> ranges{range("A1:K1"), range("A2:A3"), range("B2:B3"), range("B4:B6"), range("D5:D1048576")};
  settle_merged_ranges(ranges, "x");
  MergeCursor cursor(ranges);
  auto described = [](const std::vector<MergeCursor::Active>& active) {
    std::vector<std::string> out;
    for (const auto& a : active) out.push_back(a.range->describe());
    return out;
  };
  CHECK(described(cursor.advance_to(1)) == std::vector<std::string>{"A1:K1"});
  CHECK(described(cursor.advance_to(3)) == std::vector<std::string>{"A2:A3", "B2:B3"});  // row 2 never came
  auto& row4 = cursor.advance_to(4);
  REQUIRE(row4.size() == 1);
  row4[0].top_left.text = "平川";  // the caller's note stays with the range
  CHECK(cursor.advance_to(5).size() == 2);
  CHECK(cursor.advance_to(5)[0].top_left.text == "平川");
  CHECK(described(cursor.advance_to(7)) == std::vector<std::string>{"D5:D1048576"});
  CHECK(described(cursor.advance_to(1048576)) == std::vector<std::string>{"D5:D1048576"});
  CHECK(cursor.advance_to(1048577).empty());
}

TEST_CASE("merged ranges: a huge range costs nothing per cell") {
  // One range over the whole sheet, walked at rows a million apart: the cursor holds one entry.
  std::vector<MergedRange> ranges{range("A1:XFD1048576")};
  settle_merged_ranges(ranges, "x");
  MergeCursor cursor(ranges);
  for (int64_t row : {1, 2, 500000, 1048576}) CHECK(cursor.advance_to(row).size() == 1);
}

TEST_CASE("xlsx: merged ranges are read from after the sheet's data") {
  Input input(casestat::test::data_file("merged/白银公益诉讼台账.xlsx"));
  auto book = open_workbook(input);
  std::vector<std::string> refs;
  for (const auto& r : book->merged_ranges(0)) refs.push_back(r.describe());
  CHECK(refs == std::vector<std::string>{"A1:K1", "A2:A3", "B2:B3", "C2:E2", "F2:I2", "J2:J3", "K2:K3", "B4:B6",
                                         "B8:B11", "D8:D9", "E10:E11", "J10:J11", "B13:B14", "G14:H14", "A15:B15"});
  // A sheet without merges has none; CSV has none.
  Input plain(casestat::test::data_file("xlsx/layout.xlsx"));
  auto layout = open_workbook(plain);
  CHECK(layout->merged_ranges(0).size() == 1);  // its merged title row
  Input csv(casestat::test::data_file("merged/白银公益诉讼台账.csv"));
  CHECK(open_workbook(csv)->merged_ranges(0).empty());
}

TEST_CASE("xlsx: <x:mergeCells> found across the reader's pieces, not in a cell's text") {
  Input input(casestat::test::data_file("merged/boundary.xlsx"));
  auto book = open_workbook(input);
  std::vector<std::string> refs;
  for (const auto& r : book->merged_ranges(0)) refs.push_back(r.describe());
  CHECK(refs == std::vector<std::string>{"B1:C1", "A2:A5"});
}

TEST_CASE("xlsx: too many merged ranges are refused") {
  Input input(casestat::test::data_file("merged/白银公益诉讼台账.xlsx"));
  ReadOptions options;
  options.limits.max_merged_ranges = 3;
  auto book = open_workbook(input, options);
  try {
    book->merged_ranges(0);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data);
    CHECK_THAT(e.what(), Catch::Contains("sheet 公益诉讼: the sheet has more than 3 merged ranges"));
  }
}
