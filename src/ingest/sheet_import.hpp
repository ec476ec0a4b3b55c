// Importing one sheet on two threads: a reader thread reads the sheet, types its values, encodes
// the records (read_records, OfficeNames, RecordEncoder) and looks up their case numbers in the
// rest of the store (OverlapProbe), while this thread inserts them into the store, batch by
// batch through a bounded queue. Errors of either side reach the caller as they would without
// the second thread: the store's at once, the reader's after the rows read before it were
// written.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "fields/dictionary.hpp"
#include "fields/sheet_reader.hpp"
#include "ingest/office_names.hpp"
#include "read/workbook.hpp"
#include "store/overlaps.hpp"
#include "store/records.hpp"

namespace casestat {

struct SheetTarget {
  RecordInserter& inserter;
  int64_t import_id = 0;
  const char* ledger = "";
  const std::string& sheet;
  bool writing = true;  // false: the rows are read (for their errors) but not written
  OverlapProbe* probe = nullptr;  // given the rows written, if any
};

// The sheet's summary, as read_records gives it. `on_progress` is called on this thread with
// the rows read so far.
SheetSummary import_sheet(Workbook& workbook, size_t index, const Dictionary& dictionary, const SheetOptions& options,
                          OfficeNames& office_names, const SheetTarget& target,
                          const std::function<void(int64_t)>& on_progress);

}  // namespace casestat
