#include "fields/toml_file.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace casestat {

toml::table parse_toml_file(const std::filesystem::path& path, const char* what_msgid) {
  const char* what = _(what_msgid);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    system_error("{}: cannot read {}: no such file", path.string(), what);
  try {
    return toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    data_error("{}: line {}: cannot read {}: {}", path.string(), e.source().begin.line, what,
               std::string(e.description()));
  }
}

}  // namespace casestat
