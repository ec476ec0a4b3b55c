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
#include "core/i18n.hpp"
#include "core/location.hpp"
#include "read/workbook.hpp"
#include "core/calendar.hpp"
#include "read/sheet_scanner.hpp"
#include "read/xlsx_merges.hpp"
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

// ---- a part read only to check that it is safe XML ----------------------------------------------------
class IgnoredPart : public XmlStream {
 public:
  using XmlStream::XmlStream;

 protected:
  void on_start(std::string_view, const char**) override {}
  void on_end(std::string_view) override {}
  void on_text(const char*, int) override {}
};

// ---- relationships (_rels/.rels, xl/_rels/workbook.xml.rels): id -> part ----------------------------
struct Relationship {
  std::string type, target;  // type: the last word of the Type URI ("worksheet", "sharedStrings")
};

class RelsPart : public XmlStream {
 public:
  using XmlStream::XmlStream;
  std::unordered_map<std::string, Relationship> by_id;
  // The first target of a type, or "".
  std::string target_of(std::string_view type) const {
    for (const auto& [id, rel] : by_id)
      if (rel.type == type) return rel.target;
    return "";
  }

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = xml_attr(attrs, "Id");
    const char* type = xml_attr(attrs, "Type");
    const char* target = xml_attr(attrs, "Target");
    if (!id || !target) return;
    std::string_view t = type ? type : "";
    by_id[id] = {std::string(t.substr(t.rfind('/') + 1)), target};
  }
  void on_end(std::string_view) override {}
  void on_text(const char*, int) override {}
};

// A relationship target to a zip member name: relative to the folder of the part that has the
// relationship ("xl/"), or absolute from the root ("/xl/worksheets/sheet1.xml").
std::string member_path(const std::string& folder, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : folder + target;
  std::vector<std::string> parts;  // resolve "a/../b" and "./"
  size_t start = 0;
  for (;;) {
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
    if (name == "numFmts") {
      in_num_fmts_ = true;
    } else if (name == "numFmt" && in_num_fmts_) {  // (not those of <dxfs>, conditional formats)
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
    if (name == "numFmts") in_num_fmts_ = false;
  }
  void on_text(const char*, int) override {}

 private:
  std::unordered_map<int, std::string> codes_;
  bool in_cell_xfs_ = false, in_num_fmts_ = false;
};

// ---- sharedStrings.xml -----------------------------------------------------------------------------
// The table as one block of text and the end of each string in it: a string costs its bytes
// and four more, so the table's memory is what --max-shared-strings-mib allows, however the
// texts are cut (twenty million empty strings are 80 MB, not a gigabyte of string objects).
class SharedStrings {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view operator[](size_t i) const {
    uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  // Bytes held: the texts and the index.
  uint64_t bytes() const { return text_.size() + 4 * static_cast<uint64_t>(ends_.size()); }
  void reserve(size_t n) { ends_.reserve(n); }
  void push_back(std::string_view s) {
    text_.append(s);
    ends_.push_back(static_cast<uint32_t>(text_.size()));
  }
  void shrink_to_fit() {
    text_.shrink_to_fit();
    ends_.shrink_to_fit();
  }

 private:
  std::string text_;  // below 4 GiB: the byte limit is checked before each string is added
  std::vector<uint32_t> ends_;
};

class SharedStringsPart : public XmlStream {
 public:
  SharedStringsPart(std::string display, std::string part, const ReadLimits& limits)
      : XmlStream(std::move(display), std::move(part), limits.max_field_bytes), limits_(limits) {}
  SharedStrings strings;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "sst") {
      // Refuse an absurd declared count before anything is allocated for it.
      const char* unique = xml_attr(attrs, "uniqueCount");
      if (unique) {
        unsigned long long n = std::strtoull(unique, nullptr, 10);
        if (n > limits_.max_shared_strings)
          return refuse(translate("{}: the workbook declares {} shared strings, more than the limit of {}; if "
                                    "the file is honest, raise it with --max-shared-strings",
                                    where(), n, limits_.max_shared_strings));
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
      if (strings.size() >= limits_.max_shared_strings)
        return refuse(translate("{}: the workbook has more than {} shared strings; if the file is honest, raise "
                                  "the limit with --max-shared-strings",
                                  where(), limits_.max_shared_strings));
      // (most strings have no _xHHHH_ escape: those are kept as read, without a copy)
      bool escaped = current_.find("_x") != std::string::npos;
      if (escaped) current_ = decode_xlsx_escapes(current_);
      const std::string& text = current_;
      uint64_t limit = std::min<uint64_t>(limits_.max_shared_string_bytes, UINT32_MAX);
      if (strings.bytes() + text.size() + 4 > limit)
        return refuse(translate("{}: the workbook's shared strings hold more than {}; if the file is honest, "
                                  "raise the limit with --max-shared-strings-mib",
                                  where(), size_words(limits_.max_shared_string_bytes)));
      strings.push_back(text);
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void on_text(const char* s, int len) override {
    if (!in_t_) return;
    if (current_.size() + static_cast<size_t>(len) > limits_.max_field_bytes)
      return refuse(translate("{}: shared string {} is longer than {}; if the file is honest, raise the limit "
                                "with --max-field-mib",
                                where(), strings.size() + 1, size_words(limits_.max_field_bytes)));
    current_.append(s, static_cast<size_t>(len));
  }

 private:
  const ReadLimits& limits_;
  std::string current_;
  int phonetic_ = 0;
  bool in_t_ = false;
};

// ---- a worksheet, streamed -------------------------------------------------------------------------
class SheetPart : public SheetScanner {
 public:
  SheetPart(const std::string& display, std::string sheet, const SharedStrings& strings,
            const std::vector<bool>& xf_is_date, bool date1904, const ReadLimits& limits, const RowHandler& on_row,
            bool scan)
      : SheetScanner(Location{display, sheet, 0, ""}.describe(), _("the sheet"), limits.max_field_bytes, scan),
        file_(display),
        sheet_(std::move(sheet)),
        strings_(strings),
        xf_is_date_(xf_is_date),
        date1904_(date1904),
        limits_(limits),
        on_row_(on_row) {}

  std::exception_ptr pending_;  // what the row handler threw, rethrown once expat has returned

 protected:
  // An absent attribute is a view without data; a present one, even empty, has it.
  void start(std::string_view name, const XmlAttr* attrs, size_t count) override {
    if (name == "c") {
      if (!in_row_) begin_row(last_row_ + 1);  // a cell outside a row: be lenient, start one
      std::string_view r, t, s;
      for (size_t i = 0; i < count; ++i) {  // one pass: this runs for every cell
        std::string_view n = local_part(attrs[i].name);
        if (n == "r") r = attrs[i].value;
        else if (n == "t") t = attrs[i].value;
        else if (n == "s") s = attrs[i].value;
      }
      column_ = next_column_;
      if (r.data() ? !parse_ref(r) : !column_fits()) return;
      type_ = cell_type(t);
      size_t style = 0;
      for (size_t i = 0; i < s.size() && s[i] >= '0' && s[i] <= '9' && style < xf_is_date_.size(); ++i)
        style = style * 10 + static_cast<size_t>(s[i] - '0');
      is_date_style_ = style < xf_is_date_.size() && xf_is_date_[style];
      value_.clear();
      in_cell_ = true;
      has_value_ = false;
    } else if (in_cell_ && name == "v") {
      in_text_ = true;
      has_value_ = true;
    } else if (name == "row") {
      std::string_view r;
      for (size_t i = 0; i < count && !r.data(); ++i)
        if (local_part(attrs[i].name) == "r") r = attrs[i].value;
      int64_t number = last_row_ + 1;
      if (r.data()) {
        auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
        if (ec != std::errc() || end != r.data() + r.size())
          return refuse(translate("{}: the file is damaged: a row has the number \"{}\"", where(), r));
      }
      if (number < 1 || number > limits_.max_rows)
        return refuse(translate("{}: row {} is beyond the last row a sheet can have ({})", where(), number,
                                  limits_.max_rows));
      begin_row(number);
    } else if (in_cell_ && name == "rPh") {
      ++phonetic_;
    } else if (in_cell_ && name == "t" && phonetic_ == 0) {  // inline string text
      in_text_ = true;
      has_value_ = true;
    }
  }

  bool between_rows() const override { return !in_row_ && !in_cell_ && !in_text_; }
  void forget_row() override {
    if (in_row_) phonetic_ = phonetic_at_row_;
    in_row_ = in_cell_ = in_text_ = has_value_ = false;
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_text_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      next_column_ = column_ + 1;
      if (has_value_) store_cell();
    } else if (name == "row" && in_row_) {
      end_row();
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "sheetData" && in_row_) {  // cells outside a row
      end_row();
    }
  }

  void text(const char* s, size_t len) override {
    if (!in_text_) return;
    if (value_.size() + len > limits_.max_field_bytes)
      return refuse(translate("{}: the text is longer than {}; if the file is honest, raise the limit with "
                                "--max-field-mib",
                                cell_location(), size_words(limits_.max_field_bytes)));
    value_.append(s, len);
  }

 private:
  enum class Kind : char { number, shared, inline_text, formula_text, boolean, error, iso_date };

  static Kind cell_type(std::string_view v) {
    if (!v.data()) return Kind::number;
    if (v == "s") return Kind::shared;
    if (v == "n") return Kind::number;
    if (v == "str") return Kind::formula_text;
    if (v == "inlineStr") return Kind::inline_text;
    if (v == "b") return Kind::boolean;
    if (v == "e") return Kind::error;
    if (v == "d") return Kind::iso_date;
    return Kind::number;  // unknown: read the value as the file writes it (a number, else text)
  }

  // "book.xlsx: sheet 台账, row 17, column D"
  std::string cell_location() const {
    return Location{file_, sheet_, row_.number, column_letter(static_cast<int64_t>(column_))}.describe();
  }

  bool column_fits() {
    if (column_ < static_cast<size_t>(limits_.max_columns)) return true;
    refuse(translate("{}, row {}: a cell is beyond the last column a sheet can have ({})", where(), row_.number,
                       column_letter(limits_.max_columns - 1)));
    return false;
  }

  // "B7" -> column 1 (the row is the <row>'s: Excel writes the same); a reference beyond the
  // sheet's last column or row is refused, so a hostile file cannot make a row of a billion cells.
  bool parse_ref(std::string_view r) {
    size_t col = 0;
    size_t p = 0;
    int letters = 0;
    for (; p < r.size() && ((r[p] >= 'A' && r[p] <= 'Z') || (r[p] >= 'a' && r[p] <= 'z')); ++p)
      if (++letters <= 4) col = col * 26 + static_cast<size_t>((r[p] & ~0x20) - 'A' + 1);
    int64_t row = 0;
    int digits = 0;
    for (; p < r.size() && r[p] >= '0' && r[p] <= '9'; ++p, ++digits)
      if (row <= limits_.max_rows) row = row * 10 + (r[p] - '0');
    if (r.empty()) {
      refuse(translate("{}, row {}: the file is damaged: a cell has an empty reference (r=\"\")", where(),
                         row_.number));
      return false;
    }
    if (letters == 0 || digits == 0 || p != r.size()) {
      refuse(translate("{}: the file is damaged: a cell has the reference \"{}\", which is not a column and a "
                         "row like B7",
                         where(), r));
      return false;
    }
    if (row == 0) {
      refuse(translate("{}: the file is damaged: the cell reference {} names row 0 (rows start at 1)", where(), r));
      return false;
    }
    if (letters > 4 || col > static_cast<size_t>(limits_.max_columns)) {
      refuse(translate("{}: the cell reference {} is beyond the last column a sheet can have ({})", where(), r,
                         column_letter(limits_.max_columns - 1)));
      return false;
    }
    if (row > limits_.max_rows) {
      refuse(translate("{}: the cell reference {} is beyond the last row a sheet can have ({})", where(), r,
                         limits_.max_rows));
      return false;
    }
    column_ = col - 1;
    return true;
  }

  // Empties the row's cells in place, keeping their strings' memory for the next row: a sheet
  // of a million rows then allocates per cell only when a text is longer than any before.
  void begin_row(int64_t number) {
    for (size_t i = 0; i < used_; ++i) {
      row_.cells[i].type = Cell::Type::empty;
      row_.cells[i].text.clear();
      row_.cells[i].number = 0;
    }
    used_ = 0;
    phonetic_at_row_ = phonetic_;
    row_.number = number;
    next_column_ = 0;
    in_row_ = true;
  }

  // Hands the row on when it has a cell that is not empty.
  void end_row() {
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

  void store_cell() {
    if (row_.cells.size() <= column_) row_.cells.resize(column_ + 1);
    used_ = std::max(used_, column_ + 1);
    Cell& cell = row_.cells[column_];
    switch (type_) {
      case Kind::shared: {
        size_t index = 0;
        const char* p = value_.c_str();
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') ++p;
        bool digits = *p >= '0' && *p <= '9';
        for (; *p >= '0' && *p <= '9' && index <= strings_.size(); ++p) index = index * 10 + static_cast<size_t>(*p - '0');
        if (!digits || index >= strings_.size())
          return refuse(translate("{}: the file is damaged: the cell refers to shared string {}, but there are only {}",
                                    cell_location(), value_, strings_.size()));
        cell.type = Cell::Type::text;
        cell.text.assign(strings_[index]);
        return;
      }
      case Kind::inline_text:
      case Kind::formula_text:
        cell.type = Cell::Type::text;
        if (value_.find("_x") == std::string::npos)
          cell.text.assign(value_);
        else
          cell.text = decode_xlsx_escapes(value_);
        return;
      case Kind::boolean: {
        bool on = value_ == "1" || value_ == "true" || value_ == "TRUE";
        cell.type = Cell::Type::boolean;
        cell.text.assign(on ? "TRUE" : "FALSE");
        cell.number = on;
        return;
      }
      case Kind::error:
        cell.type = Cell::Type::error;
        cell.text.assign(value_);
        return;
      case Kind::iso_date:
        if (!iso_date_cell(value_, cell)) {
          cell.type = Cell::Type::text;
          cell.text.assign(value_);
        }
        return;
      case Kind::number: break;
    }
    std::string_view v(value_);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\n')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n')) v.remove_suffix(1);
    if (v.empty()) return;  // (an empty <v/>: the cell stays empty)
    double number = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
    if (ec != std::errc() || end != v.data() + v.size()) {
      cell.type = Cell::Type::text;  // not a number after all: keep what the file says
      cell.text.assign(v);
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
    return digits && v.back() != '.' && v[v[0] == '-' ? 1 : 0] != '.';
  }

  // t="d": "2021-03-05T14:30:00" (ISO 8601) -> a date cell
  static bool iso_date_cell(const std::string& v, Cell& cell) {
    int y, mo, d, h = 0, mi = 0;
    double s = 0;
    if (std::sscanf(v.c_str(), "%d-%d-%dT%d:%d:%lf", &y, &mo, &d, &h, &mi, &s) < 3) return false;
    if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    const double serial = static_cast<double>(excel_serial_from_civil(y, mo, d)) + (h * 3600 + mi * 60 + s) / 86400.0;
    cell.type = Cell::Type::date;
    cell.number = serial;
    cell.text = serial_to_iso(serial, false);
    return true;
  }

  std::string file_, sheet_;
  const SharedStrings& strings_;
  const std::vector<bool>& xf_is_date_;
  bool date1904_;
  const ReadLimits& limits_;
  const RowHandler& on_row_;
  Row row_;
  size_t used_ = 0;  // cells of row_ written in this row
  int64_t last_row_ = 0;
  size_t next_column_ = 0, column_ = 0;
  Kind type_ = Kind::number;
  std::string value_;
  bool in_row_ = false, in_cell_ = false, in_text_ = false, has_value_ = false, is_date_style_ = false;
  int phonetic_ = 0;
  int phonetic_at_row_ = 0;  // (an </rPh> outside a cell lowers it for the rest of the sheet)
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
        limits_(options.limits), scan_(options.scan_sheets) {
    const std::string& name = display_name();
    // The workbook part is where the package's relationships say (xl/workbook.xml as Excel
    // writes it, but other writers choose their own names).
    std::string workbook_path = "xl/workbook.xml";
    // casestat needs nothing from the content types, but parses them like every part it opens,
    // so a DOCTYPE there is refused as anywhere else.
    IgnoredPart types(name, "[Content_Types].xml", limits_.max_field_bytes);
    parse_member(zip_, "[Content_Types].xml", types, false);
    RelsPart root(name, "_rels/.rels", limits_.max_field_bytes);
    parse_member(zip_, "_rels/.rels", root, false);
    if (std::string target = root.target_of("officeDocument"); !target.empty()) {
      std::string path = member_path("", target);
      if (zip_.has(path)) workbook_path = path;
    }
    if (zip_.has("xl/workbook.bin") || workbook_path.ends_with(".bin"))
      data_error("{}: is an Excel binary workbook (.xlsb), which casestat does not read: open it in Excel or WPS "
                 "and save it as .xlsx",
                 name);
    if (!zip_.has(workbook_path))
      data_error("{}: is a zip archive but not an Excel workbook (it has no {})", name, workbook_path);
    std::string folder = workbook_path.substr(0, workbook_path.rfind('/') + 1);  // "xl/"
    std::string leaf = workbook_path.substr(folder.size());

    WorkbookPart workbook(name, workbook_path, limits_.max_field_bytes);
    parse_member(zip_, workbook_path, workbook);
    date1904_ = workbook.date1904;
    RelsPart rels(name, folder + "_rels/" + leaf + ".rels", limits_.max_field_bytes);
    parse_member(zip_, folder + "_rels/" + leaf + ".rels", rels);
    for (const auto& sheet : workbook.sheets) {
      auto rel = rels.by_id.find(sheet.rel_id);
      if (rel == rels.by_id.end() || rel->second.target.empty())
        data_error("{}: the file is damaged: sheet {} has no part in the workbook", name, sheet.name);
      std::string path = member_path(folder, rel->second.target);
      // Honest workbooks give each sheet its own part; sheets sharing one multiply its cost.
      if (auto same = std::find(paths_.begin(), paths_.end(), path); same != paths_.end())
        data_error("{}: the file is damaged: sheets {} and {} are the same part {}", name,
                   names_[static_cast<size_t>(same - paths_.begin())], sheet.name, path);
      names_.push_back(sheet.name);
      paths_.push_back(std::move(path));
    }
    if (names_.empty()) data_error("{}: the workbook has no sheets", name);
    // The first sheet is the one read in most workbooks: its merged ranges are looked for while
    // the styles and the shared strings are parsed.
    if (std::optional<XlsxZip> again = zip_.reopen())
      ahead_.emplace(std::move(*again), paths_[0], Location{name, names_[0], 0, ""}.describe(), limits_);

    std::string styles_path = rels.target_of("styles");
    styles_path = styles_path.empty() ? folder + "styles.xml" : member_path(folder, styles_path);
    StylesPart styles(name, styles_path, limits_.max_field_bytes);
    parse_member(zip_, styles_path, styles, false);
    xf_is_date_ = std::move(styles.xf_is_date);

    std::string strings_path = rels.target_of("sharedStrings");
    strings_path = strings_path.empty() ? folder + "sharedStrings.xml" : member_path(folder, strings_path);
    SharedStringsPart strings(name, strings_path, limits_);
    parse_member(zip_, strings_path, strings, false);
    strings_ = std::move(strings.strings);
    strings_.shrink_to_fit();
  }

  const char* format() const override { return "xlsx"; }
  const std::vector<std::string>& sheet_names() const override { return names_; }

  void read_sheet(size_t index, const RowHandler& on_row) override {
    if (index >= names_.size()) usage_error("{}: there is no sheet {}", display_name(), index + 1);
    if (index != 0) ahead_.reset();  // another sheet is read: the first one's ranges would be of no use
    SheetPart sheet(display_name(), names_[index], strings_, xf_is_date_, date1904_, limits_, on_row, scan_);
    bool more = true;
    zip_.read(paths_[index], [&](const char* p, size_t n) { return more = sheet.scan(p, n, false); });
    if (more) sheet.scan("", 0, true);
    if (sheet.pending_) std::rethrow_exception(sheet.pending_);
  }

  std::vector<MergedRange> merged_ranges(size_t index) override {
    if (index >= names_.size()) usage_error("{}: there is no sheet {}", display_name(), index + 1);
    if (ahead_ && index == 0) {
      std::vector<MergedRange> ranges = ahead_->take();
      ahead_.reset();
      return ranges;
    }
    ahead_.reset();
    return read_xlsx_merged_ranges(zip_, paths_[index], Location{display_name(), names_[index], 0, ""}.describe(), limits_);
  }

 private:
  XlsxZip zip_;
  ReadLimits limits_;
  bool scan_;
  std::vector<std::string> names_, paths_;
  SharedStrings strings_;
  std::vector<bool> xf_is_date_;
  bool date1904_ = false;
  std::optional<MergedRangesAhead> ahead_;  // the first sheet's, until they are asked for
};

}  // namespace

std::unique_ptr<Workbook> open_xlsx(Input& input, const ReadOptions& options) {
  return std::make_unique<XlsxWorkbook>(input, options);
}

}  // namespace casestat
