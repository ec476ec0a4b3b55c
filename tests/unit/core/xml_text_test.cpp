#include <catch2/catch.hpp>

#include "core/text.hpp"

using casestat::xml_text;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";
}

TEST_CASE("xml_text leaves valid text as it is", "[core][xml]") {
  CHECK(xml_text("江州市人民检察院") == "江州市人民检察院");
  CHECK(xml_text("a\tb\nc\rd") == "a\tb\nc\rd");  // the three controls XML allows
  CHECK(xml_text("<&>\"'") == "<&>\"'");          // escaping is the writer's job
  CHECK(xml_text("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");  // U+1F600, outside the BMP
  CHECK(xml_text(kReplacement) == kReplacement);
  CHECK(xml_text("") == "");
}

TEST_CASE("xml_text replaces what XML 1.0 forbids, one U+FFFD each", "[core][xml]") {
  CHECK(xml_text("东湖\v区") == "东湖" + kReplacement + "区");     // vertical tab
  CHECK(xml_text("a\x1b[31mb") == "a" + kReplacement + "[31mb");  // ESC
  CHECK(xml_text(std::string("a\0b", 3)) == "a" + kReplacement + "b");
  CHECK(xml_text("\x01\x08\x0b\x0c\x0e\x1f") == kReplacement + kReplacement + kReplacement + kReplacement +
                                                  kReplacement + kReplacement);
  CHECK(xml_text("\xEF\xBF\xBE") == kReplacement);  // U+FFFE
  CHECK(xml_text("\xEF\xBF\xBF") == kReplacement);  // U+FFFF
  CHECK(xml_text("\xED\xA0\x80") == kReplacement);  // a lone surrogate, U+D800
  CHECK(xml_text("\xC0\xAF") == kReplacement);      // an overlong "/"
  CHECK(xml_text("a\xFF" "b") == "a" + kReplacement + "b");  // not UTF-8 at all
  CHECK(xml_text("\xE6\xB1") == kReplacement + kReplacement);  // a character cut short
  CHECK(xml_text("\x7f") == "\x7f");  // DEL is allowed in XML 1.0
}

TEST_CASE("xml_text output is always valid UTF-8", "[core][xml]") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  CHECK(casestat::is_valid_utf8(xml_text(all)));
}
