// Filling an Excel template (office_template.hpp, rules in xlsx_fill.hpp): the workbook's
// parts around the sheets.
#include <memory>

#include "core/error.hpp"
#include "render/office_template.hpp"
#include "render/office_zip.hpp"
#include "render/xlsx_fill.hpp"

namespace casestat::render {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCalcChain = "xl/calcChain.xml";

std::vector<std::string> shared_strings(ZipIn& zip, const std::string& display) {
  std::vector<std::string> strings;
  if (!zip.has("xl/sharedStrings.xml")) return strings;
  XmlOutline xml = outline_xml(zip.read("xl/sharedStrings.xml"), display, "xl/sharedStrings.xml");
  std::vector<int> item_of(xml.elements.size(), -1);
  for (size_t i = 0; i < xml.elements.size(); ++i) {
    const XmlElement& e = xml.elements[i];
    int parent = e.parent;
    if (e.name == "si" && parent == 0) {
      item_of[i] = static_cast<int>(strings.size());
      strings.emplace_back();
    } else if (parent >= 0) {
      item_of[i] = item_of[static_cast<size_t>(parent)];
      // Phonetic runs (rPh) are a reading aid, not the cell's text.
      if (e.name == "rPh") item_of[i] = -1;
      if (e.name == "t" && item_of[i] >= 0) strings[static_cast<size_t>(item_of[i])] += e.text;
    }
  }
  return strings;
}

// The sheets (name, part) in the workbook's order.
std::vector<std::pair<std::string, std::string>> sheet_parts(ZipIn& zip, const XmlOutline& workbook,
                                                             const std::string& display) {
  std::map<std::string, std::string> targets;
  XmlOutline rels = outline_xml(zip.read("xl/_rels/workbook.xml.rels"), display, "xl/_rels/workbook.xml.rels");
  for (const auto& e : rels.elements) {
    if (e.name != "Relationship") continue;
    std::string target = e.attr("Target");
    targets[e.attr("Id")] = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
  }
  std::vector<std::pair<std::string, std::string>> sheets;
  for (const auto& e : workbook.elements) {
    if (e.name != "sheet") continue;
    auto it = targets.find(e.attr("id"));
    if (it != targets.end() && zip.has(it->second)) sheets.emplace_back(e.attr("name"), it->second);
  }
  return sheets;
}

// workbook.xml: defined names (print areas among them) follow the rows, and Excel, WPS and
// LibreOffice recalculate every formula when the file opens.
std::string fill_workbook(const XmlOutline& workbook, const std::map<std::string, RowMoves>& moves) {
  std::vector<XmlEdit> edits;
  RefRewriter mover = ref_mover(moves, "");
  int calc = -1, anchor = -1;
  for (size_t i = 0; i < workbook.elements.size(); ++i) {
    const XmlElement& e = workbook.elements[i];
    if (e.name == "definedName")
      edits.push_back({e.open_end, e.close_begin, xml_text(rewrite_formula(e.text, mover)), 0});
    if (e.name == "calcPr") calc = static_cast<int>(i);
    if (e.name == "sheets" || e.name == "definedNames") anchor = static_cast<int>(i);
  }
  if (calc >= 0) {
    const XmlElement& e = workbook.elements[static_cast<size_t>(calc)];
    edits.push_back({e.open_begin, e.open_end,
                     with_attr(workbook.bytes.substr(e.open_begin, e.open_end - e.open_begin), "fullCalcOnLoad", "1"), 0});
  } else if (anchor >= 0) {
    size_t at = workbook.elements[static_cast<size_t>(anchor)].end();
    edits.push_back({at, at, "<calcPr fullCalcOnLoad=\"1\"/>", 0});
  }
  return apply_edits(workbook.bytes, edits);
}

// A part without the elements that name the calculation chain, which the moved formulas
// make stale (Excel rebuilds it).
std::string without_calc_chain(ZipIn& zip, const std::string& part, const std::string& display) {
  XmlOutline xml = outline_xml(zip.read(part), display, part);
  std::vector<XmlEdit> edits;
  for (const auto& e : xml.elements)
    if ((e.name == "Override" && e.attr("PartName") == "/xl/calcChain.xml") ||
        (e.name == "Relationship" && e.attr("Target").find("calcChain.xml") != std::string::npos))
      edits.push_back({e.begin(), e.end(), "", 0});
  return apply_edits(xml.bytes, edits);
}

}  // namespace

void fill_xlsx(const fs::path& file, const std::string& display, const TextModel& model, const fs::path& out) {
  ZipIn zip(file, display);
  XmlOutline workbook = outline_xml(zip.read("xl/workbook.xml"), display, "xl/workbook.xml");
  std::vector<std::string> strings = shared_strings(zip, display);
  std::vector<std::unique_ptr<SheetFill>> sheets;
  std::map<std::string, RowMoves> moves;
  for (const auto& [name, part] : sheet_parts(zip, workbook, display)) {
    auto sheet = std::make_unique<SheetFill>(zip.read(part), name, part, display, strings);
    sheet->analyse(model);
    if (!sheet->moves().empty()) moves[name] = sheet->moves();
    sheets.push_back(std::move(sheet));
  }
  std::map<std::string, std::string> rendered;
  for (auto& sheet : sheets)
    if (sheet->changes(moves)) rendered[sheet->part()] = sheet->fill(model, moves);
  rendered["xl/workbook.xml"] = fill_workbook(workbook, moves);
  for (const char* part : {"[Content_Types].xml", "xl/_rels/workbook.xml.rels"})
    if (zip.has(part)) rendered[part] = without_calc_chain(zip, part, display);

  write_package(zip, rendered, out, {kCalcChain});
}

}  // namespace casestat::render
