// Where the default templates and catalogs are: $CASESTAT_TEMPLATES, else share/casestat/templates
// beside an installed executable, else the source tree's templates/ (run from a build folder).
#pragma once

#include <filesystem>

namespace casestat {

std::filesystem::path templates_dir();
// templates_dir() / relative, e.g. default_template("fields.toml").
std::filesystem::path default_template(const std::filesystem::path& relative);

// casestat's version, "0.1.0".
const char* version();

}  // namespace casestat
