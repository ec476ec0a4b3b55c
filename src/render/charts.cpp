#include "render/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/output.hpp"
#include "core/text.hpp"

namespace casestat::render {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kFont = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei','PingFang SC',sans-serif";
constexpr const char* kNow = "#2F5597";
constexpr const char* kBase = "#A5A5A5";

// The main indicators: counts in 件, in catalog order, those of this list first.
const std::vector<std::string> kMain = {"cases.received", "cases.filed", "pil.filed", "pil.pre_suit", "rec.issued",
                                        "support.cases",  "aid.cases",   "pet.received"};

const json* find(const json& data, const std::string& id) {
  for (const auto& i : data["indicators"])
    if (i.value("id", "") == id) return &i;
  return nullptr;
}

double num(const json& v) { return v.is_number() ? v.get<double>() : 0.0; }

std::string fmt_number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return fmt::format("{}", static_cast<long long>(std::llround(v)));
  return fmt::format("{:.2f}", v);
}

// A scale's top: 1, 2 or 5 times a power of ten, at or above the maximum.
double nice_top(double max) {
  if (max <= 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(max)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= max) return m * p;
  return 10 * p;
}

std::string header(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"{2}\" font-size=\"13\">\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n"
      "<text x=\"{3}\" y=\"26\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\">{4}</text>\n",
      width, height, kFont, width / 2, xml_escape(title));
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;  // not allowed in XML
        out += c;
    }
  }
  return out;
}

std::string main_indicators_svg(const json& data, const std::vector<std::string>& ids) {
  bool has_base = data.contains("base") && data["base"].is_object();
  const int plot_left = 60, plot_top = 60, plot_h = 300, slot = 96;
  const int width = plot_left + static_cast<int>(ids.size()) * slot + 30, height = plot_top + plot_h + 90;
  double max = 0;
  for (const auto& id : ids) {
    const json& i = *find(data, id);
    max = std::max({max, num(i["value"]), has_base ? num(i["base"]) : 0.0});
  }
  double top = nice_top(max);
  std::string title = data["period"].value("label", "") + "主要业务数据" +
                      (has_base ? "（与" + data["base"].value("label", "") + "对比）" : "");
  std::string svg = header(width, height, title);
  for (int k = 0; k <= 5; ++k) {  // grid and scale
    double v = top * k / 5;
    int y = plot_top + plot_h - static_cast<int>(std::lround(plot_h * k / 5.0));
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#e0e0e0\"/>\n", plot_left, y, width - 20, y);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#555\">{}</text>\n", plot_left - 6, y + 4,
                       fmt_number(v));
  }
  for (size_t n = 0; n < ids.size(); ++n) {
    const json& i = *find(data, ids[n]);
    int x0 = plot_left + static_cast<int>(n) * slot + 14;
    auto bar = [&](double v, int x, const char* color) {
      int h = static_cast<int>(std::lround(plot_h * v / top));
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"32\" height=\"{}\" fill=\"{}\"/>\n", x,
                         plot_top + plot_h - h, h, color);
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n", x + 16,
                         plot_top + plot_h - h - 4, fmt_number(v));
    };
    bar(num(i["value"]), x0, kNow);
    if (has_base) bar(num(i["base"]), x0 + 34, kBase);
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x0 + 33, plot_top + plot_h + 20,
                       xml_escape(i.value("name", "")));
  }
  int ly = height - 30;
  svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                     plot_left, ly - 11, kNow, plot_left + 20, ly, xml_escape(data["period"].value("label", "")));
  if (has_base)
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                       plot_left + 180, ly - 11, kBase, plot_left + 200, ly, xml_escape(data["base"].value("label", "")));
  return svg + "</svg>\n";
}

std::string by_office_svg(const json& data, const std::string& id) {
  const json& ind = *find(data, id);
  const auto& groups = data["groups"];
  size_t label_width = 4;
  std::vector<std::pair<std::string, double>> rows;
  for (const auto& g : groups) {
    double v = 0;
    for (const auto& x : g["indicators"])
      if (x.value("id", "") == id) v = num(x["value"]);
    rows.emplace_back(g.value("name", ""), v);
    label_width = std::max(label_width, display_width(g.value("name", "")));
  }
  // highest first, as a ranking is read
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  const int left = static_cast<int>(label_width) * 7 + 20, bar_h = 22, gap = 8, top_y = 50, plot_w = 420;
  const int width = left + plot_w + 70, height = top_y + static_cast<int>(rows.size()) * (bar_h + gap) + 20;
  double max = 0;
  for (const auto& r : rows) max = std::max(max, r.second);
  double top = nice_top(max);
  std::string unit = ind.value("unit", "");
  std::string svg = header(width, height, data["period"].value("label", "") + "各院" + ind.value("name", "") +
                                              (unit.empty() ? "" : "（" + unit + "）"));
  for (size_t n = 0; n < rows.size(); ++n) {
    int y = top_y + static_cast<int>(n) * (bar_h + gap);
    int w = static_cast<int>(std::lround(plot_w * rows[n].second / top));
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", left - 8, y + 16,
                       xml_escape(rows[n].first));
    svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", left, y, w, bar_h, kNow);
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", left + w + 6, y + 16,
                       fmt_number(unit == "万元" ? rows[n].second / 10000 : rows[n].second));
  }
  return svg + "</svg>\n";
}

std::vector<fs::path> write_charts(const json& data, const fs::path& out_dir, const std::string& stem) {
  std::vector<fs::path> written;
  std::vector<std::string> ids;
  for (const auto& id : kMain)
    if (const json* i = find(data, id); i && i->value("kind", "") == "count") ids.push_back(id);
  if (ids.empty())
    for (const auto& i : data["indicators"])
      if (i.value("kind", "") == "count" && ids.size() < 8) ids.push_back(i.value("id", ""));
  if (!ids.empty()) {
    fs::path path = out_dir / (stem + "-主要指标.svg");
    write_file_atomically(path, main_indicators_svg(data, ids));
    written.push_back(path);
  }
  if (data.contains("groups") && data["groups"].is_array() && !data["groups"].empty() && !ids.empty()) {
    const json& first = *find(data, ids.front());
    fs::path path = out_dir / (stem + "-各院" + first.value("name", "") + ".svg");
    write_file_atomically(path, by_office_svg(data, ids.front()));
    written.push_back(path);
  }
  return written;
}

}  // namespace casestat::render
