#include <catch2/catch.hpp>

#include "render/text_escape.hpp"

using casestat::render::Escaping;
using casestat::render::escaping_for;
using casestat::render::markdown_escape;

TEST_CASE("escaping follows the template's name", "[render][escape]") {
  CHECK(escaping_for("templates/half-year/bulletin.md.mustache") == Escaping::markdown);
  CHECK(escaping_for("a.MD.mustache") == Escaping::markdown);
  CHECK(escaping_for("a.markdown") == Escaping::markdown);
  CHECK(escaping_for("page.html.mustache") == Escaping::html);
  CHECK(escaping_for("list.txt.mustache") == Escaping::none);
  CHECK(escaping_for("plain.mustache") == Escaping::none);
}

TEST_CASE("Markdown escaping leaves ordinary text and figures alone", "[render][escape]") {
  CHECK(markdown_escape("江州市东湖区人民检察院") == "江州市东湖区人民检察院");
  CHECK(markdown_escape("303.83万元") == "303.83万元");
  CHECK(markdown_escape("同比上升23.8%") == "同比上升23.8%");
  CHECK(markdown_escape("-0.04") == "-0.04");  // a negative number is no list bullet
  CHECK(markdown_escape("2025年") == "2025年");
  CHECK(markdown_escape("A&B \"x\" 'y'") == "A&B \"x\" 'y'");  // no HTML entities
  CHECK(markdown_escape("") == "");
}

TEST_CASE("Markdown escaping keeps a value inside its table cell and line", "[render][escape]") {
  CHECK(markdown_escape("西湖|区") == "西湖\\|区");
  CHECK(markdown_escape("人民\n检察院") == "人民 检察院");
  CHECK(markdown_escape("人民\r\n检察院") == "人民 检察院");
  CHECK(markdown_escape("a\rb") == "a b");
  CHECK(markdown_escape("a\\|b") == "a\\\\\\|b");  // a backslash cannot eat the escape of |
  CHECK(markdown_escape("<!-- x") == "\\<!-- x");
}

TEST_CASE("Markdown escaping stops a value from opening a block", "[render][escape]") {
  CHECK(markdown_escape("# 标题") == "\\# 标题");
  CHECK(markdown_escape("> 引用") == "\\> 引用");
  CHECK(markdown_escape("- 一项") == "\\- 一项");
  CHECK(markdown_escape("+ 一项") == "\\+ 一项");
  CHECK(markdown_escape("* 一项") == "\\* 一项");
  CHECK(markdown_escape("---") == "\\---");
  CHECK(markdown_escape("***") == "\\***");
  CHECK(markdown_escape("```") == "\\```");
  CHECK(markdown_escape("===") == "\\===");
  CHECK(markdown_escape("1. 第一") == "1\\. 第一");
  CHECK(markdown_escape("12) 第二") == "12\\) 第二");
  CHECK(markdown_escape("3.5万元") == "3.5万元");  // digits then a dot, no space: a number
  CHECK(markdown_escape("\n# x") == " # x");        // after a flattened newline: not at a line start
}
