// The zip container of an xlsx (minizip), read member by member as a stream, with the bytes
// inflated for the whole workbook bounded (a zip bomb stops with an error, not with the machine).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace casestat {

class XlsxZip {
 public:
  // Throws Error (Exit::data) for a file that is not a readable zip (damaged or truncated) or
  // whose members overlap in the file (one compressed stream counted as many members).
  // `max_inflated_bytes` bounds all the reads of the archive's life together, so several sheets
  // pointing at one huge member, or one sheet read again and again, cannot multiply the work.
  XlsxZip(const std::filesystem::path& path, std::string display_name, uint64_t max_inflated_bytes);
  // A second handle on the same archive, for reading another member at the same time on another
  // thread; the two share the bound on inflated bytes. The file is opened again by its path, so
  // this is nullopt when what is there now has other members than this one's (it was replaced
  // meanwhile) or cannot be opened. Not while this handle is being read.
  std::optional<XlsxZip> reopen();
  bool has(std::string_view member);
  // Streams a member in pieces of at most 256 KiB; `on_piece` returns false to stop early.
  // A member is inflated on a second thread while the caller parses the piece before, so
  // reading costs about the larger of the two rather than their sum; at most three pieces are
  // in memory. Throws Error naming the member when it is missing (when required), damaged,
  // compressed with a method other than stored or deflate, or when the workbook's reads
  // together inflate beyond the limit. Returns false when the member is absent and not required.
  bool read(std::string_view member, const std::function<bool(const char*, size_t)>& on_piece,
            bool required = true);
  std::string read_all(std::string_view member, bool required = true);

 private:
  struct Close {
    void operator()(void* zip) const;
  };
  XlsxZip(const std::filesystem::path& path, std::string display_name, uint64_t max_inflated_bytes,
          std::shared_ptr<std::atomic<uint64_t>> inflated);
  // A digest of each member's name, CRC, sizes and place, in the central directory's order; 0
  // when it cannot be read.
  uint64_t directory();
  void refuse_overlapping_members();

  std::unique_ptr<void, Close> zip_;
  std::filesystem::path path_;
  std::string display_;
  uint64_t max_inflated_;
  std::shared_ptr<std::atomic<uint64_t>> inflated_;  // by every read so far, of every handle
};

}  // namespace casestat
