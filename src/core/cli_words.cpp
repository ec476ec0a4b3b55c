#include "core/cli_words.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <regex>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/text.hpp"

namespace casestat::cli {

namespace {

// CLI11's messages (CLI/Error.hpp, CLI/Validators.hpp), each as a pattern and the same English
// as a format whose {} are the pattern's groups, in order.
struct ErrorForm {
  const char* pattern;
  const char* format;
};
const std::vector<ErrorForm>& error_forms() {
  static const std::vector<ErrorForm> forms{
      {"The following argument was not expected: (.*)", N_("The following argument was not expected: {}")},
      {"The following arguments were not expected: (.*)", N_("The following arguments were not expected: {}")},
      {"(.*): ([0-9]+) required (.*) missing", N_("{}: {} required {} missing")},
      {"Expected exactly ([0-9]+) arguments to (.*), got ([0-9]+)", N_("Expected exactly {} arguments to {}, got {}")},
      {"Expected at least ([0-9]+) arguments to (.*), got ([0-9]+)", N_("Expected at least {} arguments to {}, got {}")},
      {"(.*): At least ([0-9]+) required but received ([0-9]+)", N_("{}: At least {} required but received {}")},
      {"(.*): At Most ([0-9]+) required but received ([0-9]+)", N_("{}: At Most {} required but received {}")},
      {"(.*): too many inputs for a flag", N_("{}: too many inputs for a flag")},
      {"(.*): Should be true/false or a number", N_("{}: Should be true/false or a number")},
      {"The value (.*) is not an allowed value for (.*)", N_("The value {} is not an allowed value for {}")},
      {"Could not convert: (.*) = (.*)", N_("Could not convert: {} = {}")},
      {"(.*) was given a disallowed flag override", N_("{} was given a disallowed flag override")},
      {"([^:]*): Value (.*) not in range (.*) to (.*)", N_("{}: Value {} not in range {} to {}")},
      {"([^:]*): Value (.*) could not be converted", N_("{}: Value {} could not be converted")},
      {"([^:]*): Failed parsing (.*) as a (.*)", N_("{}: Failed parsing {} as a {}")},
      {"([^:]*): File does not exist: (.*)", N_("{}: File does not exist: {}")},
      {"([^:]*): File is actually a directory: (.*)", N_("{}: File is actually a directory: {}")},
      {"([^:]*): Directory does not exist: (.*)", N_("{}: Directory does not exist: {}")},
      {"([^:]*): Directory is actually a file: (.*)", N_("{}: Directory is actually a file: {}")},
      {"([^:]*): Path does not exist: (.*)", N_("{}: Path does not exist: {}")},
      {"([^:]*): (.*) not in (\\{.*\\})", N_("{}: {} not in {}")},
      {"(.*) is required", N_("{} is required")},
      {"(.*) excludes (.*)", N_("{} excludes {}")},
      {"(.*) requires (.*)", N_("{} requires {}")},
  };
  return forms;
}

std::string with_groups(const char* format, const std::smatch& match) {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (size_t i = 1; i < match.size(); ++i) args.push_back(match[i].str());
  return fmt::vformat(format, args);
}

// CLI11's own texts of --help, for xgettext: the default group and the --help flag.
[[maybe_unused]] constexpr const char* kHelpWords[] = {N_("Options"), N_("Print this help message and exit"),
                                                       N_("Expand all help")};

class TranslatingFormatter : public CLI::Formatter {
 public:
  TranslatingFormatter() {
    for (const char* word : {N_("Usage"), N_("OPTIONS"), N_("Positionals"), N_("REQUIRED"), N_("SUBCOMMAND"),
                             N_("SUBCOMMANDS"), N_("Env"), N_("Needs"), N_("Excludes")})
      label(word, _(word));
  }

  std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
    return CLI::Formatter::make_group(_(group.c_str()), is_positional, std::move(opts));
  }

  // CLI11's layout (detail::format_help), padded by display width (core/text.hpp) instead of
  // bytes: a Chinese word such as 必需 is three bytes a character but two columns.
  std::string make_option(const CLI::Option* option, bool is_positional) const override {
    const std::string name = "  " + make_option_name(option, is_positional) + make_option_opts(option);
    const std::string description = make_option_desc(option);
    const size_t column = get_column_width();
    const size_t width = display_width(name);
    std::string out = name;
    if (!description.empty()) {
      if (width >= column)
        out += "\n" + std::string(column, ' ');
      else
        out += std::string(column - width, ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') out += std::string(column, ' ');
      }
    } else if (width < column) {
      out += std::string(column - width, ' ');
    }
    return out + "\n";
  }

  std::string make_option_desc(const CLI::Option* option) const override {
    const std::string& text = option->get_description();
    return text.empty() ? text : _(text.c_str());
  }

  std::string make_description(const CLI::App* app) const override {
    const std::string& text = app->get_description();
    return text.empty() ? text : std::string(_(text.c_str())) + "\n";
  }

  std::string make_footer(const CLI::App* app) const override {
    // set_examples (core/cli.hpp) writes "Examples:\n" and the examples, translated apart.
    static constexpr std::string_view heading = "Examples:\n";
    const std::string& footer = app->get_footer();
    if (footer.empty()) return footer;
    if (footer.compare(0, heading.size(), heading) == 0) {
      const std::string examples = footer.substr(heading.size());
      return std::string(_(N_("Examples:"))) + "\n" + _(examples.c_str()) + "\n";
    }
    return std::string(_(footer.c_str())) + "\n";
  }
};

}  // namespace

std::string parse_error_message(const CLI::ParseError& error) {
  const std::string english = error.what();
  for (const ErrorForm& form : error_forms()) {
    std::smatch match;
    if (!std::regex_match(english, match, std::regex(form.pattern))) continue;
    const char* translated = _(form.format);
    if (translated == form.format) return english;  // not in the catalog: CLI11's words as they are
    try {
      return with_groups(translated, match);
    } catch (const fmt::format_error&) {
      return english;
    }
  }
  return english;
}

std::shared_ptr<CLI::Formatter> translating_formatter() { return std::make_shared<TranslatingFormatter>(); }

}  // namespace casestat::cli
