// UTF-8 to GBK with POSIX iconv, as Chinese Excel saves CSV files.
#pragma once

#include <iconv.h>

#include <string>
#include <string_view>

namespace casestat::sample {

class Utf8ToGbk {
 public:
  Utf8ToGbk();  // throws a system Error when this system's iconv has no GBK
  ~Utf8ToGbk();
  Utf8ToGbk(const Utf8ToGbk&) = delete;
  Utf8ToGbk& operator=(const Utf8ToGbk&) = delete;

  // Appends `utf8` in GBK to `out`; throws a system Error for a character GBK lacks.
  void append(std::string_view utf8, std::string& out);
  std::string operator()(std::string_view utf8) {
    std::string out;
    append(utf8, out);
    return out;
  }

 private:
  iconv_t cd_;
};

}  // namespace casestat::sample
