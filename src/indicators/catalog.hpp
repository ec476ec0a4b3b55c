// The indicator catalog (templates/indicators.toml): definitions a site can edit. Loading
// checks everything (fields against the field dictionary, references, cycles) and names the
// file, line and indicator of any mistake.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "fields/dictionary.hpp"
#include "indicators/wording.hpp"

namespace casestat {

// One condition on a record. Values are bound as SQL parameters, never spliced.
struct Filter {
  enum class Op { equals, one_of, contains, flag, present, absent, within_days };
  Op op = Op::equals;
  std::string field;                // a field id (checked against the dictionary)
  std::vector<std::string> values;  // equals: 1, one_of: n, contains: 1
  bool flag = true;                 // flag: 是 (true) or 否 (false)
  std::string since;                // within_days: the field the days count from
  int64_t days = 0;
};

// Which date decides that a record belongs to a period.
struct DateRule {
  enum class Op { in_period, open_during };
  Op op = Op::in_period;
  // in_period: the first of these that has a value must fall in the period (filed_on, else received_on)
  // open_during: fields[0] (opened) on or before the period's end and fields[1] (closed) absent or
  //              on or after its start
  std::vector<std::string> fields;
};

struct Indicator {
  std::string id, name, section, unit, definition;
  Kind kind = Kind::count;
  std::string ledger;                // cases, recommendations, petitions; empty: any
  std::vector<DateRule> dates;
  std::vector<Filter> all;           // every one must hold
  std::vector<Filter> any;           // at least one must hold (when not empty)
  std::string distinct;              // count: count distinct values of this field
  std::string sum;                   // sum: the field summed
  std::string numerator, denominator;  // ratio: indicator ids
  int64_t line = 0;                  // where it is defined, for messages
};

struct Section {
  std::string name;
  std::vector<std::string> ids;
};

class Catalog {
 public:
  // Throws Error (Exit::data) "FILE: line N: indicator ID: ..." for a bad catalog.
  static Catalog load(const std::filesystem::path& path, const Dictionary& dictionary);

  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<Section>& sections() const { return sections_; }
  const Indicator* find(std::string_view id) const;
  const std::filesystem::path& source() const { return source_; }

 private:
  std::vector<Indicator> indicators_;
  std::vector<Section> sections_;
  std::filesystem::path source_;
};

}  // namespace casestat
