#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "ingest/sha256.hpp"

using namespace casestat;

// FIPS 180-4 examples and the NIST long-message vector.
TEST_CASE("SHA-256 of the standard's vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 is the same whatever the pieces it is fed in") {
  // Lengths around the 55/56/64-byte padding boundaries, fed whole and byte by byte.
  for (size_t length : {55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 128u}) {
    std::string data;
    for (size_t i = 0; i < length; ++i) data += static_cast<char>('a' + i % 26);
    Sha256 pieces;
    for (char c : data) pieces.update(std::string_view(&c, 1));
    CHECK(pieces.hex_digest() == sha256_hex(data));
  }
  // 56 bytes: the padding needs a second block (checked against sha256sum).
  CHECK(sha256_hex(std::string(56, 'x')) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
}

TEST_CASE("SHA-256 of a file equals that of its content") {
  auto path = std::filesystem::temp_directory_path() / "casestat-sha256-test.bin";
  std::string content;
  for (int i = 0; i < 3 << 20; ++i) content += static_cast<char>(i * 7 % 251);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  REQUIRE(file);
  std::fwrite(content.data(), 1, content.size(), file);
  std::fclose(file);
  CHECK(sha256_file(path, "x.bin") == sha256_hex(content));
  std::filesystem::remove(path);
}
