#include "render/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/output.hpp"
#include "core/text.hpp"
#include "render/workbook_data.hpp"

namespace casestat::render {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// CJK faces first (Linux, Windows, macOS), so the names render wherever the .docx is opened.
constexpr const char* kFont =
    "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei','PingFang SC','WenQuanYi Micro Hei',sans-serif";
constexpr const char* kNow = "#2F5597";
constexpr const char* kBase = "#A5A5A5";
constexpr int kFontSize = 13;

// The main indicators: counts in 件, in this order when the catalog has them.
const std::vector<std::string> kMain = {"cases.received", "cases.filed", "pil.filed", "pil.pre_suit", "rec.issued",
                                        "support.cases",  "aid.cases",   "pet.received"};

double num(const json& v) { return v.is_number() ? v.get<double>() : 0.0; }

std::string fmt_number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return fmt::format("{}", static_cast<long long>(std::llround(v)));
  return fmt::format("{:.2f}", v);
}

// A scale's top: 1, 2 or 5 times a power of ten, at or above the maximum.
double nice_top(double max) {
  if (!(max > 0) || !std::isfinite(max)) return 1;
  double p = std::pow(10.0, std::floor(std::log10(max)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= max) return m * p;
  return 10 * p;
}

// Pixels a text takes at the chart's font size: a CJK character is about one em, others half.
int text_px(const std::string& s, int size = kFontSize) { return static_cast<int>(display_width(s)) * size / 2 + 2; }

// Splits a label into two lines near its middle when it is wider than `px` (UTF-8 safe).
std::vector<std::string> wrap(const std::string& s, int px) {
  if (text_px(s) <= px) return {s};
  size_t half = display_width(s) / 2, width = 0, at = 0;
  while (at < s.size() && width < half) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[at]);
    if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
    width += display_width(s.substr(at, len));
    at += len;
  }
  return {s.substr(0, at), s.substr(at)};
}

std::string header(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"{2}\" font-size=\"{5}\">\n"
      "<title>{4}</title>\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n"
      "<text x=\"{3}\" y=\"26\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\">{4}</text>\n",
      width, height, kFont, width / 2, xml_escape(title), kFontSize);
}

std::string period_label(const json& data) { return wb::text(wb::field(data, "period"), "label"); }

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string valid = xml_text(text);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string main_indicators_svg(const json& data, const std::vector<std::string>& ids) {
  bool has_base = wb::has_base(data);
  auto by_id = wb::indicators_by_id(data);
  std::vector<const json*> shown;
  for (const auto& id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) shown.push_back(it->second);
  const int plot_left = 60, plot_top = 60, plot_h = 300, slot = 96;
  const int width = plot_left + static_cast<int>(shown.size()) * slot + 30, height = plot_top + plot_h + 100;
  double max = 0;
  for (const json* i : shown) max = std::max({max, num(wb::field(*i, "value")), has_base ? num(wb::field(*i, "base")) : 0.0});
  double top = nice_top(max);
  std::string base_label = wb::text(wb::field(data, "base"), "label");
  std::string title = period_label(data) + "主要业务数据" + (has_base ? "（与" + base_label + "对比）" : "");
  std::string svg = header(width, height, title);
  for (int k = 0; k <= 5; ++k) {  // grid and scale
    int y = plot_top + plot_h - static_cast<int>(std::lround(plot_h * k / 5.0));
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#e0e0e0\"/>\n", plot_left, y, width - 20, y);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text>\n", plot_left - 6, y + 4,
                       fmt_number(top * k / 5));
  }
  for (size_t n = 0; n < shown.size(); ++n) {
    const json& i = *shown[n];
    int x0 = plot_left + static_cast<int>(n) * slot + 14;
    auto bar = [&](const json& v, int x, const char* color) {
      int h = static_cast<int>(std::lround(plot_h * std::max(0.0, num(v)) / top));
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"32\" height=\"{}\" fill=\"{}\"/>\n", x, plot_top + plot_h - h,
                         h, color);
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n", x + 16,
                         plot_top + plot_h - h - 4, v.is_number() ? fmt_number(num(v)) : "—");
    };
    bar(wb::field(i, "value"), x0, kNow);
    if (has_base) bar(wb::field(i, "base"), x0 + 34, kBase);
    std::vector<std::string> lines = wrap(wb::text(i, "name", wb::text(i, "id")), slot - 4);
    for (size_t l = 0; l < lines.size(); ++l)
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x0 + 33,
                         plot_top + plot_h + 20 + static_cast<int>(l) * 16, xml_escape(lines[l]));
  }
  int ly = height - 24;
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                     plot_left, ly - 11, kNow, plot_left + 20, ly, xml_escape(period_label(data)));
  if (has_base)
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                       plot_left + 180, ly - 11, kBase, plot_left + 200, ly, xml_escape(base_label));
  return svg + "</svg>\n";
}

std::string by_office_svg(const json& data, const std::string& id) {
  auto by_id = wb::indicators_by_id(data);
  static const json none = json::object();
  const json& ind = by_id.count(id) ? *by_id.at(id) : none;
  std::string unit = wb::text(ind, "unit");
  bool rate = wb::text(ind, "kind") == "ratio" || unit == "%";
  struct Bar {
    std::string name, label;
    double value;
  };
  std::vector<Bar> rows;
  int label_px = 40;
  for (const auto& g : wb::list(data, "groups")) {
    const json& gi = wb::group_indicator(g, id);
    const json& v = wb::field(gi, "value");
    // The label as the bulletin prints it ("420件", "79%", "53.83万元") when the data says so.
    std::string label = wb::text(gi, "display");
    if (label.empty()) label = !v.is_number() ? "—" : rate ? fmt_number(num(v) * 100) + "%" : fmt_number(unit == "万元" ? num(v) / 10000 : num(v));
    rows.push_back({wb::text(g, "name"), label, num(v)});
    label_px = std::max(label_px, text_px(rows.back().name));
  }
  // highest first, as a ranking is read; equal values keep the site's order of the offices
  std::stable_sort(rows.begin(), rows.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
  const int left = label_px + 20, bar_h = 22, gap = 8, top_y = 50, plot_w = 420;
  const int width = left + plot_w + 90, height = top_y + static_cast<int>(rows.size()) * (bar_h + gap) + 20;
  double max = 0;
  for (const auto& r : rows) max = std::max(max, r.value);
  double top = nice_top(max);
  std::string svg = header(width, height, period_label(data) + "各院" + wb::text(ind, "name", id) +
                                              (unit.empty() ? "" : "（" + unit + "）"));
  for (size_t n = 0; n < rows.size(); ++n) {
    int y = top_y + static_cast<int>(n) * (bar_h + gap);
    int w = static_cast<int>(std::lround(plot_w * std::max(0.0, rows[n].value) / top));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", left - 8, y + 16,
                       xml_escape(rows[n].name));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", left, y, w, bar_h, kNow);
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", left + w + 6, y + 16, xml_escape(rows[n].label));
  }
  return svg + "</svg>\n";
}

std::vector<fs::path> write_charts(const json& data, const fs::path& out_dir, const std::string& stem) {
  std::vector<fs::path> written;
  auto by_id = wb::indicators_by_id(data);
  auto is_count = [&](const std::string& id) {
    auto it = by_id.find(id);
    return it != by_id.end() && wb::text(*it->second, "kind") == "count";
  };
  std::vector<std::string> ids;
  for (const auto& id : kMain)
    if (is_count(id)) ids.push_back(id);
  if (ids.empty())  // a catalog of its own: its first counts
    for (const auto& i : wb::list(data, "indicators"))
      if (ids.size() < 8 && is_count(wb::text(i, "id"))) ids.push_back(wb::text(i, "id"));
  if (ids.empty()) return written;
  fs::path main = out_dir / (stem + "-主要指标.svg");
  write_file_atomically(main, main_indicators_svg(data, ids));
  written.push_back(main);
  if (!wb::list(data, "groups").empty()) {
    std::string name = wb::text(*by_id.at(ids.front()), "name", ids.front());
    for (char& c : name)
      if (c == '/' || c == '\\') c = '-';  // the name is part of a file name
    fs::path path = out_dir / (stem + "-各院" + name + ".svg");
    write_file_atomically(path, by_office_svg(data, ids.front()));
    written.push_back(path);
  }
  return written;
}

}  // namespace casestat::render
