// SHA-256 (FIPS 180-4), for the content hash that tells one version of a ledger from another.
// Written here because no hashing library is among casestat's dependencies; tested against the
// standard's vectors in tests/unit/ingest/sha256_test.cpp.
#pragma once

#include <array>
#include <cstdint>
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
  void block(const unsigned char* p);
  std::array<uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes hashed
};

std::string sha256_hex(std::string_view data);
// Hashes a file in pieces (a large workbook is not read into memory); errors name display_name.
std::string sha256_file(const std::filesystem::path& path, const std::string& display_name);

}  // namespace casestat
