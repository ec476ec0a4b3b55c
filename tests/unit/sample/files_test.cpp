// The files the generator writes: byte for byte the same for a seed, the committed sample-data
// still what it writes, the CSV really GBK, the streaming xlsx's shared strings and cells read
// back (with minizip, not casestat's reader) to the ledger's rows.
#include <catch2/catch.hpp>

#include <iconv.h>
#include <unzip.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "sample/calendar.hpp"
#include "sample/generate.hpp"
#include "sample/ledgers.hpp"
#include "sample/streaming_xlsx.hpp"

using namespace casestat::sample;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "casestat-sample-test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> generate(uint64_t seed, int64_t rows, const fs::path& out, bool bench = false) {
  SampleOptions options;
  options.seed = seed;
  options.rows = rows;
  options.out = out;
  options.bench = bench;
  return sample_command(options);
}

std::string gbk_to_utf8(const std::string& gbk) {
  iconv_t cd = iconv_open("UTF-8", "GBK");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(gbk.size() * 2, '\0');
  char* in = const_cast<char*>(gbk.data());
  char* o = out.data();
  size_t in_left = gbk.size(), out_left = out.size();
  const size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  REQUIRE(rc != static_cast<size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

std::vector<std::string> split_crlf(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    lines.push_back(text.substr(start, end - start));
  CHECK(start == text.size());  // the last line ends with CRLF too
  return lines;
}

std::string member(const fs::path& xlsx, const char* name) {
  unzFile zip = unzOpen64(xlsx.c_str());
  REQUIRE(zip);
  std::string out;
  if (unzLocateFile(zip, name, 0) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
    char buffer[65536];
    for (int n; (n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<size_t>(n));
    CHECK(unzCloseCurrentFile(zip) == UNZ_OK);  // checks the CRC
  }
  unzClose(zip);
  INFO(name);
  REQUIRE(!out.empty());
  return out;
}

std::string unescape(std::string s) {
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::string(from).size(), to);
  return s;
}

size_t column_index(const std::string& letters) {
  size_t c = 0;
  for (char ch : letters) c = c * 26 + static_cast<size_t>(ch - 'A' + 1);
  return c - 1;
}

std::string plain(double v) { return plain_number(v); }

// Reads the xlsx back with minizip and regular expressions and checks every cell against the
// ledger that `make` gives: the title, the header, the rows and the 合计 row.
void check_xlsx_holds(const fs::path& xlsx, const std::function<std::unique_ptr<Ledger>()>& make) {
  const std::string sheet = member(xlsx, "xl/worksheets/sheet1.xml");
  const std::string sst_xml = member(xlsx, "xl/sharedStrings.xml");
  std::vector<std::string> sst;
  const std::regex si(R"re(<si><t(?: xml:space="preserve")?>([^<]*)</t></si>)re");
  for (auto it = std::sregex_iterator(sst_xml.begin(), sst_xml.end(), si); it != std::sregex_iterator(); ++it)
    sst.push_back(unescape((*it)[1]));
  std::smatch counts;
  REQUIRE(std::regex_search(sst_xml, counts, std::regex(R"re(count="(\d+)" uniqueCount="(\d+)")re")));
  CHECK(std::stoul(counts[2]) == sst.size());

  // Every cell as (row, column) -> (style, shared?, value).
  struct Seen {
    std::string style;
    bool shared;
    std::string value;
  };
  std::map<std::pair<uint64_t, size_t>, Seen> cells;
  uint64_t string_cells = 0;
  const std::regex c(R"re(<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?( t="s")?><v>([^<]*)</v></c>)re");
  for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), c); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    cells[{std::stoull(m[2]), column_index(m[1])}] = {m[3], m[4].matched, m[5]};
    if (m[4].matched) ++string_cells;
  }
  CHECK(std::stoul(counts[1]) == string_cells);

  auto ledger = make();
  const Layout& layout = ledger->layout();
  size_t checked = 0;
  auto expect_row = [&](uint64_t r, const Row& row) {
    for (size_t col = 0; col < row.cells.size(); ++col) {
      const Cell& cell = row.cells[col];
      auto found = cells.find({r, col});
      INFO(xlsx.filename().string() << ": row " << r << ", column " << col);
      if (cell.kind == CellKind::empty) {
        CHECK(found == cells.end());
        continue;
      }
      REQUIRE(found != cells.end());
      const Seen& seen = found->second;
      switch (cell.kind) {
        case CellKind::text:
          REQUIRE(seen.shared);
          REQUIRE(std::stoul(seen.value) < sst.size());
          CHECK(sst[std::stoul(seen.value)] == cell.text);
          break;
        case CellKind::number: CHECK(seen.value == plain(cell.number)); break;
        case CellKind::money: CHECK(seen.value == plain(cell.number)); break;
        case CellKind::date:
          CHECK(seen.style == "1");
          CHECK(seen.value == plain(excel_serial(cell.day)));
          break;
        case CellKind::cjk_date:
          CHECK(seen.style == "2");
          CHECK(seen.value == plain(excel_serial(cell.day)));
          break;
        case CellKind::empty: break;
      }
      ++checked;
    }
  };
  uint64_t r = 1;
  Row row;
  if (!layout.title.empty()) {
    row.reset(layout.headers.size());
    row.text(0, layout.title);
    expect_row(r++, row);
    CHECK(sheet.find("<mergeCell ref=\"A1:") != std::string::npos);
  }
  row.reset(layout.headers.size());
  for (size_t col = 0; col < layout.headers.size(); ++col) row.text(col, layout.headers[col]);
  expect_row(r++, row);
  for (int64_t i = 0; i < ledger->rows(); ++i) {
    ledger->row(i, row);
    expect_row(r++, row);
  }
  if (layout.total_row) {
    ledger->total(row);
    expect_row(r++, row);
  }
  CHECK(checked == cells.size());  // and nothing else in the sheet
  CHECK(sheet.find("<dimension ref=\"A1:" + std::string(1, static_cast<char>('A' + layout.headers.size() - 1)) +
                   std::to_string(r - 1) + "\"/>") != std::string::npos);
}

}  // namespace

TEST_CASE("a seed writes the same bytes every time; another seed other bytes") {
  TempDir a, b, c;
  const auto first = generate(7, 240, a.path), second = generate(7, 240, b.path), other = generate(8, 240, c.path);
  REQUIRE(first.size() == 5);
  REQUIRE(second.size() == 5);
  for (size_t i = 0; i < first.size(); ++i) {
    INFO(first[i].filename().string());
    CHECK(first[i].filename() == second[i].filename());
    CHECK(bytes(first[i]) == bytes(second[i]));
    CHECK(bytes(first[i]) != bytes(other[i]));
  }
  TempDir d, e;
  const auto bench1 = generate(3, 500, d.path, true), bench2 = generate(3, 500, e.path, true);
  REQUIRE(bench1.size() == 2);
  for (size_t i = 0; i < bench1.size(); ++i) CHECK(bytes(bench1[i]) == bytes(bench2[i]));
}

TEST_CASE("the committed sample-data/ is what the generator writes for seed 2025, 1200 rows") {
  TempDir out;
  const fs::path committed = CASESTAT_SAMPLE_DATA;
  for (const auto& path : generate(2025, 1200, out.path)) {
    const std::string name = path.filename().string();
    INFO(name << ": regenerate sample-data/ as generate.hpp says, and update the golden cases that use it");
    if (name == "司法救助台账.xlsx") {
      // Committed as .xls (converted with ssconvert): an OLE2 compound file.
      const std::string xls = bytes(committed / "司法救助台账.xls");
      CHECK(xls.substr(0, 8) == std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
      CHECK_FALSE(fs::exists(committed / name));
      continue;
    }
    CHECK(bytes(path) == bytes(committed / name));
  }
}

TEST_CASE("the petitions CSV is as Chinese Excel saves it: GBK, CRLF, no BOM") {
  TempDir out;
  generate(11, 300, out.path);
  const std::string raw = bytes(out.path / "信访台账.csv");
  CHECK(raw.substr(0, 3) != "\xEF\xBB\xBF");
  const std::string text = gbk_to_utf8(raw);
  CHECK(text != raw);  // not UTF-8 to begin with
  const auto lines = split_crlf(text);
  REQUIRE(lines.size() == 200 + 1);
  CHECK(lines[0] == "信访编号,来信来访日期,信访人,承办单位,信访事项,程序性回复日期,是否积案,是否化解,化解日期");
  // Dates as the system writes them, or typed in some rows (see calendar.hpp); 无 for none.
  const std::string date = R"((20\d\d-\d\d-\d\d|20\d\d(年|\.|/)\d\d?(月|\.|/)\d\d?(日|号)?|20\d{6}|20\d\d-\d\d-\d\d \d\d:\d\d))";
  const std::regex shape("XF20\\d\\d\\d{5}," + date + ",[^,]+,[^,]+检察院,[^,]+," + date + "?,(是|否|Y|N),(是|否|已化解|未化解),(" +
                         date + "|无)?");
  for (size_t i = 1; i < lines.size(); ++i) {
    INFO(lines[i]);
    CHECK(std::regex_match(lines[i], shape));
    CHECK(lines[i].find('\n') == std::string::npos);
  }
}

TEST_CASE("the benchmark files: the xlsx's shared strings and cells are the rows, the CSV the same rows") {
  TempDir out;
  const auto files = generate(2025, 700, out.path, true);
  REQUIRE(files.size() == 2);
  CHECK(files[0].filename() == "bench-cases.xlsx");
  check_xlsx_holds(files[0], [] { return bench_ledger(2025, 700); });
  const auto lines = split_crlf(gbk_to_utf8(bytes(files[1])));
  REQUIRE(lines.size() == 701);
  auto ledger = bench_ledger(2025, 700);
  Row row;
  ledger->row(0, row);
  CHECK(lines[1].substr(0, row.cells[0].text.size() + 1) == row.cells[0].text + ",");
  CHECK(lines[1].find("," + iso_date(row.cells[6].day) + ",") != std::string::npos);
}

TEST_CASE("the streaming writer: a title, a 合计 row, and a full table of seen strings") {
  TempDir out;
  for (size_t limit : {size_t{0}, size_t{5}, size_t{1} << 18}) {
    INFO("dedup limit " << limit);
    const fs::path path = out.path / ("pil-" + std::to_string(limit) + ".xlsx");
    auto make = [] { return pil_ledger(42, 150); };
    write_streaming_xlsx(make, path, limit);
    check_xlsx_holds(path, make);
  }
  // With no room at all, every string cell has its own entry; with room, the repeats share.
  const std::string none = member(out.path / "pil-0.xlsx", "xl/sharedStrings.xml");
  const std::string room = member(out.path / "pil-262144.xlsx", "xl/sharedStrings.xml");
  CHECK(room.size() < none.size() / 2);
}

TEST_CASE("--rows outside 1..1048575 is a usage error, and nothing is written") {
  TempDir out;
  for (int64_t rows : {int64_t{0}, int64_t{-5}, kMaxRows + 1}) {
    try {
      generate(1, rows, out.path / "x");
      FAIL("no error for --rows " << rows);
    } catch (const casestat::Error& e) {
      CHECK(e.code() == casestat::Exit::usage);
      CHECK(std::string(e.what()).find("--rows") != std::string::npos);
    }
  }
  CHECK_FALSE(fs::exists(out.path / "x"));
}
