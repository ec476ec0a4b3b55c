#include "read/encoding.hpp"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace casestat {

namespace {

constexpr size_t kInputChunk = 1 << 20;         // bytes read from the file at a time
constexpr size_t kDecideWindow = 64 << 10;      // bytes looked at to choose UTF-8 or GBK
constexpr size_t kOutputChunk = 2 * kInputChunk + 16;  // GBK/UTF-16 grow at most 1.5x in UTF-8

}  // namespace

Iconv::Iconv(const char* to, const char* from) : cd_(iconv_open(to, from)) {
  if (cd_ == reinterpret_cast<iconv_t>(-1))
    system_error("cannot convert text from {} to {}: {}", from, to, errno_text(errno));
}

Iconv::~Iconv() { iconv_close(cd_); }

std::string guess_charset(std::string_view sample) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
  if (!detector || uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset ? charset : "";
}

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::undecided:
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::gbk: return "GBK";
    case TextEncoding::gb18030: return "GB18030";
    case TextEncoding::utf16le: return "UTF-16LE";
    case TextEncoding::utf16be: return "UTF-16BE";
  }
  return "?";
}

Utf8Reader::Utf8Reader(const std::filesystem::path& path, const std::string& display_name, const std::string& requested)
    : display_name_(display_name), file_(nullptr, std::fclose), in_(kInputChunk + kDecideWindow) {
  if (requested == "auto" || requested.empty()) {
    encoding_ = TextEncoding::undecided;
  } else if (requested == "utf-8" || requested == "utf8" || requested == "UTF-8") {
    encoding_ = TextEncoding::utf8;
  } else if (requested == "gbk" || requested == "GBK") {
    encoding_ = TextEncoding::gbk;
  } else if (requested == "gb18030" || requested == "GB18030") {
    encoding_ = TextEncoding::gb18030;
  } else {
    usage_error("unknown encoding \"{}\" (expected auto, utf-8, gbk or gb18030)", requested);
  }
  forced_ = encoding_ != TextEncoding::undecided;
  file_.reset(std::fopen(path.c_str(), "rb"));
  if (!file_) system_error("{}: cannot open: {}", display_name_, errno_text(errno));
}

Utf8Reader::~Utf8Reader() = default;

bool Utf8Reader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(in_.data(), in_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    checked_ -= std::min(checked_, pos_);
    pos_ = 0;
  }
  size_t got = 0;
  while (got == 0 && end_ < in_.size()) {
    got = std::fread(in_.data() + end_, 1, in_.size() - end_, file_.get());
    if (got == 0) {
      if (std::ferror(file_.get())) system_error("{}: cannot read: {}", display_name_, errno_text(errno));
      eof_ = true;
      return false;
    }
  }
  end_ += got;
  return got > 0;
}

// Called at the first non-ASCII byte of a file read with "auto": the ASCII before it reads the
// same in every candidate, so it has been passed on already.
void Utf8Reader::decide() {
  while (end_ - pos_ < kDecideWindow && fill()) {
  }
  std::string_view window(in_.data() + pos_, end_ - pos_);
  // Whole lines vote, so that one row pasted from a file of the other encoding does not decide
  // for the file (it is refused by the line check instead).
  size_t utf8_lines = 0, other_lines = 0;
  for (std::string_view rest = window; !rest.empty();) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos && !eof_) break;  // a line cut off by the window
    std::string_view line = rest.substr(0, nl == std::string_view::npos ? rest.size() : nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) continue;
    ++(valid_utf8_prefix(line) == line.size() ? utf8_lines : other_lines);
  }
  bool utf8 = utf8_lines >= other_lines;
  if (utf8_lines + other_lines == 0) {  // no whole line in the window: the bytes decide
    bool incomplete = false;
    size_t valid = valid_utf8_prefix(window, &incomplete);
    utf8 = valid == window.size() || (incomplete && !eof_);
  }
  if (utf8) {
    encoding_ = TextEncoding::utf8;
  } else {
    encoding_ = TextEncoding::gbk;
    iconv_ = std::make_unique<Iconv>("UTF-8", "GB18030");
    guess_ = guess_charset(window);
    check_lines_ = true;
    checked_ = pos_;
  }
}

// How far in_ may be converted as GBK: up to the first line that is valid UTF-8 with non-ASCII
// text (utf8_line_ is set), or up to a line not seen whole yet that could still be one. GBK
// never uses the byte of "\n" inside a character, so lines can be cut at it before converting.
size_t Utf8Reader::gbk_lines_end() {
  size_t i = std::max(pos_, checked_);
  while (i < end_) {
    const char* base = in_.data();
    const void* nl = std::memchr(base + i, '\n', end_ - i);
    size_t stop = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) + 1 : end_;
    bool whole = nl || eof_;  // this piece ends its line
    if (!line_gbk_) {
      std::string_view piece(base + i, stop - i);
      bool incomplete = false;
      size_t valid = valid_utf8_prefix(piece, &incomplete);
      if (valid < piece.size() && !(incomplete && !whole)) {
        line_gbk_ = true;
      } else if (!std::all_of(piece.begin(), piece.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        checked_ = i;  // UTF-8 so far: a UTF-8 line, or one to see whole before it is converted
        utf8_line_ = whole;
        return i;
      }
    }
    if (nl) line_gbk_ = false;
    i = stop;
    checked_ = i;
  }
  return end_;
}

Utf8Reader::Chunk Utf8Reader::next() {
  if (!started_) {
    started_ = true;
    while (end_ < 4 && fill()) {
    }
    std::string_view head(in_.data(), end_);
    // A BOM is unambiguous, so it wins over --encoding.
    if (head.substr(0, 3) == "\xEF\xBB\xBF") {
      encoding_ = TextEncoding::utf8;
      pos_ = 3;
    } else if (head.substr(0, 2) == "\xFF\xFE") {
      encoding_ = TextEncoding::utf16le;
      pos_ = 2;
    } else if (head.substr(0, 2) == "\xFE\xFF") {
      encoding_ = TextEncoding::utf16be;
      pos_ = 2;
    }
    switch (encoding_) {
      case TextEncoding::gbk:
      case TextEncoding::gb18030: iconv_ = std::make_unique<Iconv>("UTF-8", "GB18030"); break;
      case TextEncoding::utf16le: iconv_ = std::make_unique<Iconv>("UTF-8", "UTF-16LE"); break;
      case TextEncoding::utf16be: iconv_ = std::make_unique<Iconv>("UTF-8", "UTF-16BE"); break;
      default: break;
    }
  }
  for (;;) {
    if (pos_ == end_ && !fill()) return {};
    const char* data = in_.data() + pos_;
    const size_t size = end_ - pos_;
    if (encoding_ == TextEncoding::undecided) {
      size_t i = 0;
      while (i < size && static_cast<unsigned char>(data[i]) < 0x80) ++i;
      if (i > 0) {
        pos_ += i;
        return {std::string_view(data, i)};
      }
      decide();
      continue;
    }
    if (encoding_ == TextEncoding::utf8) {
      bool incomplete = false;
      size_t valid = valid_utf8_prefix(std::string_view(data, size), &incomplete);
      if (valid > 0) {
        pos_ += valid;
        return {std::string_view(data, valid)};
      }
      if (incomplete && !eof_ && fill()) continue;
      return {{}, true, static_cast<unsigned char>(*data)};
    }
    return convert();
  }
}

Utf8Reader::Chunk Utf8Reader::convert() {
  out_.resize(kOutputChunk);
  for (;;) {
    size_t limit = end_;
    if (check_lines_) {
      limit = gbk_lines_end();
      if (limit == pos_ && utf8_line_) return {{}, true, static_cast<unsigned char>(in_[pos_]), true};
      // A line longer than the whole buffer that is still valid UTF-8 is not GBK text either.
      if (limit == pos_ && pos_ == 0 && end_ == in_.size()) return {{}, true, static_cast<unsigned char>(in_[pos_]), true};
      if (limit == pos_) {
        if (pos_ == end_ && eof_) return {};
        fill();  // the rest of a line to see whole
        continue;
      }
    }
    char* in = in_.data() + pos_;
    size_t in_left = limit - pos_;
    char* out = out_.data();
    size_t out_left = out_.size();
    size_t rc = iconv(iconv_->get(), &in, &in_left, &out, &out_left);
    int err = rc == static_cast<size_t>(-1) ? errno : 0;
    pos_ = static_cast<size_t>(in - in_.data());
    size_t produced = out_.size() - out_left;
    if (produced > 0) return {std::string_view(out_.data(), produced)};
    if (err == EILSEQ || (err == EINVAL && eof_)) return {{}, true, static_cast<unsigned char>(*in)};
    if (err == E2BIG) system_error("{}: cannot convert the text to UTF-8", display_name_);  // cannot happen: out is big enough
    if (!fill()) {
      if (pos_ == end_) return {};
      return {{}, true, static_cast<unsigned char>(in_[pos_])};  // a character cut off by the end of the file
    }
  }
}

std::string Utf8Reader::advice() const {
  switch (encoding_) {
    case TextEncoding::undecided:
    case TextEncoding::utf8:
      if (!forced_)
        return "the file's other rows are UTF-8: if this row was pasted from a GBK file, retype it or save the whole "
               "file again as \"CSV UTF-8\"";
      return "try --encoding gbk";
    case TextEncoding::gbk:
      if (!forced_) {
        // Not UTF-8 and not GBK: uchardet may know what it is (BIG5, SHIFT_JIS, ...).
        bool gb = guess_.empty() || guess_.rfind("GB", 0) == 0 || guess_ == "HZ-GB-2312";
        return translate("the file is neither UTF-8 nor GBK{}: save it again as \"CSV UTF-8\"",
                           gb ? "" : " (it looks like " + guess_ + ")");
      }
      [[fallthrough]];
    case TextEncoding::gb18030: return "try --encoding utf-8";
    case TextEncoding::utf16le:
    case TextEncoding::utf16be: return "the file may be damaged";
  }
  return {};
}

}  // namespace casestat
