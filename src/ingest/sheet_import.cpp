#include "ingest/sheet_import.hpp"

#include <exception>
#include <thread>

#include "ingest/batch_queue.hpp"

namespace casestat {

namespace {

// Rows per batch and batches in flight: big enough that handing a batch over costs nothing
// beside its rows, small enough that the batches in flight hold a few MiB.
constexpr size_t kBatchRows = 1024;
constexpr size_t kBatches = 4;

// Stops and joins the reader however this thread leaves: a store that fails mid-sheet must not
// leave the reader blocked on a full queue.
class ReaderThread {
 public:
  ReaderThread(BatchQueue& queue, std::function<void()> work) : queue_(queue), thread_(std::move(work)) {}
  ~ReaderThread() {
    if (thread_.joinable()) {
      queue_.cancel();
      thread_.join();
    }
  }
  ReaderThread(const ReaderThread&) = delete;
  ReaderThread& operator=(const ReaderThread&) = delete;
  void join() { thread_.join(); }

 private:
  BatchQueue& queue_;
  std::thread thread_;
};

}  // namespace

SheetSummary import_sheet(Workbook& workbook, size_t index, const Dictionary& dictionary, const SheetOptions& options,
                          OfficeNames& office_names, const SheetTarget& target,
                          const std::function<void(int64_t)>& on_progress) {
  BatchQueue queue(kBatches);
  SheetSummary summary;
  std::exception_ptr failure;  // the reader's, rethrown here once its rows are written
  ReaderThread reader(queue, [&] {
    try {
      RecordEncoder encoder;
      std::unique_ptr<RowBatch> batch = queue.take_empty();
      int64_t seen = 0, in_batch = 0;
      summary = read_records(workbook, index, dictionary, options, [&](const Record& record) {
        const Record& stored = office_names.apply(record);
        if (target.writing) encoder.encode(stored, batch->records);
        ++seen;
        if (++in_batch == static_cast<int64_t>(kBatchRows)) {
          batch->seen = seen;
          if (target.probe) target.probe->look_up(target.ledger, batch->records);
          queue.push(std::move(batch));
          batch = queue.take_empty();
          in_batch = 0;
        }
      });
      batch->seen = seen;
      if (target.probe) target.probe->look_up(target.ledger, batch->records);
      queue.push(std::move(batch));
    } catch (const BatchQueue::Cancelled&) {
      // the writer failed: its error is the one reported
    } catch (...) {
      failure = std::current_exception();
    }
    queue.close();
  });
  while (std::unique_ptr<RowBatch> batch = queue.pop()) {
    if (!batch->records.empty())
      target.inserter.insert(target.import_id, target.ledger, target.sheet, batch->records);
    on_progress(batch->seen);
    queue.give_back(std::move(batch));
  }
  reader.join();
  if (failure) std::rethrow_exception(failure);
  return summary;
}

}  // namespace casestat
