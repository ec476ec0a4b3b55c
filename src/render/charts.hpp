// The bulletin's charts as SVG, which the Markdown embeds:
// the main indicators against the base period, and one indicator by office.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace casestat::render {

// Writes STEM-主要指标.svg and, with groups, STEM-各院<indicator>.svg into out_dir (atomically);
// returns their paths. Deterministic: the same data gives the same bytes.
std::vector<std::filesystem::path> write_charts(const nlohmann::json& data, const std::filesystem::path& out_dir,
                                                const std::string& stem);

// The SVG texts themselves (for the tests).
std::string main_indicators_svg(const nlohmann::json& data, const std::vector<std::string>& ids);
std::string by_office_svg(const nlohmann::json& data, const std::string& id);

// XML text escaping (& < > " '), of valid XML text (xml_text: what XML forbids becomes U+FFFD).
std::string xml_escape(const std::string& text);

}  // namespace casestat::render
