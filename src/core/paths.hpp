// Where the settings and templates are. The defaults: $CASESTAT_TEMPLATES, else
// share/casestat/templates beside an installed executable, else the source tree's templates/
// (run from a build folder). An office's own folder (--site DIR, else $CASESTAT_SITE) holds any
// of them: each file it has replaces the default of that name, the others stay the defaults.
#pragma once

#include <filesystem>

namespace casestat {

std::filesystem::path templates_dir();

// The office's settings folder: set_site_dir() (from --site), else $CASESTAT_SITE; empty: none.
// A folder that does not exist is a usage Error.
void set_site_dir(const std::filesystem::path& dir);
std::filesystem::path site_dir();

// The one rule for a settings file or template by its name: the site folder's when it has one,
// else `fallback_dir`'s (a template folder such as templates/quarterly).
std::filesystem::path site_file_or(const std::filesystem::path& fallback_dir, const std::filesystem::path& relative);
// site_file_or(templates_dir(), relative), e.g. default_template("fields.toml").
std::filesystem::path default_template(const std::filesystem::path& relative);

// --verbose: every settings file, catalog, dictionary and template a tool reads is named on
// stderr ("casestat-bulletin: using site/fields.toml"), each once.
void set_verbose(bool verbose);
void note_used_file(const std::filesystem::path& file);

// casestat's version, "0.1.0".
const char* version();

}  // namespace casestat
