#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "render/text_model.hpp"
#include "render/text_template.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using casestat::render::build_text_model;
using casestat::render::scan_template;
using casestat::render::TextModel;
using casestat::render::TextTemplate;
using nlohmann::json;

namespace {

json load(const std::string& name) {
  std::ifstream in(std::string(CASESTAT_TEST_DATA) + "/render/" + name);
  REQUIRE(in);
  return json::parse(in);
}

// A scratch folder with template files, removed at the end of the test.
struct Folder {
  fs::path dir;
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "casestat-render-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    dir = pattern;
  }
  ~Folder() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& text) {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name) << text;
    return dir / name;
  }
};

std::string render(const fs::path& file, const std::string& data = "small.json") {
  TextModel m = build_text_model(load(data), {{"org", "江州市人民检察院"}}, data);
  TextTemplate t(file, file.filename().string());
  return t.render(m);
}

}  // namespace

TEST_CASE("values by id, sections and groups render", "[render][template]") {
  Folder f;
  auto t = f.write("t.md.mustache",
                   "{{period.label}}立案{{pil.filed.display}}，{{pil.filed.change_text}}。\n"
                   "{{#sections}}[{{name}}:{{#indicators}}{{id}};{{/indicators}}]{{/sections}}\n"
                   "{{#groups}}\n"
                   "| {{name}} | {{pil.filed.display}} | {{pil.filed.rank}} |\n"
                   "{{/groups}}\n"
                   "{{org}}\n");
  CHECK(render(t) ==
        "2025年上半年立案96件，同比下降4%。\n"
        "[公益诉讼检察:pil.clues;pil.filed;][检察建议:rec.issued;rec.adopted;rec.adoption\\_rate;][司法救助:aid.amount;]"
        "[信访工作:pet.received;][检察听证:hearings;]\n"
        "| 江州市东湖区人民检察院 | 40件 | 2 |\n"
        "| 江州市西湖\\|区人民 检察院 | 56件 | 1 |\n"
        "江州市人民检察院\n");
}

TEST_CASE("a skipped section leaves no blank line (a table stays whole)", "[render][template]") {
  Folder f;
  auto t = f.write("t.md.mustache",
                   "| a |\n|---|\n{{#groups}}\n| {{name}} |\n{{/groups}}\n{{^groups}}\n| 无 |\n{{/groups}}\n\nend\n");
  CHECK(render(t, "empty-groups.json") == "| a |\n|---|\n| 无 |\n\nend\n");
}

TEST_CASE("HTML templates escape HTML; others escape nothing", "[render][template]") {
  Folder f;
  auto with_site = [](const fs::path& file) {
    TextModel m = build_text_model(load("small.json"), {{"org", "<b>A&B</b>"}}, "small.json");
    return TextTemplate(file).render(m);
  };
  CHECK(with_site(f.write("t.html.mustache", "{{org}}|{{{org}}}")) == "&lt;b&gt;A&amp;B&lt;/b&gt;|<b>A&B</b>");
  CHECK(with_site(f.write("t.txt.mustache", "{{org}}")) == "<b>A&B</b>");
  CHECK(with_site(f.write("t.md.mustache", "{{org}}")) == "\\<b\\>A\\&B\\</b\\>");
}

TEST_CASE("template errors name the file and the line", "[render][template]") {
  Folder f;
  CHECK_THROWS_WITH(render(f.write("a.md.mustache", "x\n\n{{pil.filedd.display}}\n")),
                    "a.md.mustache: line 3: unknown name pil.filedd.display (did you mean pil.filed.display?)");
  CHECK_THROWS_WITH(render(f.write("b.md.mustache", "x\n{{#groups}}\n{{name}}\n")),
                    "b.md.mustache: line 2: section {{#groups}} is never closed (no {{/groups}})");
  CHECK_THROWS_WITH(render(f.write("c.md.mustache", "{{#groups}}\n{{#sections}}\n{{/groups}}\n")),
                    Contains("c.md.mustache: line 3: {{/groups}} found while section {{#sections}} (line 2)"));
  CHECK_THROWS_WITH(render(f.write("d.md.mustache", "\n{{/groups}}")),
                    Contains("d.md.mustache: line 2: {{/groups}} closes a section that was never opened"));
  CHECK_THROWS_WITH(render(f.write("e.md.mustache", "x {{pil.filed.display\n")),
                    Contains("e.md.mustache: line 1: a tag opened here is never closed"));
  CHECK_THROWS_WITH(render(f.write("g.md.mustache", "{{pil.filed}}")),
                    Contains("line 1: pil.filed is not a value: use one of its values"));
  CHECK_THROWS_WITH(render(f.write("h.md.mustache", "{{groups}}")), Contains("line 1: groups is a list"));
  CHECK_THROWS_WITH(render(f.write("i.md.mustache", "{{}}")), Contains("line 1: empty tag"));
  // rank exists inside {{#groups}} only
  CHECK_THROWS_WITH(render(f.write("j.md.mustache", "{{pil.filed.rank}}")), Contains("unknown name pil.filed.rank"));
  CHECK_THROWS_WITH(render(f.write("k.md.mustache", "{{author2}}")), Contains("--set author2=VALUE"));
  // an unknown name inside a section that the data skips is still an error
  CHECK_THROWS_WITH(render(f.write("l.md.mustache", "{{#groups}}\n{{nme}}\n{{/groups}}\n"), "empty-groups.json"),
                    Contains("l.md.mustache: line 2: unknown name nme"));
}

TEST_CASE("partials come from the template's folder, then ../partials", "[render][template]") {
  Folder f;
  f.write("partials/p_shared.mustache", "shared {{pil.filed.display}}\n");
  f.write("half-year/p_local.mustache", "local {{period.label}}\n");
  auto t = f.write("half-year/t.md.mustache", "{{> p_local}}\n{{> p_shared}}\nend\n");
  CHECK(render(t) == "local 2025年上半年\nshared 96件\nend\n");

  f.write("partials/p_bad.mustache", "ok\n{{pil.nope.display}}\n");
  auto bad = f.write("half-year/bad.md.mustache", "{{> p_bad}}\n");
  CHECK_THROWS_WITH(render(bad), Contains("p_bad.mustache: line 2: unknown name pil.nope.display"));

  auto missing = f.write("half-year/missing.md.mustache", "x\n{{> nowhere}}\n");
  CHECK_THROWS_WITH(render(missing), Contains("missing.md.mustache: line 2: unknown partial {{> nowhere}}"));

  f.write("half-year/loop.mustache", "{{> loop}}");
  CHECK_THROWS_WITH(render(f.write("half-year/l.md.mustache", "{{> loop}}")), Contains("include itself?"));
}

TEST_CASE("scan_template reports lines", "[render][template]") {
  auto file = scan_template("x", "a\n{{#s}}\n{{v}}\n{{/s}}\n{{! c }}{{> p}}");
  REQUIRE(file.tags.size() == 5);
  CHECK(file.tags[0].line == 2);
  CHECK(file.tags[1].name == "v");
  CHECK(file.tags[3].kind == casestat::render::TemplateTag::Kind::comment);
  CHECK(file.tags[4].name == "p");
  CHECK(casestat::render::line_of("a\nb\nc", 4) == 3);
}

TEST_CASE("the default templates check against the full catalog and render twice the same", "[render][template]") {
  for (const char* folder : {"half-year", "quarterly"}) {
    fs::path t = fs::path(CASESTAT_TEMPLATES_DIR) / folder / "bulletin.md.mustache";
    TextModel m = build_text_model(load("full.json"), {{"org", "江州市人民检察院"}, {"area", "江州市"}, {"author", "案管办"}},
                                   "full.json");
    std::string once = TextTemplate(t).render(m);
    std::string twice = TextTemplate(t).render(m);
    CHECK(once == twice);
    // every headline figure of the totals is in the text
    for (const auto& indicator : m.data["indicators"])
      CHECK_THAT(once, Contains(indicator["display"].get<std::string>()));
  }
}

TEST_CASE("templates that would explode are refused quickly, naming the file and line", "[render][template][bounds]") {
  Folder f;
  // Partials that fan out: ten includes per level, fifteen levels (10^15 renderings).
  for (int level = 0; level < 15; ++level) {
    std::string text;
    for (int i = 0; i < 10; ++i) text += "{{> p" + std::to_string(level + 1) + "}}x\n";
    f.write("p" + std::to_string(level) + ".mustache", text);
  }
  f.write("p15.mustache", "{{org}}\n");
  CHECK_THROWS_WITH(render(f.write("fan.md.mustache", "{{> p0}}\n")),
                    Contains(".mustache: line ") && Contains("the template would render more than 2000000 tags"));

  // List sections nested in each other: each level repeats the level inside it.
  std::string nested;
  for (int i = 0; i < 12; ++i) nested += "{{#groups}}{{#sections}}";
  nested += "{{name}}";
  for (int i = 0; i < 12; ++i) nested += "{{/sections}}{{/groups}}";
  CHECK_THROWS_WITH(render(f.write("nest.md.mustache", "x\n" + nested + "\n")),
                    Contains("nest.md.mustache: line 2: the template would render"));

  // Plain text repeated: few tags, many bytes (a megabyte for each of the 2 offices' 10
  // sections' indicators).
  std::string text = "{{#groups}}{{#sections}}{{#indicators}}" + std::string(1 << 20, 'x') +
                     "{{/indicators}}{{/sections}}{{/groups}}";
  CHECK_THROWS_WITH(render(f.write("bytes.md.mustache", text)), Contains("more than 64 MiB"));

  // Sections nested too deep (a closing tag forgotten in a loop of edits).
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{{#base}}";
  CHECK_THROWS_WITH(render(f.write("deep.md.mustache", "\n\n" + deep)),
                    "deep.md.mustache: line 3: sections nest more than 64 deep here (is a {{/...}} missing?)");
}

TEST_CASE("many tags on many lines scan in linear time", "[render][template][bounds]") {
  // 200,000 tags over 200,000 lines: counting lines from the start for each tag would take
  // 2 * 10^10 steps; the last one's line must still be right.
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "{{! a comment }}\n";
  text += "{{/x}}";
  CHECK_THROWS_WITH(scan_template("many.mustache", text),
                    "many.mustache: line 200001: {{/x}} closes a section that was never opened");
}

TEST_CASE("a real bulletin is far inside the bounds", "[render][template][bounds]") {
  std::string dir = std::string(CASESTAT_TEMPLATES_DIR);
  for (const char* folder : {"half-year", "quarterly"}) {
    TextModel m = build_text_model(load("full.json"), {{"org", "江州市人民检察院"}, {"area", "江州市"}, {"author", "x"}},
                                   "full.json");
    TextTemplate t(dir + "/" + folder + "/bulletin.md.mustache");
    CHECK_FALSE(t.render(m).empty());
  }
}
