#include "render/office_zip.hpp"

#include <unzip.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <ctime>

#include "core/error.hpp"
#include "core/input.hpp"

namespace casestat::render {

namespace {

// A template part is a few hundred KiB; a member inflating past this is not a document.
constexpr uint64_t kMaxMemberBytes = 256ull << 20;

unzFile in(void* handle) { return static_cast<unzFile>(handle); }
zipFile out(void* handle) { return static_cast<zipFile>(handle); }

}  // namespace

ZipIn::ZipIn(const std::filesystem::path& path, std::string display) : display_(std::move(display)) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    folder_ = path;
    for (std::filesystem::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec)) members_.push_back(it->path().lexically_relative(path).generic_string());
    if (ec) system_error("{}: cannot list the folder: {}", display_, ec.message());
    // The content types first, as every Office program writes them.
    std::sort(members_.begin(), members_.end(), [](const std::string& a, const std::string& b) {
      bool ta = a == "[Content_Types].xml", tb = b == "[Content_Types].xml";
      return ta != tb ? ta : a < b;
    });
    return;
  }
  handle_ = unzOpen64(path.c_str());
  if (!handle_) data_error("{}: not a readable zip (a Word or Excel file is one): damaged or truncated", display_);
  for (int rc = unzGoToFirstFile(in(handle_)); rc == UNZ_OK; rc = unzGoToNextFile(in(handle_))) {
    char name[1024];
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(in(handle_), &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK)
      data_error("{}: the zip's directory is damaged", display_);
    members_.emplace_back(name);
  }
}

ZipIn::~ZipIn() {
  if (handle_) unzClose(in(handle_));
}

bool ZipIn::has(const std::string& member) const {
  for (const auto& name : members_)
    if (name == member) return true;
  return false;
}

std::string ZipIn::read(const std::string& member) {
  if (!folder_.empty()) {
    if (!has(member)) data_error("{}: has no {}", display_, member);
    return read_file(folder_ / member, display_ + "/" + member);
  }
  if (unzLocateFile(in(handle_), member.c_str(), 1) != UNZ_OK) data_error("{}: has no {}", display_, member);
  if (unzOpenCurrentFile(in(handle_)) != UNZ_OK) data_error("{}: cannot read {} (damaged or encrypted)", display_, member);
  std::string text;
  char buffer[1 << 16];
  int n = 0;
  while ((n = unzReadCurrentFile(in(handle_), buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > kMaxMemberBytes) {
      unzCloseCurrentFile(in(handle_));
      data_error("{}: {} inflates to more than {} MiB: not a document template", display_, member, kMaxMemberBytes >> 20);
    }
  }
  int closed = unzCloseCurrentFile(in(handle_));
  if (n < 0 || closed != UNZ_OK) data_error("{}: {} is damaged (bad compressed data or CRC)", display_, member);
  return text;
}

ZipOut::ZipOut(const std::filesystem::path& path) : path_(path) {
  handle_ = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!handle_) system_error("{}: cannot create: {}", path.string(), errno_text(errno));
}

ZipOut::~ZipOut() {
  if (handle_) zipClose(out(handle_), nullptr);  // after an error: the caller's AtomicFile removes the file
}

void ZipOut::add(const std::string& member, const std::string& content) {
  zip_fileinfo info{};
  // A fixed date (1980-01-01, the zip epoch): the same template and data give the same bytes.
  info.tmz_date.tm_year = 1980;
  info.tmz_date.tm_mday = 1;
  if (zipOpenNewFileInZip64(out(handle_), member.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                            Z_DEFAULT_COMPRESSION, 0) != ZIP_OK ||
      zipWriteInFileInZip(out(handle_), content.data(), static_cast<unsigned>(content.size())) != ZIP_OK ||
      zipCloseFileInZip(out(handle_)) != ZIP_OK)
    system_error("{}: cannot write {} into it: {}", path_.string(), member, errno_text(errno));
}

void ZipOut::copy(ZipIn& from, const std::string& member) {
  if (!from.folder_.empty()) return add(member, from.read(member));
  unzFile src = in(from.handle_);
  if (unzLocateFile(src, member.c_str(), 1) != UNZ_OK) data_error("{}: has no {}", from.display_, member);
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(src, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    data_error("{}: the zip's directory is damaged", from.display_);
  int method = 0, level = 0;
  if (unzOpenCurrentFile2(src, &method, &level, 1) != UNZ_OK)
    data_error("{}: cannot read {} (damaged)", from.display_, member);
  zip_fileinfo zi{};
  zi.dosDate = info.dosDate;
  zi.internal_fa = info.internal_fa;
  zi.external_fa = info.external_fa;
  bool ok = zipOpenNewFileInZip2_64(out(handle_), member.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr, method, level,
                                    1, info.uncompressed_size >= 0xffffffffu ? 1 : 0) == ZIP_OK;
  char buffer[1 << 16];
  int n = 0;
  while (ok && (n = unzReadCurrentFile(src, buffer, sizeof buffer)) > 0)
    ok = zipWriteInFileInZip(out(handle_), buffer, static_cast<unsigned>(n)) == ZIP_OK;
  unzCloseCurrentFile(src);
  if (n < 0) data_error("{}: {} is damaged", from.display_, member);
  if (!ok || zipCloseFileInZipRaw64(out(handle_), info.uncompressed_size, info.crc) != ZIP_OK)
    system_error("{}: cannot write {} into it: {}", path_.string(), member, errno_text(errno));
}

void ZipOut::close() {
  int rc = zipClose(out(handle_), nullptr);
  handle_ = nullptr;
  if (rc != ZIP_OK) system_error("{}: cannot write the zip: {}", path_.string(), errno_text(errno));
}

void write_package(ZipIn& from, const std::map<std::string, std::string>& changed, const std::filesystem::path& out,
                   const std::vector<std::string>& dropped) {
  ZipOut zout(out);
  for (const auto& member : from.members()) {
    if (std::find(dropped.begin(), dropped.end(), member) != dropped.end()) continue;
    auto it = changed.find(member);
    if (it != changed.end())
      zout.add(member, it->second);
    else
      zout.copy(from, member);
  }
  zout.close();
}

}  // namespace casestat::render
