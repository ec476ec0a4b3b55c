#include "core/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace casestat {

std::filesystem::path templates_dir() {
  namespace fs = std::filesystem;
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

std::filesystem::path default_template(const std::filesystem::path& relative) {
  return templates_dir() / relative;
}

const char* version() { return CASESTAT_VERSION; }

}  // namespace casestat
