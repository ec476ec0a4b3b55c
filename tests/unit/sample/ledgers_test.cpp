// The sample ledgers as rows: how many, dates in range and in order, the mix of cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sample/calendar.hpp"
#include "sample/ledgers.hpp"

using namespace casestat::sample;

namespace {

struct Rows {
  std::vector<Row> rows;
  Row total;
};

Rows collect(Ledger& ledger) {
  Rows out;
  for (int64_t i = 0; i < ledger.rows(); ++i) {
    Row row;
    ledger.row(i, row);
    out.rows.push_back(row);
  }
  if (ledger.layout().total_row) ledger.total(out.total);
  return out;
}

size_t column(const Ledger& ledger, const std::string& header) {
  const auto& headers = ledger.layout().headers;
  for (size_t c = 0; c < headers.size(); ++c)
    if (headers[c] == header) return c;
  FAIL("no column " << header << " in " << ledger.layout().file);
  return 0;
}

int64_t day(const Row& row, size_t c) { return row.cells[c].day; }
bool present(const Row& row, size_t c) { return row.cells[c].kind != CellKind::empty; }
const std::string& text(const Row& row, size_t c) { return row.cells[c].text; }

// A date typed by hand read back, independently of calendar.cpp's writer: 2025年3月5日, 2025.3.5, 2025/3/5.
int64_t parse_typed(const std::string& s, int& style) {
  int y = 0, m = 0, d = 0, hour = 0, minute = 0;
  char a[8] = {}, b[8] = {};
  const bool digits = s.find_first_not_of("0123456789") == std::string::npos;
  if (s.size() == 16 && std::sscanf(s.c_str(), "%4d-%2d-%2d %2d:%2d", &y, &m, &d, &hour, &minute) == 5) {
    style = 6;
  } else if (s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
    style = 3;
  } else if (s.size() == 8 && digits && std::sscanf(s.c_str(), "%4d%2d%2d", &y, &m, &d) == 3) {
    style = 4;
  } else if (std::sscanf(s.c_str(), "%d%3s%d%3s%d", &y, a, &m, b, &d) == 5 && std::string(a) == "年" &&
             std::string(b) == "月" && s.substr(s.size() - 3) == "号") {
    style = 5;
  } else if (std::sscanf(s.c_str(), "%d.%d.%d", &y, &m, &d) == 3 && s.find('.') != std::string::npos) {
    style = 1;
  } else if (std::sscanf(s.c_str(), "%d/%d/%d", &y, &m, &d) == 3) {
    style = 2;
  } else if (std::sscanf(s.c_str(), "%d%3s%d%3s%d", &y, a, &m, b, &d) == 5 && std::string(a) == "年" &&
             std::string(b) == "月" && s.substr(s.size() - 3) == "日") {
    style = 0;
  } else {
    return 0;
  }
  return days_from_civil(y, m, d);
}

const std::vector<std::string> kFiles = {"案件信息.xlsx", "公益诉讼台账.xlsx", "检察建议台账.xlsx", "信访台账.csv",
                                         "司法救助台账.xlsx"};

}  // namespace

TEST_CASE("the sample set: five ledgers, with rows in proportion to the case list") {
  for (int64_t n : {1200, 301, 7, 1}) {
    auto ledgers = sample_ledgers(2025, n);
    REQUIRE(ledgers.size() == 5);
    const std::vector<int64_t> expected = {n, std::max<int64_t>(1, n / 3), std::max<int64_t>(1, n / 4),
                                           std::max<int64_t>(1, n * 2 / 3), std::max<int64_t>(1, n / 5)};
    for (size_t i = 0; i < ledgers.size(); ++i) {
      INFO(kFiles[i] << " with " << n << " cases");
      CHECK(ledgers[i]->layout().file == kFiles[i]);
      CHECK(ledgers[i]->rows() == expected[i]);
      const Rows rows = collect(*ledgers[i]);
      CHECK(static_cast<int64_t>(rows.rows.size()) == expected[i]);
      for (const auto& row : rows.rows) CHECK(row.cells.size() == ledgers[i]->layout().headers.size());
    }
  }
}

TEST_CASE("every date lies in 2024-2025 (petitions: from 2023) and after the dates it follows") {
  const int64_t first_2023 = days_from_civil(2023, 1, 1);
  for (uint64_t seed : {1u, 2025u, 77u}) {
    auto ledgers = sample_ledgers(seed, 1500);
    ledgers.push_back(bench_ledger(seed, 2000));
    for (auto& ledger : ledgers) {
      const Layout& layout = ledger->layout();
      const int64_t earliest = layout.file == "信访台账.csv" ? first_2023 : kFirstDay;
      int64_t dates = 0;
      for (const auto& row : collect(*ledger).rows)
        for (size_t c = 0; c < row.cells.size(); ++c) {
          if (row.cells[c].day == 0) continue;
          INFO(layout.file << ", column " << layout.headers[c] << ": " << iso_date(row.cells[c].day));
          CHECK(row.cells[c].day >= earliest);
          CHECK(row.cells[c].day <= kLastDay);
          ++dates;
        }
      INFO(layout.file);
      CHECK(dates > ledger->rows());
    }
  }
  // Order within a row: [later, earlier] column pairs, where both are present.
  const std::map<std::string, std::vector<std::pair<std::string, std::string>>> order = {
      {"案件信息.xlsx", {{"立案日期", "受理日期"}, {"办结日期", "受理日期"}, {"听证日期", "受理日期"}, {"办结日期", "听证日期"}}},
      {"公益诉讼台账.xlsx", {{"立案日期", "线索受理日期"}, {"诉前检察建议日期", "立案日期"}, {"提起诉讼日期", "立案日期"}}},
      {"检察建议台账.xlsx", {{"回复日期", "制发日期"}}},
      {"信访台账.csv", {{"程序性回复日期", "来信来访日期"}, {"化解日期", "来信来访日期"}}},
      {"司法救助台账.xlsx", {{"办结日期", "受理日期"}}},
      {"bench-cases.xlsx", {{"立案日期", "受理日期"}, {"办结日期", "受理日期"}}}};
  auto ledgers = sample_ledgers(2025, 1200);
  ledgers.push_back(bench_ledger(2025, 2000));
  for (auto& ledger : ledgers) {
    const auto& pairs = order.at(ledger->layout().file);
    for (const auto& row : collect(*ledger).rows)
      for (const auto& [later, earlier] : pairs) {
        const size_t l = column(*ledger, later), e = column(*ledger, earlier);
        if (day(row, l) == 0 || day(row, e) == 0) continue;
        INFO(ledger->layout().file << ": " << later << " " << iso_date(day(row, l)) << ", " << earlier << " "
                                   << iso_date(day(row, e)));
        CHECK(day(row, l) >= day(row, e));
      }
  }
}

TEST_CASE("the PIL ledger types some dates as text, every way the readers accept, that read back as the same day") {
  auto ledgers = sample_ledgers(2025, 1200);
  Ledger& pil = *ledgers[1];
  std::set<int> styles;
  int typed = 0, cells = 0;
  for (const auto& row : collect(pil).rows)
    for (const auto& cell : row.cells) {
      if (cell.day == 0) continue;
      if (cell.kind == CellKind::text) {
        int style = -1;
        INFO(cell.text);
        CHECK(parse_typed(cell.text, style) == cell.day);
        styles.insert(style);
        ++typed;
      } else {
        CHECK(cell.kind == CellKind::date);
        ++cells;
      }
    }
  CHECK(styles == std::set<int>{0, 1, 2, 3, 4, 5, 6});
  CHECK(typed > 0);
  CHECK(cells > typed * 3);  // most are date cells
}

TEST_CASE("year on year: cases and recommendations grow from 2024 to 2025, petitions fall") {
  auto ledgers = sample_ledgers(2025, 1200);
  auto by_year = [](Ledger& ledger, const std::string& date_column) {
    std::map<int, int> counts;
    const size_t c = column(ledger, date_column);
    for (const auto& row : collect(ledger).rows)
      if (day(row, c)) ++counts[year_of(day(row, c))];
    return counts;
  };
  auto cases = by_year(*ledgers[0], "受理日期");
  CHECK(cases[2025] > cases[2024]);
  CHECK(cases[2024] > 300);
  auto recommendations = by_year(*ledgers[2], "制发日期");
  CHECK(recommendations[2025] > recommendations[2024]);
  auto petitions = by_year(*ledgers[3], "来信来访日期");
  CHECK(petitions[2025] < petitions[2024]);
  CHECK(petitions[2023] > 0);  // long-standing petitions
}

TEST_CASE("the case list: support prosecutions carry workers and wages, some end in 和解; no PIL or aid cases") {
  auto ledgers = sample_ledgers(2025, 1200);
  Ledger& cases = *ledgers[0];
  const size_t category = column(cases, "案件类别名称"), persons = column(cases, "涉及人数"),
               recovered = column(cases, "挽回损失（元）"), closed = column(cases, "办结日期"),
               outcome = column(cases, "处理结果"), status = column(cases, "案件状态"), unit = column(cases, "承办单位名称"),
               number = column(cases, "部门受案号");
  int support = 0, settled = 0, open = 0;
  std::set<std::string> units, numbers;
  for (const auto& row : collect(cases).rows) {
    const std::string& kind = text(row, category);
    INFO(text(row, number) << " " << kind);
    CHECK(kind.find("公益诉讼") == std::string::npos);
    CHECK(kind.find("司法救助") == std::string::npos);
    CHECK(numbers.insert(text(row, number)).second);
    units.insert(text(row, unit));
    if (text(row, status) == "在办") {
      ++open;
      CHECK_FALSE(present(row, closed));
      CHECK_FALSE(present(row, outcome));
    } else {
      CHECK(text(row, status) == "办结");
      CHECK(present(row, closed));
      CHECK(present(row, outcome));
    }
    if (kind != "民事支持起诉") continue;
    ++support;
    REQUIRE(row.cells[persons].kind == CellKind::number);
    CHECK(row.cells[persons].number >= 1);
    if (present(row, closed)) {
      CHECK(row.cells[recovered].kind == CellKind::money);
      CHECK(row.cells[recovered].number > 0);
    }
    if (text(row, outcome).find("和解") != std::string::npos) ++settled;
  }
  CHECK(support > 50);
  CHECK(settled > 0);
  CHECK(settled < support);
  CHECK(open > 0);
  CHECK(units.size() == 12);
}

TEST_CASE("the PIL ledger: a title, public-interest categories, blank and 小计 rows, and a 合计 row that adds up") {
  auto ledgers = sample_ledgers(2025, 1200);
  Ledger& pil = *ledgers[1];
  CHECK(pil.layout().title == "江州市检察机关公益诉讼案件台账（2024-2025年）");
  REQUIRE(pil.layout().total_row);
  const size_t category = column(pil, "案件类别"), issued = column(pil, "诉前检察建议日期"),
               rectified = column(pil, "是否整改到位"), recovered = column(pil, "挽回损失（万元）");
  const Rows rows = collect(pil);
  const std::set<std::string> words = {"是", "整改到位", "已整改", "否", "未整改", "整改不到位"};
  double sum = 0, since_subtotal = 0;
  int records = 0, blank = 0, subtotals = 0, marks = 0;
  for (const auto& row : rows.rows) {
    if (text(row, 0) == "小计") {
      ++subtotals;
      CHECK(row.cells[recovered].number == Approx(since_subtotal));
      since_subtotal = 0;
      continue;
    }
    if (std::all_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return c.kind == CellKind::empty; })) {
      ++blank;
      continue;
    }
    ++records;
    CHECK(text(row, category).find("公益诉讼") != std::string::npos);
    if (text(row, rectified) == "/") {
      ++marks;
      CHECK((day(row, issued) == 0 || day(row, issued) + 60 > kLastDay));  // not judged yet
    } else if (present(row, rectified)) {
      CHECK(day(row, issued) != 0);
      CHECK(words.count(text(row, rectified)) == 1);
    }
    if (row.cells[recovered].kind == CellKind::number) {
      sum += row.cells[recovered].number;
      since_subtotal += row.cells[recovered].number;
    } else if (present(row, recovered)) {
      CHECK((text(row, recovered) == "/" || text(row, recovered) == "无"));
    }
  }
  CHECK(blank > 0);
  CHECK(subtotals > 0);
  CHECK(marks > 0);
  CHECK(records + blank + subtotals == 400);
  CHECK(text(rows.total, 0) == "合计");
  CHECK(text(rows.total, 1) == "共" + std::to_string(records) + "件");
  CHECK(rows.total.cells[recovered].number == Approx(sum));
  CHECK(sum > 0);
}

TEST_CASE("recommendations: a 文号 each; 是否采纳 exactly where a reply came") {
  auto ledgers = sample_ledgers(2025, 1200);
  Ledger& recs = *ledgers[2];
  const size_t number = column(recs, "文号"), replied = column(recs, "回复日期"), adopted = column(recs, "是否采纳");
  std::set<std::string> numbers;
  int pending = 0;
  for (const auto& row : collect(recs).rows) {
    CHECK(numbers.insert(text(row, number)).second);
    CHECK(text(row, number).find("检建〔") != std::string::npos);
    CHECK(present(row, replied) == present(row, adopted));
    if (!present(row, replied)) ++pending;
  }
  CHECK(pending > 0);
}

TEST_CASE("a seed gives the same rows; another seed other rows; one ledger's size leaves the others alone") {
  auto rows_of = [](uint64_t seed, int64_t n, size_t which) { return collect(*sample_ledgers(seed, n)[which]).rows; };
  auto same = [](const std::vector<Row>& a, const std::vector<Row>& b, size_t count) {
    for (size_t i = 0; i < count; ++i)
      for (size_t c = 0; c < a[i].cells.size(); ++c) {
        const Cell &x = a[i].cells[c], &y = b[i].cells[c];
        if (x.kind != y.kind || x.text != y.text || x.number != y.number || x.day != y.day) return false;
      }
    return true;
  };
  for (size_t which = 0; which < 5; ++which) {
    INFO(kFiles[which]);
    const auto a = rows_of(5, 600, which), b = rows_of(5, 600, which), other = rows_of(6, 600, which);
    CHECK(same(a, b, a.size()));
    CHECK_FALSE(same(a, other, a.size()));
    // With twice the cases, every ledger's first rows are those it had before.
    const auto bigger = rows_of(5, 1200, which);
    CHECK(same(a, bigger, a.size()));
  }
}

TEST_CASE("the benchmark ledger: 12 columns, every cell filled but the dates still to come") {
  auto bench = bench_ledger(2025, 5000);
  REQUIRE(bench->layout().headers.size() == 12);
  const size_t filed = column(*bench, "立案日期"), closed = column(*bench, "办结日期");
  std::set<std::string> numbers;
  int open = 0;
  for (const auto& row : collect(*bench).rows) {
    for (size_t c = 0; c < row.cells.size(); ++c)
      if (c != filed && c != closed) CHECK(row.cells[c].kind != CellKind::empty);
    if (!present(row, closed)) ++open;
    CHECK(numbers.insert(row.cells[0].text).second);
  }
  CHECK(open > 0);
  CHECK(open < 5000 / 10);
}
