// casestat-xlsx: indicators JSON into an Excel workbook laid out by a layout file.
#pragma once

#include <string>
#include <vector>

namespace casestat::render {

struct WorkbookOptions {
  std::string layout;             // empty: the site folder's workbook.toml, else the half-year one
  std::string data = "-";         // indicators JSON; "-" is standard input
  std::string output;             // the workbook, written atomically
  std::vector<std::string> sets;  // --set KEY=VALUE, over templates/site.toml
};

void workbook_command(const WorkbookOptions& options);

}  // namespace casestat::render
