// open_xlsx(): the streaming xlsx reader. The workbook's small parts (workbook, relationships,
// styles) are read whole; the shared strings are kept (cells refer to them by index); each
// sheet is streamed through expat one piece at a time and handed on row by row, so memory is
// the shared strings plus one row whatever the sheet's length.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <exception>
#include <unordered_map>

#include "core/error.hpp"
#include "read/workbook.hpp"
#include "read/xlsx_styles.hpp"
#include "read/xlsx_text.hpp"
#include "read/xlsx_xml.hpp"
#include "read/xlsx_zip.hpp"

namespace casestat {

namespace {

// ---- workbook.xml: sheet names, their relationship ids, the date system ------------------------
struct SheetEntry {
  std::string name, rel_id, path;
};

class WorkbookPart : public XmlStream {
 public:
  using XmlStream::XmlStream;
  std::vector<SheetEntry> sheets;
  bool date1904 = false;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      const char* n = xml_attr(attrs, "name");
      const char* id = xml_attr(attrs, "id");
      sheets.push_back({n ? n : "", id ? id : "", ""});
    } else if (name == "workbookPr") {
      const char* v = xml_attr(attrs, "date1904");
      date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    }
  }
  void on_end(std::string_view) override {}
  void on_text(const char*, int) override {}
};

// ---- workbook.xml.rels: relationship id -> part path --------------------------------------------
class RelsPart : public XmlStream {
 public:
  using XmlStream::XmlStream;
  std::unordered_map<std::string, std::string> targets;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = xml_attr(attrs, "Id");
    const char* target = xml_attr(attrs, "Target");
    if (id && target) targets[id] = target;
  }
  void on_end(std::string_view) override {}
  void on_text(const char*, int) override {}
};

// A relationship target to a zip member name: relative to xl/, or absolute from the root.
std::string member_path(const std::string& target) {
  std::string path = target[0] == '/' ? target.substr(1) : "xl/" + target;
  // resolve "a/../b"
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string piece = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// ---- styles.xml: which cell styles are dates ------------------------------------------------------
class StylesPart : public XmlStream {
 public:
  using XmlStream::XmlStream;
  std::vector<bool> xf_is_date;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = xml_attr(attrs, "numFmtId");
      const char* code = xml_attr(attrs, "formatCode");
      if (id && code) codes_[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = xml_attr(attrs, "numFmtId");
      int fmt = id ? std::atoi(id) : 0;
      auto custom = codes_.find(fmt);
      xf_is_date.push_back(is_date_format(fmt, custom == codes_.end() ? std::string_view() : custom->second));
    }
  }
  void on_end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void on_text(const char*, int) override {}

 private:
  std::unordered_map<int, std::string> codes_;
  bool in_cell_xfs_ = false;
};

// ---- sharedStrings.xml -----------------------------------------------------------------------------
class SharedStringsPart : public XmlStream {
 public:
  SharedStringsPart(std::string display, std::string part, const ReadLimits& limits)
      : XmlStream(std::move(display), std::move(part)), limits_(limits) {}
  std::vector<std::string> strings;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "sst") {
      // Refuse an absurd declared count before anything is allocated for it.
      const char* unique = xml_attr(attrs, "uniqueCount");
      if (unique) {
        unsigned long long n = std::strtoull(unique, nullptr, 10);
        if (n > limits_.max_shared_strings) return too_many(n);
        strings.reserve(static_cast<size_t>(std::min<unsigned long long>(n, 1u << 20)));
      }
    } else if (name == "si") {
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void on_end(std::string_view name) override {
    if (name == "si") {
      if (strings.size() >= limits_.max_shared_strings) return too_many(strings.size() + 1);
      strings.push_back(decode_xlsx_escapes(current_));
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void on_text(const char* s, int len) override {
    if (!in_t_) return;
    if (current_.size() + static_cast<size_t>(len) > limits_.max_field_bytes)
      return refuse(fmt::format("{}: a shared string is longer than {} MiB; raise the limit if the file is honest",
                                display_name(), limits_.max_field_bytes >> 20));
    current_.append(s, static_cast<size_t>(len));
  }

 private:
  void too_many(unsigned long long n) {
    refuse(fmt::format("{}: the workbook declares {} shared strings, more than the limit of {}", display_name(), n,
                       limits_.max_shared_strings));
  }
  const ReadLimits& limits_;
  std::string current_;
  int phonetic_ = 0;
  bool in_t_ = false;
};

// ---- a worksheet, streamed -------------------------------------------------------------------------
class SheetPart : public XmlStream {
 public:
  SheetPart(std::string display, std::string sheet, const std::vector<std::string>& strings,
            const std::vector<bool>& xf_is_date, bool date1904, const ReadLimits& limits, const RowHandler& on_row)
      : XmlStream(display, "sheet " + sheet),
        sheet_(std::move(sheet)),
        strings_(strings),
        xf_is_date_(xf_is_date),
        date1904_(date1904),
        limits_(limits),
        on_row_(on_row) {}

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      const char* r = xml_attr(attrs, "r");
      int64_t number = r ? std::atoll(r) : last_row_ + 1;
      if (number < 1 || number > limits_.max_rows)
        return refuse(fmt::format("{}: sheet {}: row {} is beyond the last row a sheet can have ({})", display_name(),
                                  sheet_, r ? r : "?", limits_.max_rows));
      row_.number = number;
      start_row();
      next_column_ = 0;
      in_row_ = true;
    } else if (name == "c") {
      if (!in_row_) {  // a cell outside a row: be lenient, start one
        row_.number = last_row_ + 1;
        start_row();
        in_row_ = true;
      }
      const char *r = nullptr, *t = nullptr, *s = nullptr;
      for (const char** a = attrs; *a; a += 2) {  // one pass: this runs for every cell
        std::string_view n = local_name(a[0]);
        if (n == "r") r = a[1];
        else if (n == "t") t = a[1];
        else if (n == "s") s = a[1];
      }
      column_ = next_column_;
      if (r && !parse_ref(r)) return;
      type_ = t ? t : "n";
      size_t style = s ? std::strtoul(s, nullptr, 10) : 0;
      is_date_style_ = style < xf_is_date_.size() && xf_is_date_[style];
      value_.clear();
      in_cell_ = true;
      has_value_ = false;
    } else if (in_cell_ && name == "v") {
      in_text_ = true;
      has_value_ = true;
    } else if (in_cell_ && name == "rPh") {
      ++phonetic_;
    } else if (in_cell_ && name == "t" && phonetic_ == 0) {  // inline string text
      in_text_ = true;
      has_value_ = true;
    }
  }

  void on_end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      next_column_ = column_ + 1;
      if (has_value_) store_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      last_row_ = row_.number;
      row_.cells.resize(used_);  // as many cells as the row has (the others' memory goes only when rows vary)
      bool any = std::any_of(row_.cells.begin(), row_.cells.end(), [](const Cell& c) { return !c.empty(); });
      if (!any) return;
      // The handler's exceptions must not unwind through expat's C frames: keep and rethrow.
      try {
        if (!on_row_(row_)) stop();
      } catch (...) {
        pending_ = std::current_exception();
        stop();
      }
    }
  }

  void on_text(const char* s, int len) override {
    if (!in_text_) return;
    if (value_.size() + static_cast<size_t>(len) > limits_.max_field_bytes)
      return refuse(fmt::format("{}: sheet {}, cell {}{}: the text is longer than {} MiB", display_name(), sheet_,
                                column_letter(column_), row_.number, limits_.max_field_bytes >> 20));
    value_.append(s, static_cast<size_t>(len));
  }

 private:
  static std::string column_letter(size_t index) {
    std::string s;
    for (size_t n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
  }

  bool parse_ref(const char* r) {
    size_t col = 0;
    const char* p = r;
    int letters = 0;
    while (*p >= 'A' && *p <= 'Z') {
      col = col * 26 + static_cast<size_t>(*p - 'A' + 1);
      ++p;
      if (++letters > 3) break;
    }
    if (letters == 0 || letters > 3 || col > static_cast<size_t>(limits_.max_columns)) {
      refuse(fmt::format("{}: sheet {}: the cell reference {} is beyond the last column a sheet can have (XFD)",
                         display_name(), sheet_, r));
      return false;
    }
    if (*p) {
      long long row = std::atoll(p);
      if (row < 1 || row > limits_.max_rows) {
        refuse(fmt::format("{}: sheet {}: the cell reference {} is beyond the last row a sheet can have ({})",
                           display_name(), sheet_, r, limits_.max_rows));
        return false;
      }
    }
    column_ = col - 1;
    return true;
  }

  // Empties the row's cells in place, keeping their strings' memory for the next row: a sheet
  // of a million rows then allocates per cell only when a text is longer than any before.
  void start_row() {
    for (size_t i = 0; i < used_; ++i) {
      row_.cells[i].type = Cell::Type::empty;
      row_.cells[i].text.clear();
      row_.cells[i].number = 0;
    }
    used_ = 0;
  }

  void store_cell() {
    if (row_.cells.size() <= column_) row_.cells.resize(column_ + 1);
    used_ = std::max(used_, column_ + 1);
    Cell& cell = row_.cells[column_];
    if (type_ == "s") {
      size_t index = std::strtoul(value_.c_str(), nullptr, 10);
      if (index >= strings_.size()) {
        return refuse(fmt::format("{}: the file is damaged: sheet {}, cell {}{} refers to shared string {}, but "
                                  "there are only {}",
                                  display_name(), sheet_, column_letter(column_), row_.number, index, strings_.size()));
      }
      cell.type = Cell::Type::text;
      cell.text.assign(strings_[index]);
    } else if (type_ == "inlineStr" || type_ == "str") {
      cell.type = Cell::Type::text;
      cell.text = decode_xlsx_escapes(value_);
    } else if (type_ == "b") {
      cell.type = Cell::Type::boolean;
      cell.text = value_ == "1" || value_ == "true" ? "TRUE" : "FALSE";
      cell.number = cell.text == "TRUE";
    } else if (type_ == "e") {
      cell.type = Cell::Type::error;
      cell.text = value_;
    } else if (type_ == "d") {
      if (!iso_date_cell(value_, cell)) {
        cell.type = Cell::Type::text;
        cell.text = value_;
      }
    } else {  // "n"
      std::string_view v(value_);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\n')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\n')) v.remove_suffix(1);
      if (v.empty()) return;  // (an empty <v/>: the cell stays empty)
      double number = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
      if (ec != std::errc() || end != v.data() + v.size()) {
        cell.type = Cell::Type::text;  // not a number after all: keep what the file says
        cell.text = std::string(v);
      } else if (is_date_style_ && number >= 0 && number < 2958466) {
        cell.type = Cell::Type::date;
        cell.text = serial_to_iso(number, date1904_);
        cell.number = date1904_ ? number + 1462 : number;
      } else {
        cell.type = Cell::Type::number;
        cell.number = number;
        if (is_plain_decimal(v))
          cell.text.assign(v);
        else
          cell.text = plain_decimal(number);
      }
    }
  }

  static bool is_plain_decimal(std::string_view v) {
    size_t i = v[0] == '-' ? 1 : 0;
    if (i >= v.size()) return false;
    bool dot = false, digits = false;
    for (; i < v.size(); ++i) {
      if (v[i] >= '0' && v[i] <= '9') {
        digits = true;
      } else if (v[i] == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits && v.back() != '.';
  }

  // t="d": "2021-03-05T14:30:00" (ISO 8601) -> a date cell
  bool iso_date_cell(const std::string& v, Cell& cell) const {
    int y, mo, d, h = 0, mi = 0;
    double s = 0;
    if (std::sscanf(v.c_str(), "%d-%d-%dT%d:%d:%lf", &y, &mo, &d, &h, &mi, &s) < 3) return false;
    // days since 1899-12-30 of y-mo-d
    auto days_from_civil = [](long long yy, unsigned m, unsigned dd) {
      yy -= m <= 2;
      const long long era = (yy >= 0 ? yy : yy - 399) / 400;
      const unsigned yoe = static_cast<unsigned>(yy - era * 400);
      const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + dd - 1;
      const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
      return era * 146097 + static_cast<long long>(doe) - 719468;
    };
    double serial = static_cast<double>(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) + 25569) +
                    (h * 3600 + mi * 60 + s) / 86400.0;
    if (serial < 61) serial -= 1;  // before Excel's fake 1900-02-29
    cell.type = Cell::Type::date;
    cell.number = serial;
    cell.text = serial_to_iso(serial, false);
    return true;
  }

  std::string sheet_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& xf_is_date_;
  bool date1904_;
  const ReadLimits& limits_;
  const RowHandler& on_row_;
  Row row_;
  size_t used_ = 0;  // cells of row_ written in this row
  int64_t last_row_ = 0;
  size_t next_column_ = 0, column_ = 0;
  std::string type_, value_;
  bool in_row_ = false, in_cell_ = false, in_text_ = false, has_value_ = false, is_date_style_ = false;
  int phonetic_ = 0;

 public:
  std::exception_ptr pending_;
};

// Feeds a zip member to a parser.
void parse_member(XlsxZip& zip, const std::string& member, XmlStream& parser, bool required = true) {
  bool more = true;
  bool present = zip.read(
      member,
      [&](const char* p, size_t n) {
        more = parser.feed(p, n, false);
        return more;
      },
      required);
  if (present && more) parser.feed("", 0, true);
}

class XlsxWorkbook : public Workbook {
 public:
  XlsxWorkbook(Input& input, const ReadOptions& options)
      : Workbook(input.display_name()), zip_(input.path(), input.display_name(), options.limits.max_inflated_bytes),
        limits_(options.limits) {
    const std::string& name = display_name();
    if (zip_.has("xl/workbook.bin"))
      data_error("{}: is an Excel binary workbook (.xlsb), which casestat does not read: open it in Excel or WPS "
                 "and save it as .xlsx",
                 name);
    if (!zip_.has("xl/workbook.xml"))
      data_error("{}: is a zip archive but not an Excel workbook (it has no xl/workbook.xml)", name);
    WorkbookPart workbook(name, "xl/workbook.xml");
    parse_member(zip_, "xl/workbook.xml", workbook);
    date1904_ = workbook.date1904;
    RelsPart rels(name, "xl/_rels/workbook.xml.rels");
    parse_member(zip_, "xl/_rels/workbook.xml.rels", rels);
    for (auto& sheet : workbook.sheets) {
      auto target = rels.targets.find(sheet.rel_id);
      if (target == rels.targets.end() || target->second.empty())
        data_error("{}: the file is damaged: sheet {} has no part in the workbook", name, sheet.name);
      sheet.path = member_path(target->second);
      names_.push_back(sheet.name);
      paths_.push_back(sheet.path);
    }
    if (names_.empty()) data_error("{}: the workbook has no sheets", name);
    StylesPart styles(name, "xl/styles.xml");
    parse_member(zip_, "xl/styles.xml", styles, false);
    xf_is_date_ = std::move(styles.xf_is_date);
    std::string strings_part = "xl/sharedStrings.xml";
    for (const auto& [id, target] : rels.targets)
      if (target.find("sharedStrings") != std::string::npos) strings_part = member_path(target);
    SharedStringsPart strings(name, strings_part, limits_);
    parse_member(zip_, strings_part, strings, false);
    strings_ = std::move(strings.strings);
  }

  const char* format() const override { return "xlsx"; }
  const std::vector<std::string>& sheet_names() const override { return names_; }

  void read_sheet(size_t index, const RowHandler& on_row) override {
    if (index >= names_.size()) usage_error("{}: there is no sheet {}", display_name(), index + 1);
    SheetPart sheet(display_name(), names_[index], strings_, xf_is_date_, date1904_, limits_, on_row);
    parse_member(zip_, paths_[index], sheet);
    if (sheet.pending_) std::rethrow_exception(sheet.pending_);
  }

 private:
  XlsxZip zip_;
  ReadLimits limits_;
  std::vector<std::string> names_, paths_, strings_;
  std::vector<bool> xf_is_date_;
  bool date1904_ = false;
};

}  // namespace

std::unique_ptr<Workbook> open_xlsx(Input& input, const ReadOptions& options) {
  return std::make_unique<XlsxWorkbook>(input, options);
}

}  // namespace casestat
