#include "core/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "core/error.hpp"

namespace casestat {

namespace {
constexpr size_t kStdoutBuffer = 1 << 16;
char stdout_buffer[kStdoutBuffer];
}  // namespace

Stdout::Stdout() {
  // SIGPIPE would kill us silently mid-write with status 141; we want EPIPE and a clean stop.
  std::signal(SIGPIPE, SIG_IGN);
  std::setvbuf(stdout, stdout_buffer, _IOFBF, kStdoutBuffer);
}

Stdout& Stdout::get() {
  static Stdout instance;
  return instance;
}

bool Stdout::is_terminal() const { return ::isatty(STDOUT_FILENO) == 1; }

static void check_stdout_error() {
  if (std::ferror(stdout)) {
    int err = errno;
    if (err == EPIPE) throw BrokenPipe{};
    system_error("cannot write to standard output: {}", errno_text(err));
  }
}

void Stdout::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) check_stdout_error();
}

void Stdout::flush() {
  if (std::fflush(stdout) != 0) check_stdout_error();
  check_stdout_error();
}

AtomicFile::AtomicFile(std::filesystem::path target, unsigned mode) : target_(std::move(target)) {
  std::string pattern = (target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path()) /
                        ("." + target_.filename().string() + ".tmp-XXXXXX");
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) system_error("cannot create {}: {}", target_.string(), errno_text(errno));
  ::fchmod(fd, mode);
  temp_ = pattern;
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    int err = errno;
    ::close(fd);
    std::filesystem::remove(temp_);
    system_error("cannot write {}: {}", target_.string(), errno_text(err));
  }
}

AtomicFile::~AtomicFile() {
  if (file_) std::fclose(file_);
  if (!committed_) {
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
  }
}

void AtomicFile::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    system_error("cannot write {}: {}", target_.string(), errno_text(errno));
}

void AtomicFile::commit() {
  int err = 0;
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) err = errno;
  if (std::fclose(file_) != 0 && err == 0) err = errno;
  file_ = nullptr;
  if (err != 0) system_error("cannot write {}: {}", target_.string(), errno_text(err));
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    system_error("cannot write {}: {}", target_.string(), errno_text(errno));
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content, unsigned mode) {
  AtomicFile file(target, mode);
  file.write(content);
  file.commit();
}

}  // namespace casestat
