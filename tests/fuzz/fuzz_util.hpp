// Shared by the fuzz harnesses: the input as a private temporary file (the readers open files
// by name, as the tools do), and the rule that only casestat's own Error may come out.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace casestat::fuzz {

class TempInput {
 public:
  TempInput(const uint8_t* data, size_t size, const char* suffix) {
    std::string pattern = (std::filesystem::temp_directory_path() / "casestat-fuzz-XXXXXX").string() + suffix;
    int fd = ::mkstemps(pattern.data(), static_cast<int>(std::string(suffix).size()));
    if (fd < 0) std::abort();
    for (size_t done = 0; done < size;) {
      ssize_t n = ::write(fd, data + done, size - done);
      if (n <= 0) std::abort();
      done += static_cast<size_t>(n);
    }
    ::close(fd);
    path_ = pattern;
  }
  ~TempInput() { ::unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs f; casestat::Error is the expected way to refuse bad input; anything else escapes and
// the fuzzer reports it.
template <typename F>
void refusing_is_fine(F&& f) {
  try {
    f();
  } catch (const Error&) {
  }
}

}  // namespace casestat::fuzz
