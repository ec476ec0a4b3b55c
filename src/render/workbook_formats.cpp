#include "render/workbook_formats.hpp"

#include "render/workbook_data.hpp"

namespace casestat::render {

using nlohmann::json;

namespace {

constexpr const char* kCount = "0";
constexpr const char* kMoney = "0.00";
constexpr const char* kRate = "0.0%";
constexpr const char* kPoints = "0.0\"个百分点\"";

bool is_rate(const json& indicator) {
  return wb::text(indicator, "kind") == "ratio" || wb::text(indicator, "unit") == "%";
}
bool is_money(const json& indicator) {
  std::string unit = wb::text(indicator, "unit");
  return unit == "万元" || unit == "元";
}

}  // namespace

Formats make_formats(lxw_workbook* wb) {
  // Every format starts as 宋体 11, the face of printed bulletins.
  auto make = [&](auto setup) {
    lxw_format* x = workbook_add_format(wb);
    format_set_font_name(x, "宋体");
    format_set_font_size(x, 11);
    setup(x);
    return x;
  };
  auto cell = [&](const char* num_format) {
    return make([&](lxw_format* x) {
      format_set_border(x, LXW_BORDER_THIN);
      format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
      if (num_format) format_set_num_format(x, num_format);
    });
  };
  auto total = [&](const char* num_format) {
    lxw_format* x = cell(num_format);
    format_set_bold(x);
    format_set_bg_color(x, 0xF2F2F2);
    return x;
  };
  Formats s{};
  s.title = make([](lxw_format* x) {
    format_set_bold(x);
    format_set_font_size(x, 16);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  s.subtitle = make([](lxw_format* x) {
    format_set_font_size(x, 10);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_LEFT);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  s.header = cell(nullptr);
  format_set_bold(s.header);
  format_set_bg_color(s.header, 0xDDEBF7);
  format_set_text_wrap(s.header);
  format_set_align(s.header, LXW_ALIGN_CENTER);
  s.text = cell(nullptr);
  s.count = cell(kCount);
  s.money = cell(kMoney);
  s.rate = cell(kRate);
  s.change = cell(kRate);
  s.points = cell(kPoints);
  s.total_text = total(nullptr);
  s.total_count = total(kCount);
  s.total_money = total(kMoney);
  s.total_rate = total(kRate);
  s.total_change = total(kRate);
  s.total_points = total(kPoints);
  s.low = workbook_add_format(wb);
  format_set_bg_color(s.low, 0xFFC7CE);
  format_set_font_color(s.low, 0x9C0006);
  s.negative = workbook_add_format(wb);
  format_set_font_color(s.negative, 0xC00000);
  return s;
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

lxw_format* value_format(const Formats& f, const json& indicator, bool total) {
  if (is_rate(indicator)) return total ? f.total_rate : f.rate;
  if (is_money(indicator)) return total ? f.total_money : f.money;
  return total ? f.total_count : f.count;
}

lxw_format* change_format(const Formats& f, const json& indicator, bool total) {
  if (is_rate(indicator)) return total ? f.total_points : f.points;
  return total ? f.total_change : f.change;
}

std::string header_with_unit(const json& indicator) {
  std::string unit = wb::text(indicator, "unit"), name = wb::text(indicator, "name", wb::text(indicator, "id"));
  if (unit.empty()) return name;
  return name + "（" + unit + "）";
}

}  // namespace casestat::render
