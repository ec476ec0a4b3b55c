// Writing typed records into the store's `records` table. A record is first encoded into a
// batch (its values in a flat buffer, the JSON of site fields and extras made) by the thread
// that reads the sheet; the batch is then inserted by the thread that writes the store, with a
// prepared statement per set of present columns, reused for every row (the import's speed
// depends on it: no NULL bindings, no copies of the values).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fields/sheet_reader.hpp"
#include "store/db.hpp"

namespace casestat {

// Rows ready for the store. Reused batch after batch: clear() keeps the buffers' capacity.
class RecordBatch {
 public:
  void clear();
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // The case number (案号) of the batch's row `index` as the store will hold it; empty when the
  // row has none. Valid until the batch or `scratch` changes.
  std::optional<std::string_view> case_no(size_t index, std::string& scratch) const;

 private:
  friend class RecordEncoder;
  friend class RecordInserter;
  struct Value {
    int parameter = 0;    // of the insert statement
    bool is_text = false;
    int64_t integer = 0;  // the value, or the text's offset in text_
    size_t size = 0;      // the text's length
  };
  struct Row {
    int64_t row = 0;
    uint32_t columns = 0;  // which optional parameters have a value: bit (parameter - first optional)
    size_t first = 0, count = 0;  // in values_
  };
  std::vector<Row> rows_;
  std::vector<Value> values_;
  std::string text_;
};

// Encodes records for the store: a field with a column of its own (schema.hpp, kRecordColumns)
// goes there; any other field of the dictionary goes to the `fields` JSON by its id; extra
// columns to `extras`. One encoder per reading thread (it caches each field's column).
class RecordEncoder {
 public:
  void encode(const Record& record, RecordBatch& batch);

 private:
  int parameter_for(const Field* field);  // 0: no column of its own
  std::unordered_map<const Field*, int> parameters_;
};

class RecordInserter {
 public:
  explicit RecordInserter(Database& db);
  ~RecordInserter();
  RecordInserter(const RecordInserter&) = delete;
  RecordInserter& operator=(const RecordInserter&) = delete;
  // Inserts the batch's rows into the given import, ledger and sheet.
  void insert(int64_t import_id, std::string_view ledger, std::string_view sheet, const RecordBatch& batch);
  // One record (the tests, small callers): encoded and inserted.
  void insert(int64_t import_id, std::string_view ledger, std::string_view sheet, const Record& record);

 private:
  struct Prepared {
    Statement statement;
    uint64_t bound_for = 0;  // the context_ whose import, ledger and sheet are bound
  };
  Statement& statement_for(uint32_t columns);

  Database& db_;
  // Bindings survive a reset: import, ledger and sheet are bound once per statement and sheet.
  std::map<uint32_t, Prepared> statements_;
  uint64_t context_ = 0;
  int64_t import_id_ = 0;
  std::string ledger_, sheet_;
  RecordEncoder encoder_;
  RecordBatch single_;
};

}  // namespace casestat
