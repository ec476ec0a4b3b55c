// Text in xlsx: characters XML cannot hold are written as _xHHHH_ (ECMA-376 22.4.2.4).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casestat {

// "_x000D_" -> "\r", "_x4E2D_" -> "中"; "_x005F_x000D_" is the literal text "_x000D_".
std::string decode_xlsx_escapes(std::string_view text);

// A limit in a message: "32 MiB", or "100 bytes" below one MiB.
std::string size_words(uint64_t bytes);

}  // namespace casestat
