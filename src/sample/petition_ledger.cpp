// 信访台账.csv: petitions (saved as GBK CSV, see csv_output.hpp). Long-standing petitions
// (是否积案 是) partly date from 2023; petitions fall a little from 2024 to 2025. Some rows were
// typed in: their dates in any text form, Y/N and 已化解/未化解 for the flags, 无 for no date.
#include <fmt/format.h>

#include "sample/calendar.hpp"
#include "sample/city.hpp"
#include "sample/ledgers.hpp"

namespace casestat::sample {

namespace {

const std::vector<std::string> kMatters = {"不服法院民事判决申请监督", "反映拖欠工资", "控告民警违法办案", "不服不起诉决定",
                                           "要求国家赔偿", "反映土地征收补偿问题", "举报非法集资", "申请司法救助"};

class PetitionLedger : public Ledger {
 public:
  PetitionLedger(uint64_t seed, int64_t rows) : Ledger(rows), r_(seed) {}
  const Layout& layout() const override { return layout_; }

  void row(int64_t i, Row& out) override {
    out.reset(layout_.headers.size());
    const bool backlog = r_.chance(6);
    const int64_t received =
        backlog && r_.chance(50) ? days_from_civil(2023, 1, 1) + r_.below(365) : some_day(r_, -4);
    const Office& o = some_office(r_);
    const int64_t replied = received + (r_.chance(93) ? r_.between(1, 7) : r_.between(8, 20));
    bool resolved = r_.chance(backlog ? 55 : 70);
    int64_t resolved_on = resolved ? received + r_.between(10, backlog ? 500 : 150) : 0;
    if (resolved_on > kLastDay) {
      resolved = false;
      resolved_on = 0;
    }
    // The matter is drawn before the petitioner: the committed sample was made that way.
    const std::string matter = r_.pick(kMatters);
    const std::string petitioner = some_person(r_);
    const bool typed = r_.chance(12);
    const int style = static_cast<int>(r_.below(kTypedDateStyles));
    auto put_date = [&](size_t column, int64_t day) {
      if (typed && day > 0)
        out.typed_date(column, day, style);
      else
        out.date(column, day);
    };
    out.text(0, fmt::format("XF{}{:05}", year_of(received), i + 1));
    put_date(1, received);
    out.text(2, petitioner);  // 信访人: kept as an extra
    out.text(3, o.name);
    out.text(4, matter);  // 信访事项: kept as an extra
    if (replied <= kLastDay) put_date(5, replied);
    out.text(6, typed ? (backlog ? "Y" : "N") : backlog ? "是" : "否");
    out.text(7, typed ? (resolved ? "已化解" : "未化解") : resolved ? "是" : "否");
    if (resolved_on > 0)
      put_date(8, resolved_on);
    else if (typed)
      out.text(8, "无");
  }

 private:
  Layout layout_{.file = "信访台账.csv",
                 .sheet = "信访台账",
                 .title = "",
                 .headers = {"信访编号", "来信来访日期", "信访人", "承办单位", "信访事项", "程序性回复日期", "是否积案",
                             "是否化解", "化解日期"},
                 .widths = {},
                 .freeze_header = false,
                 .unique_columns = {0}};
  Random r_;
};

}  // namespace

std::unique_ptr<Ledger> petition_ledger(uint64_t seed, int64_t rows) {
  return std::make_unique<PetitionLedger>(seed, rows);
}

}  // namespace casestat::sample
