#include "core/input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "core/error.hpp"

namespace casestat {

Input::Input(std::string argument)
    : argument_(std::move(argument)), display_(argument_ == "-" ? "Standard Input" : argument_) {}

Input::Input(Input&& other) noexcept
    : argument_(std::move(other.argument_)),
      display_(std::move(other.display_)),
      path_(std::move(other.path_)),
      temp_(other.temp_) {
  other.temp_ = false;
}

Input::~Input() {
  if (temp_) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
}

const std::filesystem::path& Input::path() {
  if (!path_.empty()) return path_;
  if (!is_stdin()) {
    std::error_code ec;
    auto status = std::filesystem::status(argument_, ec);
    if (ec || !std::filesystem::exists(status))
      system_error("{}: no such file", display_);
    if (std::filesystem::is_directory(status)) system_error("{}: is a folder, not a file", display_);
    if (::access(argument_.c_str(), R_OK) != 0) system_error("{}: cannot read: {}", display_, errno_text(errno));
    path_ = argument_;
    return path_;
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string pattern = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/casestat-stdin-XXXXXX";
  int fd = ::mkstemp(pattern.data());  // mode 0600: the copy may hold private data
  if (fd < 0) system_error("cannot copy standard input to a temporary file: {}", errno_text(errno));
  path_ = pattern;
  temp_ = true;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      system_error("cannot read standard input: {}", errno_text(err));
    }
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(fd, buffer + done, static_cast<size_t>(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        ::close(fd);
        system_error("cannot copy standard input to a temporary file: {}", errno_text(err));
      }
      done += w;
    }
  }
  if (::close(fd) != 0) system_error("cannot copy standard input to a temporary file: {}", errno_text(errno));
  return path_;
}

std::string Input::read_all() { return read_file(path(), display_); }

std::vector<std::string> inputs_or_stdin(std::vector<std::string> files) {
  if (files.empty()) files.push_back("-");
  return files;
}

std::string read_file(const std::filesystem::path& path, const std::string& display_name) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) system_error("{}: cannot open: {}", display_name, errno_text(errno));
  std::string content;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) content.append(buffer, n);
  bool failed = std::ferror(file);
  int err = errno;
  std::fclose(file);
  if (failed) system_error("{}: cannot read: {}", display_name, errno_text(err));
  return content;
}

}  // namespace casestat
