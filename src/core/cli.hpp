// The conventions every tool shares: one exit point, the --db and --quiet options, messages.
//
//   int main(int argc, char** argv) {
//     casestat::ImportOptions options;
//     CLI::App app{"Imports ledgers into the store.", "casestat-import"};
//     casestat::cli::add_db_option(app, options.db);
//     ...
//     return casestat::cli::run(app, argc, argv, [&] { return casestat::import_command(options); });
//   }
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace casestat::cli {

// Parses the command line and runs `body`, which returns the exit code of a run that went to
// its end (0, or 1 when some input was rejected but the rest done); the one place that catches
// errors and picks their exit code (core/error.hpp). Usage errors (CLI11's own, from 100 up)
// become Exit::usage, printed as "TOOL: error: MESSAGE" plus a hint to run --help; a closed
// stdout pipe is a quiet success; stdout is flushed and checked before returning. Command-line
// values that are not UTF-8 are refused before `body` runs.
int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body);

// The name of the running tool ("casestat-import"), for messages.
const std::string& tool_name();

// --db FILE: the store; default $CASESTAT_DB, else "casestat.db".
CLI::Option* add_db_option(CLI::App& app, std::string& db);
// -o FILE: what the tool would print goes to FILE instead, written whole or not at all
// (core/output.hpp), or directly when FILE is a device or a FIFO.
CLI::Option* add_output_option(CLI::App& app);
// --quiet: no summary or progress on stderr; errors are still printed.
CLI::Option* add_quiet_option(CLI::App& app, bool& quiet);
// Adds an "Examples:" block to --help.
void set_examples(CLI::App& app, std::string_view examples);

// "TOOL: error: MESSAGE" and "TOOL: warning: MESSAGE" on stderr, the message made printable
// (core/location.hpp) and cut at kMessageBytes.
inline constexpr size_t kMessageBytes = 4096;
void error(std::string_view message);
void warn(std::string_view message);
// A line on stderr (summaries); nothing when quiet.
void note(std::string_view message, bool quiet);

// A progress line on stderr for long work, only when stderr is a terminal and not quiet;
// overwritten in place and cleared when done.
class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress();
  void update(std::string_view text);  // rate-limited
  void clear();

 private:
  bool enabled_;
  bool shown_ = false;
  long long last_ms_ = 0;
};

}  // namespace casestat::cli
