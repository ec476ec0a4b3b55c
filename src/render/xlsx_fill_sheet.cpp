// One sheet of an Excel template filled (xlsx_fill.hpp).
#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/location.hpp"
#include "render/office_template.hpp"
#include "render/xlsx_fill.hpp"

namespace casestat::render {

using nlohmann::json;
using Kind = TemplateTag::Kind;

long RowMoves::map(long row, bool range_end) const {
  long shift = 0;
  for (const auto& [at, copies] : repeated) {
    if (at > row) break;
    if (at == row) return row + shift + (range_end ? copies - 1 : 0);
    shift += copies - 1;
  }
  return row + shift;
}

RefRewriter ref_mover(const std::map<std::string, RowMoves>& moves, const std::string& sheet) {
  return [&moves, sheet](const std::string& named, CellRef& ref, bool range_end) {
    auto it = moves.find(named.empty() ? sheet : named);
    if (it == moves.end() || ref.row == 0) return;
    ref.row = it->second.map(ref.row, range_end);
  };
}

std::string with_attr(std::string tag, const std::string& name, const std::string& value) {
  for (size_t i = 1; i < tag.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(tag[i - 1]))) continue;
    size_t j = i;
    while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) || tag[j] == ':' || tag[j] == '_')) ++j;
    std::string attr = tag.substr(i, j - i);
    size_t colon = attr.rfind(':');
    std::string local = colon == std::string::npos ? attr : attr.substr(colon + 1);
    if (local != name || j >= tag.size() || tag[j] != '=' || j + 1 >= tag.size()) continue;
    char quote = tag[j + 1];
    size_t end = tag.find(quote, j + 2);
    if (end == std::string::npos) break;
    return tag.replace(j + 2, end - (j + 2), xml_text(value));
  }
  size_t close = tag.size() - (tag.size() >= 2 && tag[tag.size() - 2] == '/' ? 2 : 1);
  tag.insert(close, " " + name + "=\"" + xml_text(value) + "\"");
  return tag;
}

SheetFill::SheetFill(std::string bytes, std::string name, std::string part, const std::string& display,
                     const std::vector<std::string>& shared_strings)
    : name_(std::move(name)), part_(std::move(part)), display_(display), shared_(shared_strings),
      xml_(outline_xml(std::move(bytes), display, part_)) {
  read_rows();
}

void SheetFill::read_rows() {
  for (size_t i = 0; i < xml_.elements.size(); ++i)
    if (xml_.elements[i].name == "sheetData") sheet_data_ = static_cast<int>(i);
  if (sheet_data_ < 0) return;
  long previous = 0;
  for (int r : el(sheet_data_).children) {
    if (el(r).name != "row") continue;
    Row row{r, el(r).attrs.count("r") ? std::atol(el(r).attr("r").c_str()) : previous + 1, {}, -1};
    if (row.number <= previous)
      data_error("{}: sheet {}: row {} comes after row {}: the sheet's rows are out of order", display_, name_,
                 row.number, previous);
    previous = row.number;
    long col = 0;
    for (int c : el(r).children) {
      if (el(c).name != "c") continue;
      Cell cell{c, {}, "", false, {}};
      if (!el(c).attrs.count("r") || !parse_cell(el(c).attr("r"), cell.ref)) {
        cell.ref.col = col + 1;
        cell.ref.row = row.number;
      }
      col = cell.ref.col;
      std::string type = el(c).attr("t");
      for (int child : el(c).children) {
        if (type == "s" && el(child).name == "v") {
          size_t index = static_cast<size_t>(std::strtoul(el(child).text.c_str(), nullptr, 10));
          if (index >= shared_.size())
            data_error("{}: the file is damaged: sheet {}, cell {} uses shared string {} of {}", display_, name_,
                       cell_name(cell.ref), index, shared_.size());
          cell.text = shared_[index];
          cell.is_string = true;
        } else if (type == "inlineStr" && el(child).name == "is") {
          cell.is_string = true;
          for (size_t k = static_cast<size_t>(child) + 1;
               k < xml_.elements.size() && xml_.elements[k].begin() < el(child).end(); ++k)
            if (xml_.elements[k].name == "t" && el(xml_.elements[k].parent).name != "rPh") cell.text += xml_.elements[k].text;
        } else if (el(child).name == "f" && el(child).attr("t") == "shared" && !el(child).text.empty()) {
          shared_formulas_[el(child).attr("si")] = {el(child).text, cell.ref};
        }
      }
      if (cell.is_string)
        cell.tags = find_tags(cell.text, display_, "sheet " + name_ + ", cell " + cell_name(cell.ref));
      row.cells.push_back(std::move(cell));
    }
    rows_.push_back(std::move(row));
  }
}

void SheetFill::find_sections() {
  for (size_t r = 0; r < rows_.size(); ++r) {
    Row& row = rows_[r];
    // The cells with text: a formula or a number beside the tags does not end the row.
    std::vector<size_t> filled;
    for (size_t c = 0; c < row.cells.size(); ++c)
      if (!row.cells[c].text.empty()) filled.push_back(c);
    if (filled.empty()) continue;
    Cell& first = row.cells[filled.front()];
    Cell& last = row.cells[filled.back()];
    bool opens = !first.tags.empty() && first.tags.front().begin == 0 &&
                 (first.tags.front().tag.kind == Kind::section || first.tags.front().tag.kind == Kind::inverted);
    bool closes = !last.tags.empty() && last.tags.back().end == last.text.size() &&
                  last.tags.back().tag.kind == Kind::close &&
                  (&first != &last || last.tags.size() > 1);
    if (opens && closes && last.tags.back().tag.name == first.tags.front().tag.name) {
      // Unless the opening tag closes again inside its own cell.
      int depth = 0;
      bool closes_in_cell = false;
      for (const auto& t : first.tags) {
        if (t.tag.kind == Kind::section || t.tag.kind == Kind::inverted) ++depth;
        if (t.tag.kind == Kind::close && --depth == 0 && (&t != &last.tags.back())) closes_in_cell = true;
      }
      if (!closes_in_cell) {
        row.section = static_cast<int>(sections_.size());
        sections_.push_back({r, first.tags.front().tag, last.tags.back().tag, filled.front(), filled.back(), {}});
      }
    }
    // Every other section opens and closes in its cell.
    for (size_t c = 0; c < row.cells.size(); ++c) {
      std::vector<const TemplateTag*> open;
      const auto& tags = row.cells[c].tags;
      for (size_t t = 0; t < tags.size(); ++t) {
        if (row.section >= 0 && ((c == filled.front() && t == 0) || (c == filled.back() && t + 1 == tags.size())))
          continue;
        const TemplateTag& tag = tags[t].tag;
        if (tag.kind == Kind::section || tag.kind == Kind::inverted) open.push_back(&tag);
        if (tag.kind != Kind::close) continue;
        if (open.empty() || open.back()->name != tag.name)
          data_error("{}: {}: {{{{/{}}}}} closes no section opened in this cell (a section repeats a row when the "
                     "row's first non-empty cell begins with {{{{#{}}}}} and its last ends with {{{{/{}}}}})",
                     display_, tag.context, tag.name, tag.name, tag.name);
        open.pop_back();
      }
      if (!open.empty())
        data_error("{}: {}: section {{{{#{}}}}} is never closed: close it in the same cell, or end the row's last "
                   "non-empty cell with {{{{/{}}}}} to repeat the row",
                   display_, open.back()->context, open.back()->name, open.back()->name);
    }
  }
}

namespace {

// The value at a dotted name, as Mustache looks it up from the innermost scope.
const json* lookup(const json& scope, const std::string& name) {
  const json* node = &scope;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object() || !node->contains(part)) return nullptr;
    node = &(*node)[part];
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
}

bool truthy(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_null()) return false;
  if (v.is_array()) return !v.empty();
  if (v.is_string()) return !v.get<std::string>().empty();
  return true;
}

// The root scope with the item's names over it: what a tag inside a repeated row sees.
json item_scope(const json& root, const json& item) {
  json scope = root;
  if (item.is_object())
    for (const auto& [key, value] : item.items()) scope[key] = value;
  return scope;
}

}  // namespace

void SheetFill::analyse(const TextModel& model) {
  find_sections();
  TemplateFile file{display_, "", {}};
  for (const Row& row : rows_) {
    const Section* section = row.section >= 0 ? &sections_[static_cast<size_t>(row.section)] : nullptr;
    if (section) file.tags.push_back(section->open);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const auto& tags = row.cells[c].tags;
      for (size_t t = 0; t < tags.size(); ++t) {
        if (section && ((c == section->first_cell && t == 0) || (c == section->last_cell && t + 1 == tags.size())))
          continue;
        if (tags[t].tag.kind != Kind::comment) file.tags.push_back(tags[t].tag);
      }
    }
    if (section) file.tags.push_back(section->close);
  }
  if (file.tags.empty()) return;
  TextTemplate(file, [](const std::string& s) { return s; }).check(model.shape);
  for (Section& section : sections_) {
    const json* value = lookup(model.data, section.open.name);
    if (section.open.kind == Kind::inverted) {
      if (!value || !truthy(*value)) section.items.push_back(model.data);
    } else if (value && value->is_array()) {
      for (const auto& item : *value) section.items.push_back(item_scope(model.data, item));
    } else if (value && truthy(*value)) {
      section.items.push_back(item_scope(model.data, *value));
    }
    long copies = std::max<long>(1, static_cast<long>(section.items.size()));
    moves_.repeated.emplace_back(rows_[section.row].number, copies);
  }
}

bool SheetFill::changes(const std::map<std::string, RowMoves>& moves) const {
  if (!moves.empty()) return true;  // a formula here may point at a sheet whose rows moved
  for (const Row& row : rows_)
    for (const Cell& cell : row.cells)
      if (!cell.tags.empty()) return true;
  return false;
}

std::string SheetFill::cell_template(const Row& row, size_t index) const {
  const Cell& cell = row.cells[index];
  std::string text = cell.text;
  if (row.section >= 0) {
    const Section& s = sections_[static_cast<size_t>(row.section)];
    if (index == s.last_cell) text.erase(cell.tags.back().begin, cell.tags.back().end - cell.tags.back().begin);
    if (index == s.first_cell) text.erase(0, cell.tags.front().end);
  }
  return text;
}

std::string SheetFill::formula_xml(const Cell& cell, const RefRewriter& mover) const {
  for (int child : el(cell.element).children) {
    const XmlElement& f = el(child);
    if (f.name != "f") continue;
    std::string text = f.text;
    std::string attrs;
    if (f.attr("t") == "shared") {
      // Written out in full: rows inserted between a shared formula's cells would change
      // what the cells after the first one compute.
      auto it = shared_formulas_.find(f.attr("si"));
      if (it == shared_formulas_.end()) return "";
      const CellRef& master = it->second.second;
      long drow = cell.ref.row - master.row, dcol = cell.ref.col - master.col;
      text = rewrite_formula(it->second.first, [&](const std::string&, CellRef& r, bool) {
        if (r.row > 0 && !r.row_abs) r.row += drow;
        if (r.col > 0 && !r.col_abs) r.col += dcol;
      });
    } else {
      for (const auto& [key, value] : f.attrs) {
        std::string v = key == "ref" ? rewrite_ranges(value, mover) : value;
        attrs += " " + key + "=\"" + xml_text(v) + "\"";
      }
    }
    return "<f" + attrs + ">" + xml_text(rewrite_formula(text, mover)) + "</f>";
  }
  return "";
}

std::string SheetFill::cell_xml(const Row& row, const Cell& cell, long new_row, const json* scope,
                                const kainjow::mustache::data* data, const RefRewriter& mover) const {
  CellRef ref = cell.ref;
  ref.row = new_row;
  const XmlElement& c = el(cell.element);
  std::string head = "<c r=\"" + cell_name(ref) + "\"";
  if (c.attrs.count("s")) head += " s=\"" + xml_text(c.attr("s")) + "\"";
  if (!cell.tags.empty()) {
    size_t index = static_cast<size_t>(&cell - row.cells.data());
    std::string text = cell_template(row, index);
    if (!scope) return head + "/>";  // a repeated row with no items: its tagged cells empty
    auto tags = find_tags(text, display_, "");
    bool one_tag = tags.size() == 1 && tags[0].tag.kind == Kind::variable && tags[0].begin == 0 && tags[0].end == text.size();
    if (one_tag) {
      const json* value = lookup(*scope, tags[0].tag.name);
      if (value && value->is_number()) return head + "><v>" + value->dump() + "</v></c>";
      if (!value || value->is_null() || value->is_boolean()) return head + "/>";
    }
    kainjow::mustache::mustache tmpl{text};
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    std::string rendered = tmpl.render(*data);
    if (!tmpl.is_valid()) data_error("{}: sheet {}, cell {}: {}", display_, name_, cell_name(cell.ref), tmpl.error_message());
    if (rendered.empty()) return head + "/>";
    return head + " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + xml_text(rendered) + "</t></is></c>";
  }
  std::string formula = formula_xml(cell, mover);
  if (!formula.empty()) {
    for (const auto& [key, value] : c.attrs)
      if (key != "r" && key != "s" && key != "t") head += " " + key + "=\"" + xml_text(value) + "\"";
    return head + ">" + formula + "</c>";  // no cached value: recalculated on load
  }
  std::string bytes = raw(cell.element);
  size_t open_len = c.open_end - c.open_begin;
  return with_attr(bytes.substr(0, open_len), "r", cell_name(ref)) + bytes.substr(open_len);
}

std::string SheetFill::fill(const TextModel& model, const std::map<std::string, RowMoves>& moves) {
  RefRewriter mover = ref_mover(moves, name_);
  std::vector<XmlEdit> edits;
  if (sheet_data_ >= 0) {
    kainjow::mustache::data root = to_mustache(model.data);
    std::string rows;
    for (const Row& row : rows_) {
      std::string open_tag = xml_.bytes.substr(el(row.element).open_begin, el(row.element).open_end - el(row.element).open_begin);
      bool empty_element = el(row.element).close_begin == el(row.element).open_end && el(row.element).close_end == el(row.element).open_end;
      long first = moves_.map(row.number, false);
      if (row.section < 0) {
        rows += with_attr(open_tag, "r", std::to_string(first));
        if (empty_element) continue;
        for (const Cell& cell : row.cells) rows += cell_xml(row, cell, first, &model.data, &root, mover);
        rows += "</row>";
        continue;
      }
      const Section& section = sections_[static_cast<size_t>(row.section)];
      size_t copies = std::max<size_t>(1, section.items.size());
      for (size_t i = 0; i < copies; ++i) {
        long at = first + static_cast<long>(i);
        // The row's own references move with each copy, as when Excel fills a row down.
        RefRewriter copy_mover = [&, at](const std::string& named, CellRef& ref, bool range_end) {
          if ((named.empty() || named == name_) && ref.row == row.number && !ref.row_abs) ref.row = at;
          else mover(named, ref, range_end);
        };
        const json* scope = i < section.items.size() ? &section.items[i] : nullptr;
        kainjow::mustache::data data = scope ? to_mustache(*scope) : kainjow::mustache::data();
        rows += with_attr(open_tag, "r", std::to_string(at));
        if (empty_element) continue;
        for (const Cell& cell : row.cells) rows += cell_xml(row, cell, at, scope, &data, copy_mover);
        rows += "</row>";
      }
    }
    edits.push_back({el(sheet_data_).open_end, el(sheet_data_).close_begin, rows, 0});
  }
  outside_edits(moves, edits);
  return apply_edits(xml_.bytes, edits);
}

void SheetFill::outside_edits(const std::map<std::string, RowMoves>& moves, std::vector<XmlEdit>& edits) const {
  RefRewriter mover = ref_mover(moves, name_);
  auto rewrite_tag = [&](const XmlElement& e, const std::string& attr, const std::string& value) {
    std::string tag = xml_.bytes.substr(e.open_begin, e.open_end - e.open_begin);
    edits.push_back({e.open_begin, e.open_end, with_attr(tag, attr, value), 0});
  };
  size_t merges_added = 0;
  int merge_list = -1;
  for (size_t i = 0; i < xml_.elements.size(); ++i) {
    const XmlElement& e = xml_.elements[i];
    if (sheet_data_ >= 0 && e.begin() >= el(sheet_data_).begin() && e.end() <= el(sheet_data_).end()) continue;
    if (e.name == "mergeCells") merge_list = static_cast<int>(i);
    if (e.name == "mergeCell") {
      // A merge inside a repeated row is made again in each copy.
      std::string ref = e.attr("ref");
      CellRef a, b;
      size_t colon = ref.find(':');
      std::string copies;
      if (colon != std::string::npos && parse_cell(ref.substr(0, colon), a) && parse_cell(ref.substr(colon + 1), b) &&
          a.row == b.row) {
        for (const auto& [row, count] : moves_.repeated) {
          if (row != a.row) continue;
          long first = moves_.map(row, false);
          for (long k = 0; k < count; ++k) {
            CellRef x = a, y = b;
            x.row = y.row = first + k;
            copies += "<mergeCell ref=\"" + cell_name(x) + ":" + cell_name(y) + "\"/>";
          }
          merges_added += static_cast<size_t>(count - 1);
        }
      }
      if (copies.empty()) rewrite_tag(e, "ref", rewrite_ranges(ref, mover));
      else edits.push_back({e.begin(), e.end(), copies, 0});
    } else if (e.name == "dimension" || e.name == "hyperlink" || e.name == "autoFilter") {
      if (e.attrs.count("ref")) rewrite_tag(e, "ref", rewrite_ranges(e.attr("ref"), mover));
    } else if (e.name == "conditionalFormatting" || e.name == "dataValidation") {
      if (e.attrs.count("sqref")) rewrite_tag(e, "sqref", rewrite_ranges(e.attr("sqref"), mover));
    } else if (e.name == "formula" || e.name == "formula1" || e.name == "formula2") {
      edits.push_back({e.open_end, e.close_begin, xml_text(rewrite_formula(e.text, mover)), 0});
    } else if (e.name == "brk" && el(e.parent).name == "rowBreaks" && e.attrs.count("id")) {
      rewrite_tag(e, "id", std::to_string(moves_.map(std::atol(e.attr("id").c_str()), true)));
    }
  }
  if (merge_list >= 0 && merges_added > 0 && el(merge_list).attrs.count("count"))
    rewrite_tag(el(merge_list), "count",
                std::to_string(std::strtoul(el(merge_list).attr("count").c_str(), nullptr, 10) + merges_added));
}

}  // namespace casestat::render
