// The offices a site knows (site.toml): their names in the order its bulletins list them
// (office_order) and the other names clerks type for them ([office_aliases]), so that 临江院
// and 临江县院 are counted as 临江县人民检察院 and never as an office of their own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casestat {

// "甲、乙,丙" -> {"甲", "乙", "丙"}: the names of a list setting, separated by 、 or commas.
std::vector<std::string> split_name_list(std::string_view list);

class Offices {
 public:
  // site.toml's office_order and [office_aliases] ("临江县人民检察院" = ["临江县院", "临江院"]);
  // a missing file, or one without office_order, knows no office (every name is taken as
  // written). Throws Error (Exit::data) naming the file and line for a bad alias table.
  static Offices load(const std::filesystem::path& site_toml);
  static Offices load_default();  // default_template("site.toml")

  bool empty() const { return names_.empty(); }
  const std::vector<std::string>& names() const { return names_; }
  const std::filesystem::path& source() const { return source_; }
  // The office's own name for one of its names or aliases (spaces ignored); nullopt when the
  // site does not know the name.
  std::optional<std::string> canonical(std::string_view name) const;
  // What to add to site.toml for a name it does not know, e.g.
  // [office_aliases] "临江县人民检察院" = ["临江院"] (the office guessed by the longest common
  // beginning), or office_order when no office is close.
  std::string fix_for(std::string_view unknown) const;
  // The office an unknown name most likely means: the one sharing the longest run of two or
  // more characters with it, 人民检察院/检察院/院 left out (西湖检察院 -> 江州市西湖区人民检察院).
  std::optional<std::string> closest(std::string_view unknown) const;

 private:
  std::vector<std::string> names_;
  std::map<std::string, std::string> lookup_;  // compacted name or alias -> the office's name
  std::filesystem::path source_;
};

// Names a site does not know, with how many rows carry each, in the order first seen.
struct UnknownOffices {
  std::vector<std::pair<std::string, int64_t>> counts;
  void add(const std::string& name);
  bool empty() const { return counts.empty(); }
};

// One warning line per unknown name: `place`: 承办单位 "临江院" (12 rows) is not an office of
// site.toml: add ...
std::vector<std::string> unknown_office_warnings(const std::string& place, const UnknownOffices& unknown,
                                                 const Offices& offices);

}  // namespace casestat
