// 检察建议台账.xlsx: procuratorial recommendations, numbered per office and year (东湖检建〔2025〕3号);
// those whose reply is not due yet have neither 回复日期 nor 是否采纳 (blank, or "/" typed in),
// and 是否采纳 is in the words clerks use (已采纳, 部分采纳, 不予采纳 ...).
#include <fmt/format.h>

#include "sample/calendar.hpp"
#include "sample/city.hpp"
#include "sample/ledgers.hpp"

namespace casestat::sample {

namespace {

const std::vector<std::string> kTargets = {"市场监督管理局", "生态环境局", "自然资源和规划局", "住房和城乡建设局",
                                           "教育局", "卫生健康委员会", "公安分局", "人力资源和社会保障局"};
const std::vector<std::string> kAdopted = {"是", "是", "已采纳", "采纳", "部分采纳"};
const std::vector<std::string> kNotAdopted = {"否", "未采纳", "不予采纳"};
const std::vector<std::string> kKinds = {"社会治理检察建议", "纠正违法检察建议", "再审检察建议", "其他检察建议"};

class RecommendationLedger : public Ledger {
 public:
  RecommendationLedger(uint64_t seed, int64_t rows)
      : Ledger(rows), r_(seed), serial_(offices().size() * 2, 0) {}
  const Layout& layout() const override { return layout_; }

  void row(int64_t i, Row& out) override {
    out.reset(layout_.headers.size());
    const Office& o = some_office(r_);
    const size_t oi = office_index(o);
    const int64_t issued = some_day(r_, 25);
    const int y = year_of(issued);
    const int n = ++serial_[oi * 2 + static_cast<size_t>(y - 2024)];
    out.number(0, static_cast<double>(i + 1));
    out.text(1, fmt::format("{}检建〔{}〕{}号", o.short_name, y, n));
    out.text(2, std::string(o.short_name) + r_.pick(kTargets));
    out.text(3, o.name);
    out.text(4, r_.pick(kKinds));  // 建议类型: not in the field dictionary, kept as an extra
    out.date(5, issued);
    const int64_t replied = issued + r_.between(20, 75);
    if (replied <= kLastDay) {
      out.date(6, replied);
      out.text(7, r_.chance(y == 2024 ? 78 : 86) ? r_.pick(kAdopted) : r_.pick(kNotAdopted));
    } else if (r_.chance(30)) {
      out.text(6, "/");
      out.text(7, "/");
    }
  }

 private:
  Layout layout_{.file = "检察建议台账.xlsx",
                 .sheet = "检察建议",
                 .title = "",
                 .headers = {"序号", "文号", "被建议单位名称", "承办单位", "建议类型", "制发日期", "回复日期", "是否采纳"},
                 .widths = {},
                 .freeze_header = false,
                 .unique_columns = {1}};
  Random r_;
  std::vector<int> serial_;  // per office and year: the number in 文号
};

}  // namespace

std::unique_ptr<Ledger> recommendation_ledger(uint64_t seed, int64_t rows) {
  return std::make_unique<RecommendationLedger>(seed, rows);
}

}  // namespace casestat::sample
