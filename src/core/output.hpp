// Output: stdout buffered and checked, and files written whole or not at all.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace casestat {

// Standard output with a large buffer. A failed write (disk full) is a system error; a closed
// pipe (`casestat-indicators | head`) ends the program quietly with success (see cli::run).
// With `-o FILE` (cli::add_output_option) the same text goes to FILE instead, written
// atomically: flush() commits it, discard() drops it after an error.
class AtomicFile;
class Stdout {
 public:
  static Stdout& get();
  void write(std::string_view text);
  void flush();  // throws Error on failure; BrokenPipe when the reader went away
  bool is_terminal() const;
  void send_to(const std::filesystem::path& file);
  void discard();

 private:
  Stdout();
  std::unique_ptr<AtomicFile> file_;
};

// Thrown when the reader of stdout has gone; cli::run turns it into a quiet exit 0.
struct BrokenPipe {};

// Writes a file under a temporary name beside the target and renames it over the target on
// commit(); destroyed without commit(), it removes the temporary file, so an error never
// leaves a half-written output. mode is applied to the new file (0600 for private data).
// A target that exists and is not a regular file (a device such as /dev/stdout or /dev/full,
// a FIFO, a socket), or any path under /dev or /proc, is written directly instead: renaming
// over it would replace the device or the link rather than write to it.
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
  bool direct_ = false;  // writing to the target itself (see above)
  bool committed_ = false;
};

// Writes `content` to `target` atomically (AtomicFile in one call).
void write_file_atomically(const std::filesystem::path& target, std::string_view content, unsigned mode = 0644);

}  // namespace casestat
