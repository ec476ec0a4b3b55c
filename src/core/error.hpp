// The one error type of casestat, and the exit codes every tool shares.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>

#include "core/i18n.hpp"

namespace casestat {

// Documented in the README ("Exit codes"); the same in every tool.
enum class Exit : int {
  ok = 0,      // success
  data = 1,    // input rejected: a spreadsheet, catalog or template the user must fix
  usage = 2,   // bad command line: unknown option, bad period, unknown indicator id
  system = 3,  // I/O error, disk full, store locked, busy or corrupt
};

// Thrown anywhere below the tools; caught once, in cli::run (core/cli.hpp), which prints
// "casestat-TOOL: error: MESSAGE" and returns the code. Messages are written for the clerk,
// in the form "FILE: sheet S, row R, column C: what was expected".
class Error : public std::runtime_error {
 public:
  Error(Exit code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Exit code() const noexcept { return code_; }

 private:
  Exit code_;
};

// A message in the user's language (core/i18n.hpp): the English format, checked at compile time
// like fmt::format's, is looked up in the catalog and its translation formatted at run time;
// a translation that does not take the same arguments gives the English message instead.
// xgettext takes the formats of translate, data_error, usage_error and system_error
// (po/make-pot.sh; not fail's, a name that local helpers with plain-text messages share).
template <typename... Args>
std::string translate(fmt::format_string<Args...> format, Args&&... args) {
  const fmt::string_view view = format;  // fmt 9 has no get()
  const std::string_view english(view.data(), view.size());
  const std::string translated = translated_format(english);
  if (translated != english) {
    try {
      return fmt::vformat(translated, fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
    }
  }
  return fmt::vformat(english, fmt::make_format_args(args...));
}

template <typename... Args>
[[noreturn]] void fail(Exit code, fmt::format_string<Args...> format, Args&&... args) {
  throw Error(code, translate(format, std::forward<Args>(args)...));
}

template <typename... Args>
[[noreturn]] void data_error(fmt::format_string<Args...> format, Args&&... args) {
  throw Error(Exit::data, translate(format, std::forward<Args>(args)...));
}

template <typename... Args>
[[noreturn]] void usage_error(fmt::format_string<Args...> format, Args&&... args) {
  throw Error(Exit::usage, translate(format, std::forward<Args>(args)...));
}

template <typename... Args>
[[noreturn]] void system_error(fmt::format_string<Args...> format, Args&&... args) {
  throw Error(Exit::system, translate(format, std::forward<Args>(args)...));
}

// The text of errno, for system errors: "No such file or directory".
std::string errno_text(int errnum);

}  // namespace casestat
