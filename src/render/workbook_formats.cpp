#include "render/workbook_formats.hpp"

#include <cmath>

#include "render/workbook_data.hpp"

namespace casestat::render {

using nlohmann::json;

namespace {

bool is_rate(const json& indicator) {
  return wb::text(indicator, "kind") == "ratio" || wb::text(indicator, "unit") == "%";
}
bool is_money(const json& indicator) {
  std::string unit = wb::text(indicator, "unit");
  return unit == "万元" || unit == "元";
}

// How many of `places` decimals `x` needs once rounded half away from zero as the text rounds
// (wording.hpp) and its trailing zeros dropped: (1.0, 1) -> 0, (0.625 * 100, 1) -> 1.
int decimals_needed(double x, int places) {
  double scale = std::pow(10.0, places);
  long long digits = std::llround(std::fabs(x) * scale);
  int needed = places;
  while (needed > 0 && digits % 10 == 0) {
    digits /= 10;
    --needed;
  }
  return needed;
}

std::string with_decimals(int decimals) { return decimals > 0 ? "0." + std::string(static_cast<size_t>(decimals), '0') : "0"; }

std::string percent(double fraction) { return with_decimals(decimals_needed(fraction * 100, 1)) + "%"; }

}  // namespace

Formats::Formats(lxw_workbook* wb) : wb_(wb) {
  // Every format starts as 宋体 11, the face of printed bulletins.
  auto make = [&](auto setup) {
    lxw_format* x = workbook_add_format(wb);
    format_set_font_name(x, "宋体");
    format_set_font_size(x, 11);
    setup(x);
    return x;
  };
  title = make([](lxw_format* x) {
    format_set_bold(x);
    format_set_font_size(x, 16);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  subtitle = make([](lxw_format* x) {
    format_set_font_size(x, 10);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_LEFT);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  header = make([](lxw_format* x) {
    format_set_border(x, LXW_BORDER_THIN);
    format_set_bold(x);
    format_set_bg_color(x, 0xDDEBF7);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  section = make([](lxw_format* x) {
    format_set_border(x, LXW_BORDER_THIN);
    format_set_bold(x);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  text = number("", CellStyle::plain);
  total_text = number("", CellStyle::total);
  low = workbook_add_format(wb);
  format_set_bg_color(low, 0xFFC7CE);
  format_set_font_color(low, 0x9C0006);
  negative = workbook_add_format(wb);
  format_set_font_color(negative, 0xC00000);
}

lxw_format* Formats::number(const std::string& num_format, CellStyle style) {
  auto key = std::make_pair(num_format, style);
  auto it = numbers_.find(key);
  if (it != numbers_.end()) return it->second;
  lxw_format* x = workbook_add_format(wb_);
  format_set_font_name(x, "宋体");
  format_set_font_size(x, 11);
  format_set_border(x, LXW_BORDER_THIN);
  format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  if (!num_format.empty()) format_set_num_format(x, num_format.c_str());
  if (style == CellStyle::total) {
    format_set_bold(x);
    format_set_bg_color(x, 0xF2F2F2);
  }
  return numbers_[key] = x;
}

Number value_number(const json& v, const std::string& unit) {
  if (!v.is_number()) return {};
  double x = v.get<double>();
  if (unit == "万元") x /= 10000.0;
  return {true, x};
}

Number change_number(const json& v) {
  if (!v.is_number()) return {};
  return {true, v.get<double>()};
}

std::string value_num_format(const json& indicator, Number n) {
  if (is_rate(indicator)) return n.present ? percent(n.value) : "0.0%";
  if (is_money(indicator)) return with_decimals(n.present ? decimals_needed(n.value, 2) : 2);
  return "0";
}

std::string change_num_format(const json& indicator, Number n) {
  if (is_rate(indicator)) return with_decimals(n.present ? decimals_needed(n.value, 1) : 1) + "\"个百分点\"";
  return n.present ? percent(n.value) : "0.0%";
}

std::string header_with_unit(const json& indicator) {
  std::string unit = wb::text(indicator, "unit"), name = wb::text(indicator, "name", wb::text(indicator, "id"));
  if (unit.empty()) return name;
  return name + "（" + unit + "）";
}

}  // namespace casestat::render
