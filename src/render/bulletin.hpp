// casestat-bulletin: the one-shot job. Computes the indicators of a period (total and per
// office), then writes into one folder the Markdown bulletin, the workbook, the SVG charts the
// Markdown embeds and, when pandoc is installed, a .docx of the bulletin.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "render/text_model.hpp"

namespace casestat::render {

struct BulletinOptions {
  std::string db;
  std::string period;
  std::string compare = "yoy";
  std::string templates;          // a template folder; default templates_dir()/half-year
  std::string out = "out";
  std::vector<std::string> sets;  // --set KEY=VALUE over templates/site.toml
  std::string data;               // indicators JSON with groups, instead of computing (tests)
  std::string catalog;            // --catalog FILE; empty: the site's or the default indicators.toml
  std::string fields;             // --fields FILE; empty: the site's or the default fields.toml
  bool quiet = false;
  bool allow_empty = false;       // a period in which no ledger has a record: zeros, not an error
};

void bulletin_command(const BulletinOptions& options);

// What the job writes, from indicators JSON that already holds the groups: returns the paths
// written, in order (Markdown, workbook, charts, docx). `template_dir` holds
// bulletin.md.mustache and the workbook layout; the site folder's replace them.
std::vector<std::filesystem::path> write_bulletin(const nlohmann::json& data, const std::filesystem::path& template_dir,
                                                  const std::filesystem::path& out_dir, const SiteSettings& site,
                                                  bool quiet);

// "2025年上半年检察业务数据通报": the file name (without extension) for a period label.
std::string bulletin_stem(const std::string& period_label);

// Runs pandoc (found on PATH, no shell) to turn `markdown` into `docx` (written atomically);
// false when pandoc is not installed. A failing pandoc is a system error.
bool run_pandoc(const std::filesystem::path& markdown, const std::filesystem::path& docx);

}  // namespace casestat::render
