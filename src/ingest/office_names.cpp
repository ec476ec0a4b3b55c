#include "ingest/office_names.hpp"

#include <utility>

namespace casestat {

OfficeNames::OfficeNames(const Offices& offices, const Dictionary& dictionary)
    : offices_(offices), unit_(offices.empty() ? nullptr : dictionary.find("unit")) {}

const Record& OfficeNames::apply(const Record& record) {
  if (!unit_) return record;
  for (size_t i = 0; i < record.values.size(); ++i) {
    if (record.values[i].first != unit_) continue;
    const auto* name = std::get_if<std::string>(&record.values[i].second);
    if (!name) return record;
    std::optional<std::string> office = offices_.canonical(*name);
    if (!office) {
      unknown_.add(*name);
      return record;
    }
    if (*office == *name) return record;
    // Only rows that use another name are copied: most rows pay nothing.
    renamed_ = record;
    renamed_.extras[kOfficeAsWritten] = *name;
    renamed_.values[i].second = std::move(*office);
    return renamed_;
  }
  return record;
}

UnknownOffices OfficeNames::take_unknown() { return std::exchange(unknown_, {}); }

}  // namespace casestat
