#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/location.hpp"

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

TEST_CASE("messages escape control characters and bytes that are not UTF-8") {
  CHECK(printable("江州\n… import: ok") == "江州\\n… import: ok");
  CHECK(printable("a\x1b[31mb\tc\rd") == "a\\x1b[31mb\\tc\\rd");
  CHECK(printable("\xB9\xAB") == "\\xb9\\xab");
  CHECK(printable("\x7f") == "\\x7f");
  CHECK(Location{"a\nb.csv", "s\x1b", 2, "c\n"}.describe() == "a\\nb.csv: sheet s\\x1b, row 2, column c\\n");
}

TEST_CASE("a quoted value is cut after a few hundred characters, with its length") {
  CHECK(quoted_value("2021年13月5日") == "\"2021年13月5日\"");
  CHECK(quoted_value("a\nb") == "\"a\\nb\"");
  const std::string exact(kQuotedChars, 'x');
  CHECK(quoted_value(exact) == "\"" + exact + "\"");
  std::string big;
  for (int i = 0; i < 400000; ++i) big += "检";  // 1.2 MB, three bytes a character
  const std::string quoted = quoted_value(big);
  CHECK(quoted.size() < 1000);
  CHECK(quoted.starts_with("\"检检"));
  CHECK(quoted.ends_with("…\" (1200000 bytes)"));
  CHECK(quoted.find("检…") == 3 * (kQuotedChars - 1) + 1);  // cut between characters, never inside one
}
