// SHA-256, for the content hash that tells one version of a ledger from another: nettle's
// implementation (Debian package nettle-dev) behind a small interface.
#pragma once

#include <nettle/sha2.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace casestat {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::string hex_digest();  // 64 lower-case hex digits; ends the hash

 private:
  sha256_ctx context_;
};

std::string sha256_hex(std::string_view data);
// Hashes a file in pieces (a large workbook is not read into memory); errors name display_name.
std::string sha256_file(const std::filesystem::path& path, const std::string& display_name);

}  // namespace casestat
