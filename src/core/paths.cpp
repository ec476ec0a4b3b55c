#include "core/paths.hpp"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <system_error>

#include "core/cli.hpp"
#include "core/error.hpp"

namespace casestat {

namespace fs = std::filesystem;

namespace {
std::optional<fs::path> g_site;  // set by --site; unset: $CASESTAT_SITE
bool g_verbose = false;
}  // namespace

fs::path templates_dir() {
  if (const char* env = std::getenv("CASESTAT_TEMPLATES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "casestat" / "templates";
    if (fs::is_directory(installed, ec)) return installed;
  }
  if (fs::is_directory(CASESTAT_SOURCE_TEMPLATES, ec)) return CASESTAT_SOURCE_TEMPLATES;
  return CASESTAT_INSTALL_TEMPLATES;
}

void set_site_dir(const fs::path& dir) { g_site = dir; }

fs::path site_dir() {
  fs::path dir;
  const char* from = "--site";
  if (g_site) {
    dir = *g_site;
  } else if (const char* env = std::getenv("CASESTAT_SITE"); env && *env) {
    dir = env;
    from = "$CASESTAT_SITE";
  }
  std::error_code ec;
  if (!dir.empty() && !fs::is_directory(dir, ec))
    usage_error("{} {}: no such folder (the office's settings folder: fields.toml, indicators.toml, site.toml, "
                "templates)", from, dir.string());
  return dir;
}

fs::path site_file_or(const fs::path& fallback_dir, const fs::path& relative) {
  fs::path site = site_dir();
  std::error_code ec;
  if (!site.empty() && fs::exists(site / relative, ec)) return site / relative;
  return fallback_dir / relative;
}

fs::path default_template(const fs::path& relative) { return site_file_or(templates_dir(), relative); }

void set_verbose(bool verbose) { g_verbose = verbose; }

void note_used_file(const fs::path& file) {
  static std::set<fs::path> said;
  if (!g_verbose) return;
  std::error_code ec;
  fs::path shown = fs::weakly_canonical(file, ec);
  if (ec) shown = file;
  if (!said.insert(shown).second) return;
  std::fflush(stdout);
  std::fprintf(stderr, "%s: using %s\n", cli::tool_name().c_str(), shown.c_str());
}

const char* version() { return CASESTAT_VERSION; }

}  // namespace casestat
