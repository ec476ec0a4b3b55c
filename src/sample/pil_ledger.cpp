// 公益诉讼台账.xlsx: a ledger kept by hand in the public-interest litigation department: a title
// merged above the header, a 序号 column, dates typed as text in some rows (in every form the
// readers accept) beside date cells, "/" and "无" where there is nothing to say, the words
// clerks use for 是 and 否, 挽回损失 in 万元, a blank row and a 小计 row now and then, and a
// 合计 row at the bottom.
#include <fmt/format.h>

#include "sample/calendar.hpp"
#include "sample/city.hpp"
#include "sample/ledgers.hpp"

namespace casestat::sample {

namespace {

const std::vector<std::string> kDomains = {"生态环境和资源保护", "食品药品安全", "国有财产保护", "国有土地使用权出让",
                                           "英烈权益保护", "安全生产", "个人信息保护"};
const std::vector<std::string> kSubjects = {"某河道非法采砂", "某化工企业违法排污", "校园周边食品安全",
                                            "某医疗机构违规使用医保基金", "烈士纪念设施失管", "燃气管道安全隐患",
                                            "APP违规收集个人信息", "耕地违法占用", "国有土地出让金欠缴"};

class PilLedger : public Ledger {
 public:
  PilLedger(uint64_t seed, int64_t rows) : Ledger(rows), r_(seed) {}
  const Layout& layout() const override { return layout_; }

  void row(int64_t i, Row& out) override {
    out.reset(layout_.headers.size());
    if (i % kSubtotalEvery == kSubtotalEvery - 1) {  // the 万元 of the rows since the last one
      out.text(0, "小计");
      out.number(10, since_subtotal_);
      since_subtotal_ = 0;
      return;
    }
    if (i % kBlankEvery == kBlankEvery - 1) return;  // a blank row
    ++records_;
    const Office& o = some_office(r_);
    const int64_t received = some_day(r_, 14);
    const bool by_hand = r_.chance(15);  // this row's dates typed as text
    const int style = static_cast<int>(r_.below(kTypedDateStyles));
    // By hand, "nothing" is often written: / or 无.
    auto nothing = [&](size_t column) {
      if (by_hand && r_.chance(50)) out.text(column, r_.chance(50) ? "/" : "无");
    };
    auto put_date = [&](size_t column, int64_t day) {
      if (day <= 0 || day > kLastDay)
        nothing(column);
      else if (by_hand)
        out.typed_date(column, day, style);
      else
        out.date(column, day);
    };
    out.number(0, static_cast<double>(i + 1));
    out.text(1, std::string(o.short_name) + r_.pick(kSubjects) + "公益诉讼案");
    out.text(2, o.name);
    out.text(3, r_.pick(kDomains));
    const size_t category = r_.weighted({85, 10, 5});
    const bool administrative = category == 0;  // only those have pre-suit recommendations
    out.text(4, category == 0 ? "行政公益诉讼" : category == 1 ? "民事公益诉讼" : "刑事附带民事公益诉讼");
    put_date(5, received);
    const int64_t filed = r_.chance(86) ? received + r_.between(1, 30) : 0;
    put_date(6, filed);
    const int64_t issued =
        filed > 0 && filed <= kLastDay && administrative && r_.chance(80) ? filed + r_.between(10, 45) : 0;
    put_date(7, issued);
    // Rectification is judged two months after the recommendation: later ones are still blank.
    if (issued > 0 && issued + 60 <= kLastDay)
      out.text(8, r_.chance(84) ? r_.pick(kRectified) : r_.pick(kNotRectified));
    else if (by_hand)
      out.text(8, "/");
    put_date(9, filed > 0 && r_.chance(administrative ? 2 : 30) ? filed + r_.between(60, 200) : 0);
    if (r_.chance(12)) {
      const double wan = static_cast<double>(r_.between(5, 5000)) / 100.0;  // 0.05 .. 50 万元
      out.number(10, wan);
      recovered_ += wan;
      since_subtotal_ += wan;
    } else {
      nothing(10);
    }
  }

  void total(Row& out) override {
    out.reset(layout_.headers.size());
    out.text(0, "合计");
    out.text(1, fmt::format("共{}件", records_));
    out.number(10, recovered_);
  }

 private:
  Layout layout_{.file = "公益诉讼台账.xlsx",
                 .sheet = "公益诉讼案件",
                 .title = "江州市检察机关公益诉讼案件台账（2024-2025年）",
                 .headers = {"序号", "案件名称", "承办单位", "所属领域", "案件类别", "线索受理日期", "立案日期",
                             "诉前检察建议日期", "是否整改到位", "提起诉讼日期", "挽回损失（万元）"},
                 .widths = {{1, 36}},
                 .freeze_header = false,
                 .total_row = true,
                 .unique_columns = {}};
  static constexpr int64_t kSubtotalEvery = 97, kBlankEvery = 61;
  const std::vector<std::string> kRectified = {"是", "是", "整改到位", "已整改"};
  const std::vector<std::string> kNotRectified = {"否", "未整改", "整改不到位"};
  Random r_;
  double recovered_ = 0;       // for the 合计 row
  double since_subtotal_ = 0;  // for the next 小计 row
  int64_t records_ = 0;        // rows that are cases, for the 合计 row
};

}  // namespace

std::unique_ptr<Ledger> pil_ledger(uint64_t seed, int64_t rows) { return std::make_unique<PilLedger>(seed, rows); }

}  // namespace casestat::sample
