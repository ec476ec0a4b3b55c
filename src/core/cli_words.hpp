// CLI11's own words in the user's language (core/i18n.hpp): its parse errors and the headings
// and descriptions of --help. The tools give CLI11 English texts; they are translated when
// printed, so that an App may be built before cli::run has chosen the language.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace casestat::cli {

// The message of a parse error (unknown option, missing value, value not allowed, ...),
// translated when the catalog has its form; else CLI11's English.
std::string parse_error_message(const CLI::ParseError& error);

// A --help formatter that translates the app's description and footer, option descriptions,
// group names and CLI11's labels (Usage, OPTIONS, REQUIRED, ...).
std::shared_ptr<CLI::Formatter> translating_formatter();

}  // namespace casestat::cli
