// Header blocks and merged cells: sheets laid out as offices keep them, with their merges as an
// xlsx gives them, and the same sheets exported (a merged value in its first cell only).
#include <catch2/catch.hpp>

#include "../ingest/fake_workbook.hpp"
#include "core/error.hpp"
#include "fields/sheet_reader.hpp"
#include "read/merged_ranges.hpp"

using namespace casestat;
using casestat::test::FakeWorkbook;

namespace {

const Dictionary& dictionary() {
  static Dictionary d = Dictionary::load(std::string(CASESTAT_TEMPLATES_DIR) + "/fields.toml");
  return d;
}

std::vector<MergedRange> ranges(std::initializer_list<std::string_view> refs) {
  std::vector<MergedRange> out;
  for (auto ref : refs) out.push_back(*parse_merged_range(ref, ReadLimits{}));
  settle_merged_ranges(out, "test");
  return out;
}

struct Read {
  SheetSummary summary;
  std::vector<Record> records;
  std::string text(size_t record, std::string_view id) const {
    for (const auto& [field, value] : records.at(record).values)
      if (field->id == id) return std::holds_alternative<std::string>(value) ? std::get<std::string>(value)
                                                                             : std::to_string(std::get<int64_t>(value));
    return "";
  }
};

Read read(FakeWorkbook& book, const Dictionary& dict = dictionary()) {
  Read out;
  out.summary = read_records(book, 0, dict, SheetOptions{}, [&](const Record& r) { out.records.push_back(r); });
  return out;
}

std::vector<std::string> headers(const SheetSummary& summary) {
  std::vector<std::string> out;
  for (const auto& c : summary.columns) out.push_back(c.header);
  return out;
}

// The layout, narrowed: title, two header rows, an office merged down its block.
FakeWorkbook::Sheet office_sheet() {
  return {
      {"白银市公益诉讼案件台账", "", "", "", "", "", ""},
      {"序号", "承办单位", "案件信息", "", "办理情况", "", "挽回损失（万元）"},
      {"", "", "案号", "案件类别", "立案日期", "是否整改到位", ""},
      {"1", "平川区院", "A1号", "行政公益诉讼", "2023-01-10", "是", "12.5"},
      {"2", "", "A2号", "", "2023-02-03", "否", ""},
      {"", "", "", "", "", "", ""},
      {"3", "会宁县院", "B1号", "民事公益诉讼", "2023-03-01", "", "0.8"},
      {"4", "", "B2号", "民事公益诉讼", "2023-04-01", "", ""},
      {"合计", "", "", "", "", "", "13.3"},
  };
}

}  // namespace

TEST_CASE("layout: a two-row header with merged captions, offices merged down their blocks") {
  FakeWorkbook book("台账.xlsx", {{"公益诉讼", office_sheet()}});
  book.merges = {ranges({"A1:G1", "A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:G3", "B4:B5", "D4:D5", "B7:B8", "G7:G8",
                         "A9:B9"})};
  Read r = read(book);
  CHECK(r.summary.header_first_row == 2);
  CHECK(r.summary.header_row == 3);
  CHECK(r.summary.header_words() == "header on rows 2-3");
  CHECK(r.summary.title_rows == std::vector<int64_t>{1});
  CHECK(headers(r.summary) == std::vector<std::string>{"承办单位", "案号", "案件类别", "立案日期", "是否整改到位", "挽回损失（万元）"});
  CHECK(r.summary.columns[3].path == std::vector<std::string>{"办理情况", "立案日期"});
  CHECK(r.summary.columns[0].path == std::vector<std::string>{"承办单位"});
  REQUIRE(r.records.size() == 4);
  CHECK(r.text(0, "unit") == "平川区院");
  CHECK(r.text(1, "unit") == "平川区院");  // merged down: every row of the block
  CHECK(r.text(1, "category") == "行政公益诉讼");
  CHECK(r.text(2, "unit") == "会宁县院");
  CHECK(r.text(3, "unit") == "会宁县院");
  CHECK(r.text(2, "recovered") == "800000");  // 0.8 万元 in 分, once
  CHECK(r.text(3, "recovered").empty());         // not again in the second row
  CHECK(r.summary.rows_blank == 1);
  CHECK(r.summary.rows_total == 1);
  REQUIRE(r.summary.merged_figures.size() == 1);
  const MergedFigure& figure = r.summary.merged_figures[0];
  CHECK(figure.range.describe() == "G7:G8");
  CHECK(figure.describe() ==
        "台账.xlsx: sheet 公益诉讼, row 7, column 挽回损失（万元）: 0.8 is merged over rows 7-8 (G7:G8): one figure for "
        "those rows, counted once, in row 7");
}

TEST_CASE("layout: the same sheet exported to CSV keeps captions, not merged data") {
  FakeWorkbook book("台账.csv", {{"", office_sheet()}});
  Read r = read(book);
  CHECK(r.summary.header_first_row == 2);
  CHECK(r.summary.header_row == 3);
  CHECK(headers(r.summary) == std::vector<std::string>{"承办单位", "案号", "案件类别", "立案日期", "是否整改到位", "挽回损失（万元）"});
  CHECK(r.summary.columns[2].path == std::vector<std::string>{"案件信息", "案件类别"});
  REQUIRE(r.records.size() == 4);
  CHECK(r.text(0, "unit") == "平川区院");
  CHECK(r.text(1, "unit").empty());  // no merge information: an empty cell is empty
  CHECK(r.text(3, "recovered").empty());
  CHECK(r.summary.merged_figures.empty());
}

TEST_CASE("layout: a caption row with several field names above the names row") {
  // 承办单位 and 承办人 on the upper row name fields themselves: the header still ends on row 2.
  FakeWorkbook book("b.csv", {{"", {{"序号", "承办单位", "承办人", "办理情况", ""},
                                     {"", "", "", "受理日期", "办结日期"},
                                     {"1", "平川区院", "张三", "2023-01-01", "2023-02-01"}}}});
  Read r = read(book);
  CHECK(r.summary.header_first_row == 1);
  CHECK(r.summary.header_row == 2);
  CHECK(headers(r.summary) == std::vector<std::string>{"承办单位", "承办人", "受理日期", "办结日期"});
  REQUIRE(r.records.size() == 1);
  CHECK(r.text(0, "handler") == "张三");
  CHECK(r.text(0, "closed_on") == "2023-02-01");
}

TEST_CASE("layout: titles and 填报 lines above the header are not captions") {
  FakeWorkbook book("c.csv", {{"", {{"临江县院案件台账", ""},
                                     {"填报单位：临江县院", "填报时间：2023年7月"},
                                     {"承办单位", "受理日期"},
                                     {"临江县院", "2023-01-01"}}}});
  Read r = read(book);
  CHECK(r.summary.header_first_row == 3);
  CHECK(r.summary.title_rows == std::vector<int64_t>{1, 2});
  CHECK(r.summary.columns[0].path == std::vector<std::string>{"承办单位"});
}

TEST_CASE("layout: two 日期 columns told apart by the captions above them") {
  FakeWorkbook::Sheet sheet{{"案号", "受理情况", "", "办结情况", ""},
                            {"", "日期", "线索来源", "日期", "处理结果"},
                            {"1号", "2023-01-05", "举报", "2023-03-01", "起诉"}};
  FakeWorkbook book("d.xlsx", {{"案件", sheet}});
  book.merges = {ranges({"A1:A2", "B1:C1", "D1:E1"})};
  // Without path aliases: two extra columns, named by their captions.
  Read plain = read(book);
  CHECK(headers(plain.summary) == std::vector<std::string>{"案号", "受理情况/日期", "线索来源", "办结情况/日期", "处理结果"});
  REQUIRE(plain.records.size() == 1);
  CHECK(plain.records[0].extras["受理情况/日期"] == "2023-01-05");
  CHECK(plain.records[0].extras["办结情况/日期"] == "2023-03-01");
  // With them: two fields.
  Dictionary site = Dictionary::load(std::string(CASESTAT_TEST_DATA) + "/merged/fields-two-dates.toml");
  Read bound = read(book, site);
  REQUIRE(bound.records.size() == 1);
  CHECK(bound.text(0, "received_on") == "2023-01-05");
  CHECK(bound.text(0, "closed_on") == "2023-03-01");
  CHECK(bound.summary.columns[1].field->id == "received_on");
  CHECK(bound.summary.columns[1].header == "日期");
}

TEST_CASE("layout: ranges reaching from the header into the data, and beyond the data") {
  // 备注 merged from the header down into the data rows gives the data nothing; a range far
  // beyond the last row and a range of the whole sheet's width cost nothing.
  FakeWorkbook book("e.xlsx", {{"s", {{"承办单位", "受理日期", "备注"},
                                      {"平川区院", "2023-01-01", ""},
                                      {"", "2023-01-02", ""},
                                      {"", "2023-01-03", ""}}}});
  book.merges = {ranges({"C1:C3", "A2:A1048576"})};
  Read r = read(book);
  REQUIRE(r.records.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(r.text(i, "unit") == "平川区院");
    CHECK(r.records[i].extras.is_null());  // 备注 never takes the header's text
  }
}

TEST_CASE("layout: a merge across columns in a data row keeps its value in its first column") {
  FakeWorkbook book("f.xlsx", {{"s", {{"承办单位", "受理日期", "备注", "其他"},
                                      {"平川区院", "2023-01-01", "说明", "藏起的值"}}}});
  book.merges = {ranges({"C2:D2"})};
  Read r = read(book);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].extras["备注"] == "说明");
  CHECK_FALSE(r.records[0].extras.contains("其他"));  // Excel shows only the first cell of a merge
}

TEST_CASE("layout: a caption over columns no dictionary knows keeps them as extras") {
  FakeWorkbook book("g.csv", {{"", {{"承办单位", "受理日期", "督办情况", ""},
                                     {"", "", "督办人", "督办日期"},
                                     {"平川区院", "2023-01-01", "王某", "2023-02-01"}}}});
  Read r = read(book);
  CHECK(headers(r.summary) == std::vector<std::string>{"承办单位", "受理日期", "督办人", "督办日期"});
  CHECK(r.summary.columns[3].path == std::vector<std::string>{"督办情况", "督办日期"});
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].extras["督办日期"] == "2023-02-01");
}

TEST_CASE("layout: two columns meaning one field under different captions name the fix") {
  FakeWorkbook book("h.csv", {{"", {{"受理情况", "", "办结情况", ""},
                                     {"受理日期", "承办单位", "受理日期", "承办人"},
                                     {"2023-01-01", "a", "2023-02-01", "b"}}}});
  try {
    read(book);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data);
    CHECK_THAT(e.what(), Catch::Contains("columns A (受理情况/受理日期) and C (办结情况/受理日期) both mean 受理日期"));
    CHECK_THAT(e.what(), Catch::Contains("\"办结情况/受理日期\""));
  }
}
