// The one error type of casestat, and the exit codes every tool shares.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string>

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

template <typename... Args>
[[noreturn]] void fail(Exit code, fmt::format_string<Args...> format, Args&&... args) {
  throw Error(code, fmt::format(format, std::forward<Args>(args)...));
}

template <typename... Args>
[[noreturn]] void data_error(fmt::format_string<Args...> format, Args&&... args) {
  throw Error(Exit::data, fmt::format(format, std::forward<Args>(args)...));
}

template <typename... Args>
[[noreturn]] void usage_error(fmt::format_string<Args...> format, Args&&... args) {
  throw Error(Exit::usage, fmt::format(format, std::forward<Args>(args)...));
}

template <typename... Args>
[[noreturn]] void system_error(fmt::format_string<Args...> format, Args&&... args) {
  throw Error(Exit::system, fmt::format(format, std::forward<Args>(args)...));
}

// The text of errno, for system errors: "No such file or directory".
std::string errno_text(int errnum);

}  // namespace casestat
