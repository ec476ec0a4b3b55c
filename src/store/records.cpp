#include "store/records.hpp"

#include <string>

#include "core/error.hpp"
#include "fields/ledger.hpp"
#include "store/schema.hpp"

namespace casestat {

namespace {

constexpr int kFixed = 4;  // import_id, ledger, sheet, row come before the field columns
constexpr int kColumns = static_cast<int>(std::size(kRecordColumns));
constexpr int kFieldsParameter = kFixed + kColumns + 1;
constexpr int kExtrasParameter = kFixed + kColumns + 2;
static_assert(kColumns + 2 <= 32, "a row's columns are a 32-bit set");

// The column of an optional parameter (kFixed + 1 ...).
const char* column_name(int parameter) {
  if (parameter == kFieldsParameter) return "fields";
  if (parameter == kExtrasParameter) return "extras";
  return kRecordColumns[parameter - kFixed - 1];
}

// The case number's parameter: the first column of its own.
constexpr int kCaseNoParameter = kFixed + 1;
static_assert(std::string_view(kRecordColumns[0]) == "case_no");

uint32_t bit_of(int parameter) { return uint32_t{1} << (parameter - kFixed - 1); }

// The columns that are given, numbered by their place in the full list (?5 is always case_no),
// so that a value is bound by the same index whatever the statement.
std::string insert_sql(uint32_t columns) {
  std::string names = "import_id, ledger, sheet, row";
  std::string values = "?1, ?2, ?3, ?4";
  for (int parameter = kFixed + 1; parameter <= kExtrasParameter; ++parameter) {
    if (!(columns & bit_of(parameter))) continue;
    names += std::string(", ") + column_name(parameter);
    values += ", ?" + std::to_string(parameter);
  }
  return "INSERT INTO records(" + names + ") VALUES (" + values + ")";
}

std::string dump(const nlohmann::json& json) {
  // Readers give valid UTF-8; replace rather than throw should one slip through.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void RecordBatch::clear() {
  rows_.clear();
  values_.clear();
  text_.clear();
}

std::optional<std::string_view> RecordBatch::case_no(size_t index, std::string& scratch) const {
  const Row& row = rows_[index];
  if (!(row.columns & bit_of(kCaseNoParameter))) return std::nullopt;
  for (size_t i = row.first; i < row.first + row.count; ++i) {
    const Value& value = values_[i];
    if (value.parameter != kCaseNoParameter) continue;
    if (value.is_text) return std::string_view(text_.data() + value.integer, value.size);
    // A site whose dictionary types 案号 as a number: the column's TEXT affinity stores it as
    // its decimal digits.
    scratch = std::to_string(value.integer);
    return scratch;
  }
  return std::nullopt;
}

int RecordEncoder::parameter_for(const Field* field) {
  auto found = parameters_.find(field);
  if (found != parameters_.end()) return found->second;
  int parameter = 0;
  for (int i = 0; i < kColumns; ++i)
    if (field->id == kRecordColumns[i]) parameter = kFixed + 1 + i;
  parameters_.emplace(field, parameter);
  return parameter;
}

void RecordEncoder::encode(const Record& record, RecordBatch& batch) {
  RecordBatch::Row row;
  row.row = record.row;
  row.first = batch.values_.size();
  auto add_text = [&](int parameter, std::string_view text) {
    batch.values_.push_back({parameter, true, static_cast<int64_t>(batch.text_.size()), text.size()});
    batch.text_.append(text);
    row.columns |= bit_of(parameter);
  };
  nlohmann::json others;  // null until a site field has a value: no allocation per row
  for (const auto& [field, value] : record.values) {
    if (std::holds_alternative<std::monostate>(value)) continue;
    if (int parameter = parameter_for(field)) {
      if (auto text = std::get_if<std::string>(&value)) {
        add_text(parameter, *text);
      } else {
        batch.values_.push_back({parameter, false, std::get<int64_t>(value), 0});
        row.columns |= bit_of(parameter);
      }
    } else if (auto text = std::get_if<std::string>(&value)) {
      others[field->id] = *text;
    } else {
      others[field->id] = std::get<int64_t>(value);
    }
  }
  if (!others.empty()) add_text(kFieldsParameter, dump(others));
  if (!record.extras.empty()) add_text(kExtrasParameter, dump(record.extras));
  row.count = batch.values_.size() - row.first;
  batch.rows_.push_back(row);
}

RecordInserter::RecordInserter(Database& db) : db_(db) {
  // Without the schema's CHECK on the ledger (insert() checks it): SQLite codes `ledger IN (...)`
  // as a table made afresh on every run of the statement, which cost more than the row's insert.
  // The pragma holds for the connection while the inserter lives (SQLite prepares statements
  // again when it changes); the store keeps the CHECK for anyone else.
  db_.exec("PRAGMA ignore_check_constraints=ON");
}

RecordInserter::~RecordInserter() {
  statements_.clear();
  sqlite3_exec(db_.handle(), "PRAGMA ignore_check_constraints=OFF", nullptr, nullptr, nullptr);
}

Statement& RecordInserter::statement_for(uint32_t columns) {
  auto found = statements_.find(columns);
  if (found == statements_.end())
    found = statements_.emplace(columns, Prepared{db_.prepare(insert_sql(columns)), 0}).first;
  Prepared& prepared = found->second;
  prepared.statement.rewind();  // done with its last row (or failed on it); bindings need a reset statement
  if (prepared.bound_for != context_) {
    prepared.statement.bind(1, import_id_).bind_in_place(2, ledger_).bind_in_place(3, sheet_);
    prepared.bound_for = context_;
  }
  return prepared.statement;
}

void RecordInserter::insert(int64_t import_id, std::string_view ledger, std::string_view sheet,
                            const RecordBatch& batch) {
  if (context_ == 0 || import_id != import_id_ || ledger != ledger_ || sheet != sheet_) {
    if (!ledger_named(ledger))
      system_error("the store {} holds no ledger \"{}\" (only {})", db_.path(), ledger, ledger_words());
    // Every statement binds these again before its next use: the old texts may be gone.
    ++context_;
    import_id_ = import_id;
    ledger_ = ledger;
    sheet_ = sheet;
  }
  const char* text = batch.text_.data();
  for (const RecordBatch::Row& row : batch.rows_) {
    Statement& statement = statement_for(row.columns);
    statement.bind(4, row.row);
    // Each present value is bound again for every row (the statement's set of columns is the
    // row's): nothing of an earlier row can remain, and no column is bound NULL.
    for (size_t i = row.first; i < row.first + row.count; ++i) {
      const RecordBatch::Value& value = batch.values_[i];
      if (value.is_text)
        statement.bind_in_place(value.parameter, std::string_view(text + value.integer, value.size));
      else
        statement.bind(value.parameter, value.integer);
    }
    statement.run();
  }
}

void RecordInserter::insert(int64_t import_id, std::string_view ledger, std::string_view sheet, const Record& record) {
  single_.clear();
  encoder_.encode(record, single_);
  insert(import_id, ledger, sheet, single_);
}

}  // namespace casestat
