#include "store/overlaps.hpp"

namespace casestat {

// The plan (checked by a unit test): this import's rows through records_import, each looked up
// in records_case_no, which holds the ledger and import too, so no other stored row is read.
const char* const kOverlapsQuery =
    "SELECT i.file, count(DISTINCT r.case_no), (SELECT count(DISTINCT case_no) FROM records WHERE import_id = ?1"
    " AND case_no IS NOT NULL) FROM records r JOIN records o INDEXED BY records_case_no ON o.case_no = r.case_no"
    " AND o.ledger = r.ledger AND o.import_id <> r.import_id JOIN imports i ON i.id = o.import_id"
    " WHERE r.import_id = ?1 AND r.case_no IS NOT NULL GROUP BY i.file ORDER BY i.file";

std::vector<Overlap> find_overlaps(Database& db, int64_t import_id) {
  Statement stmt = db.prepare(kOverlapsQuery);
  stmt.bind(1, import_id);
  std::vector<Overlap> out;
  while (stmt.step()) out.push_back({stmt.text(0), stmt.integer(1), stmt.integer(2)});
  return out;
}

OverlapProbe::OverlapProbe(Database& db, int64_t import_id, int64_t replaced)
    : import_id_(import_id), replaced_(replaced) {
  const char* file = sqlite3_db_filename(db.handle(), "main");
  in_memory_ = !file || !*file;
  if (in_memory_) return;
  store_ = std::make_unique<Database>(db.path(), Database::Mode::read_only);
  // The read transaction takes its snapshot at its first read. The import holds the write lock
  // until it ends, so that snapshot is the store without the import, whenever it is taken.
  store_->exec("BEGIN");
  int64_t others = 0;
  {
    Statement count = store_->prepare("SELECT count(*) FROM imports WHERE id <> ?1");
    count.bind(1, replaced_);
    count.step();
    others = count.integer(0);
  }
  if (others == 0) {  // the store's first file: nothing to look up
    finish();
    return;
  }
  find_.emplace(store_->prepare(
      "SELECT import_id FROM records INDEXED BY records_case_no WHERE case_no = ?1 AND ledger = ?2 AND "
      "import_id <> ?3"));
  find_->bind(3, replaced_);
}

OverlapProbe::~OverlapProbe() = default;

void OverlapProbe::look_up(std::string_view ledger, const RecordBatch& batch) {
  if (!find_) return;
  find_->rewind();
  find_->bind_in_place(2, ledger);
  for (size_t i = 0; i < batch.size(); ++i) {
    std::optional<std::string_view> number = batch.case_no(i, scratch_);
    if (!number) continue;
    find_->bind_in_place(1, *number);
    while (find_->step()) found_[find_->integer(0)].emplace(*number);
    find_->rewind();
  }
}

void OverlapProbe::finish() {
  if (!store_) return;
  if (!found_.empty()) {
    Statement file = store_->prepare("SELECT file FROM imports WHERE id = ?1");
    for (const auto& [id, numbers] : found_) {
      file.rewind();
      file.bind(1, id);
      if (file.step()) files_[id] = file.text(0);
    }
  }
  find_.reset();
  store_.reset();  // closing the connection ends its read transaction
}

std::vector<Overlap> OverlapProbe::overlaps(Database& db) {
  if (in_memory_) return find_overlaps(db, import_id_);
  finish();
  if (found_.empty()) return {};
  // By file name, as find_overlaps groups them: a case number shared with two imports of one
  // name (the store keeps one import per name) would count once.
  std::map<std::string, std::set<std::string_view>> by_file;
  for (const auto& [id, numbers] : found_) {
    auto file = files_.find(id);
    if (file == files_.end()) continue;  // as the query's join with imports would leave it out
    by_file[file->second].insert(numbers.begin(), numbers.end());
  }
  Statement own = db.prepare("SELECT count(DISTINCT case_no) FROM records WHERE import_id = ?1 AND case_no IS NOT NULL");
  own.bind(1, import_id_);
  own.step();
  std::vector<Overlap> out;
  for (const auto& [file, shared] : by_file)
    out.push_back({file, static_cast<int64_t>(shared.size()), own.integer(0)});
  return out;
}

}  // namespace casestat
