#include "core/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>

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

bool Stdout::is_terminal() const { return !file_ && ::isatty(STDOUT_FILENO) == 1; }

void Stdout::send_to(const std::filesystem::path& file) { file_ = std::make_unique<AtomicFile>(file); }

void Stdout::discard() { file_.reset(); }

static void check_stdout_error() {
  if (std::ferror(stdout)) {
    int err = errno;
    if (err == EPIPE) throw BrokenPipe{};
    system_error("cannot write to standard output: {}", errno_text(err));
  }
}

void Stdout::write(std::string_view text) {
  if (file_) return file_->write(text);
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) check_stdout_error();
}

void Stdout::flush() {
  if (file_) {
    file_->commit();
    file_.reset();
    return;
  }
  if (std::fflush(stdout) != 0) check_stdout_error();
  check_stdout_error();
}

namespace {

// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N names; -1 for
// any other path.
int open_descriptor(const std::string& name) {
  if (name == "/dev/stdout") return STDOUT_FILENO;
  if (name == "/dev/stderr") return STDERR_FILENO;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"})
    if (name.starts_with(prefix) && name.size() > prefix.size() &&
        name.find_first_not_of("0123456789", prefix.size()) == std::string::npos)
      return std::atoi(name.c_str() + prefix.size());
  return -1;
}

bool writes_directly(const std::filesystem::path& target) {
  const std::string& name = target.native();
  if (name.starts_with("/dev/") || name.starts_with("/proc/")) return true;
  struct stat st{};
  return ::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
}

// A short name beside the target, so that a target name of up to 255 bytes still has one;
// the extension is kept for libraries that look at it.
std::string temporary_pattern(const std::filesystem::path& target, int& suffix_length) {
  const std::filesystem::path folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  std::string extension = target.extension().string();
  if (extension.size() > 8) extension.clear();
  suffix_length = static_cast<int>(extension.size());
  return (folder / (".casestat-XXXXXX" + extension)).string();
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target, unsigned mode) : target_(std::move(target)) {
  if (writes_directly(target_)) {
    direct_ = true;
    temp_ = target_;
    // /dev/stdout and the like name a descriptor already open: write through it, so the bytes
    // land where the shell's other output does, not over it.
    const int fd = open_descriptor(target_.native());
    file_ = fd >= 0 ? ::fdopen(::dup(fd), "wb") : std::fopen(target_.c_str(), "wb");
    if (!file_) system_error("cannot write {}: {}", target_.string(), errno_text(errno));
    return;
  }
  int suffix_length = 0;
  std::string pattern = temporary_pattern(target_, suffix_length);
  int fd = ::mkstemps(pattern.data(), suffix_length);
  if (fd < 0) system_error("cannot create {}: {}", target_.string(), errno_text(errno));
  ::fchmod(fd, static_cast<mode_t>(mode));
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
  if (!committed_ && !direct_) {
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
  // Devices, FIFOs and sockets have nothing to sync (fsync fails with EINVAL on them).
  if (std::fflush(file_) != 0 || (!direct_ && ::fsync(::fileno(file_)) != 0)) err = errno;
  if (std::fclose(file_) != 0 && err == 0) err = errno;
  file_ = nullptr;
  if (err != 0) system_error("cannot write {}: {}", target_.string(), errno_text(err));
  if (direct_) {
    committed_ = true;
    return;
  }
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
