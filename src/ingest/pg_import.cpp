#include "ingest/pg_import.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/error.hpp"
#include "core/input.hpp"
#include "core/output.hpp"
#include "core/paths.hpp"
#include "fields/toml_file.hpp"
#include "ingest/import_messages.hpp"
#include "ingest/sha256.hpp"
#include "store/imports.hpp"
#include "store/pg_schema.hpp"
#include "store/schema.hpp"

namespace casestat {

namespace {

constexpr size_t kCopyChunk = 1 << 20;  // bytes of COPY data sent at a time

struct PgImport {
  int64_t id = 0;
  std::string file, imported_at;
  int64_t rows_imported = 0;
};

std::optional<PgImport> find_pg_import(PgConnection& conn, const std::string& office, std::string_view column,
                                       const std::string& value) {
  PgResult r = conn.exec("SELECT id, file, imported_at, rows_imported FROM imports WHERE office = $1 AND " +
                             std::string(column) + " = $2 ORDER BY id LIMIT 1",
                         PgParams{office, value}, N_("looking up earlier imports"));
  if (r.rows() == 0) return std::nullopt;
  return PgImport{r.integer(0, 0), std::string(r.text(0, 1)), std::string(r.text(0, 2)), r.integer(0, 3)};
}

void forget_pg_import(PgConnection& conn, int64_t id) {
  std::string key = std::to_string(id);
  conn.exec("DELETE FROM records WHERE import_id = $1", PgParams{key}, N_("removing an earlier version"));
  conn.exec("DELETE FROM imports WHERE id = $1", PgParams{key}, N_("removing an earlier version"));
}

std::string copy_columns() {
  std::string names = "import_id, ledger, sheet, \"row\"";
  for (const char* column : kRecordColumns) names += std::string(", ") + column;
  return names + ", fields, extras";
}

// The rows of one import of an SQLite store, sent by COPY as rows of the import `target`.
int64_t copy_records(Database& source, int64_t source_import, PgConnection& conn, int64_t target) {
  std::string select = "SELECT ledger, sheet, row";
  for (const char* column : kRecordColumns) select += std::string(", ") + column;
  select += ", fields, extras FROM records WHERE import_id = ?1 ORDER BY id";
  Statement stmt = source.prepare(select);
  stmt.bind(1, source_import);
  // COPY does not go through row-level security: a role limited to its office's rows copies
  // into a temporary table, whose rows then pass the policies by INSERT ... SELECT.
  const bool limited = conn.exec("SELECT casestat_office() <> ''", N_("finding the office of this role")).text(0, 0) == "t";
  if (limited) {
    conn.exec("CREATE TEMP TABLE IF NOT EXISTS casestat_staging ON COMMIT DELETE ROWS AS SELECT " + copy_columns() +
                  " FROM records WITH NO DATA",
              N_("writing records"));
    conn.copy_begin("COPY casestat_staging(" + copy_columns() + ") FROM STDIN");
  } else {
    conn.copy_begin("COPY records(" + copy_columns() + ") FROM STDIN");
  }
  const std::string prefix = std::to_string(target);
  const int columns = 3 + static_cast<int>(std::size(kRecordColumns)) + 2;
  std::string buffer;
  int64_t rows = 0;
  while (stmt.step()) {
    buffer += prefix;
    for (int c = 0; c < columns; ++c) {
      buffer += '\t';
      switch (sqlite3_column_type(stmt.handle(), c)) {
        case SQLITE_NULL: buffer += "\\N"; break;
        case SQLITE_INTEGER: buffer += std::to_string(stmt.integer(c)); break;
        default: append_copy_text(buffer, stmt.text(c));
      }
    }
    buffer += '\n';
    ++rows;
    if (buffer.size() >= kCopyChunk) {
      conn.copy_put(buffer);
      buffer.clear();
    }
  }
  if (!buffer.empty()) conn.copy_put(buffer);
  conn.copy_end();
  if (limited)
    conn.exec("INSERT INTO records(" + copy_columns() + ") SELECT " + copy_columns() + " FROM casestat_staging",
              N_("writing records"));
  return rows;
}

// Case numbers already in the store from other files, of any office (casestat_overlaps sees
// them all but tells only counts and names).
void warn_of_overlaps(PgConnection& conn, int64_t id, const std::string& office, const std::string& file,
                      Messages& messages) {
  PgResult r = conn.exec("SELECT other_office, other_file, shared, own FROM casestat_overlaps($1)",
                         PgParams{std::to_string(id)}, N_("looking for case numbers imported from other files"));
  struct Row {
    std::string office, file;
    int64_t shared, own;
  };
  std::vector<Row> rows;
  for (int i = 0; i < r.rows(); ++i)
    rows.push_back({std::string(r.text(i, 0)), std::string(r.text(i, 1)), r.integer(i, 2), r.integer(i, 3)});
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return std::tie(a.office, a.file) < std::tie(b.office, b.file); });
  for (const Row& o : rows) {
    if (o.office == office)
      warn_of_overlap(messages, file, o.shared, o.own, o.file);
    else
      messages.warning(translate("{}: {} of its {} case numbers (案号) are already in the store from {} of {}: those "
                                 "cases would be counted twice by the upper office",
                                 file, o.shared, o.own, o.file, o.office));
  }
}

struct Provenance {
  std::string file, sha256, imported_at;
  ImportCounts counts;
};

enum class Sent { imported, replaced, already };

// One import of `source` (an SQLite store) into the shared store, as one transaction; a lost
// race with another office's import is run again.
Sent send_import(PgConnection& conn, Database& source, int64_t source_import, const std::string& office,
                 const Provenance& p, const std::string& shown, Messages& messages, PgImport& replaced_out) {
  Sent sent = Sent::imported;
  retry_transaction([&] {
    std::vector<std::string> warnings;
    struct Collect : Messages {
      std::vector<std::string>& lines;
      explicit Collect(std::vector<std::string>& l) : lines(l) {}
      void error(std::string_view line) override { lines.emplace_back(line); }
      void warning(std::string_view line) override { lines.emplace_back(line); }
      void note(std::string_view) override {}
    } collect(warnings);
    PgTransaction transaction(conn);
    sent = Sent::imported;
    if (auto earlier = find_pg_import(conn, office, "sha256", p.sha256)) {
      say_already_imported(messages, shown, p.file, earlier->file, earlier->imported_at);
      sent = Sent::already;
      return;
    }
    if (auto replaced = find_pg_import(conn, office, "file", p.file)) {
      forget_pg_import(conn, replaced->id);
      replaced_out = *replaced;
      sent = Sent::replaced;
    }
    PgResult added = conn.exec(
        "INSERT INTO imports(office, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, "
        "rows_rejected) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        PgParams{office, p.file, p.sha256, p.imported_at, std::to_string(p.counts.rows_read),
                 std::to_string(p.counts.rows_imported), std::to_string(p.counts.rows_skipped),
                 std::to_string(p.counts.rows_rejected)},
        N_("recording the import"));
    int64_t id = added.integer(0, 0);
    copy_records(source, source_import, conn, id);
    warn_of_overlaps(conn, id, office, shown, collect);
    transaction.commit();
    for (const auto& line : warnings) messages.warning(line);
  });
  if (sent == Sent::replaced) say_replaced(messages, shown, replaced_out.imported_at, replaced_out.rows_imported);
  return sent;
}

}  // namespace

std::string import_office(const ImportOptions& options, PgConnection* conn) {
  if (!options.office.empty()) return options.office;
  std::filesystem::path site = default_template("site.toml");
  std::error_code ec;
  if (!site.empty() && std::filesystem::exists(site, ec)) {
    toml::table root = parse_toml_file(site, N_("the site settings"));
    if (auto office = root["office"].value<std::string>(); office && !office->empty()) return *office;
  }
  if (!conn) return "";
  PgResult r = conn->exec("SELECT casestat_office()", N_("finding the office of this role"));
  return std::string(r.text(0, 0));
}

int pg_import_command(const ImportOptions& options) {
  if (!options.from_store.empty()) return import_from_store(options);
  if (options.init) {
    PgConnection conn(options.db);
    prepare_pg_store(conn, true);
    return 0;
  }
  auto [read_opts, inputs, dictionary] = checked_inputs(options);
  PgConnection conn(options.db);
  // A dry run changes nothing on the server, not even to create the store: without one, the
  // files are only read and checked.
  const bool store_exists = !options.dry_run || pg_store_exists(conn);
  if (store_exists) prepare_pg_store(conn, !options.dry_run);
  const std::string office = import_office(options, store_exists ? &conn : nullptr);

  std::optional<AtomicFile> rejects_file;
  if (!options.rejects.empty()) rejects_file.emplace(options.rejects, 0600);
  StderrMessages messages(options.quiet);
  std::vector<RejectedRow> rejects;
  bool any_rejected = false;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Input& input = inputs[i];
    const std::string& shown = input.display_name();
    std::string sha256 = sha256_file(input.path(), shown);
    std::string name = store_name(inputs[i].argument(), sha256);
    if (auto earlier = store_exists ? find_pg_import(conn, office, "sha256", sha256) : std::nullopt) {
      say_already_imported(messages, shown, name, earlier->file, earlier->imported_at);
      continue;
    }
    FileResult result;
    try {
      // The file is read, checked and typed into a private store in memory, exactly as for a
      // store file; only a file that passes goes to the server.
      Database staging(":memory:", Database::Mode::read_write);
      auto workbook = open_workbook(input, read_opts);
      result = import_workbook(staging, *workbook, name, sha256, dictionary, options, messages);
      if (result.status == FileStatus::imported && !options.dry_run) {
        Statement row = staging.prepare(
            "SELECT id, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected FROM imports");
        if (row.step()) {
          Provenance p{name, sha256, row.text(1), {row.integer(2), row.integer(3), row.integer(4), row.integer(5)}};
          int64_t staged = row.integer(0);
          PgImport replaced;
          send_import(conn, staging, staged, office, p, shown, messages, replaced);
        }
      }
    } catch (const Error& e) {
      if (e.code() != Exit::data) throw Error(e.code(), not_imported(shown, e.what()));
      messages.error(e.what());
      say_rejected(messages, shown, 1, false);
      result.status = FileStatus::rejected;
    }
    any_rejected = any_rejected || result.status == FileStatus::rejected;
    rejects.insert(rejects.end(), result.rejects.begin(), result.rejects.end());
  }
  if (rejects_file) {
    rejects_file->write(rejects_csv(rejects));
    rejects_file->commit();
    if (!rejects.empty())
      say_left_out(messages, static_cast<int64_t>(rejects.size()), options.rejects);
  }
  if (options.dry_run) messages.note(_("dry run: nothing was written to the store"));
  return any_rejected ? static_cast<int>(Exit::data) : 0;
}

int pg_forget_files(const ImportOptions& options) {
  if (options.files.empty()) usage_error("--forget needs the names of the files to remove, e.g. --forget 信访台账.csv");
  PgConnection conn(options.db);
  prepare_pg_store(conn, true);
  const std::string office = import_office(options, &conn);
  StderrMessages messages(options.quiet);
  bool missing = false;
  for (const auto& argument : options.files) {
    std::string name = std::filesystem::path(argument).filename().string();
    std::optional<PgImport> found;
    retry_transaction([&] {
      PgTransaction transaction(conn);
      found = find_pg_import(conn, office, "file", name);
      if (!found) return;
      forget_pg_import(conn, found->id);
      transaction.commit();
    });
    if (!found) {
      PgResult all = conn.exec("SELECT file FROM imports WHERE office = $1 ORDER BY file COLLATE \"C\"",
                               PgParams{office}, N_("listing the imports"));
      std::string names;
      for (int i = 0; i < all.rows(); ++i) names += (names.empty() ? "" : ", ") + std::string(all.text(i, 0));
      std::string store = office.empty() ? conn.name() : translate("{} for {}", conn.name(), office);
      say_not_in_store(messages, name, store, names);
      missing = true;
      continue;
    }
    say_removed(messages, name, found->rows_imported, found->imported_at);
  }
  return missing ? static_cast<int>(Exit::data) : 0;
}

int import_from_store(const ImportOptions& options) {
  if (!options.files.empty()) usage_error("--from-store copies a store: name no ledger files with it");
  std::error_code ec;
  if (!std::filesystem::exists(options.from_store, ec))
    usage_error("--from-store {}: no such store file", options.from_store);
  Database source(options.from_store, Database::Mode::read_only);
  PgConnection conn(options.db);
  prepare_pg_store(conn, true);
  const std::string office = import_office(options, &conn);
  StderrMessages messages(options.quiet);
  Statement imports = source.prepare(
      "SELECT id, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected FROM imports "
      "ORDER BY id");
  int64_t copied = 0;
  while (imports.step()) {
    Provenance p{imports.text(1), imports.text(2), imports.text(3),
                 {imports.integer(4), imports.integer(5), imports.integer(6), imports.integer(7)}};
    std::string shown = options.from_store + ": " + p.file;
    PgImport replaced;
    if (send_import(conn, source, imports.integer(0), office, p, shown, messages, replaced) != Sent::already) {
      ++copied;
      std::string rows = count_of(p.counts.rows_imported, "row", "rows");
      messages.note(office.empty() ? translate("{}: {} copied (imported on {})", shown, rows, p.imported_at)
                                   : translate("{}: {} copied (imported on {}) for {}", shown, rows, p.imported_at,
                                               office));
    }
  }
  if (copied == 0) messages.note(translate("{}: nothing to copy", options.from_store));
  return 0;
}

}  // namespace casestat
