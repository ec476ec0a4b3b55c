#include <catch2/catch.hpp>

#include "fields/values.hpp"

using namespace casestat;

namespace {
Cell text(const std::string& t) { return Cell{Cell::Type::text, t, 0}; }
Cell number(const std::string& t, double v) { return Cell{Cell::Type::number, t, v}; }
Cell date(const std::string& t, double serial) { return Cell{Cell::Type::date, t, serial}; }

std::string as_date(const Cell& c) {
  std::string why;
  auto v = parse_date(c, why);
  return v ? *v : "error: " + why;
}
std::string as_money(const Cell& c, int64_t per_unit = 100) {
  std::string why;
  auto v = parse_money(c, per_unit, why);
  return v ? std::to_string(*v) : "error: " + why;
}
}  // namespace

TEST_CASE("dates typed every way clerks type them") {
  CHECK(as_date(text("2021-03-05")) == "2021-03-05");
  CHECK(as_date(text("2021/3/5")) == "2021-03-05");
  CHECK(as_date(text("2021.3.5")) == "2021-03-05");
  CHECK(as_date(text("2021年3月5日")) == "2021-03-05");
  CHECK(as_date(text(" 2021年03月05日 ")) == "2021-03-05");
  CHECK(as_date(text("2021年3月5号")) == "2021-03-05");
  CHECK(as_date(text("20210305")) == "2021-03-05");
  CHECK(as_date(text("２０２１．３．５")) == "2021-03-05");
  CHECK(as_date(text("2021-03-05 14:30:00")) == "2021-03-05");
  CHECK(as_date(date("2021-03-05", 44260)) == "2021-03-05");
  CHECK(as_date(date("2021-03-05 14:30:00", 44260.6)) == "2021-03-05");
  CHECK(as_date(number("44260", 44260)) == "2021-03-05");  // a date cell that lost its format
  CHECK(as_date(number("20210305", 20210305)) == "2021-03-05");
  CHECK(as_date(text("2024-02-29")) == "2024-02-29");
}

TEST_CASE("impossible dates are errors in the user's words") {
  CHECK(as_date(text("2021年13月5日")) == "error: cannot read \"2021年13月5日\" as a date");
  CHECK(as_date(text("2021-02-30")) == "error: cannot read \"2021-02-30\" as a date");
  CHECK(as_date(text("2023-02-29")) == "error: cannot read \"2023-02-29\" as a date");
  CHECK(as_date(text("2021-3")) == "error: cannot read \"2021-3\" as a date");
  CHECK(as_date(text("下周一")) == "error: cannot read \"下周一\" as a date");
  CHECK(as_date(text("2021-03-05x")) == "error: cannot read \"2021-03-05x\" as a date");
  CHECK(as_date(date("14:30:00", 0.6)).rfind("error:", 0) == 0);
}

TEST_CASE("money is read exactly into 分, with the unit of the header or the cell") {
  CHECK(as_money(text("12,000.00")) == "1200000");
  CHECK(as_money(number("1084.7", 1084.7)) == "108470");
  CHECK(as_money(number("1084.7", 1084.7), 1000000) == "1084700000");  // a 万元 column
  CHECK(as_money(text("3.8万")) == "3800000");
  CHECK(as_money(text("3.8万元")) == "3800000");
  CHECK(as_money(text("303.834万元")) == "303834000");
  CHECK(as_money(text("¥1,200")) == "120000");
  CHECK(as_money(text("￥1,200.5元")) == "120050");
  CHECK(as_money(text("0.005")) == "1");     // half a 分 rounds up
  CHECK(as_money(text("0.004")) == "0");
  CHECK(as_money(text("-12.345")) == "-1235");  // half away from zero
  CHECK(as_money(text("1200元"), 1000000) == "120000");  // the cell says 元
  CHECK(as_money(text("十二元")) == "error: cannot read \"十二元\" as an amount of money");
  CHECK(as_money(text("1.2.3")) == "error: cannot read \"1.2.3\" as an amount of money");
}

TEST_CASE("whole numbers with a measure word or an approximation") {
  std::string why;
  CHECK(*parse_integer(text("12人"), why) == 12);
  CHECK(*parse_integer(text("1030余"), why) == 1030);
  CHECK(*parse_integer(text("1,030"), why) == 1030);
  CHECK(*parse_integer(number("12", 12), why) == 12);
  CHECK(*parse_integer(number("12.0", 12), why) == 12);
  CHECK_FALSE(parse_integer(number("12.5", 12.5), why));
  CHECK(why == "cannot read \"12.5\" as a whole number");
}

TEST_CASE("flags in every wording") {
  std::string why;
  for (const char* yes : {"是", "有", "已采纳", "采纳", "整改到位", "已化解", "Y", "yes", "1", "TRUE", "√"}) {
    INFO(yes);
    CHECK(*parse_flag(text(yes), why));
  }
  for (const char* no : {"否", "无", "未采纳", "不采纳", "未整改", "未化解", "N", "0", "false", "×"}) {
    INFO(no);
    CHECK_FALSE(*parse_flag(text(no), why));
  }
  CHECK(*parse_flag(Cell{Cell::Type::boolean, "TRUE", 1}, why));
  CHECK_FALSE(parse_flag(text("待定"), why));
  CHECK(why == "cannot read \"待定\" as 是 or 否");
}

TEST_CASE("a site's own flag words come first; a word nobody listed is an error with the fix") {
  Field adopted;
  adopted.id = "adopted";
  adopted.type = FieldType::flag;
  adopted.yes = {"已回复，已采纳", "采纳"};
  adopted.no = {"未采纳", "未回复", "暂未回复", "有"};
  adopted.source_file = "site/fields.toml";
  std::string why;
  CHECK(*parse_flag(text("已回复，已采纳"), why, &adopted));
  CHECK(*parse_flag(text("已回复,已采纳"), why, &adopted));  // the comma typed half-width
  CHECK_FALSE(*parse_flag(text(" 暂未回复 "), why, &adopted));
  CHECK_FALSE(*parse_flag(text("有"), why, &adopted));  // the site's word over the built-in one
  CHECK(*parse_flag(text("是"), why, &adopted));        // built-in words still work
  // partly adopted is not adopted unless the office says so
  CHECK_FALSE(parse_flag(text("部分采纳"), why));
  CHECK_FALSE(parse_flag(text("部分采纳"), why, &adopted));
  CHECK(why == "cannot read \"部分采纳\" as 是 or 否: if the office means 是 by it, add it to the field's yes words "
               "in site/fields.toml (adopted = { ..., yes = [\"部分采纳\"] }), if 否, to its no words (no = [\"部分采纳\"])");
}
