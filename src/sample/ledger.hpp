// A synthetic ledger as rows of cells, made one row at a time, apart from how it is written:
// the same rows go to xlsx (libxlsxwriter, or the streaming writer for benchmarks) and to GBK
// CSV, and the unit tests look at the rows themselves.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace casestat::sample {

enum class CellKind {
  empty,
  text,
  number,    // a plain number: 序号, 人数, 万元
  money,     // a number shown as #,##0.00 (元)
  date,      // a date cell shown as yyyy-mm-dd
  cjk_date,  // a date cell in the built-in CJK format 31, yyyy"年"m"月"d"日"
};

struct Cell {
  CellKind kind = CellKind::empty;
  std::string text;   // text cells
  double number = 0;  // number and money cells
  int64_t day = 0;    // date cells, and text cells that are dates typed by hand; 0: not a date
};

struct Row {
  std::vector<Cell> cells;

  // Empties every cell (keeping their memory, row after row).
  void reset(size_t columns);
  // Setters that leave the cell empty for an empty text or day 0, as a clerk leaves it blank.
  void text(size_t column, std::string value);
  void number(size_t column, double value);
  void money(size_t column, double yuan);
  void date(size_t column, int64_t day, CellKind kind = CellKind::date);
  // A date typed by hand as text (2025年3月5日, 2025.3.5, 20250305 ...; see calendar.hpp).
  void typed_date(size_t column, int64_t day, int style);
};

struct Layout {
  std::string file;   // 案件信息.xlsx
  std::string sheet;  // the worksheet's name
  std::string title;  // a title merged across the columns above the header; empty: none
  std::vector<std::string> headers;
  std::vector<std::pair<size_t, double>> widths;  // columns wider than the default
  bool freeze_header = false;
  bool total_row = false;  // a 合计 row below the data (Ledger::total)
  // Columns whose text differs row to row (case numbers): the streaming writer does not look
  // them up in its shared-string table.
  std::vector<size_t> unique_columns;
};

class Ledger {
 public:
  explicit Ledger(int64_t rows) : rows_(rows) {}
  virtual ~Ledger() = default;
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  virtual const Layout& layout() const = 0;
  int64_t rows() const { return rows_; }
  // Row `index` of rows(); called for 0, 1, 2 ... in order, since each row moves the random
  // generator on.
  virtual void row(int64_t index, Row& out) = 0;
  // The 合计 row below the data, as ledgers kept by hand have, when layout().total_row; called
  // after the last row.
  virtual void total(Row& out) { out.reset(0); }

 private:
  int64_t rows_;
};

}  // namespace casestat::sample

namespace casestat::sample {

// A number as a clerk reads it: 52700, 3.8, 1234.56 (no exponent, no trailing .0).
std::string plain_number(double value);

}  // namespace casestat::sample
