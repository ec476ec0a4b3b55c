#include "ingest/batch_queue.hpp"

namespace casestat {

// Each change is signalled with the lock held (one hand-over per batch: the cost is nil), so
// that thread checkers see every wait and wake-up under the one mutex.

BatchQueue::BatchQueue(size_t batches) {
  for (size_t i = 0; i < batches; ++i) empty_.push_back(std::make_unique<RowBatch>());
}

std::unique_ptr<RowBatch> BatchQueue::take_empty() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return cancelled_ || !empty_.empty(); });
  if (cancelled_) throw Cancelled{};
  auto batch = std::move(empty_.back());
  empty_.pop_back();
  return batch;
}

void BatchQueue::push(std::unique_ptr<RowBatch> batch) {
  std::lock_guard lock(mutex_);
  if (cancelled_) throw Cancelled{};
  full_.push_back(std::move(batch));
  changed_.notify_all();
}

void BatchQueue::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  changed_.notify_all();
}

std::unique_ptr<RowBatch> BatchQueue::pop() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return closed_ || !full_.empty(); });
  if (full_.empty()) return nullptr;
  auto batch = std::move(full_.front());
  full_.pop_front();
  return batch;
}

void BatchQueue::give_back(std::unique_ptr<RowBatch> batch) {
  batch->records.clear();
  batch->seen = 0;
  std::lock_guard lock(mutex_);
  empty_.push_back(std::move(batch));
  changed_.notify_all();
}

void BatchQueue::cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
  changed_.notify_all();
}

}  // namespace casestat
