#include "sample/gbk.hpp"

#include <cerrno>

#include "core/error.hpp"

namespace casestat::sample {

Utf8ToGbk::Utf8ToGbk() : cd_(iconv_open("GBK", "UTF-8")) {
  if (cd_ == reinterpret_cast<iconv_t>(-1)) system_error("iconv cannot convert UTF-8 to GBK on this system");
}

Utf8ToGbk::~Utf8ToGbk() { iconv_close(cd_); }

void Utf8ToGbk::append(std::string_view utf8, std::string& out) {
  // GBK never takes more bytes than UTF-8 (2 for a CJK character that takes 3).
  const size_t start = out.size();
  out.resize(start + utf8.size());
  char* in = const_cast<char*>(utf8.data());
  char* o = out.data() + start;
  size_t in_left = utf8.size(), out_left = utf8.size();
  iconv(cd_, nullptr, nullptr, nullptr, nullptr);  // a fresh state for each piece
  if (iconv(cd_, &in, &in_left, &o, &out_left) == static_cast<size_t>(-1))
    system_error("cannot write \"{}\" in GBK: {}", std::string(utf8), errno_text(errno));
  out.resize(out.size() - out_left);
}

}  // namespace casestat::sample
