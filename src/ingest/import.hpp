// casestat-import: ledgers into the store, all or nothing per file.
#pragma once

#include <string>
#include <vector>

#include "core/input.hpp"
#include "fields/dictionary.hpp"
#include "ingest/reading.hpp"
#include "ingest/rejects.hpp"
#include "store/db.hpp"

namespace casestat {

enum class OnError { abort, skip };

struct ImportOptions : ReadingOptions {
  std::string db = "casestat.db";
  OnError on_error = OnError::abort;
  std::string rejects;  // --rejects FILE (with --on-error skip)
  bool dry_run = false;
  bool forget = false;  // --forget: remove the rows of the named files from the store instead
  bool quiet = false;
  std::string office;      // --office: whose imports these are in a shared (PostgreSQL) store
  bool init = false;        // --init: create (or bring up to date) the store, import nothing
  std::string from_store;  // --from-store FILE: copy an office's SQLite store into a PostgreSQL one
  std::vector<std::string> files;  // "-" is standard input
};

// Imports every file, each in one transaction of its own; a file that is rejected leaves the
// store as it was and the others are still imported. Returns the exit code: 0, or 1 when a
// file was rejected. Store and I/O failures throw Error (Exit::system).
int import_command(const ImportOptions& options);

// What both stores' imports check before the first file is imported, so that a bad option or
// a typo in the last file's name does not stop the run half-way: the reading options, every
// named file opened (or standard input), and the field dictionary.
struct ImportInputs {
  ReadOptions read;
  std::vector<Input> inputs;
  Dictionary dictionary;
};
ImportInputs checked_inputs(const ImportOptions& options);

// --forget FILE...: removes each named file's import and rows (by its name in the store: the
// base name). A name the store does not hold is an error (exit 1); the others are still removed.
int forget_files(const ImportOptions& options);

// What became of one file.
enum class FileStatus { imported, replaced, already_imported, rejected };

struct FileResult {
  FileStatus status = FileStatus::imported;
  std::vector<RejectedRow> rejects;  // --on-error skip: the rows left out
};

// One file (already open as a workbook) into an open store; `name` is its identity in the
// store (the file's base name), `sha256` its content hash. Used by import_command and the tests.
FileResult import_workbook(Database& db, Workbook& workbook, const std::string& name, const std::string& sha256,
                           const Dictionary& dictionary, const ImportOptions& options, Messages& messages);

// Says so (a note) when a file of this content is in the store already.
bool already_imported(Database& db, const std::string& file, const std::string& name, const std::string& sha256,
                      Messages& messages);

// A file's identity in the store: its base name. A file read from standard input has no name,
// so it is known by its content only: "Standard Input (sha256 3f2a9c1d0b7e)"; a changed version
// of it is a new import, never a replacement.
std::string store_name(const std::string& argument, const std::string& sha256);

}  // namespace casestat
