#include <catch2/catch.hpp>

#include "indicators/wording.hpp"

using namespace casestat;

namespace {
Figure n(int64_t v) { return Figure{v, 1}; }
Figure rate(int64_t num, int64_t den) { return Figure{num, den}; }
}  // namespace

TEST_CASE("counts and money are displayed with their unit, money in 万元 with trailing zeros dropped") {
  CHECK(display(Kind::count, "件", n(12130)) == "12130件");
  CHECK(display(Kind::count, "件次", n(862)) == "862件次");
  CHECK(display(Kind::sum, "万元", n(303834000)) == "303.83万元");  // 303.834万元 in 分, two decimals
  CHECK(display(Kind::sum, "万元", n(303835000)) == "303.84万元");  // half up
  CHECK(display(Kind::sum, "万元", n(108470000)) == "108.47万元");
  CHECK(display(Kind::sum, "万元", n(38000000)) == "38万元");
  CHECK(display(Kind::sum, "万元", n(3800000)) == "3.8万元");
  CHECK(display(Kind::sum, "万元", n(0)) == "0万元");
  CHECK(display(Kind::sum, "元", n(120050)) == "1200.5元");
}

TEST_CASE("rates have one decimal, a trailing .0 dropped, and none without a denominator") {
  CHECK(display(Kind::ratio, "%", rate(31, 50)) == "62%");
  CHECK(display(Kind::ratio, "%", rate(209, 1000)) == "20.9%");
  CHECK(display(Kind::ratio, "%", rate(1, 3)) == "33.3%");
  CHECK(display(Kind::ratio, "%", rate(2, 3)) == "66.7%");
  CHECK(display(Kind::ratio, "%", rate(0, 0)) == "—");
  CHECK_FALSE(json_value(Kind::ratio, "%", rate(5, 0)).has_value());
  CHECK(*json_value(Kind::ratio, "%", rate(2, 3)) == Approx(0.6667));
  CHECK(*json_value(Kind::sum, "万元", n(303834050)) == Approx(3038340.5));
}

TEST_CASE("the change of a count: 上升, 下降, 持平, 倍 above +100%, and a zero base in words") {
  CHECK(describe_change(Kind::count, n(3578), n(2890), "同比").text == "同比上升23.8%");
  CHECK(describe_change(Kind::count, n(96), n(100), "同比").text == "同比下降4%");
  CHECK(describe_change(Kind::count, n(100), n(100), "同比").text == "同比持平");
  CHECK(describe_change(Kind::count, n(100), n(100), "同比").direction == "flat");
  CHECK(describe_change(Kind::count, n(240), n(100), "同比").text == "同比上升1.4倍");  // 2.4 times the old
  CHECK(describe_change(Kind::count, n(200), n(100), "同比").text == "同比上升100%");   // exactly doubled
  CHECK(describe_change(Kind::count, n(201), n(100), "同比").text == "同比上升1倍");
  CHECK(describe_change(Kind::count, n(5), n(0), "同比").text == "去年同期为0");
  CHECK_FALSE(describe_change(Kind::count, n(5), n(0), "同比").change.has_value());
  CHECK(describe_change(Kind::count, n(5), n(0), "环比").text == "上期为0");
  CHECK(describe_change(Kind::count, n(0), n(0), "同比").text == "同比持平");
  CHECK(describe_change(Kind::count, n(1123), n(1000), "环比").text == "环比上升12.3%");
  CHECK(*describe_change(Kind::count, n(1123), n(1000), "同比").change == Approx(0.123));
  CHECK(describe_change(Kind::count, n(10), n(9), "同比").text == "同比上升11.1%");
  CHECK(describe_change(Kind::count, n(2), n(3), "同比").text == "同比下降33.3%");
}

TEST_CASE("the change of a rate is in percentage points, from the exact fractions") {
  // 20.9% against 21.8%: 减少0.9个百分点
  Change c = describe_change(Kind::ratio, rate(209, 1000), rate(218, 1000), "同比");
  CHECK(c.text == "同比减少0.9个百分点");
  CHECK(*c.change == Approx(-0.9));
  CHECK(describe_change(Kind::ratio, rate(62, 100), rate(55, 100), "同比").text == "同比增加7个百分点");
  CHECK(describe_change(Kind::ratio, rate(1, 2), rate(2, 4), "同比").text == "同比持平");
  CHECK(describe_change(Kind::ratio, rate(1, 2), rate(0, 0), "同比").text.empty());
  CHECK(describe_change(Kind::ratio, rate(1, 2), rate(0, 0), "同比").direction == "none");
}

TEST_CASE("no comparison gives no change") {
  CHECK(describe_change(Kind::count, n(5), n(3), "").text.empty());
  CHECK(describe_change(Kind::count, n(5), n(3), "").direction == "none");
}
