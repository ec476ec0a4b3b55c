// The field dictionary: which header means which canonical field, of which type.
// Loaded from templates/fields.toml (a site copies and edits it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casestat {

enum class FieldType { text, date, money, integer, flag };
const char* to_string(FieldType type);  // "text", "date", ...

struct Field {
  std::string id;                    // canonical: received_on
  std::string name;                  // the Chinese name: 受理日期
  FieldType type = FieldType::text;
  std::vector<std::string> aliases;  // other headers: 受案日期, 线索受理日期, ...
  // flag: the office's own words for 是 and 否 (已回复，已采纳), read before the built-in ones.
  std::vector<std::string> yes, no;
  std::string source_file;           // the dictionary it came from, for the fix in messages
};

struct HeaderMatch {
  const Field* field = nullptr;
  // For money: 分 per unit the header states; 100 for 元 (and no unit), 1000000 for 万元.
  int64_t fen_per_unit = 100;
};

class Dictionary {
 public:
  // Throws Error (Exit::data) naming the file and line for a bad dictionary.
  static Dictionary load(const std::filesystem::path& path);
  static Dictionary load_default();  // templates_dir()/fields.toml

  // Matching ignores spaces, full/half-width differences, case, and a unit suffix in
  // brackets (救助金额（元）, 挽回损失(万元)), which sets fen_per_unit.
  std::optional<HeaderMatch> match(std::string_view header) const;
  // A column under captions: `path` is the captions from the top of the header down, the
  // column's own name last (办理情况, 立案日期). An alias written as a path ("办理情况/立案日期")
  // matches a column whose captions end with it, and wins over a match by the name alone; so
  // two columns named 日期 under 受理情况 and 办结情况 can mean different fields.
  std::optional<HeaderMatch> match(const std::vector<std::string>& path) const;
  const Field* find(std::string_view id) const;  // by canonical id
  const std::vector<Field>& fields() const { return fields_; }
  const std::filesystem::path& source() const { return source_; }

 private:
  std::vector<Field> fields_;
  std::filesystem::path source_;
};

// The header normalization used by match() (exposed for tests): NFKC-like full-width to
// half-width, spaces removed, ASCII lower case; returns the unit found in a bracketed suffix.
std::string normalize_header(std::string_view header, std::string* unit = nullptr);

}  // namespace casestat
