// The list of problems to send back to the departments (问题清单): every problem of every
// ledger, one row each, with where it is (file, sheet, row, column by its header), the value,
// the problem and what to do, in plain Chinese words; and the count of each kind for
// casestat-check's summary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "fields/dictionary.hpp"
#include "fields/offices.hpp"
#include "fields/sheet_reader.hpp"
#include "ingest/ledger.hpp"

namespace casestat {

enum class ProblemKind {
  unreadable,           // a value that cannot be read as its field's type
  flag_word,            // a 是/否 value outside the built-in and the site's words
  missing_date,         // a ledger's required date is empty (or its column missing)
  future_date,          // a date after today
  early_date,           // a date before 2000
  closed_before,        // 办结日期 before 受理日期
  replied_before,       // 回复日期 before 制发日期 (or 受理日期)
  duplicate_in_file,    // a case number twice in one file
  duplicate_across,     // a case number also in another file
  unknown_office,       // 承办单位 not an office or alias of site.toml
  merged_money,         // a money cell merged over several rows (counted once)
  unreadable_sheet,     // a sheet or file that cannot be read at all
};
// "unreadable values", "dates in the future", ...: the summary's words.
const char* summary_words(ProblemKind kind);

struct Problem {
  ProblemKind kind = ProblemKind::unreadable;
  std::string file, sheet;
  int64_t row = 0;            // 0: the sheet as a whole
  std::string column, value;  // the column by its header
  std::string department, office;
  std::string problem, fix;   // plain Chinese words
  const Field* field = nullptr;  // the column's field, when known
};

// Collects the problems of the ledgers read by casestat-check, sheet by sheet.
class ProblemList {
 public:
  // `today` (YYYY-MM-DD): later dates are in the future.
  ProblemList(std::string today, const Offices& offices, const Dictionary& dictionary);

  // The sheet the next records come from; finish_sheet() when it has been read, with what the
  // reader found (its columns name the problems' columns by their headers).
  void start_sheet(const std::string& file, const std::string& sheet, Ledger ledger);
  // A good row (before aliases are applied): dates, their order, duplicate numbers, the office.
  void check_record(const Record& record);
  void finish_sheet(const SheetSummary& summary);
  // The rows the reader refused; `cells` are the rows as they were (rejected_rows), for the
  // department and office of each.
  void add_row_errors(const std::vector<RowError>& errors, const std::vector<std::vector<std::string>>& cells,
                      const std::vector<int64_t>& rows);
  // A money or whole-number cell merged down over rows `range` (e.g. H4:H9): one figure for
  // the block, counted once. For the reader to call when it reports merged ranges.
  void add_merged_money(int64_t row, const std::string& column, const std::string& value, const std::string& range);
  void add_sheet_problem(ProblemKind kind, const std::string& file, const std::string& sheet, std::string problem,
                         std::string fix);

  // Every problem, sorted by department, office, file, sheet and row.
  std::vector<Problem> sorted() const;
  std::map<ProblemKind, int64_t> counts() const;
  size_t size() const { return problems_.size(); }

 private:
  std::string value_of(const Record& record, const char* field) const;
  void add(ProblemKind kind, const Record& record, const Field* field, std::string value, std::string problem,
           std::string fix);

  std::string today_;
  const Offices& offices_;
  const Dictionary& dictionary_;
  std::string file_, sheet_;
  Ledger ledger_ = Ledger::cases;
  std::vector<Column> columns_;
  std::vector<Problem> problems_;
  size_t sheet_start_ = 0;  // the first problem of the current sheet
  // (ledger, case number) -> where it was first seen
  std::map<std::pair<Ledger, std::string>, std::tuple<std::string, std::string, int64_t>> case_numbers_;
};

// The workbook (one sheet per ledger sheet, frozen header, autofilter) or, for a .csv path,
// one CSV table in UTF-8 with a BOM. Written atomically.
void write_problems(const std::filesystem::path& path, const std::vector<Problem>& problems);

}  // namespace casestat
