#include "read/xlsx_zip.hpp"

#include <unzip.h>

#include <vector>

#include "core/error.hpp"

namespace casestat {

void XlsxZip::Close::operator()(void* zip) const { unzClose(zip); }

XlsxZip::XlsxZip(const std::filesystem::path& path, std::string display_name, uint64_t max_inflated_bytes)
    : zip_(unzOpen64(path.c_str())), display_(std::move(display_name)), max_inflated_(max_inflated_bytes) {
  if (!zip_ || unzGoToFirstFile(zip_.get()) != UNZ_OK)
    data_error("{}: the file is damaged: it is not a complete zip archive (a truncated download, or not saved "
               "completely): open it in Excel or WPS and save it again",
               display_);
}

bool XlsxZip::has(std::string_view member) {
  return unzLocateFile(zip_.get(), std::string(member).c_str(), 1) == UNZ_OK;
}

bool XlsxZip::read(std::string_view member, const std::function<bool(const char*, size_t)>& on_piece, bool required) {
  std::string name(member);
  if (unzLocateFile(zip_.get(), name.c_str(), 1) != UNZ_OK) {
    if (required) data_error("{}: the file is damaged: the part {} is missing", display_, name);
    return false;
  }
  if (unz_file_info64 info; unzGetCurrentFileInfo64(zip_.get(), &info, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK &&
                            (info.flag & 1))
    data_error("{}: is an encrypted zip archive: remove the password and save it again", display_);
  if (unzOpenCurrentFile(zip_.get()) != UNZ_OK)
    data_error("{}: the file is damaged: the part {} cannot be opened", display_, name);
  struct CloseMember {
    void* zip;
    ~CloseMember() {
      if (zip) unzCloseCurrentFile(zip);
    }
  } close_member{zip_.get()};
  std::vector<char> buffer(256 << 10);
  uint64_t total = 0;
  for (;;) {
    int n = unzReadCurrentFile(zip_.get(), buffer.data(), static_cast<unsigned>(buffer.size()));
    if (n < 0)
      data_error("{}: the file is damaged: the part {} cannot be inflated (zip error {}); it may be truncated", display_,
                 name, n);
    if (n == 0) {
      close_member.zip = nullptr;
      if (unzCloseCurrentFile(zip_.get()) == UNZ_CRCERROR)
        data_error("{}: the file is damaged: the part {} fails its checksum", display_, name);
      break;
    }
    total += static_cast<uint64_t>(n);
    if (total > max_inflated_)
      data_error("{}: the part {} inflates to more than {} MiB, which looks like a zip bomb; if the file is honest, "
                 "raise the limit with --max-inflated-mib",
                 display_, name, max_inflated_ >> 20);
    if (!on_piece(buffer.data(), static_cast<size_t>(n))) return true;
  }
  return true;
}

std::string XlsxZip::read_all(std::string_view member, bool required) {
  std::string out;
  read(
      member,
      [&](const char* p, size_t n) {
        out.append(p, n);
        return true;
      },
      required);
  return out;
}

}  // namespace casestat
