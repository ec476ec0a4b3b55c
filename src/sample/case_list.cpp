// 案件信息.xlsx: an export of the unified case system (统一业务应用系统). Public-interest cases
// are not in it (they are in the PIL ledger only) and neither are judicial-aid cases (in their
// own ledger), so that no indicator counts a case twice.
#include <fmt/format.h>

#include "sample/calendar.hpp"
#include "sample/city.hpp"
#include "sample/ledgers.hpp"

namespace casestat::sample {

namespace {

struct CaseKind {
  const char* category;
  const char* department;
  const char* code;  // in the case number: 东湖检刑诉受[2025]...
  int weight;
  bool filed;  // has a 立案日期
};
const std::vector<CaseKind> kKinds = {
    {"审查逮捕", "第一检察部", "刑捕受", 24, false},       {"审查起诉", "第一检察部", "刑诉受", 34, false},
    {"民事生效裁判监督", "第三检察部", "民监受", 8, true}, {"民事支持起诉", "第三检察部", "民支受", 9, true},
    {"行政争议化解", "第三检察部", "行监受", 5, true},     {"刑事申诉", "第四检察部", "刑申受", 5, false},
    {"羁押必要性审查", "第五检察部", "刑羁受", 9, false},   {"民事执行监督", "第三检察部", "民执受", 6, true}};
enum Kind : size_t { arrest, prosecution, civil_review, support, dispute, appeal, custody, enforcement };

const std::vector<std::string> kCrimes = {"盗窃案", "诈骗案", "危险驾驶案", "故意伤害案", "帮助信息网络犯罪活动案", "寻衅滋事案"};

class CaseList : public Ledger {
 public:
  CaseList(uint64_t seed, int64_t rows) : Ledger(rows), r_(seed), serial_(offices().size() * kKinds.size() * 2, 0) {}
  const Layout& layout() const override { return layout_; }

  void row(int64_t i, Row& out) override {
    out.reset(layout_.headers.size());
    const Office& o = some_office(r_);
    const auto k = static_cast<Kind>(r_.weighted({24, 34, 8, 9, 5, 5, 9, 6}));
    const CaseKind& kind = kKinds[k];
    const int64_t received = some_day(r_, kind.filed ? 20 : 6);
    const int y = year_of(received);
    const size_t oi = office_index(o);
    const int n = ++serial_[(oi * kKinds.size() + k) * 2 + static_cast<size_t>(y - 2024)];
    out.number(0, static_cast<double>(i + 1));
    out.text(1, fmt::format("{}检{}[{}]{}号", o.short_name, kind.code, y, 3201000000 + oi * 100000 + static_cast<size_t>(n)));
    out.text(2, fmt::format("32{:04}{}{:06}", oi + 100, y, i + 1));
    const std::string who = some_person(r_);
    std::string name;
    if (k == arrest || k == prosecution || k == appeal || k == custody)
      name = who + r_.pick(kCrimes);
    else if (k == support)
      name = who + "等" + std::to_string(r_.between(2, 40)) + "人追索劳动报酬支持起诉案";
    else if (k == dispute)
      name = who + "与" + o.short_name + "区人民政府行政争议案";
    else
      name = who + "与某公司合同纠纷监督案";
    out.text(3, name);
    out.text(4, kind.category);
    out.text(5, o.name);
    out.text(6, kind.department);
    out.text(7, some_person(r_));
    out.date(8, received);
    int64_t filed = kind.filed ? received + r_.between(0, 12) : 0;
    if (filed > kLastDay) filed = 0;
    out.date(9, filed);
    const int64_t closed = received + r_.between(7, 95);
    const bool open = closed > kLastDay || r_.chance(3);
    if (!open) out.date(10, closed, CellKind::cjk_date);
    std::string outcome;
    switch (k) {
      case arrest: outcome = r_.chance(78) ? "批准逮捕" : "不批准逮捕"; break;
      case prosecution: outcome = r_.chance(82) ? "提起公诉" : "不起诉"; break;
      case support: outcome = r_.chance(22) ? "促成和解" : "支持起诉"; break;  // 检察和解
      case dispute: outcome = r_.chance(70) ? "化解" : "未化解"; break;
      default: outcome = "办结";
    }
    if (!open) out.text(11, outcome);
    out.text(12, open ? "在办" : "办结");
    if (k == support) out.number(13, static_cast<double>(r_.between(1, 36)));  // migrant workers
    if ((k == support && !open) || (k == prosecution && r_.chance(10) && !open)) {
      int64_t fen = r_.between(5000, 480000) * 100;
      if (r_.chance(20)) fen += r_.between(1, 99);
      out.money(14, static_cast<double>(fen) / 100.0);
    }
    if (r_.chance(6) && !open) out.date(15, received + (closed - received) / 2);  // 检察听证
  }

 private:
  Layout layout_{.file = "案件信息.xlsx",
                 .sheet = "案件信息",
                 .title = "",
                 .headers = {"序号", "部门受案号", "统一受案号", "案件名称", "案件类别名称", "承办单位名称", "承办部门",
                             "承办检察官", "受理日期", "立案日期", "办结日期", "处理结果", "案件状态", "涉及人数",
                             "挽回损失（元）", "听证日期"},
                 .widths = {},
                 .freeze_header = true,
                 .unique_columns = {1, 2}};
  Random r_;
  std::vector<int> serial_;  // per office, kind and year: the number in 部门受案号
};

}  // namespace

std::unique_ptr<Ledger> case_list(uint64_t seed, int64_t rows) { return std::make_unique<CaseList>(seed, rows); }

}  // namespace casestat::sample
