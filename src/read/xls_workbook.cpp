// open_xls(): legacy Excel workbooks (BIFF5/BIFF8, also BIFF2-4) through FreeXL. FreeXL converts
// the text to UTF-8 itself, honouring the workbook's CODEPAGE record (936 = GBK for Chinese
// Excel 95 files; BIFF8 text is UTF-16), and recognises date cells by their number format: the
// built-in ids 14-22 and 45-47 and any custom FORMAT record with date or time codes, such as
// yyyy"年"m"月"d"日". It reads the whole workbook at open, which is fine for .xls: at most 65,536
// rows a sheet.
#include <freexl.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "read/workbook.hpp"
#include "read/xls_dates.hpp"

namespace casestat {

namespace {

// FreeXL's reader, used only inside the child process of IsolatedXlsWorkbook (below).
class XlsWorkbook : public Workbook {
 public:
  XlsWorkbook(const std::string& display_name, const std::filesystem::path& path) : Workbook(display_name) {
    const void* handle = nullptr;
    int rc = freexl_open(path.c_str(), &handle);
    handle_ = handle;
    // FreeXL can return FREEXL_OK with no handle when it stops on a record it cannot parse.
    if (rc != FREEXL_OK || !handle_) damaged();
    unsigned int info = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info != FREEXL_BIFF_PLAIN)
      data_error("{}: is password-protected: remove the password in Excel or WPS (File > Info > Protect Workbook) "
                 "and save it again",
                 display_name);
    unsigned int count = 0;
    if (freexl_get_info(handle_, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK) damaged();
    for (unsigned int i = 0; i < count; ++i) {
      const char* name = nullptr;
      if (freexl_get_worksheet_name(handle_, static_cast<unsigned short>(i), &name) != FREEXL_OK) damaged();
      sheets_.emplace_back(name ? name : "");
    }
  }
  ~XlsWorkbook() override {
    if (handle_) freexl_close(handle_);
  }
  XlsWorkbook(const XlsWorkbook&) = delete;
  XlsWorkbook& operator=(const XlsWorkbook&) = delete;

  const char* format() const override { return "xls"; }
  const std::vector<std::string>& sheet_names() const override { return sheets_; }

  void read_sheet(size_t index, const RowHandler& on_row) override {
    if (index >= sheets_.size()) usage_error("{}: there is no sheet {}", display_name(), index + 1);
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(handle_, static_cast<unsigned short>(index)) != FREEXL_OK ||
        freexl_worksheet_dimensions(handle_, &rows, &columns) != FREEXL_OK)
      sheet_damaged(index);
    Row row;
    for (unsigned int r = 0; r < rows; ++r) {
      row.cells.assign(columns, Cell{});
      size_t used = 0;  // cells up to the last non-empty one
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue value;
        if (freexl_get_cell_value(handle_, r, c, &value) != FREEXL_OK) sheet_damaged(index);
        Cell& cell = row.cells[c];
        fill_cell(value, cell);
        if (!cell.empty()) used = c + 1u;
      }
      if (used == 0) continue;  // a blank row
      row.cells.resize(used);
      row.number = static_cast<int64_t>(r) + 1;
      if (!on_row(row)) return;
    }
  }

 private:
  [[noreturn]] void damaged() const {
    data_error("{}: cannot read: the file is damaged or not an Excel 97-2003 workbook", display_name());
  }
  [[noreturn]] void sheet_damaged(size_t index) const {
    data_error("{}: sheet {}: cannot read: the file is damaged", display_name(), sheets_[index]);
  }

  void fill_cell(const FreeXL_CellValue& value, Cell& cell) const {
    switch (value.type) {
      case FREEXL_CELL_INT:
        cell.type = Cell::Type::number;
        cell.number = value.value.int_value;
        cell.text = std::to_string(value.value.int_value);
        break;
      case FREEXL_CELL_DOUBLE:
        cell.type = Cell::Type::number;
        cell.number = value.value.double_value;
        cell.text = plain_decimal(value.value.double_value);
        break;
      case FREEXL_CELL_TEXT:
      case FREEXL_CELL_SST_TEXT:
        cell.type = Cell::Type::text;
        cell.text = value.value.text_value ? value.value.text_value : "";
        if (cell.text.empty()) cell.type = Cell::Type::empty;
        break;
      case FREEXL_CELL_DATE:
      case FREEXL_CELL_DATETIME:
      case FREEXL_CELL_TIME: {
        auto date = xls_date_cell(value.value.text_value ? value.value.text_value : "");
        if (!date) damaged();
        cell.type = Cell::Type::date;
        cell.text = date->text;
        cell.number = date->serial;
        break;
      }
      default:
        cell.type = Cell::Type::empty;
        break;
    }
  }

  const void* handle_ = nullptr;
  std::vector<std::string> sheets_;
};

// FreeXL 1.0.6 (Debian 12) has memory errors on damaged files, found by fuzzing
// (tests/fuzz/fuzz_workbook.cpp): stack and heap overflows, a SEGV. So FreeXL runs in a child
// process that sends the workbook's rows back through a pipe: a damaged .xls that crashes it
// is refused with an error, and cannot corrupt the memory of the tool that writes the store.
// An .xls holds at most 65,536 rows a sheet, so the parent keeps the rows in memory.
class IsolatedXlsWorkbook : public Workbook {
 public:
  IsolatedXlsWorkbook(const std::string& display_name, const std::filesystem::path& path) : Workbook(display_name) {
    int fds[2];
    if (::pipe(fds) != 0) system_error("cannot create a pipe: {}", errno_text(errno));
    std::fflush(nullptr);  // nothing buffered may be written twice
    pid_t pid = ::fork();
    if (pid < 0) system_error("cannot start the .xls reader: {}", errno_text(errno));
    if (pid == 0) {
      ::close(fds[0]);
      child(display_name, path, fds[1]);  // never returns
    }
    ::close(fds[1]);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(::fdopen(fds[0], "rb"), std::fclose);
    bool complete = in && receive(in.get());
    in.reset();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!error_.empty()) throw Error(error_code_, error_);
    // All the rows arrived (the stream ended with its mark): the exit status no longer matters
    // (valgrind, for one, changes it when FreeXL reads memory it did not set).
    (void)status;
    if (!complete)
      // the same words as FreeXL's own refusal: whether it refuses or crashes depends on the build
      data_error("{}: cannot read: the file is damaged or not an Excel 97-2003 workbook", display_name);
  }

  const char* format() const override { return "xls"; }
  const std::vector<std::string>& sheet_names() const override { return names_; }
  void read_sheet(size_t index, const RowHandler& on_row) override {
    if (index >= names_.size()) usage_error("{}: there is no sheet {}", display_name(), index + 1);
    for (const Row& row : rows_[index])
      if (!on_row(row)) return;
  }

 private:
  // The wire format: 'S' name | 'R' number count (type text number)... | 'X' code message | 'D'.
  static void put(std::FILE* f, const void* p, size_t n) {
    if (std::fwrite(p, 1, n, f) != n) ::_exit(3);
  }
  static void put_text(std::FILE* f, const std::string& text) {
    uint32_t n = static_cast<uint32_t>(text.size());
    put(f, &n, sizeof n);
    put(f, text.data(), n);
  }

  [[noreturn]] static void child(const std::string& display_name, const std::filesystem::path& path, int fd) {
    std::FILE* out = ::fdopen(fd, "wb");
    if (!out) ::_exit(3);
    // What FreeXL (or a sanitizer watching it) would print is not the user's business: the
    // parent reports a damaged file in its own words.
    if (int null = ::open("/dev/null", O_WRONLY); null >= 0) ::dup2(null, STDERR_FILENO);
    try {
      XlsWorkbook book(display_name, path);
      for (size_t i = 0; i < book.sheet_names().size(); ++i) {
        put(out, "S", 1);
        put_text(out, book.sheet_names()[i]);
        book.read_sheet(i, [&](const Row& row) {
          put(out, "R", 1);
          put(out, &row.number, sizeof row.number);
          uint32_t n = static_cast<uint32_t>(row.cells.size());
          put(out, &n, sizeof n);
          for (const Cell& cell : row.cells) {
            uint8_t type = static_cast<uint8_t>(cell.type);
            put(out, &type, 1);
            put_text(out, cell.text);
            put(out, &cell.number, sizeof cell.number);
          }
          return true;
        });
      }
      put(out, "D", 1);
    } catch (const Error& e) {
      put(out, "X", 1);
      uint8_t code = static_cast<uint8_t>(e.code());
      put(out, &code, 1);
      put_text(out, e.what());
    } catch (...) {
      ::_exit(3);
    }
    if (std::fflush(out) != 0) ::_exit(3);
    ::_exit(0);  // no destructors, no atexit: the parent's buffers are the parent's
  }

  template <typename T>
  static bool get(std::FILE* f, T& value) {
    return std::fread(&value, sizeof value, 1, f) == 1;
  }
  static bool get_text(std::FILE* f, std::string& text) {
    uint32_t n = 0;
    if (!get(f, n) || n > (64u << 20)) return false;
    text.resize(n);
    return n == 0 || std::fread(text.data(), 1, n, f) == n;
  }

  bool receive(std::FILE* in) {
    for (;;) {
      char tag = 0;
      if (!get(in, tag)) return false;
      switch (tag) {
        case 'S': {
          std::string name;
          if (!get_text(in, name)) return false;
          names_.push_back(std::move(name));
          rows_.emplace_back();
          break;
        }
        case 'R': {
          Row row;
          uint32_t n = 0;
          if (rows_.empty() || !get(in, row.number) || !get(in, n) || n > 65536) return false;
          row.cells.resize(n);
          for (Cell& cell : row.cells) {
            uint8_t type = 0;
            if (!get(in, type) || type > static_cast<uint8_t>(Cell::Type::error) || !get_text(in, cell.text) ||
                !get(in, cell.number))
              return false;
            cell.type = static_cast<Cell::Type>(type);
          }
          rows_.back().push_back(std::move(row));
          break;
        }
        case 'X': {
          uint8_t code = 0;
          if (!get(in, code) || !get_text(in, error_)) return false;
          error_code_ = static_cast<Exit>(code);
          return true;
        }
        case 'D': return true;
        default: return false;
      }
    }
  }

  std::vector<std::string> names_;
  std::vector<std::vector<Row>> rows_;
  std::string error_;
  Exit error_code_ = Exit::data;
};

}  // namespace

std::unique_ptr<Workbook> open_xls(Input& input, const ReadOptions&) {
  return std::make_unique<IsolatedXlsWorkbook>(input.display_name(), input.path());
}

}  // namespace casestat
