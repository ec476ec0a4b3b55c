#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace casestat;

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

TEST_CASE("the longest valid UTF-8 prefix") {
  bool incomplete = false;
  CHECK(valid_utf8_prefix("abc") == 3);
  CHECK(valid_utf8_prefix("a\xE5\xBC", &incomplete) == 1);
  CHECK(incomplete);
  CHECK(valid_utf8_prefix("ab\xED\xA0\x80") == 2);  // a surrogate
}
