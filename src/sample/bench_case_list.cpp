// bench-cases: the case list of the import benchmark, 12 columns like a real one (text that
// repeats and text that does not, three date columns, two numbers), any number of rows. Cases
// received late in 2025 have no 立案日期 or 办结日期 yet; every other cell is filled.
#include <fmt/format.h>

#include "sample/calendar.hpp"
#include "sample/city.hpp"
#include "sample/ledgers.hpp"

namespace casestat::sample {

namespace {

struct BenchKind {
  const char* category;
  const char* department;
};
const std::vector<BenchKind> kKinds = {{"审查逮捕", "第一检察部"},       {"审查起诉", "第一检察部"},
                                       {"民事生效裁判监督", "第三检察部"}, {"民事支持起诉", "第三检察部"},
                                       {"行政争议化解", "第三检察部"},     {"刑事申诉", "第四检察部"},
                                       {"羁押必要性审查", "第五检察部"},   {"民事执行监督", "第三检察部"}};

class BenchCaseList : public Ledger {
 public:
  BenchCaseList(uint64_t seed, int64_t rows, std::string numbers)
      : Ledger(rows), r_(seed), numbers_(std::move(numbers)) {}
  const Layout& layout() const override { return layout_; }

  void row(int64_t i, Row& out) override {
    out.reset(layout_.headers.size());
    const Office& o = some_office(r_);
    const BenchKind& kind = kKinds[r_.weighted({24, 34, 8, 9, 5, 5, 9, 6})];
    const int64_t received = some_day(r_, 10);
    const int64_t filed = received + r_.between(0, 10);
    const int64_t closed = received + r_.between(7, 90);
    out.text(0, fmt::format("{}检[{}]{}{}号", o.short_name, year_of(received), numbers_, i + 1));
    out.text(1, some_person(r_) + "案");
    out.text(2, kind.category);
    out.text(3, o.name);
    out.text(4, kind.department);
    out.text(5, some_person(r_));
    out.date(6, received);
    if (filed <= kLastDay) out.date(7, filed);  // beyond the data's last day: not yet
    if (closed <= kLastDay) out.date(8, closed, CellKind::cjk_date);
    out.text(9, r_.chance(80) ? "办结" : "不起诉");
    out.number(10, static_cast<double>(r_.between(1, 30)));
    out.number(11, static_cast<double>(r_.between(0, 500000)));  // whole 元
  }

 private:
  Layout layout_{.file = "bench-cases.xlsx",
                 .sheet = "案件信息",
                 .title = "",
                 .headers = {"部门受案号", "案件名称", "案件类别名称", "承办单位名称", "承办部门", "承办检察官", "受理日期",
                             "立案日期", "办结日期", "处理结果", "涉及人数", "挽回损失（元）"},
                 .widths = {},
                 .freeze_header = true,
                 .unique_columns = {0}};
  Random r_;
  std::string numbers_;
};

}  // namespace

std::unique_ptr<Ledger> bench_case_list(uint64_t seed, int64_t rows, std::string numbers) {
  return std::make_unique<BenchCaseList>(seed, rows, std::move(numbers));
}

}  // namespace casestat::sample
