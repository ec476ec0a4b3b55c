// Any text as an indicator catalog, a field dictionary and a workbook layout.
#include <nlohmann/json.hpp>

#include "fields/dictionary.hpp"
#include "fuzz_util.hpp"
#include "indicators/catalog.hpp"
#include "render/workbook_layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casestat::Dictionary fields = casestat::Dictionary::load(CASESTAT_TEMPLATES_DIR "/fields.toml");
  static const nlohmann::json indicators = {{"indicators", {{{"id", "pil.filed"}}, {{"id", "rec.issued"}}}}};
  casestat::fuzz::TempInput file(data, size, ".toml");
  casestat::fuzz::refusing_is_fine([&] { casestat::Catalog::load(file.path(), fields); });
  casestat::fuzz::refusing_is_fine([&] { casestat::Dictionary::load(file.path()); });
  casestat::fuzz::refusing_is_fine([&] { casestat::render::load_layout(file.path(), indicators); });
  return 0;
}
