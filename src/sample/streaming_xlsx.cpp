#include "sample/streaming_xlsx.hpp"

#include <zip.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "core/location.hpp"
#include "core/output.hpp"
#include "sample/calendar.hpp"

namespace casestat::sample {

namespace {

namespace fs = std::filesystem;

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// The zip being written (minizip), member by member.
class ZipOut {
 public:
  explicit ZipOut(fs::path path) : path_(std::move(path)), zip_(zipOpen64(path_.c_str(), APPEND_STATUS_CREATE)) {
    if (!zip_) system_error("{}: cannot create: {}", path_.string(), errno_text(errno));
  }
  ~ZipOut() {
    if (zip_) zipClose(zip_, nullptr);  // after an error: the caller's AtomicFile removes it
  }
  ZipOut(const ZipOut&) = delete;
  ZipOut& operator=(const ZipOut&) = delete;

  void begin(const char* member, bool zip64 = false) {
    zip_fileinfo info{};
    info.tmz_date = {0, 0, 0, 1, 0, 2025};  // fixed, so a seed gives the same bytes
    if (zipOpenNewFileInZip64(zip_, member, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION,
                              zip64 ? 1 : 0) != ZIP_OK)
      fail_write();
    member_ = member;
  }
  // Buffered: pieces of 1 MiB go to the deflater.
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= (1u << 20)) flush();
  }
  void end() {
    flush();
    if (zipCloseFileInZip(zip_) != ZIP_OK) fail_write();
  }
  void member(const char* name, std::string_view content) {
    begin(name);
    buffer_ += content;
    end();
  }
  void close() {
    const int rc = zipClose(zip_, nullptr);
    zip_ = nullptr;
    if (rc != ZIP_OK) fail_write();
  }

 private:
  void flush() {
    if (!buffer_.empty() &&
        zipWriteInFileInZip(zip_, buffer_.data(), static_cast<unsigned>(buffer_.size())) != ZIP_OK)
      fail_write();
    buffer_.clear();
  }
  [[noreturn]] void fail_write() {
    system_error("{}: cannot write {} into the zip: {}", path_.string(), member_, errno_text(errno));
  }

  fs::path path_;
  zipFile zip_;
  std::string member_;
  std::string buffer_;
};

void append_escaped(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
}

std::string column_name(size_t column) { return column_letter(static_cast<int64_t>(column)); }

// The shared-string indices, the same in both passes: a string's first sight gives it the next
// index, and later sights reuse it while the table has room.
class StringIndex {
 public:
  explicit StringIndex(size_t limit) : limit_(limit) {}
  // The index of `text`; `fresh` tells whether this sight made a new entry.
  uint64_t add(const std::string& text, bool unique, bool& fresh) {
    if (!unique) {
      if (auto it = seen_.find(text); it != seen_.end()) {
        fresh = false;
        return it->second;
      }
      if (seen_.size() < limit_) seen_.emplace(text, entries_);
    }
    fresh = true;
    return entries_++;
  }
  uint64_t entries() const { return entries_; }

 private:
  size_t limit_;
  std::unordered_map<std::string, uint64_t> seen_;
  uint64_t entries_ = 0;
};

// Walks every text cell in sheet order (title, header, rows, total), as both passes must.
template <typename OnRow, typename OnText>
void walk(Ledger& ledger, OnRow&& on_row, OnText&& on_text) {
  const Layout& layout = ledger.layout();
  Row row;
  uint64_t r = 1;
  auto visit = [&](const Row& cells) {
    on_row(r, cells);
    for (size_t c = 0; c < cells.cells.size(); ++c)
      if (cells.cells[c].kind == CellKind::text) on_text(r, c, cells.cells[c].text);
    ++r;
  };
  if (!layout.title.empty()) {
    row.reset(layout.headers.size());
    row.text(0, layout.title);
    visit(row);
  }
  row.reset(layout.headers.size());
  for (size_t c = 0; c < layout.headers.size(); ++c) row.text(c, layout.headers[c]);
  visit(row);
  for (int64_t i = 0; i < ledger.rows(); ++i) {
    ledger.row(i, row);
    visit(row);
  }
  if (layout.total_row) {
    ledger.total(row);
    visit(row);
  }
}

bool is_unique(const Layout& layout, size_t column) {
  for (size_t c : layout.unique_columns)
    if (c == column) return true;
  return false;
}

// Styles: 0 general, 1 date yyyy-mm-dd, 2 the built-in CJK date 31, 3 money, 4 header, 5 title.
constexpr const char* kStyles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\"/></numFmts>"
    "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
    "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
    "<font><b/><sz val=\"14\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"31\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
    "<alignment horizontal=\"center\"/></xf></cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

void write_package_parts(ZipOut& zip, const Layout& layout) {
  zip.member("[Content_Types].xml",
             std::string(kXmlHead) +
                 "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                 "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                 "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                 "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                 "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                 "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                 "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                 "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                 "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
                 "vnd.openxmlformats-package.core-properties+xml\"/></Types>");
  zip.member("_rels/.rels",
             std::string(kXmlHead) +
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                 "officeDocument\" Target=\"xl/workbook.xml\"/>"
                 "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                 "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>");
  zip.member("docProps/core.xml",
             std::string(kXmlHead) +
                 "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                 "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/"
                 "dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>casestat-sample"
                 "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z</dcterms:created>"
                 "</cp:coreProperties>");
  std::string workbook = std::string(kXmlHead) + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel +
                         "\"><bookViews><workbookView/></bookViews><sheets><sheet name=\"";
  append_escaped(layout.sheet, workbook);
  workbook += "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  zip.member("xl/workbook.xml", workbook);
  zip.member("xl/_rels/workbook.xml.rels",
             std::string(kXmlHead) +
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                 "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                 "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                 "relationships/styles\" Target=\"styles.xml\"/>"
                 "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                 "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
  zip.member("xl/styles.xml", std::string(kXmlHead) + kStyles);
}

struct StringCounts {
  uint64_t cells = 0;    // string cells: the table's count
  uint64_t entries = 0;  // its entries: uniqueCount
};

// Pass 1: the sheet.
StringCounts write_sheet(ZipOut& zip, Ledger& ledger, size_t dedup_limit) {
  const Layout& layout = ledger.layout();
  const size_t columns = layout.headers.size();
  const uint64_t title_row = layout.title.empty() ? 0 : 1;
  const uint64_t header_row = title_row + 1;
  const uint64_t last_row = header_row + static_cast<uint64_t>(ledger.rows()) + (layout.total_row ? 1 : 0);
  std::vector<std::string> names(columns);
  for (size_t c = 0; c < columns; ++c) names[c] = column_name(c);

  zip.begin("xl/worksheets/sheet1.xml", last_row > 4'000'000);  // ZIP64 when the XML may pass 4 GiB
  std::string& out = zip.buffer();
  out += kXmlHead;
  out += std::string("<worksheet xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel + "\">";
  out += "<dimension ref=\"A1:" + names.back() + std::to_string(last_row) +
         "\"/><sheetViews><sheetView workbookViewId=\"0\">";
  if (layout.freeze_header)
    out += "<pane ySplit=\"" + std::to_string(header_row) + "\" topLeftCell=\"A" + std::to_string(header_row + 1) +
           "\" activePane=\"bottomLeft\" state=\"frozen\"/>";
  out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>";
  for (size_t c = 0; c < columns; ++c) {
    double width = 14;
    for (const auto& [column, w] : layout.widths)
      if (column == c) width = w;
    out += "<col min=\"" + std::to_string(c + 1) + "\" max=\"" + std::to_string(c + 1) + "\" width=\"" +
           plain_number(width) + "\" customWidth=\"1\"/>";
  }
  out += "</cols><sheetData>";

  StringIndex strings(dedup_limit);
  StringCounts counts;
  walk(
      ledger,
      [&](uint64_t r, const Row& row) {
        const std::string rn = std::to_string(r);
        const char* style = r == title_row ? " s=\"5\"" : r == header_row ? " s=\"4\"" : "";
        out += "<row r=\"" + rn + "\">";
        for (size_t c = 0; c < row.cells.size(); ++c) {
          const Cell& cell = row.cells[c];
          if (cell.kind == CellKind::empty) continue;
          out += "<c r=\"";
          out += names[c];
          out += rn;
          out += '"';
          switch (cell.kind) {
            case CellKind::text: {
              bool fresh = false;
              const uint64_t index = strings.add(cell.text, is_unique(layout, c), fresh);
              ++counts.cells;
              out += style;
              out += " t=\"s\"><v>" + std::to_string(index) + "</v></c>";
              break;
            }
            case CellKind::number: out += "><v>" + plain_number(cell.number) + "</v></c>"; break;
            case CellKind::money: out += " s=\"3\"><v>" + plain_number(cell.number) + "</v></c>"; break;
            case CellKind::date: out += " s=\"1\"><v>" + plain_number(excel_serial(cell.day)) + "</v></c>"; break;
            case CellKind::cjk_date:
              out += " s=\"2\"><v>" + plain_number(excel_serial(cell.day)) + "</v></c>";
              break;
            case CellKind::empty: break;
          }
        }
        out += "</row>";
        zip.maybe_flush();
      },
      [](uint64_t, size_t, const std::string&) {});
  out += "</sheetData>";
  if (!layout.title.empty())
    out += "<mergeCells count=\"1\"><mergeCell ref=\"A1:" + names.back() + "1\"/></mergeCells>";
  out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
         "</worksheet>";
  zip.end();
  counts.entries = strings.entries();
  return counts;
}

// Pass 2: the shared strings, each entry where pass 1 made it.
void write_shared_strings(ZipOut& zip, Ledger& ledger, size_t dedup_limit, const StringCounts& counts) {
  const Layout& layout = ledger.layout();
  zip.begin("xl/sharedStrings.xml");
  std::string& out = zip.buffer();
  out += kXmlHead;
  out += std::string("<sst xmlns=\"") + kMain + "\" count=\"" + std::to_string(counts.cells) + "\" uniqueCount=\"" +
         std::to_string(counts.entries) + "\">";
  StringIndex strings(dedup_limit);
  walk(
      ledger, [&](uint64_t, const Row&) { zip.maybe_flush(); },
      [&](uint64_t, size_t c, const std::string& text) {
        bool fresh = false;
        strings.add(text, is_unique(layout, c), fresh);
        if (!fresh) return;
        const bool keep_spaces = !text.empty() && (text.front() == ' ' || text.back() == ' ');
        out += keep_spaces ? "<si><t xml:space=\"preserve\">" : "<si><t>";
        append_escaped(text, out);
        out += "</t></si>";
      });
  if (strings.entries() != counts.entries)  // the ledger was not the same twice: a bug here
    system_error("{} shared strings in the sheet but {} in the table: the ledger is not deterministic",
                 counts.entries, strings.entries());
  out += "</sst>";
  zip.end();
}

}  // namespace

void write_streaming_xlsx(const std::function<std::unique_ptr<Ledger>()>& make, const fs::path& path,
                          size_t dedup_limit) {
  AtomicFile file(path);
  {
    ZipOut zip(file.temp_path());
    auto first = make();
    write_package_parts(zip, first->layout());
    const StringCounts counts = write_sheet(zip, *first, dedup_limit);
    write_shared_strings(zip, *make(), dedup_limit, counts);
    zip.close();
  }
  file.commit();
}

}  // namespace casestat::sample
