#include "ingest/import.hpp"

#include <filesystem>
#include <memory>

#include "core/cli.hpp"
#include "core/error.hpp"
#include "core/input.hpp"
#include "core/location.hpp"
#include "core/output.hpp"
#include "ingest/import_messages.hpp"
#include "ingest/office_names.hpp"
#include "ingest/pg_import.hpp"
#include "ingest/sha256.hpp"
#include "ingest/sheet_import.hpp"
#include "store/imports.hpp"
#include "store/overlaps.hpp"
#include "store/records.hpp"

namespace casestat {

namespace {

constexpr int64_t kProgressEvery = 4096;

std::string skipped_words(const SheetSummary& summary) {
  int64_t skipped = summary.rows_blank + summary.rows_total;
  if (skipped == 0) return "";
  std::string parts;
  if (summary.rows_blank > 0) parts = count_of(summary.rows_blank, "blank row", "blank rows");
  if (summary.rows_total > 0)
    parts += (parts.empty() ? "" : ", ") + count_of(summary.rows_total, "total row", "total rows");
  return translate(", {} skipped ({})", skipped, parts);
}

// "案件信息.xlsx: sheet 案件: cases, header on row 2, 1200 imported, 3 skipped (1 blank row, 2 total rows)"
std::string summary_line(const std::string& file, const SheetSummary& summary, Ledger ledger) {
  std::string line = translate("{}: {}, {}, {} imported{}", Location{file, summary.sheet, 0, ""}.describe(),
                               to_string(ledger), summary.header_words(), summary.rows_ok, skipped_words(summary));
  if (summary.rows_rejected > 0) line += translate(", {} rejected", summary.rows_rejected);
  return line;
}

std::string sheet_place(const Workbook& workbook, size_t index) {
  return Location{workbook.display_name(), workbook.sheet_names()[index], 0, ""}.describe();
}

}  // namespace

bool already_imported(Database& db, const std::string& file, const std::string& name, const std::string& sha256,
                      Messages& messages) {
  auto earlier = find_import_by_sha256(db, sha256);
  if (!earlier) return false;
  say_already_imported(messages, file, name, earlier->file, earlier->imported_at);
  return true;
}

std::string store_name(const std::string& argument, const std::string& sha256) {
  if (argument == "-") return "Standard Input (sha256 " + sha256.substr(0, 12) + ")";
  return std::filesystem::path(argument).filename().string();
}

FileResult import_workbook(Database& db, Workbook& workbook, const std::string& name, const std::string& sha256,
                           const Dictionary& dictionary, const ImportOptions& options, Messages& messages) {
  const std::string& file = workbook.display_name();
  FileResult result;
  SheetChoice choice = choose_sheets(workbook, options.sheet);
  SheetOptions sheet_opts = sheet_options(options);

  // Everything of this file happens in one transaction: committed whole, or rolled back.
  Transaction transaction(db);
  // Asked again inside the transaction: another import of the same file may have committed
  // while this one waited for the store.
  if (already_imported(db, file, name, sha256, messages)) {
    result.status = FileStatus::already_imported;
    return result;
  }
  std::optional<ImportInfo> replaced = find_import_by_file(db, name);
  if (replaced) forget_import(db, replaced->id);
  int64_t import_id = add_import(db, name, sha256, local_time_now(), {});
  OverlapProbe probe(db, import_id, replaced ? replaced->id : 0);
  RecordInserter inserter(db);
  cli::Progress progress(options.quiet);

  std::vector<RowError> row_errors;         // every one, in sheet and row order
  std::vector<std::string> sheet_errors;    // a sheet that cannot be read at all
  std::vector<std::string> summaries;
  std::vector<std::string> office_warnings;  // 承办单位 values the site does not know
  Offices offices = Offices::load_default();
  OfficeNames office_names(offices, dictionary);
  ImportCounts counts;
  size_t sheets_read = 0;
  for (size_t index : choice.indexes) {
    const std::string& sheet = workbook.sheet_names()[index];
    if (choice.skip_headerless && !has_header_candidate(workbook, index, dictionary, sheet_opts.max_header_search)) {
      messages.warning(translate("{}: skipped: no header row (no cell in its first {} rows names a known field)",
                                 sheet_place(workbook, index), sheet_opts.max_header_search));
      continue;
    }
    ++sheets_read;
    Ledger ledger = ledger_for(options.ledger, sheet, file);
    const char* ledger_name = to_string(ledger);
    // With --on-error abort, once the file has a bad row nothing of it will be kept: the
    // rest is still read, to list every error, but not written.
    bool writing = row_errors.empty() && sheet_errors.empty();
    std::string progress_prefix = sheet_place(workbook, index) + ": ";
    int64_t shown = 0;
    try {
      SheetTarget target{inserter, import_id, ledger_name, sheet, writing || options.on_error == OnError::skip, &probe};
      SheetSummary summary = import_sheet(workbook, index, dictionary, sheet_opts, office_names, target, [&](int64_t seen) {
        if (seen / kProgressEvery == shown) return;
        shown = seen / kProgressEvery;
        progress.update(translate("{}{} rows", progress_prefix, shown * kProgressEvery));
      });
      progress.clear();
      counts.rows_read += summary.rows_read;
      counts.rows_imported += summary.rows_ok;
      counts.rows_skipped += summary.rows_blank + summary.rows_total;
      counts.rows_rejected += summary.rows_rejected;
      summaries.push_back(summary_line(file, summary, ledger));
      for (const auto& figure : summary.merged_figures) messages.warning(figure.describe());
      for (auto& line : unknown_office_warnings(sheet_place(workbook, index), office_names.take_unknown(), offices))
        office_warnings.push_back(std::move(line));
      if (options.on_error == OnError::skip && !summary.errors.empty()) {
        auto rows = rejected_rows(workbook, index, summary.errors);
        result.rejects.insert(result.rejects.end(), rows.begin(), rows.end());
      }
      row_errors.insert(row_errors.end(), summary.errors.begin(), summary.errors.end());
    } catch (const Error& e) {
      progress.clear();
      if (e.code() != Exit::data) throw;
      sheet_errors.push_back(e.what());
    }
  }
  if (sheets_read == 0 && sheet_errors.empty())
    sheet_errors.push_back(file + ": no sheet has a header row; name one with --sheet and --header-row");

  for (const auto& line : office_warnings) messages.warning(line);
  bool rejected = !sheet_errors.empty() || (options.on_error == OnError::abort && !row_errors.empty());
  if (rejected) {
    for (const auto& error : row_errors) messages.error(error.describe());
    for (const auto& error : sheet_errors) messages.error(error);
    say_rejected(messages, file, row_errors.size() + sheet_errors.size(), sheet_errors.empty());
    result.status = FileStatus::rejected;
    result.rejects.clear();
    return result;  // the transaction rolls back
  }
  if (options.on_error == OnError::skip && options.rejects.empty())
    for (const auto& error : row_errors) messages.warning(translate("{} (row left out)", error.describe()));
  set_import_counts(db, import_id, counts);
  // Found before the commit, said after it: the warnings are about a file in the store.
  std::vector<Overlap> overlaps = probe.overlaps(db);
  if (!options.dry_run) transaction.commit();
  for (const Overlap& overlap : overlaps)
    warn_of_overlap(messages, file, overlap.shared, overlap.own, overlap.other_file);
  if (replaced) {
    say_replaced(messages, file, replaced->imported_at, replaced->counts.rows_imported);
    result.status = FileStatus::replaced;
  }
  for (const auto& line : summaries) messages.note(line);
  return result;
}

int forget_files(const ImportOptions& options) {
  if (is_connection_string(options.db)) return pg_forget_files(options);
  if (options.files.empty()) usage_error("--forget needs the names of the files to remove, e.g. --forget 信访台账.csv");
  Database db(options.db, Database::Mode::read_write);
  StderrMessages messages(options.quiet);
  bool missing = false, removed = false;
  for (const auto& argument : options.files) {
    std::string name = std::filesystem::path(argument).filename().string();
    Transaction transaction(db);
    auto found = find_import_by_file(db, name);
    if (!found) {
      std::string names;
      Statement all = db.prepare("SELECT file FROM imports ORDER BY file");
      while (all.step()) names += (names.empty() ? "" : ", ") + all.text(0);
      say_not_in_store(messages, name, options.db, names);
      missing = true;
      continue;
    }
    forget_import(db, found->id);
    transaction.commit();
    removed = true;
    say_removed(messages, name, found->counts.rows_imported, found->imported_at);
  }
  if (removed) db.exec("VACUUM");  // so the removed rows do not linger in free pages of the file
  return missing ? static_cast<int>(Exit::data) : 0;
}

ImportInputs checked_inputs(const ImportOptions& options) {
  if (!options.rejects.empty() && options.on_error != OnError::skip)
    usage_error("--rejects is for --on-error skip (with abort, nothing of a bad file is imported)");
  ImportInputs checked{read_options(options), {}, {}};
  sheet_options(options);
  for (const auto& argument : inputs_or_stdin(options.files)) {
    checked.inputs.emplace_back(argument);
    if (!checked.inputs.back().is_stdin()) checked.inputs.back().path();
  }
  checked.dictionary = load_dictionary(options);
  return checked;
}

int import_command(const ImportOptions& options) {
  if (options.forget) return forget_files(options);
  if (is_connection_string(options.db)) return pg_import_command(options);
  if (options.init) {
    Database made(options.db, Database::Mode::read_write);
    return 0;
  }
  if (!options.office.empty() || !options.from_store.empty())
    usage_error("--office and --from-store are for a store shared by several offices (--db postgresql://...); "
                "a store file holds one office");
  auto [read_opts, inputs, dictionary] = checked_inputs(options);

  // A dry run against a store that does not exist yet works on an empty one in memory, so
  // that it creates no file.
  std::error_code ec;
  bool in_memory = options.dry_run && !std::filesystem::exists(options.db, ec);
  Database db(in_memory ? ":memory:" : options.db, Database::Mode::read_write);

  // The rejects file is created before anything is imported: should it not be writable, the
  // rows it would list are not committed and recorded as imported, where a rerun would skip
  // them as "already imported" and they would never be listed.
  std::optional<AtomicFile> rejects_file;
  if (!options.rejects.empty()) rejects_file.emplace(options.rejects, 0600);  // private data, like the store

  StderrMessages messages(options.quiet);
  std::vector<RejectedRow> rejects;
  bool any_rejected = false;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Input& input = inputs[i];
    std::string sha256 = sha256_file(input.path(), input.display_name());
    FileResult result;
    if (already_imported(db, input.display_name(), store_name(inputs[i].argument(), sha256), sha256, messages)) continue;
    try {
      auto workbook = open_workbook(input, read_opts);
      result = import_workbook(db, *workbook, store_name(inputs[i].argument(), sha256), sha256, dictionary, options, messages);
    } catch (const Error& e) {
      // A store that fails (a full disk, a busy store) stops the command; the message says
      // which ledger was being imported, as the earlier ones of the command are in the store.
      if (e.code() != Exit::data) throw Error(e.code(), not_imported(input.display_name(), e.what()));
      // The file cannot be read at all (not a spreadsheet, corrupt, encrypted, empty).
      messages.error(e.what());
      say_rejected(messages, input.display_name(), 1, false);
      result.status = FileStatus::rejected;
    }
    any_rejected = any_rejected || result.status == FileStatus::rejected;
    rejects.insert(rejects.end(), result.rejects.begin(), result.rejects.end());
  }
  if (rejects_file) {  // in a dry run too: it is not the store
    rejects_file->write(rejects_csv(rejects));
    rejects_file->commit();
    if (!rejects.empty())
      say_left_out(messages, static_cast<int64_t>(rejects.size()), options.rejects);
  }
  if (options.dry_run) messages.note(_("dry run: nothing was written to the store"));
  return any_rejected ? static_cast<int>(Exit::data) : 0;
}

}  // namespace casestat
