// Any text as a date, an amount of money, a whole number and a flag; and as a period.
#include <string>

#include "fields/values.hpp"
#include "fuzz_util.hpp"
#include "indicators/period.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  casestat::Cell cell{casestat::Cell::Type::text, text, 0};
  std::string why;
  (void)casestat::parse_date(cell, why);
  for (int64_t unit : {100, 1000000}) (void)casestat::parse_money(cell, unit, why);
  (void)casestat::parse_integer(cell, why);
  (void)casestat::parse_flag(cell, why);
  casestat::fuzz::refusing_is_fine([&] {
    casestat::Period p = casestat::parse_period(text, "2026-11-24");
    (void)casestat::base_period(p, casestat::Compare::yoy);
    (void)casestat::base_period(p, casestat::Compare::prev);
  });
  return 0;
}
