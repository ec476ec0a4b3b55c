// Reading the TOML files a site edits (field dictionary, indicator catalog, workbook layout):
// a missing file is a system error, a syntax error a data error naming the file and line.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <string_view>

namespace casestat {

// `what` names the file's role in the message, marked N_("the field dictionary"): it is said
// in the user's language.
toml::table parse_toml_file(const std::filesystem::path& path, const char* what);

}  // namespace casestat
