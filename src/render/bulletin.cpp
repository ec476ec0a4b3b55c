#include "render/bulletin.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "render/text_render.hpp"
#include "render/text_template.hpp"

#include "indicators/compute.hpp"
#include "indicators/period.hpp"
#include "render/charts.hpp"
#include "render/office_order.hpp"
#include "render/workbook.hpp"

extern char** environ;

namespace casestat::render {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
// A period label as part of a file name ("2025年上半年"; a '/' would make a folder).
std::string file_safe(const std::string& label) {
  std::string out;
  for (char c : label) out += (c == '/' || c == '\\' || c == '\0') ? '-' : c;
  return out;
}
}  // namespace

std::string bulletin_stem(const std::string& period_label) { return file_safe(period_label) + "检察业务数据通报"; }


namespace {

// pandoc's path on PATH, or empty.
fs::path find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::string dirs = path;
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / program;
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

// The workbook layout: the site folder's workbook.toml, else the template folder's, else the
// default one.
fs::path workbook_layout(const fs::path& template_dir) {
  for (const fs::path& candidate : {site_file_or(template_dir, "workbook.toml"), template_dir / "workbook.json",
                                    templates_dir() / "workbook.toml", templates_dir() / "workbook.json"}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      note_used_file(candidate);
      return candidate;
    }
  }
  data_error("{}: no workbook layout (workbook.toml) here nor in {}", template_dir.string(), templates_dir().string());
}

}  // namespace

bool run_pandoc(const fs::path& markdown, const fs::path& docx) {
  fs::path pandoc = find_on_path("pandoc");
  if (pandoc.empty()) return false;
  AtomicFile out(docx);
  fs::path resources = markdown.parent_path().empty() ? fs::path(".") : markdown.parent_path();
  // The temporary name has no .docx extension: say the formats. --resource-path finds the SVGs.
  // No raw HTML or TeX reaches the .docx, whatever the Markdown holds; ledger values are
  // escaped (text_escape.hpp), so the only images pandoc reads are casestat's own charts.
  std::vector<std::string> args = {pandoc.string(), "--from", "markdown-raw_html-raw_tex-raw_attribute", "--to", "docx",
                                   "--resource-path", resources.string(), "--output", out.temp_path().string(),
                                   markdown.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int err = ::posix_spawn(&pid, pandoc.c_str(), nullptr, nullptr, argv.data(), environ);
  if (err != 0) system_error("cannot run {}: {}", pandoc.string(), errno_text(err));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) system_error("waiting for pandoc: {}", errno_text(errno));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    system_error("pandoc could not convert {} to {} (exit status {}): the .docx was not written", markdown.string(),
                 docx.string(), WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  out.commit();
  return true;
}

std::vector<fs::path> write_bulletin(const json& data, const fs::path& template_dir, const fs::path& out_dir,
                                     const SiteSettings& site, bool quiet) {
  fs::path md_template = site_file_or(template_dir, "bulletin.md.mustache");
  TextModel model = build_text_model(data, site, "indicators");
  // Check the template before writing anything, so that a typo leaves no half-made folder.
  TextTemplate tmpl(md_template);
  tmpl.check(model.shape);
  fs::path layout = workbook_layout(template_dir);

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) system_error("cannot create the folder {}: {}", out_dir.string(), ec.message());

  std::string label = model.data["period"]["label"].get<std::string>();
  std::string stem = bulletin_stem(label);
  std::vector<fs::path> written;

  std::string chart_stem = file_safe(label);  // write_charts names its files 2025年上半年-主要指标.svg
  // The workbook first, to a temporary name: if anything fails before the end, the previous
  // bulletin (Markdown, workbook and charts) is left as it was.
  fs::path xlsx = out_dir / (stem + ".xlsx");
  AtomicFile xlsx_out(xlsx);
  write_workbook(data, layout, xlsx_out.temp_path(), site);
  std::vector<fs::path> charts = write_charts(data, out_dir, chart_stem);
  std::vector<ChartRef> refs;
  for (const auto& chart : charts) {
    std::string title = chart.stem().string();
    if (title.rfind(chart_stem + "-", 0) == 0) title = title.substr(chart_stem.size() + 1);
    refs.push_back({chart.filename().string(), title});
  }
  set_charts(model, refs);
  std::string markdown = tmpl.render(model);

  xlsx_out.commit();
  fs::path md = out_dir / (stem + ".md");
  write_file_atomically(md, markdown);
  written.push_back(md);
  written.push_back(xlsx);
  for (const auto& chart : charts) written.push_back(chart);

  fs::path docx = out_dir / (stem + ".docx");
  if (run_pandoc(md, docx))
    written.push_back(docx);
  else
    cli::note(cli::tool_name() + ": pandoc not found: skipped the .docx", quiet);
  return written;
}

void bulletin_command(const BulletinOptions& options) {
  auto site = load_site_settings(default_template("site.toml"), options.sets);
  if (parse_compare(options.compare) == Compare::none)
    usage_error("--compare {}: a bulletin compares with yoy (同比) or prev (环比)", options.compare);
  fs::path template_dir = options.templates.empty() ? templates_dir() / "half-year" : fs::path(options.templates);
  if (!fs::is_directory(template_dir)) usage_error("--templates {}: no such folder", template_dir.string());

  json data;
  if (!options.data.empty()) {
    Input input(options.data);
    data = parse_indicators_json(input.read_all(), input.display_name());
  } else {
    if (options.period.empty()) usage_error("--period is required (e.g. --period 2025H1)");
    IndicatorRequest request;
    request.db = options.db;
    request.period = options.period;
    request.compare = options.compare;
    request.by = "unit";  // one scan gives the totals and the offices
    request.catalog = options.catalog;
    request.allow_empty = options.allow_empty;
    request.fields = options.fields;
    data = compute_indicators(request);
  }
  order_groups(data, site);
  for (const auto& path : write_bulletin(data, template_dir, options.out, site, options.quiet))
    Stdout::get().write(path.string() + "\n");
}

}  // namespace casestat::render
