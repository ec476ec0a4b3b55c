// Mustache templates (kainjow-mustache) checked before they render: a syntax error, an unknown
// partial or a name the data model does not have stops with the template file and line,
// instead of printing an empty string into a bulletin.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/text_escape.hpp"
#include "render/text_model.hpp"

namespace casestat::render {

struct TemplateTag {
  enum class Kind { variable, unescaped, section, inverted, close, partial, comment, delimiter };
  Kind kind;
  std::string name;
  int line;                // 1-based
  size_t text_before = 0;  // bytes of plain text between the previous tag (or the start) and this one
  std::string context;     // where the tag is when a line means nothing (a Word paragraph, a cell)
};

// The tag whose text between the delimiters is `body` ("#groups" is the section groups);
// `triple` for {{{name}}}.
TemplateTag read_tag(std::string_view body, bool triple, int line);

// "FILE: line N", or "FILE: CONTEXT" for a tag that has one: the start of a message.
std::string tag_place(const std::string& display, const TemplateTag& tag);

// One template file, scanned into its tags. Syntax errors (a tag never closed, a section
// never closed or closed by the wrong name, an empty tag, a bad delimiter change, sections
// nested deeper than kMaxSectionDepth) are data errors: "FILE: line N: ...".
struct TemplateFile {
  std::string display;  // the name used in messages
  std::string text;
  std::vector<TemplateTag> tags;
};
TemplateFile scan_template(std::string display, std::string text);

// Bounds that keep a mistaken template (a partial including itself ten times, sections over
// lists nested in each other) from running for hours or filling the memory of a nightly job.
// A real bulletin is far inside them: a few thousand tags and a few hundred KiB of text.
inline constexpr size_t kMaxSectionDepth = 64;                  // sections open inside each other
inline constexpr int kMaxPartialDepth = 16;                     // partials included inside each other
inline constexpr uint64_t kMaxRenderedTags = 2'000'000;         // tags rendered, counting repeats
inline constexpr uint64_t kMaxRenderedBytes = uint64_t{64} << 20;  // the text a template renders

// The 1-based line of a byte offset in `text`.
int line_of(const std::string& text, size_t offset);

class TextTemplate {
 public:
  // Reads FILE. Partials ({{> name}}) are name.mustache, looked for in FILE's folder, then in
  // FILE's folder/../partials (shared by half-year and quarterly), then in
  // templates_dir()/partials. As in the Mustache spec, a line holding only a section,
  // closing, comment or partial tag is removed whole, whether the section renders or not.
  // `display` names FILE in messages (the path as the user typed it).
  explicit TextTemplate(const std::filesystem::path& file, std::string display = "");
  // A template made in memory (the text of a Word or Excel part turned into Mustache) and
  // its tags, whose contexts say where they are; values pass through `escape`. It has no
  // partials.
  TextTemplate(TemplateFile file, std::function<std::string(const std::string&)> escape);
  ~TextTemplate();
  TextTemplate(TextTemplate&&) noexcept;

  // Checks every tag of the template and of the partials it includes against `shape` (see
  // TextModel): unknown names, values used as sections of nothing, objects printed as values.
  // With `data` (the model's values), also estimates what rendering will cost, every list
  // section counted as many times as the longest list of that name: a template that would
  // render more than kMaxRenderedTags tags or kMaxRenderedBytes of text is refused, naming the
  // file and line where the estimate passed the bound.
  void check(const nlohmann::json& shape, const nlohmann::json* data = nullptr);
  // Checks the template against the model's shape, then renders the model's data. Escaping
  // follows the template's name (text_escape.hpp).
  std::string render(const TextModel& model);

  Escaping escaping() const { return escaping_; }
  const std::vector<std::filesystem::path>& partial_dirs() const { return partial_dirs_; }

 private:
  const TemplateFile& partial(const std::string& name, const TemplateFile& from, int line);
  struct Cost {
    std::map<std::string, uint64_t> list_sizes;  // the longest list of each name in the data
    uint64_t tags = 0, bytes = 0;
  };
  void check_tags(const TemplateFile& file, std::vector<const nlohmann::json*>& scopes, int depth, uint64_t repeats,
                  Cost& cost);

  std::filesystem::path path_;
  TemplateFile main_;
  Escaping escaping_;
  std::function<std::string(const std::string&)> escape_;
  std::vector<std::filesystem::path> partial_dirs_;
  std::map<std::string, std::unique_ptr<TemplateFile>> partials_;
};

}  // namespace casestat::render
