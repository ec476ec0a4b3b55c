#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/location.hpp"
#include "core/text.hpp"

using namespace casestat;

TEST_CASE("a position reads the same everywhere") {
  CHECK(Location{"台账.xlsx", "公益诉讼", 17, "立案日期"}.describe() == "台账.xlsx: sheet 公益诉讼, row 17, column 立案日期");
  CHECK(Location{"信访.csv", "", 4, "受理日期"}.describe() == "信访.csv: row 4, column 受理日期");
  CHECK(Location{"a.xlsx", "Sheet1", 0, ""}.describe() == "a.xlsx: sheet Sheet1");
  CHECK(Location{"a.xlsx", "", 0, ""}.describe() == "a.xlsx");
}

TEST_CASE("column letters") {
  CHECK(column_letter(0) == "A");
  CHECK(column_letter(25) == "Z");
  CHECK(column_letter(26) == "AA");
  CHECK(column_letter(16383) == "XFD");
}

TEST_CASE("errors carry their exit code") {
  try {
    data_error("{}: cannot read \"{}\" as a date", "a.xlsx", "2021年13月5日");
    FAIL("no throw");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data);
    CHECK(std::string(e.what()) == "a.xlsx: cannot read \"2021年13月5日\" as a date");
  }
}

TEST_CASE("display width counts CJK characters as two columns") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("公益诉讼") == 8);
  CHECK(display_width("3578件") == 6);
  CHECK(display_width("（元）") == 6);
}

TEST_CASE("trim removes ideographic and no-break spaces") {
  CHECK(trim("\xE3\x80\x80 立案日期 \xC2\xA0") == "立案日期");
  CHECK(trim("   ") == "");
}

TEST_CASE("utf-8 validation") {
  CHECK(is_valid_utf8("立案 abc"));
  CHECK_FALSE(is_valid_utf8("\xC1\xA2"));
  CHECK_FALSE(is_valid_utf8("\xB9\xAB\xD2\xE6"));  // GBK 公益
}
