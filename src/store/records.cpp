#include "store/records.hpp"

#include <string>

#include "store/schema.hpp"

namespace casestat {

namespace {

constexpr int kFixed = 4;  // import_id, ledger, sheet, row come before the field columns
constexpr int kColumns = static_cast<int>(std::size(kRecordColumns));

std::string insert_sql() {
  std::string names = "import_id, ledger, sheet, row";
  std::string values = "?1, ?2, ?3, ?4";
  int n = kFixed;
  for (const char* column : kRecordColumns) {
    names += std::string(", ") + column;
    values += ", ?" + std::to_string(++n);
  }
  names += ", fields, extras";
  values += ", ?" + std::to_string(n + 1) + ", ?" + std::to_string(n + 2);
  return "INSERT INTO records(" + names + ") VALUES (" + values + ")";
}

std::string dump(const nlohmann::json& json) {
  // Readers give valid UTF-8; replace rather than throw should one slip through.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

RecordInserter::RecordInserter(Database& db) : stmt_(db.prepare(insert_sql())) {}

int RecordInserter::parameter_for(const Field* field) {
  auto found = parameters_.find(field);
  if (found != parameters_.end()) return found->second;
  int parameter = 0;
  for (int i = 0; i < kColumns; ++i)
    if (field->id == kRecordColumns[i]) parameter = kFixed + 1 + i;
  parameters_.emplace(field, parameter);
  return parameter;
}

void RecordInserter::insert(int64_t import_id, std::string_view ledger, std::string_view sheet,
                            const Record& record) {
  stmt_.reset();  // also clears the bindings: a column without a value is NULL
  stmt_.bind(1, import_id).bind_in_place(2, ledger).bind_in_place(3, sheet).bind(4, record.row);
  nlohmann::json others;  // null until a site field has a value: no allocation per row
  for (const auto& [field, value] : record.values) {
    if (std::holds_alternative<std::monostate>(value)) continue;
    if (int parameter = parameter_for(field)) {
      if (auto text = std::get_if<std::string>(&value))
        stmt_.bind_in_place(parameter, *text);  // the record outlives the step below
      else
        stmt_.bind(parameter, std::get<int64_t>(value));
    } else if (auto text = std::get_if<std::string>(&value)) {
      others[field->id] = *text;
    } else {
      others[field->id] = std::get<int64_t>(value);
    }
  }
  std::string others_text = others.empty() ? std::string() : dump(others);
  std::string extras_text = record.extras.empty() ? std::string() : dump(record.extras);
  if (!others.empty()) stmt_.bind_in_place(kFixed + kColumns + 1, others_text);
  if (!record.extras.empty()) stmt_.bind_in_place(kFixed + kColumns + 2, extras_text);
  stmt_.run();
}

}  // namespace casestat
