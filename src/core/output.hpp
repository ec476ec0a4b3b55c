// Output: stdout buffered and checked, and files written whole or not at all.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace casestat {

// Standard output with a large buffer. A failed write (disk full) is a system error; a closed
// pipe (`casestat-indicators | head`) ends the program quietly with success (see run_tool).
class Stdout {
 public:
  static Stdout& get();
  void write(std::string_view text);
  void flush();  // throws Error on failure; BrokenPipe when the reader went away
  bool is_terminal() const;

 private:
  Stdout();
};

// Thrown when the reader of stdout has gone; run_tool turns it into a quiet exit 0.
struct BrokenPipe {};

// Writes a file under a temporary name beside the target and renames it over the target on
// commit(); destroyed without commit(), it removes the temporary file, so an error never
// leaves a half-written output. mode is applied to the new file (0600 for private data).
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target, unsigned mode = 0644);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temp_path() const { return temp_; }  // for libraries that write by name
  const std::filesystem::path& target() const { return target_; }
  void write(std::string_view text);  // into the temporary file
  void commit();                      // flush, fsync, rename; throws Error on failure

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

// Writes `content` to `target` atomically (AtomicFile in one call).
void write_file_atomically(const std::filesystem::path& target, std::string_view content, unsigned mode = 0644);

}  // namespace casestat
