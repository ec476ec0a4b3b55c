// open_workbook(): which reader a file needs, decided by its content and never by its name,
// because clerks rename files (a CSV saved as .xls, an xlsx mailed as .xls).
#include <unzip.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>

#include "core/error.hpp"
#include "read/workbook.hpp"

namespace casestat {

namespace {

constexpr std::string_view kZip = "PK\x03\x04";
constexpr std::string_view kOle = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr size_t kHeadBytes = 8 << 10;

using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

File open_file(const std::filesystem::path& path, const std::string& display_name) {
  File file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) system_error("{}: cannot open: {}", display_name, errno_text(errno));
  return file;
}

std::string read_head(const std::filesystem::path& path, const std::string& display_name) {
  File file = open_file(path, display_name);
  std::string head(kHeadBytes, '\0');
  size_t n = std::fread(head.data(), 1, head.size(), file.get());
  if (n < head.size() && std::ferror(file.get())) system_error("{}: cannot read: {}", display_name, errno_text(errno));
  head.resize(n);
  return head;
}

// Does the file hold these bytes anywhere? (Read in pieces that overlap by the needle's length.)
bool file_contains(const std::filesystem::path& path, const std::string& display_name, std::string_view needle) {
  File file = open_file(path, display_name);
  std::string buffer;
  std::vector<char> piece(1 << 20);
  for (;;) {
    size_t n = std::fread(piece.data(), 1, piece.size(), file.get());
    if (n == 0) {
      if (std::ferror(file.get())) system_error("{}: cannot read: {}", display_name, errno_text(errno));
      return false;
    }
    buffer.append(piece.data(), n);
    if (buffer.find(needle) != std::string::npos) return true;
    buffer.erase(0, buffer.size() - std::min(buffer.size(), needle.size() - 1));
  }
}

std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

enum class ZipKind { spreadsheet, other, unreadable };

// A zip is a workbook when it has xl/workbook.xml or xl/workbook.bin (xlsb), or when its content
// types name a spreadsheet part somewhere else.
ZipKind zip_kind(const std::filesystem::path& path) {
  std::unique_ptr<void, int (*)(unzFile)> zip(unzOpen64(path.c_str()), unzClose);
  if (!zip || unzGoToFirstFile(zip.get()) != UNZ_OK) return ZipKind::unreadable;
  for (const char* name : {"xl/workbook.xml", "xl/workbook.bin"})
    if (unzLocateFile(zip.get(), name, 1) == UNZ_OK) return ZipKind::spreadsheet;
  if (unzLocateFile(zip.get(), "[Content_Types].xml", 1) != UNZ_OK || unzOpenCurrentFile(zip.get()) != UNZ_OK)
    return ZipKind::other;
  std::string types(256 << 10, '\0');
  int n = unzReadCurrentFile(zip.get(), types.data(), static_cast<unsigned>(types.size()));
  unzCloseCurrentFile(zip.get());
  if (n <= 0) return ZipKind::other;
  types.resize(static_cast<size_t>(n));
  return types.find("spreadsheetml.sheet.main") != std::string::npos ||
                 types.find("ms-excel.sheet.binary.macroEnabled.main") != std::string::npos
             ? ZipKind::spreadsheet
             : ZipKind::other;
}

[[noreturn]] void not_a_spreadsheet(const std::string& display_name) {
  data_error("{}: is not a spreadsheet (expected .xlsx, .xls or .csv)", display_name);
}

bool starts_with_any(std::string_view head, std::initializer_list<std::string_view> magics) {
  return std::any_of(magics.begin(), magics.end(), [&](std::string_view m) { return head.substr(0, m.size()) == m; });
}

// Text with a few NUL bytes (a damaged CSV, a field pasted from a binary file) rather than a
// binary file: no other control character than tab and line ends, and NULs rare. It goes to the
// CSV reader, which names the row holding the NUL.
bool is_text_with_stray_nuls(std::string_view head) {
  size_t nuls = 0;
  for (char c : head) {
    if (c == '\0') ++nuls;
    else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return nuls * 64 <= head.size();
}

}  // namespace

std::unique_ptr<Workbook> open_workbook(Input& input, const ReadOptions& options) {
  const auto& path = input.path();
  const std::string& name = input.display_name();
  std::string head = read_head(path, name);
  std::string_view h(head);
  if (head.empty()) data_error("{}: is empty", name);

  if (h.substr(0, kZip.size()) == kZip) {
    switch (zip_kind(path)) {
      case ZipKind::spreadsheet:  // xlsx, or xlsb, which open_xlsx names as such
      case ZipKind::unreadable:   // a damaged xlsx: open_xlsx says what is wrong with the zip
        return open_xlsx(input, options);
      case ZipKind::other: not_a_spreadsheet(name);  // docx, a zip of files, ...
    }
  }
  if (h.substr(0, kOle.size()) == kOle) {
    // An xlsx saved with a password is an OLE compound file holding the encrypted package.
    if (file_contains(path, name, utf16le("EncryptedPackage")) || file_contains(path, name, utf16le("EncryptionInfo")))
      data_error("{}: is password-protected: remove the password in Excel or WPS (File > Info > Protect Workbook) "
                 "and save it again",
                 name);
    return open_xls(input, options);
  }
  // Excel 2.x-4.0 worksheets: a bare BIFF stream starting with a BOF record, which FreeXL reads.
  if (starts_with_any(h, {std::string_view("\x09\x00", 2), std::string_view("\x09\x02", 2),
                          std::string_view("\x09\x04", 2), std::string_view("\x09\x08", 2)}) &&
      head.size() >= 4 && h[3] == 0)
    return open_xls(input, options);
  // A BOM marks text, even UTF-16 with its NUL bytes.
  if (starts_with_any(h, {"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF"})) return open_csv(input, options);
  if (starts_with_any(h, {"%PDF", "Rar!", "7z\xBC\xAF\x27\x1C", "\x1F\x8B", "\x89PNG", "\xFF\xD8\xFF", "{\\rtf"}) ||
      (h.find('\0') != std::string_view::npos && !is_text_with_stray_nuls(h)))
    not_a_spreadsheet(name);
  return open_csv(input, options);
}

}  // namespace casestat
