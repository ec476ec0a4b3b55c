// casestat-bulletin: the one-shot job. Computes the indicators of a period (total and per
// office), then writes into one folder the workbook, the SVG charts and one file for every
// template of the template folder (the Markdown and the Word bulletin by default), all or
// none: they are staged and moved into place together.
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
  bool quiet = false;             // --quiet: nothing on standard output or error but errors
  bool allow_empty = false;       // a period in which no ledger has a record: zeros, not an error
};

void bulletin_command(const BulletinOptions& options);

// What the job writes, from indicators JSON that already holds the groups: returns the paths
// written (charts, workbook, then one per template in name order). `template_dir` holds the
// templates and the workbook layout; the site folder's replace them.
std::vector<std::filesystem::path> write_bulletin(const nlohmann::json& data, const std::filesystem::path& template_dir,
                                                  const std::filesystem::path& out_dir, const SiteSettings& site);

// "2025年上半年检察业务数据通报": the file name (without extension) for a period label.
std::string bulletin_stem(const std::string& period_label);

}  // namespace casestat::render
