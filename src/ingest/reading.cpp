#include "ingest/reading.hpp"
#include "fields/ledger.hpp"

#include <fmt/ranges.h>

#include <charconv>
#include <cstdio>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "core/i18n_context.hpp"
#include "core/location.hpp"

namespace casestat {

namespace {

std::optional<int64_t> positive_number(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

SheetOptions sheet_options(const ReadingOptions& options) {
  SheetOptions sheet;
  if (options.header_row != "auto") {
    auto row = positive_number(options.header_row);
    if (!row) usage_error("--header-row {}: give the header's row number (1, 2, ...) or auto", options.header_row);
    sheet.header_row = *row;
    sheet.max_header_search = std::max(sheet.max_header_search, *row);
  }
  return sheet;
}

ReadOptions read_options(const ReadingOptions& options) {
  static const char* const kEncodings[] = {"auto", "utf-8", "gbk", "gb18030"};
  if (std::find(std::begin(kEncodings), std::end(kEncodings), options.encoding) == std::end(kEncodings))
    usage_error("--encoding {}: use auto, utf-8, gbk or gb18030", options.encoding);
  ReadOptions read;
  read.encoding = options.encoding;
  if (options.max_inflated_mib == 0 || options.max_field_mib == 0 || options.max_shared_strings == 0 ||
      options.max_shared_strings_mib == 0)
    usage_error("--max-inflated-mib, --max-field-mib, --max-shared-strings and --max-shared-strings-mib must be 1 or "
                "more");
  read.limits.max_inflated_bytes = options.max_inflated_mib << 20;
  read.limits.max_shared_strings = options.max_shared_strings;
  read.limits.max_shared_string_bytes = options.max_shared_strings_mib << 20;
  read.limits.max_field_bytes = options.max_field_mib << 20;
  return read;
}

// The descriptions made from parts above, whole, for xgettext: --help translates a description
// when it is printed (core/cli_words.hpp), by its whole text.
[[maybe_unused]] constexpr const char* kMadeDescriptions[] = {
    N_("The ledger of every sheet: cases, recommendations or petitions; default: from the sheet's name, else the "
       "file's (建议 -> recommendations, 信访 -> petitions, else cases)"),
    N_("The sheet to import, by name or number (1 = the first), or all"),
    N_("The sheet to check, by name or number (1 = the first), or all"),
    N_("The sheet to convert, by name or number (1 = the first), or all"),
};

void add_reading_options(CLI::App& app, ReadingOptions& options, const char* verb, std::string* ledger) {
  if (ledger) {
    std::vector<std::string> names;
    for (Ledger known : kLedgers) names.emplace_back(to_string(known));
    app.add_option("--ledger", *ledger,
                   "The ledger of every sheet: " + ledger_words() +
                       "; default: from the sheet's name, else the file's (建议 -> recommendations, 信访 -> "
                       "petitions, else cases)")
        ->check(CLI::IsMember(names).description(""))
        ->type_name(fmt::format("{}", fmt::join(names, "|")));
  }
  app.add_option("--sheet", options.sheet,
                 fmt::format("The sheet to {}, by name or number (1 = the first), or all", verb))
      ->capture_default_str()
      ->type_name("NAME|N|all");
  app.add_option("--header-row", options.header_row,
                 "The header's row number, or auto (the first row naming known fields, under any title rows)")
      ->capture_default_str()
      ->type_name("N|auto");
  app.add_option("--encoding", options.encoding, "The encoding of a CSV file")
      ->check(CLI::IsMember({"auto", "utf-8", "gbk", "gb18030"}).description(""))
      ->type_name("auto|utf-8|gbk|gb18030")
      ->capture_default_str();
  app.add_option("--fields", options.fields, "The field dictionary (default: the site folder's fields.toml, else templates/fields.toml)")
      ->type_name("FILE");
}

void add_limit_options(CLI::App& app, ReadingOptions& options) {
  const char* group = N_("Limits against hostile files (raise them for an honest huge file)");
  app.add_option("--max-inflated-mib", options.max_inflated_mib,
                 "The most an xlsx may inflate to, all its parts together (each as often as it is read), in MiB")
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-shared-strings", options.max_shared_strings, "The most distinct texts an xlsx may declare")
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-shared-strings-mib", options.max_shared_strings_mib,
                 "The most an xlsx's distinct texts may hold together, in MiB")
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-field-mib", options.max_field_mib, "The longest text of one cell or CSV field, in MiB")
      ->capture_default_str()
      ->group(group);
}

Dictionary load_dictionary(const ReadingOptions& options) {
  return options.fields.empty() ? Dictionary::load_default() : Dictionary::load(options.fields);
}

SheetChoice choose_sheets(const Workbook& workbook, std::string_view sheet) {
  const auto& names = workbook.sheet_names();
  SheetChoice choice;
  if (sheet == "all") {
    for (size_t i = 0; i < names.size(); ++i) choice.indexes.push_back(i);
    choice.skip_headerless = names.size() > 1;
    return choice;
  }
  for (size_t i = 0; i < names.size(); ++i)
    if (!names[i].empty() && names[i] == sheet) return {{i}, false};
  if (auto number = positive_number(sheet); number && static_cast<size_t>(*number) <= names.size())
    return {{static_cast<size_t>(*number - 1)}, false};
  if (names.size() == 1 && names[0].empty())
    usage_error("{}: --sheet {}: a CSV file has one sheet only (use 1 or all)", workbook.display_name(), sheet);
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  usage_error("{}: no sheet {} (its sheets: {})", workbook.display_name(), sheet, list);
}

bool has_header_candidate(Workbook& workbook, size_t index, const Dictionary& dictionary, int64_t rows) {
  bool found = false;
  int64_t seen = 0;
  workbook.read_sheet(index, [&](const Row& row) {
    for (const Cell& cell : row.cells)
      if (cell.type == Cell::Type::text && !cell.text.empty() && dictionary.match(cell.text)) {
        found = true;
        return false;
      }
    return ++seen < rows;
  });
  return found;
}

void StderrMessages::error(std::string_view line) { cli::error(line); }

void StderrMessages::warning(std::string_view line) { cli::warn(line); }

void StderrMessages::note(std::string_view line) { cli::note(line, quiet_); }

// The words counted (count_of's callers), for xgettext; "3 rows" is "3 行" in Chinese.
[[maybe_unused]] constexpr const char* kCountedWords[] = {
    NC_("count", "row"),      NC_("count", "rows"),       NC_("count", "error"),     NC_("count", "errors"),
    NC_("count", "problem"),  NC_("count", "problems"),   NC_("count", "blank row"), NC_("count", "blank rows"),
    NC_("count", "total row"), NC_("count", "total rows")};

std::string count_of(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + pgettext_("count", std::string(n == 1 ? one : many).c_str());
}

}  // namespace casestat
