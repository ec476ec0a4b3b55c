// The site's settings that templates see ({{org}}, {{area}}, ...): templates/site.toml, or the
// site folder's, then --set KEY=VALUE on top.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace casestat::render {

// The [site] keys of a TOML file (templates/site.toml), when it exists, then KEY=VALUE
// assignments (--set) on top. Keys are letters, digits and _.
std::map<std::string, std::string> load_site_settings(const std::filesystem::path& toml,
                                                      const std::vector<std::string>& assignments);

}  // namespace casestat::render
