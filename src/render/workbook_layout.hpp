// The workbook layout (templates/half-year/workbook.toml): which sheets a bulletin workbook has
// and what goes in them. A site edits it without recompiling; mistakes name the file and line.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "render/text_model.hpp"

namespace casestat::render {

struct ChartSpec {
  std::string title;                    // may hold {period} and the other placeholders
  std::vector<std::string> indicators;  // summary: the indicators shown, this period against the base
  std::string indicator;                // groups: the indicator shown by office
};

struct SheetSpec {
  enum class Kind { summary, groups };
  Kind kind = Kind::summary;
  std::string name;
  std::string title, subtitle;           // placeholders: {area} {org} {period} {base} {word} {from} {to} ...
  std::vector<std::string> sections;     // summary: these sections, in this order (all when empty)
  std::vector<std::string> indicators;   // groups: the columns (all when empty)
  std::vector<std::string> columns = {"value", "base", "change"};  // groups: what each indicator shows
  std::vector<std::string> rank;         // groups: a rank column after each of these
  std::vector<std::string> lowest;       // groups: the indicators whose lowest offices are marked
  int mark_lowest = 0;                   // groups: how many of the lowest offices are marked
  bool has_chart = false;
  ChartSpec chart;
  int64_t line = 0;
};

struct Layout {
  std::filesystem::path source;
  std::string title;  // the workbook's title property
  std::string footer = "&C第 &P 页，共 &N 页";
  std::vector<SheetSpec> sheets;
};

// Parses and checks a layout against the indicators it will be used with: ids and section
// names must exist in `data`, every key must be known and have the right type.
Layout load_layout(const std::filesystem::path& path, const nlohmann::json& data);

// Replaces {period} {base} {word} {compare} {from} {to} {sources} {catalog} {generated_on} and the site
// settings ({area} {org} ...) in a layout text; other braces are left as they are. `footer`:
// the text is an Excel page footer, where & starts a code, so a value's & is written &&.
std::string fill_placeholders(const std::string& text, const nlohmann::json& data, const SiteSettings& site,
                              bool footer = false);

}  // namespace casestat::render
