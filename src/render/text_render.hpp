// casestat-render: indicators JSON through a Mustache template into Markdown or any text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace casestat::render {

struct RenderOptions {
  std::string template_file;
  std::string data = "-";          // indicators JSON; "-" is standard input
  std::string output;              // empty: standard output
  std::vector<std::string> sets;   // --set KEY=VALUE, over templates/site.toml
  bool show_model = false;         // print the data model as JSON instead of rendering
};

void render_command(const RenderOptions& options);

// Parses indicators JSON; a syntax error is a data error naming `display` and the line.
nlohmann::json parse_indicators_json(const std::string& text, const std::string& display);

}  // namespace casestat::render
