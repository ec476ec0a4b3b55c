// The pieces of filling an Excel template (office_template.hpp) that work on one sheet.
//
// Rules: tags in cell text (shared or inline strings). A cell whose text is one tag of a
// number becomes a number cell keeping its style; other tagged cells become inline text. A
// row whose first cell with text begins with {{#name}} (or {{^name}}) and whose last ends with
// {{/name}} repeats once per item (a list with no items leaves the row once, its tagged cells
// empty), keeping its style, height and merges; everything below moves down, and every
// reference to the sheet (formulas, merges, conditional formats, validations, defined names,
// print areas) follows: a range that covered the repeated row grows to cover its copies.
// Formulas lose their cached values; the workbook is set to recalculate on load.
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "render/office_xml.hpp"
#include "render/text_model.hpp"
#include "render/text_template.hpp"
#include "render/xlsx_refs.hpp"

namespace casestat::render {

// Where a sheet's rows go: row R repeated `copies` times pushes every row below it down.
struct RowMoves {
  std::vector<std::pair<long, long>> repeated;  // (template row, copies), by row
  long map(long row, bool range_end) const;
  bool empty() const { return repeated.empty(); }
};

// Rewrites references to sheets whose rows moved (by sheet name), from a formula in `sheet`.
RefRewriter ref_mover(const std::map<std::string, RowMoves>& moves, const std::string& sheet);

class SheetFill {
 public:
  SheetFill(std::string bytes, std::string name, std::string part, const std::string& display,
            const std::vector<std::string>& shared_strings);
  // Finds the tags and repeated rows, checks the tags against the model; counts the copies.
  void analyse(const TextModel& model);
  const RowMoves& moves() const { return moves_; }
  const std::string& name() const { return name_; }
  const std::string& part() const { return part_; }
  bool changes(const std::map<std::string, RowMoves>& moves) const;
  // The sheet filled, references moved as `moves` says (this sheet's and others').
  std::string fill(const TextModel& model, const std::map<std::string, RowMoves>& moves);

 private:
  struct Cell {
    int element;
    CellRef ref;
    std::string text;                // its string, when it is one
    bool is_string = false;
    std::vector<FoundTag> tags;
  };
  struct Row {
    int element;
    long number;
    std::vector<Cell> cells;
    int section = -1;  // index into sections_ when it repeats
  };
  struct Section {
    size_t row;
    TemplateTag open, close;
    size_t first_cell, last_cell;  // the cells holding the tags
    std::vector<nlohmann::json> items;  // the scopes of the copies
  };

  const XmlElement& el(int i) const { return xml_.elements[static_cast<size_t>(i)]; }
  std::string raw(int i) const { return xml_.bytes.substr(el(i).begin(), el(i).end() - el(i).begin()); }
  void read_rows();
  void find_sections();
  std::string cell_xml(const Row& row, const Cell& cell, long new_row, const nlohmann::json* scope,
                       const kainjow::mustache::data* data, const RefRewriter& mover) const;
  std::string formula_xml(const Cell& cell, const RefRewriter& mover) const;
  std::string cell_template(const Row& row, size_t index) const;
  void outside_edits(const std::map<std::string, RowMoves>& moves, std::vector<XmlEdit>& edits) const;

  std::string name_, part_, display_;
  const std::vector<std::string>& shared_;
  XmlOutline xml_;
  int sheet_data_ = -1;
  std::vector<Row> rows_;
  std::vector<Section> sections_;
  RowMoves moves_;
  // Shared formulas by their si: the master's text and cell, for the cells that follow it.
  std::map<std::string, std::pair<std::string, CellRef>> shared_formulas_;
};

// The attribute `name` (local name) of a raw start tag set to `value` (added when absent).
std::string with_attr(std::string tag, const std::string& name, const std::string& value);

}  // namespace casestat::render
