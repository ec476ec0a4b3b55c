// Numbers and Excel serials as the text a user means: plain decimals, ISO dates.
#pragma once

#include <string>

namespace casestat {

// A double as a plain decimal: shortest text that reads back the same, no exponent
// (1e-7 -> "0.0000001", 1e20 -> "100000000000000000000").
std::string plain_decimal(double value);

// An Excel serial (1900 system, 1900 leap-year bug honoured) to "YYYY-MM-DD" or
// "YYYY-MM-DD HH:MM:SS" when it has a time part, "HH:MM:SS" when below 1.
std::string serial_to_iso(double serial, bool date1904 = false);

}  // namespace casestat
