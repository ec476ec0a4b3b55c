// Text encodings of CSV files: which one a file is in, and reading it as UTF-8 in big chunks.
// Clerks' CSV files come from Excel and WPS as UTF-8 (with or without a BOM), GBK ("ANSI" on a
// Chinese Windows) or UTF-16LE ("Unicode text"); everything is converted to UTF-8 with iconv.
#pragma once

#include <iconv.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"  // valid_utf8_prefix

namespace casestat {

// An iconv conversion descriptor that closes itself.
class Iconv {
 public:
  Iconv(const char* to, const char* from);  // Error(system) when iconv lacks the pair
  ~Iconv();
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// uchardet's guess for a sample ("GB18030", "UTF-8", "WINDOWS-1252"; "" when it has none).
std::string guess_charset(std::string_view sample);

enum class TextEncoding {
  undecided,  // auto, and only ASCII seen so far: decided at the first non-ASCII byte
  utf8,
  gbk,        // read as GB18030, its superset; named GBK in messages, as clerks know it
  gb18030,
  utf16le,
  utf16be,
};

// "UTF-8", "GBK", "GB18030", "UTF-16LE", "UTF-16BE".
const char* encoding_name(TextEncoding encoding);

// Reads a text file as UTF-8, one big chunk at a time, so memory does not grow with the file.
// The encoding comes from a BOM, else from ReadOptions.encoding ("auto", "utf-8", "gbk",
// "gb18030"). With "auto" and no BOM it is chosen at the first non-ASCII byte from the lines of
// the next 64 KiB: UTF-8 when at least as many of them are valid UTF-8 as are not, else GB18030
// (a superset of GBK and GB2312). UTF-8 is preferred when valid, because a detector like
// uchardet misjudges short texts, and the bytes of GBK text are almost never valid UTF-8.
// The choice is then checked on every line, because clerks paste rows between files: in a file
// read as UTF-8 a line that is not valid UTF-8 stops the reading, and in a file chosen to be GBK
// a line that is valid UTF-8 with non-ASCII text stops it too (read as GBK it would become
// plausible-looking wrong Chinese). Only an explicit --encoding gbk reads such a line as GBK.
class Utf8Reader {
 public:
  struct Chunk {
    std::string_view text;  // UTF-8; empty at the end of the file
    bool bad = false;       // the input holds a byte that is not valid in its encoding ...
    unsigned char bad_byte = 0;  // ... this one, right after `text`
    bool utf8_in_gbk = false;    // or the line right after `text` is UTF-8 in a file read as GBK
  };

  // `requested`: "auto", "utf-8", "gbk" or "gb18030" (anything else is a usage error).
  Utf8Reader(const std::filesystem::path& path, const std::string& display_name, const std::string& requested);
  ~Utf8Reader();
  Utf8Reader(const Utf8Reader&) = delete;
  Utf8Reader& operator=(const Utf8Reader&) = delete;

  // The next piece of text. After a chunk with `bad` set, the caller must stop.
  Chunk next();
  TextEncoding encoding() const { return encoding_; }
  // What to tell the user after "the text is not valid ...": "try --encoding utf-8".
  std::string advice() const;

 private:
  bool fill();  // reads more input after the unconsumed bytes; false at the end of the file
  void decide();
  Chunk convert();
  size_t gbk_lines_end();

  std::string display_name_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  bool forced_ = false;
  TextEncoding encoding_ = TextEncoding::undecided;
  std::unique_ptr<Iconv> iconv_;
  std::vector<char> in_;  // input bytes: [pos_, end_) not yet used
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool started_ = false;
  std::vector<char> out_;  // converted text
  // Checking each line of a file chosen to be GBK: in_[pos_, checked_) is known not to be part
  // of a UTF-8 line; line_gbk_: the line being read already showed a byte UTF-8 cannot have.
  bool check_lines_ = false;
  size_t checked_ = 0;
  bool line_gbk_ = false;
  bool utf8_line_ = false;  // the line at checked_ is UTF-8
  std::string guess_;      // uchardet's guess, for advice when text read as GBK is not GBK
};

}  // namespace casestat
