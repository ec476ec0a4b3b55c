// 司法救助台账: judicial aid. The generator writes it as xlsx; sample-data/ holds it as a legacy
// .xls converted once with ssconvert (see generate.hpp), as many offices still keep it.
#include "sample/calendar.hpp"
#include "sample/city.hpp"
#include "sample/ledgers.hpp"

namespace casestat::sample {

namespace {

class AidLedger : public Ledger {
 public:
  AidLedger(uint64_t seed, int64_t rows) : Ledger(rows), r_(seed) {}
  const Layout& layout() const override { return layout_; }

  void row(int64_t i, Row& out) override {
    out.reset(layout_.headers.size());
    const Office& o = some_office(r_);
    const int64_t received = some_day(r_, 12);
    const int64_t closed = received + r_.between(5, 40);
    out.number(0, static_cast<double>(i + 1));
    out.text(1, some_person(r_) + "司法救助案");
    out.text(2, "司法救助");
    out.text(3, o.name);
    out.date(4, received);
    if (closed <= kLastDay) {  // persons and amount are entered when the case closes
      out.date(5, closed);
      out.number(6, static_cast<double>(r_.chance(85) ? 1 : r_.between(2, 5)));
      out.money(7, static_cast<double>(r_.between(30, 600) * 100));
    }
  }

 private:
  Layout layout_{.file = "司法救助台账.xlsx",
                 .sheet = "司法救助",
                 .title = "",
                 .headers = {"序号", "案件名称", "案件类别", "承办单位", "受理日期", "办结日期", "救助人数", "救助金额（元）"},
                 .widths = {},
                 .freeze_header = false,
                 .unique_columns = {}};
  Random r_;
};

}  // namespace

std::unique_ptr<Ledger> aid_ledger(uint64_t seed, int64_t rows) { return std::make_unique<AidLedger>(seed, rows); }

}  // namespace casestat::sample
