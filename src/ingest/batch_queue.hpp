// Batches of encoded records passed from the thread that reads a sheet to the thread that
// writes the store. A fixed number of batches go round (filled by the reader, emptied by the
// writer, given back): memory stays flat however long the sheet, and a reader ahead of the
// writer waits for it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "store/records.hpp"

namespace casestat {

struct RowBatch {
  RecordBatch records;  // the rows to write (none when nothing of the sheet is written)
  int64_t seen = 0;     // rows of the sheet read so far, for the progress line
};

class BatchQueue {
 public:
  // The writer stopped (its store failed): the reader's next take_empty() or push() throws
  // this, to leave read_records at once.
  struct Cancelled {};

  explicit BatchQueue(size_t batches);

  // Reader: an empty batch to fill, waiting for the writer to give one back.
  std::unique_ptr<RowBatch> take_empty();
  void push(std::unique_ptr<RowBatch> batch);
  void close();  // no more batches (all read, or the reader failed)

  // Writer: the next batch, or nullptr once the reader closed and all were taken.
  std::unique_ptr<RowBatch> pop();
  void give_back(std::unique_ptr<RowBatch> batch);
  void cancel();

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<RowBatch>> full_;
  std::vector<std::unique_ptr<RowBatch>> empty_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace casestat
