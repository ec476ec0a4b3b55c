#include "ingest/sha256.hpp"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace casestat {

Sha256::Sha256() { sha256_init(&context_); }

void Sha256::update(std::string_view data) {
  sha256_update(&context_, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
}

std::string Sha256::hex_digest() {
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_, sizeof digest, digest);  // also resets the context
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (uint8_t byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xF];
  }
  return hex;
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex_digest();
}

std::string sha256_file(const std::filesystem::path& path, const std::string& display_name) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) system_error("{}: cannot open: {}", display_name, errno_text(errno));
  Sha256 hash;
  std::vector<char> piece(1 << 20);
  size_t n;
  while ((n = std::fread(piece.data(), 1, piece.size(), file.get())) > 0) hash.update({piece.data(), n});
  if (std::ferror(file.get())) system_error("{}: cannot read: {}", display_name, errno_text(errno));
  return hash.hex_digest();
}

}  // namespace casestat
