// The zip container of an xlsx (minizip), read member by member as a stream, with the bytes
// inflated for the whole workbook bounded (a zip bomb stops with an error, not with the machine).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
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
  std::unique_ptr<void, Close> zip_;
  std::string display_;
  uint64_t max_inflated_;
  uint64_t inflated_ = 0;  // by every read so far
  void refuse_overlapping_members();
};

}  // namespace casestat
