// The zip package of a Word or Excel file (minizip), read member by member and written anew:
// the members a template fill changes are written from memory, every other member is copied
// as its compressed bytes, so that styles, images and charts come out exactly as they were.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace casestat::render {

// A package read from a zip, or from a folder holding its parts (templates/*/bulletin.docx.d,
// the default bulletin kept as text in the repository: the build zips it for installing, and
// a tool run from the source tree reads the folder as it is).
class ZipIn {
 public:
  // Throws a data Error naming `display` when the file is not a readable zip.
  ZipIn(const std::filesystem::path& path, std::string display);
  ~ZipIn();
  ZipIn(const ZipIn&) = delete;
  ZipIn& operator=(const ZipIn&) = delete;

  // The members' names, in the order the zip holds them.
  const std::vector<std::string>& members() const { return members_; }
  bool has(const std::string& member) const;
  // The member inflated; a member larger than the limit (a zip bomb) is a data error.
  std::string read(const std::string& member);
  const std::string& display() const { return display_; }

 private:
  friend class ZipOut;
  void* handle_ = nullptr;
  std::filesystem::path folder_;  // set when the package is a folder
  std::string display_;
  std::vector<std::string> members_;
};

class ZipOut {
 public:
  explicit ZipOut(const std::filesystem::path& path);
  ~ZipOut();
  ZipOut(const ZipOut&) = delete;
  ZipOut& operator=(const ZipOut&) = delete;

  // A member from memory, deflated.
  void add(const std::string& member, const std::string& content);
  // A member of `from` copied without inflating it: the same compressed bytes and CRC.
  void copy(ZipIn& from, const std::string& member);
  // Writes the central directory; throws a system Error when the file cannot be written.
  void close();

 private:
  void* handle_ = nullptr;
  std::filesystem::path path_;
};

// Writes the package `out`: the members of `from` in their order, those in `changed` with
// their new text, those in `dropped` left out, every other one copied as it is.
void write_package(ZipIn& from, const std::map<std::string, std::string>& changed, const std::filesystem::path& out,
                   const std::vector<std::string>& dropped = {});

}  // namespace casestat::render
