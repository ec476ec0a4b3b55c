#include "ingest/import_messages.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace casestat {

void say_rejected(Messages& messages, const std::string& file, size_t errors, bool only_rows) {
  std::string hint = only_rows ? _("fix the rows above or use --on-error skip") : _("fix the problems above");
  messages.error(translate("{}: rejected, nothing imported ({}); {}", file,
                           count_of(static_cast<int64_t>(errors), "error", "errors"), hint));
}

std::string not_imported(const std::string& file, std::string_view message) {
  if (message.substr(0, file.size() + 1) == file + ":") return std::string(message);
  return translate("{}: not imported: {}", file, message);
}

void say_already_imported(Messages& messages, const std::string& file, const std::string& name,
                          const std::string& earlier_file, const std::string& imported_at) {
  std::string as = earlier_file == name ? "" : translate(" as {}", earlier_file);
  messages.note(translate("{}: already imported on {}{}, nothing to do", file, imported_at, as));
}

void warn_of_overlap(Messages& messages, const std::string& file, int64_t shared, int64_t own,
                     const std::string& other_file) {
  messages.warning(translate("{}: {} of its {} case numbers (案号) are already in the store from {}: those cases "
                             "would be counted twice; if this file replaces that one, remove the old one with "
                             "casestat-import --forget {}",
                             file, shared, own, other_file, other_file));
}

void say_left_out(Messages& messages, int64_t rows, const std::string& rejects) {
  messages.note(translate("{} left out: see {}", count_of(rows, "row", "rows"), rejects));
}

void say_replaced(Messages& messages, const std::string& file, const std::string& imported_at, int64_t rows) {
  messages.note(translate("{}: replaced the earlier version imported on {} ({})", file, imported_at,
                          count_of(rows, "row", "rows")));
}

void say_removed(Messages& messages, const std::string& file, int64_t rows, const std::string& imported_at) {
  messages.note(translate("{}: removed from the store ({} imported on {})", file, count_of(rows, "row", "rows"),
                          imported_at));
}

void say_not_in_store(Messages& messages, const std::string& file, const std::string& store, const std::string& names) {
  messages.error(names.empty() ? translate("{}: not in the store {} (it is empty)", file, store)
                               : translate("{}: not in the store {} (it holds: {})", file, store, names));
}

}  // namespace casestat
