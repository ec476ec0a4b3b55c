// Writing typed records into the store's `records` table with one prepared statement, reused
// for every row (the import's speed depends on it).
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "fields/sheet_reader.hpp"
#include "store/db.hpp"

namespace casestat {

class RecordInserter {
 public:
  explicit RecordInserter(Database& db);
  // A field with a column of its own (schema.hpp, kRecordColumns) goes there; any other field
  // of the dictionary goes to the `fields` JSON by its id; extra columns to `extras`.
  void insert(int64_t import_id, std::string_view ledger, std::string_view sheet, const Record& record);

 private:
  int parameter_for(const Field* field);  // 0: no column of its own
  Statement stmt_;
  std::unordered_map<const Field*, int> parameters_;
};

}  // namespace casestat
