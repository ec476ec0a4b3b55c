#include "read/xlsx_zip.hpp"

#include <unzip.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "read/xlsx_text.hpp"

namespace casestat {

namespace {

constexpr size_t kPieceBytes = 256 << 10;
constexpr size_t kPieces = 3;  // one being inflated, one being parsed, one ready

// Pieces handed from the inflating thread to the parsing one, in order, through a bounded
// queue: the inflater waits when all pieces are full, the parser when none is.
class PieceQueue {
 public:
  PieceQueue() {
    for (size_t i = 0; i < kPieces; ++i) {
      buffers_[i].resize(kPieceBytes);
      free_.push_back(i);
    }
  }
  // Inflater side. Returns a free buffer, or -1 once the parser stopped.
  int take_free() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !free_.empty() || stopped_; });
    if (stopped_) return -1;
    int i = static_cast<int>(free_.front());
    free_.pop_front();
    return i;
  }
  void put_full(int i, size_t size) {
    std::lock_guard lock(mutex_);
    sizes_[static_cast<size_t>(i)] = size;
    full_.push_back(static_cast<size_t>(i));
    changed_.notify_all();
  }
  void finish(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    finished_ = true;
    error_ = std::move(error);
    changed_.notify_all();
  }
  // Parser side. The next full buffer, or -1 at the end (rethrowing the inflater's error there).
  int take_full() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !full_.empty() || finished_; });
    if (full_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return -1;
    }
    int i = static_cast<int>(full_.front());
    full_.pop_front();
    return i;
  }
  void give_back(int i) {
    std::lock_guard lock(mutex_);
    free_.push_back(static_cast<size_t>(i));
    changed_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }
  char* data(int i) { return buffers_[static_cast<size_t>(i)].data(); }
  size_t size(int i) const { return sizes_[static_cast<size_t>(i)]; }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::array<std::vector<char>, kPieces> buffers_;
  std::array<size_t, kPieces> sizes_{};
  std::deque<size_t> free_, full_;
  bool finished_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace

void XlsxZip::Close::operator()(void* zip) const { unzClose(zip); }

XlsxZip::XlsxZip(const std::filesystem::path& path, std::string display_name, uint64_t max_inflated_bytes)
    : XlsxZip(path, std::move(display_name), max_inflated_bytes, std::make_shared<std::atomic<uint64_t>>(0)) {
  if (!zip_ || unzGoToFirstFile(zip_.get()) != UNZ_OK)
    data_error("{}: the file is damaged: it is not a complete zip archive (a truncated download, or not saved "
               "completely): open it in Excel or WPS and save it again",
               display_);
  refuse_overlapping_members();
}

XlsxZip::XlsxZip(const std::filesystem::path& path, std::string display_name, uint64_t max_inflated_bytes,
                 std::shared_ptr<std::atomic<uint64_t>> inflated)
    : zip_(unzOpen64(path.c_str())),
      path_(path),
      display_(std::move(display_name)),
      max_inflated_(max_inflated_bytes),
      inflated_(std::move(inflated)) {}

std::optional<XlsxZip> XlsxZip::reopen() {
  XlsxZip again(path_, display_, max_inflated_, inflated_);
  // The same members, stored the same: what refuse_overlapping_members found holds for it too.
  const uint64_t mine = directory();
  if (!again.zip_ || mine == 0 || again.directory() != mine) return std::nullopt;
  return again;
}

uint64_t XlsxZip::directory() {
  // FNV-1a over each member's name, CRC, sizes, method and place: a digest, as an archive may
  // list millions of members.
  uint64_t digest = 14695981039346656037ull;
  auto add = [&](std::string_view bytes) {
    for (char c : bytes) digest = (digest ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  };
  void* zip = zip_.get();
  char name[1024];
  for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK; rc = unzGoToNextFile(zip)) {
    unz_file_info64 info;
    unz64_file_pos at;
    if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzGetFilePos64(zip, &at) != UNZ_OK)
      return 0;
    add(name);
    add(fmt::format("\t{}\t{}\t{}\t{}\t{}\n", info.crc, info.compressed_size, info.uncompressed_size,
                    info.compression_method, at.pos_in_zip_directory));
  }
  return digest;
}

// A zip bomb can give many central-directory entries one compressed stream (or streams that
// overlap), so that a small file inflates to gigabytes. An honest archive stores each member
// once, one after the other: every entry's local header and data end before the next begins.
void XlsxZip::refuse_overlapping_members() {
  struct Span {
    uint64_t start, end;
  };
  std::vector<Span> spans;
  void* zip = zip_.get();
  for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK; rc = unzGoToNextFile(zip)) {
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) break;
    // Where the member's compressed data starts in the file (minizip reads its local header).
    if (unzOpenCurrentFile(zip) != UNZ_OK) continue;  // read() says what is wrong, if it is read
    uint64_t start = static_cast<uint64_t>(unzGetCurrentFileZStreamPos64(zip));
    unzCloseCurrentFile(zip);
    spans.push_back({start, start + info.compressed_size});
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  for (size_t i = 1; i < spans.size(); ++i)
    if (spans[i].start < spans[i - 1].end)
      data_error("{}: the file is damaged: its zip members overlap one another (as in a zip bomb); open it in "
                 "Excel or WPS and save it again",
                 display_);
}

bool XlsxZip::has(std::string_view member) {
  return unzLocateFile(zip_.get(), std::string(member).c_str(), 1) == UNZ_OK;
}

bool XlsxZip::read(std::string_view member, const std::function<bool(const char*, size_t)>& on_piece, bool required) {
  std::string name(member);
  void* zip = zip_.get();
  if (unzLocateFile(zip, name.c_str(), 1) != UNZ_OK) {
    if (required) data_error("{}: the file is damaged: the part {} is missing", display_, name);
    return false;
  }
  unz_file_info64 info;
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    data_error("{}: the file is damaged: the part {} cannot be opened", display_, name);
  if (info.flag & 1) data_error("{}: is an encrypted zip archive: remove the password and save it again", display_);
  constexpr unsigned long kStored = 0, kDeflated = 8;  // the methods Excel, WPS and LibreOffice write
  if (info.compression_method != kStored && info.compression_method != kDeflated)
    data_error("{}: the part {} is compressed with a method casestat cannot read (zip method {}{}); open the file "
               "in Excel or WPS and save it again",
               display_, name, info.compression_method, info.compression_method == 12 ? ", bzip2" : "");
  if (unzOpenCurrentFile(zip) != UNZ_OK) data_error("{}: the file is damaged: the part {} cannot be opened", display_, name);

  // The inflater: every unz* call on the archive happens on this thread until it is joined.
  PieceQueue queue;
  std::thread inflater([&] {
    bool open = true;
    try {
      for (;;) {
        int i = queue.take_free();
        if (i < 0) break;  // the parser stopped early
        int n = unzReadCurrentFile(zip, queue.data(i), static_cast<unsigned>(kPieceBytes));
        if (n < 0)
          data_error("{}: the file is damaged: the part {} cannot be inflated (zip error {}); it may be truncated",
                     display_, name, n);
        if (n == 0) {
          open = false;
          if (unzCloseCurrentFile(zip) == UNZ_CRCERROR)
            data_error("{}: the file is damaged: the part {} fails its checksum", display_, name);
          break;
        }
        if (inflated_->fetch_add(static_cast<uint64_t>(n)) + static_cast<uint64_t>(n) > max_inflated_)
          data_error("{}: the workbook inflates to more than {} (reached while reading the part {}), which looks "
                     "like a zip bomb; if the file is honest, raise the limit with --max-inflated-mib",
                     display_, size_words(max_inflated_), name);
        queue.put_full(i, static_cast<size_t>(n));
      }
      if (open) unzCloseCurrentFile(zip);
      queue.finish(nullptr);
    } catch (...) {
      if (open) unzCloseCurrentFile(zip);
      queue.finish(std::current_exception());
    }
  });
  // Whatever happens to the parser (a stop, an error in its handler), the inflater is stopped
  // and joined before the queue it writes into goes away.
  struct Join {
    PieceQueue& queue;
    std::thread& thread;
    ~Join() {
      queue.stop();
      thread.join();
    }
  } join{queue, inflater};
  for (;;) {
    int i = queue.take_full();
    if (i < 0) break;
    if (!on_piece(queue.data(i), queue.size(i))) break;
    queue.give_back(i);
  }
  return true;
}

std::string XlsxZip::read_all(std::string_view member, bool required) {
  std::string out;
  read(
      member,
      [&](const char* p, size_t n) {
        out.append(p, n);
        return true;
      },
      required);
  return out;
}

}  // namespace casestat
