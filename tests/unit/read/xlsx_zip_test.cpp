// The xlsx archive's second handle and the merged ranges read ahead on it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "core/error.hpp"
#include "core/input.hpp"
#include "csv_xls_test_util.hpp"
#include "read/xlsx_merges.hpp"
#include "read/xlsx_zip.hpp"

using namespace casestat;
using casestat::test::data_file;

namespace {

// A copy of a fixture that a test may replace.
struct ScratchCopy {
  std::filesystem::path path;
  explicit ScratchCopy(const std::string& fixture) {
    path = std::filesystem::temp_directory_path() / ("casestat-zip-" + std::to_string(::getpid()) + ".xlsx");
    std::filesystem::copy_file(data_file(fixture), path, std::filesystem::copy_options::overwrite_existing);
  }
  ~ScratchCopy() { std::filesystem::remove(path); }
};

size_t inflated_size(XlsxZip& zip, const std::string& member) { return zip.read_all(member).size(); }

std::vector<std::string> refs(const std::vector<MergedRange>& ranges) {
  std::vector<std::string> out;
  for (const auto& r : ranges) out.push_back(r.describe());
  return out;
}

}  // namespace

TEST_CASE("xlsx zip: a second handle reads the same members, within the same bound") {
  const std::string file = data_file("xlsx/layout.xlsx");
  XlsxZip measure(file, "layout.xlsx", 64u << 20);
  const size_t sheet = inflated_size(measure, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet > 0);

  // Room for the sheet once: read on the first handle, then on the second, it goes over.
  XlsxZip zip(file, "layout.xlsx", sheet + sheet / 2);
  std::optional<XlsxZip> again = zip.reopen();
  REQUIRE(again);
  CHECK(again->read_all("xl/worksheets/sheet1.xml") == measure.read_all("xl/worksheets/sheet1.xml"));
  try {
    zip.read_all("xl/worksheets/sheet1.xml");
    FAIL("the two handles inflated more than their bound together");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data);
    CHECK_THAT(e.what(), Catch::Contains("looks like a zip bomb"));
  }
}

TEST_CASE("xlsx zip: no second handle on a file replaced since the first was opened") {
  ScratchCopy copy("xlsx/layout.xlsx");
  XlsxZip zip(copy.path, "layout.xlsx", 64u << 20);
  CHECK(zip.reopen());
  std::filesystem::copy_file(data_file("xlsx/pitfalls.xlsx"), copy.path, std::filesystem::copy_options::overwrite_existing);
  CHECK_FALSE(zip.reopen());
  std::filesystem::remove(copy.path);
  CHECK_FALSE(zip.reopen());
}

TEST_CASE("xlsx: merged ranges read ahead are those read when asked for") {
  const std::string file = data_file("merged/白银公益诉讼台账.xlsx");
  XlsxZip zip(file, "白银公益诉讼台账.xlsx", 64u << 20);
  std::vector<std::string> asked = refs(read_xlsx_merged_ranges(zip, "xl/worksheets/sheet1.xml", "x", ReadLimits{}));
  REQUIRE(asked.size() == 15);
  std::optional<XlsxZip> again = zip.reopen();
  REQUIRE(again);
  MergedRangesAhead ahead(std::move(*again), "xl/worksheets/sheet1.xml", "x", ReadLimits{});
  CHECK(refs(ahead.take()) == asked);

  // Their error too, when asked for.
  ReadLimits few;
  few.max_merged_ranges = 3;
  MergedRangesAhead refused(*zip.reopen(), "xl/worksheets/sheet1.xml", "白银公益诉讼台账.xlsx: sheet 公益诉讼", few);
  CHECK_THROWS_WITH(refused.take(), Catch::Contains("sheet 公益诉讼: the sheet has more than 3 merged ranges"));

  // Never asked for: stopped and joined.
  { MergedRangesAhead unused(*zip.reopen(), "xl/worksheets/sheet1.xml", "x", ReadLimits{}); }
}

TEST_CASE("xlsx: the first sheet's merged ranges are the same whichever sheet is read first") {
  const std::string file = data_file("merged/白银公益诉讼台账.xlsx");
  Input first_input(file);
  auto first = open_workbook(first_input);
  std::vector<std::string> ahead = refs(first->merged_ranges(0));
  CHECK(refs(first->merged_ranges(0)) == ahead);  // asked again: read again
  REQUIRE(ahead.size() == 15);

  // A workbook whose second sheet is read first: the first one's ranges are read when asked for.
  Input pitfalls(data_file("xlsx/pitfalls.xlsx"));
  auto book = open_workbook(pitfalls);
  std::vector<std::string> second = refs(book->merged_ranges(1));
  casestat::test::read_rows(*book, 1);
  Input pitfalls_again(data_file("xlsx/pitfalls.xlsx"));
  CHECK(refs(book->merged_ranges(0)) == refs(open_workbook(pitfalls_again)->merged_ranges(0)));
  CHECK(second.empty());
}
