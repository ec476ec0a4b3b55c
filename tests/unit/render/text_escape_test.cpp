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
  CHECK(markdown_escape("A&B \"x\" 'y'") == "A\\&B \"x\" 'y'");  // no HTML entities
  CHECK(markdown_escape("江州市（东湖）：第1号") == "江州市（东湖）：第1号");  // full-width marks are text
  CHECK(markdown_escape("") == "");
}

TEST_CASE("Markdown escaping keeps a value inside its table cell and line", "[render][escape]") {
  CHECK(markdown_escape("西湖|区") == "西湖\\|区");
  CHECK(markdown_escape("人民\n检察院") == "人民 检察院");
  CHECK(markdown_escape("人民\r\n检察院") == "人民 检察院");
  CHECK(markdown_escape("a\rb") == "a b");
  CHECK(markdown_escape("a\\|b") == "a\\\\\\|b");  // a backslash cannot eat the escape of |
  CHECK(markdown_escape("<!-- x") == "\\<\\!-- x");
  CHECK(markdown_escape("a|b") == "a\\|b");
}

TEST_CASE("Markdown escaping stops a value from opening a block", "[render][escape]") {
  CHECK(markdown_escape("# 标题") == "\\# 标题");
  CHECK(markdown_escape("> 引用") == "\\> 引用");
  CHECK(markdown_escape("- 一项") == "\\- 一项");
  CHECK(markdown_escape("+ 一项") == "\\+ 一项");
  CHECK(markdown_escape("* 一项") == "\\* 一项");
  CHECK(markdown_escape("---") == "\\---");
  CHECK(markdown_escape("***") == "\\*\\*\\*");
  CHECK(markdown_escape("```") == "\\`\\`\\`");
  CHECK(markdown_escape("===") == "\\===");
  CHECK(markdown_escape("1. 第一") == "1\\. 第一");
  CHECK(markdown_escape("12) 第二") == "12\\) 第二");
  CHECK(markdown_escape("3.5万元") == "3.5万元");  // digits then a dot, no space: a number
  CHECK(markdown_escape("\n# x") == " # x");        // after a flattened newline: not at a line start
}

TEST_CASE("Markdown escaping makes links, images, HTML and emphasis plain text", "[render][escape]") {
  CHECK(markdown_escape("![p](/etc/passwd)") == "\\!\\[p\\]\\(/etc/passwd\\)");
  CHECK(markdown_escape("[q](http://example.com/q.png)") == "\\[q\\]\\(http://example.com/q.png\\)");
  CHECK(markdown_escape("<http://example.com>") == "\\<http://example.com\\>");
  CHECK(markdown_escape("<img src=x onerror=y>") == "\\<img src=x onerror=y\\>");
  CHECK(markdown_escape("&lt;&#60;") == "\\&lt;\\&#60;");  // no entity reference decoded
  CHECK(markdown_escape("*强调*_斜体_`代码`") == "\\*强调\\*\\_斜体\\_\\`代码\\`");
  CHECK(markdown_escape("~~删除~~ x^2^ $x$ @ref {#id} [^1]") ==
        "\\~\\~删除\\~\\~ x\\^2\\^ \\$x\\$ \\@ref \\{#id\\} \\[\\^1\\]");
  // Every inline markup character comes out behind exactly one backslash.
  std::string all = "\\`*_[]()!<>&~^$@{}|";
  std::string escaped = markdown_escape("x" + all);
  CHECK(escaped.size() == 1 + 2 * all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(escaped[1 + 2 * i] == '\\');
    CHECK(escaped[2 + 2 * i] == all[i]);
  }
}

TEST_CASE("Markdown escaping puts one backslash before a block opener that is also inline markup", "[render][escape]") {
  CHECK(markdown_escape("* 一项") == "\\* 一项");
  CHECK(markdown_escape("> 引用") == "\\> 引用");
  CHECK(markdown_escape("__") == "\\_\\_");
  CHECK(markdown_escape("~~~") == "\\~\\~\\~");
}
