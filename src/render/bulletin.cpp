#include "render/bulletin.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "render/text_render.hpp"
#include "render/site_settings.hpp"
#include "render/text_template.hpp"

#include "indicators/compute.hpp"
#include "indicators/period.hpp"
#include "render/charts.hpp"
#include "render/office_order.hpp"
#include "render/office_template.hpp"
#include "render/workbook.hpp"

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

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A template of the folder and the name of what it makes.
struct Job {
  fs::path source;
  std::string output;
};

// Every template of the folder: *.EXT.mustache (bulletin.md.mustache), *.docx, *.xlsx (and
// *.docx.d, *.xlsx.d: the parts of one kept as a folder). bulletin.* is named like the bulletin
// (2025年上半年检察业务数据通报.docx), any other after the period (2025年上半年-报表.xlsx).
std::vector<Job> template_jobs(const fs::path& template_dir, const std::string& label) {
  std::vector<Job> jobs;
  std::vector<fs::path> entries;
  std::error_code ec;
  for (fs::directory_iterator it(template_dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  if (ec) system_error("{}: cannot list the folder: {}", template_dir.string(), ec.message());
  std::sort(entries.begin(), entries.end());
  for (const auto& path : entries) {
    std::string name = path.filename().string();
    // Hidden files, and the lock files Word and WPS leave beside an open document (~$name).
    if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) continue;
    std::string made;
    bool folder = fs::is_directory(path, ec);
    if (!folder && ends_with(name, ".mustache")) {
      made = name.substr(0, name.size() - 9);
      // NAME.mustache without an inner extension is a partial ({{> NAME}}), not a document.
      if (!fs::path(made).has_extension()) continue;
    } else if (!folder && (ends_with(name, ".docx") || ends_with(name, ".xlsx"))) {
      made = name;
    } else if (folder && (ends_with(name, ".docx.d") || ends_with(name, ".xlsx.d"))) {
      made = name.substr(0, name.size() - 2);
      if (fs::exists(template_dir / made, ec)) continue;  // the zipped file beside it wins
    } else {
      continue;
    }
    std::string output = made.rfind("bulletin.", 0) == 0 ? bulletin_stem(label) + made.substr(8)
                                                          : file_safe(label) + "-" + made;
    // The office's own copy of a template in its site folder replaces the default one.
    jobs.push_back({folder ? path : site_file_or(template_dir, name), output});
  }
  return jobs;
}

// Files written under temporary names in a staging folder inside the output folder, moved
// into place together once every one of them is whole: a failure anywhere leaves the
// previous set of files as it was.
class Staging {
 public:
  explicit Staging(const fs::path& out_dir) : out_dir_(out_dir) {
    std::string pattern = (out_dir / ".casestat-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) system_error("cannot write into {}: {}", out_dir.string(), errno_text(errno));
    dir_ = pattern;
    if (const char* n = std::getenv("CASESTAT_FAIL_AFTER_WRITES")) fail_after_ = std::atoi(n);
  }
  ~Staging() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const fs::path& dir() const { return dir_; }
  // The staged path of an output named `name`; call once per output, before writing it.
  fs::path next(const std::string& name) {
    // For the tests of this promise only: the write after the first N fails as a full disk would.
    if (fail_after_ >= 0 && written_ >= fail_after_)
      system_error("cannot write {}: {} (CASESTAT_FAIL_AFTER_WRITES)", (out_dir_ / name).string(), errno_text(ENOSPC));
    ++written_;
    return dir_ / name;
  }
  // Moves every staged file into the output folder; returns their final paths.
  std::vector<fs::path> commit(const std::vector<std::string>& names) {
    for (const auto& name : names) sync(dir_ / name);
    std::vector<fs::path> done;
    for (const auto& name : names) {
      std::error_code ec;
      fs::rename(dir_ / name, out_dir_ / name, ec);
      if (ec) system_error("cannot write {}: {}", (out_dir_ / name).string(), ec.message());
      done.push_back(out_dir_ / name);
    }
    return done;
  }

 private:
  static void sync(const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
      int err = errno;
      if (fd >= 0) ::close(fd);
      system_error("cannot write {}: {}", file.string(), errno_text(err));
    }
    ::close(fd);
  }
  fs::path out_dir_, dir_;
  int fail_after_ = -1;
  int written_ = 0;
};

}  // namespace

std::vector<fs::path> write_bulletin(const json& data, const fs::path& template_dir, const fs::path& out_dir,
                                     const SiteSettings& site) {
  TextModel model = build_text_model(data, site, "indicators");
  std::string label = model.data["period"]["label"].get<std::string>();
  std::vector<Job> jobs = template_jobs(template_dir, label);
  if (jobs.empty())
    data_error("{}: no template here (bulletin.md.mustache, bulletin.docx, or any .mustache, .docx, .xlsx)",
               template_dir.string());
  // Check the text templates before writing anything, so that a typo leaves no half-made folder.
  for (const auto& job : jobs)
    if (template_kind(job.source, job.source.string()) == TemplateKind::text)
      TextTemplate(job.source).check(model.shape);
  fs::path layout = workbook_layout(template_dir);

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) system_error("cannot create the folder {}: {}", out_dir.string(), ec.message());

  Staging stage(out_dir);
  std::vector<std::string> names;
  std::string chart_stem = file_safe(label);  // write_charts names its files 2025年上半年-主要指标.svg
  std::vector<fs::path> charts = write_charts(data, stage.dir(), chart_stem);
  std::vector<ChartRef> refs;
  for (const auto& chart : charts) {
    std::string name = chart.filename().string();
    stage.next(name);
    names.push_back(name);
    std::string title = chart.stem().string();
    if (title.rfind(chart_stem + "-", 0) == 0) title = title.substr(chart_stem.size() + 1);
    refs.push_back({name, title});
  }
  set_charts(model, refs);

  std::string xlsx = bulletin_stem(label) + ".xlsx";
  write_workbook(data, layout, stage.next(xlsx), site);
  names.push_back(xlsx);
  for (const auto& job : jobs) {
    fs::path target = stage.next(job.output);
    render_template_file(job.source, job.source.string(), model, target);
    names.push_back(job.output);
  }
  return stage.commit(names);
}

void bulletin_command(const BulletinOptions& options) {
  auto site = load_site_settings(default_template("site.toml"), options.sets);
  if (parse_compare(options.compare) == Compare::none)
    usage_error("--compare {}: a bulletin compares with yoy (同比) or prev (环比)", options.compare);
  fs::path template_dir = options.templates.empty() ? templates_dir() / "half-year" : fs::path(options.templates);
  if (!fs::is_directory(template_dir)) usage_error("--template-dir {}: no such folder", template_dir.string());

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
  for (const auto& path : write_bulletin(data, template_dir, options.out, site))
    if (!options.quiet) Stdout::get().write(path.string() + "\n");
}

}  // namespace casestat::render
