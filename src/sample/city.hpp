// 江州市, the fictional city of the sample: its twelve procuratorates and its people's names.
#pragma once

#include <string>
#include <vector>

#include "sample/random.hpp"

namespace casestat::sample {

struct Office {
  const char* name;        // 江州市东湖区人民检察院
  const char* short_name;  // in case and document numbers: 江州东湖检...
  int size;                // relative case volume
};

const std::vector<Office>& offices();
size_t office_index(const Office& office);

// An office, the busier ones more often.
const Office& some_office(Random& random);
// A synthetic personal name: a common surname and one or two given-name characters.
std::string some_person(Random& random);

}  // namespace casestat::sample
