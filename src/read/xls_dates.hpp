// FreeXL gives a date cell as text ("2021-03-05", "2021-03-05 14:30:00", "14:30:00", already in
// the 1900 or 1904 system the workbook uses), not as its serial: this turns it back into the
// reader's date cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casestat {

struct XlsDate {
  std::string text;  // "2021-03-05"; "2021-03-05 14:30:00" with a time; "14:30:00" for a time only
  double serial;     // the Excel serial in the 1900 system (1900-02-29 = 60)
};

// Empty when the text is not in one of FreeXL's three shapes. A date-time at midnight is a date.
std::optional<XlsDate> xls_date_cell(std::string_view freexl_text);

}  // namespace casestat
