#include "core/cli.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "core/cli_words.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/location.hpp"
#include "core/output.hpp"
#include "core/text.hpp"
#include "core/paths.hpp"

namespace casestat::cli {

namespace {
std::string g_tool = "casestat";
std::string g_output;  // -o FILE

void print_message(std::string_view kind, std::string_view message) {
  std::string text = printable(message.substr(0, kMessageBytes));
  if (message.size() > kMessageBytes) text += translate("… ({} bytes)", message.size());
  std::fflush(stdout);
  std::fprintf(stderr, "%s: %.*s: %s\n", g_tool.c_str(), static_cast<int>(kind.size()), kind.data(), text.c_str());
}

void print_error(std::string_view message) { print_message(_("error"), message); }

void print_usage_hint() {
  std::fputs(translate("Run '{} --help' for usage.", g_tool).c_str(), stderr);
  std::fputc('\n', stderr);
}

// Every value a tool is given goes into messages, file names and documents as UTF-8 text:
// false (after saying why) when one is not.
bool arguments_are_utf8(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (!is_valid_utf8(argv[i])) {
      print_error(translate("the argument {} is not UTF-8 text: {} (use a UTF-8 terminal, e.g. LANG=C.UTF-8)", i,
                              printable(argv[i])));
      return false;
    }
  return true;
}
}  // namespace

void error(std::string_view message) { print_error(message); }

const std::string& tool_name() { return g_tool; }

int run(CLI::App& app, int argc, char** argv, const std::function<int()>& body) {
  g_tool = app.get_name().empty() ? "casestat" : app.get_name();
  init_messages();
  app.formatter(translating_formatter());
  Stdout::get();  // buffered stdout, SIGPIPE ignored
  if (!arguments_are_utf8(argc, argv)) {
    print_usage_hint();
    return static_cast<int>(Exit::usage);
  }
  // Every tool reads its settings through the same rule (core/paths.hpp), so every tool takes
  // the office's folder and says which files it used.
  std::string site;
  bool verbose = false;
  CLI::Option* site_option =
      app.add_option("--site", site,
                     "The office's settings folder: its fields.toml, indicators.toml, site.toml and templates replace "
                     "the defaults (default: $CASESTAT_SITE)")
          ->type_name("DIR");
  app.add_flag("--verbose", verbose, "Name every settings file and template used, on stderr");
  try {
    app.parse(argc, argv);
    if (site_option->count() > 0) set_site_dir(site);
    set_verbose(verbose);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::printf("%s %s\n", g_tool.c_str(), CASESTAT_VERSION);
    return 0;
  } catch (const CLI::ParseError& e) {
    print_error(parse_error_message(e));
    print_usage_hint();
    return static_cast<int>(Exit::usage);
  }
  try {
    site_dir();  // a settings folder that does not exist is an error, whatever the tool goes on to read
    if (!g_output.empty()) Stdout::get().send_to(g_output);
    const int code = body();
    Stdout::get().flush();
    return code;
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const Error& e) {
    try {
      if (g_output.empty()) {
        Stdout::get().flush();  // what was printed before the error is still printed
      } else {
        Stdout::get().discard();  // a half-written -o FILE is never left behind
      }
    } catch (...) {
    }
    print_error(e.what());
    if (e.code() == Exit::usage) print_usage_hint();
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    print_error(_("out of memory"));
    return static_cast<int>(Exit::system);
  } catch (const std::exception& e) {
    // A bug, not a user error: say so, with what we know.
    print_error(translate("internal error (please report it): {}", e.what()));
    return static_cast<int>(Exit::system);
  }
}

CLI::Option* add_db_option(CLI::App& app, std::string& db) {
  const char* env = std::getenv("CASESTAT_DB");
  db = env && *env ? env : "casestat.db";
  return app.add_option("--db", db, "The store: an SQLite file, or a PostgreSQL connection string (postgresql://USER@HOST/DB); default $CASESTAT_DB, else casestat.db")
      ->capture_default_str()
      ->type_name("FILE");
}

CLI::Option* add_output_option(CLI::App& app) {
  return app.add_option("-o,--output", g_output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
}

CLI::Option* add_quiet_option(CLI::App& app, bool& quiet) {
  return app.add_flag("-q,--quiet", quiet, "Print no summary or progress, only errors");
}

void set_examples(CLI::App& app, std::string_view examples) {
  app.footer("Examples:\n" + std::string(examples));
}

void warn(std::string_view message) { print_message(_("warning"), message); }

void note(std::string_view message, bool quiet) {
  if (quiet) return;
  std::fwrite(message.data(), 1, message.size(), stderr);
  std::fputc('\n', stderr);
}

Progress::Progress(bool quiet) : enabled_(!quiet && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { clear(); }

void Progress::update(std::string_view text) {
  if (!enabled_) return;
  using namespace std::chrono;
  long long now = duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
  if (shown_ && now - last_ms_ < 200) return;
  last_ms_ = now;
  std::fprintf(stderr, "\r\033[K%.*s", static_cast<int>(text.size()), text.data());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (shown_) std::fputs("\r\033[K", stderr);
  shown_ = false;
}

}  // namespace casestat::cli
