// What an import says to the clerk, in the same words whether the store is a file or a
// PostgreSQL database (import.cpp, pg_import.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/reading.hpp"

namespace casestat {

// The last line about a refused file, whatever refused it (a file that cannot be opened, a
// sheet that cannot be read, bad rows): one message a clerk or a script can look for.
void say_rejected(Messages& messages, const std::string& file, size_t errors, bool only_rows);

// "案件信息.xlsx: not imported: MESSAGE", unless the message names the file already.
std::string not_imported(const std::string& file, std::string_view message);

// A file whose content the store holds already; `name` is its identity now, `earlier_file` the
// one it was imported under.
void say_already_imported(Messages& messages, const std::string& file, const std::string& name,
                          const std::string& earlier_file, const std::string& imported_at);

// Clerks export cumulative periods (1-3月, then 1-6月) and keep copies (台账(1).xlsx): a file
// whose case numbers are already in the store from another file would count the same cases
// twice in every figure. Said as a warning, with what to do; the import itself goes on, as
// some ledgers do repeat numbers.
void warn_of_overlap(Messages& messages, const std::string& file, int64_t shared, int64_t own,
                     const std::string& other_file);

// Rows left out of the store (--on-error skip), written to the file `rejects`.
void say_left_out(Messages& messages, int64_t rows, const std::string& rejects);
void say_replaced(Messages& messages, const std::string& file, const std::string& imported_at, int64_t rows);
void say_removed(Messages& messages, const std::string& file, int64_t rows, const std::string& imported_at);
// `store` names the store; `names` lists the files it holds ("" when it is empty).
void say_not_in_store(Messages& messages, const std::string& file, const std::string& store, const std::string& names);

}  // namespace casestat
