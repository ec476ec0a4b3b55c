// Any text as a Mustache template, checked and rendered over the indicators of small.json.
#include <fstream>
#include <sstream>

#include "fuzz_util.hpp"
#include "render/text_model.hpp"
#include "render/text_render.hpp"
#include "render/text_template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casestat::render::TextModel model = [] {
    std::ifstream in(CASESTAT_TEST_DATA "/render/small.json");
    std::stringstream text;
    text << in.rdbuf();
    auto json = casestat::render::parse_indicators_json(text.str(), "small.json");
    return casestat::render::build_text_model(json, {{"org", "江州市人民检察院"}}, "small.json");
  }();
  casestat::fuzz::TempInput file(data, size, ".md.mustache");
  casestat::fuzz::refusing_is_fine([&] {
    casestat::render::TextTemplate t(file.path());
    (void)t.render(model);
  });
  return 0;
}
