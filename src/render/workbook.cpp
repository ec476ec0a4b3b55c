#include "render/workbook.hpp"

#include <algorithm>
#include <ctime>
#include <map>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/xlsx_handle.hpp"
#include "render/workbook_layout.hpp"

namespace casestat::render {

using nlohmann::json;

namespace {

// {period} {base} {word} {from} {to} {area} {org} {sources} {catalog} {generated_on}
std::string fill(std::string text, const json& data, const SiteSettings& site) {
  std::map<std::string, std::string> values = site;
  values["period"] = data["period"].value("label", "");
  values["from"] = data["period"].value("from", "");
  values["to"] = data["period"].value("to", "");
  bool has_base = data.contains("base") && data["base"].is_object();
  values["base"] = has_base ? data["base"].value("label", "") : "";
  values["word"] = has_base ? data["base"].value("word", "") : "";
  values["generated_on"] = data.value("generated_on", "");
  values["catalog"] = std::filesystem::path(data.value("catalog", "")).filename().string();
  std::string sources;
  for (const auto& s : data.value("sources", json::array())) sources += (sources.empty() ? "" : "、") + s.value("file", "");
  values["sources"] = sources.empty() ? "（无）" : sources;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(text.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

// Seconds since 1970 of a YYYY-MM-DD date at midnight UTC (0 when unreadable: libxlsxwriter's "now").
std::time_t date_time(const std::string& iso) {
  std::tm t{};
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &t.tm_year, &t.tm_mon, &t.tm_mday) != 3) return 1;
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return timegm(&t);
}

struct Formats {
  lxw_format *title, *subtitle, *header, *text, *count, *money, *rate, *change, *points, *total_text, *total_count,
      *total_money, *total_rate, *low, *negative;
};

Formats make_formats(lxw_workbook* wb) {
  auto f = [&](auto setup) {
    lxw_format* x = workbook_add_format(wb);
    format_set_font_name(x, "宋体");
    format_set_font_size(x, 11);
    setup(x);
    return x;
  };
  auto bordered = [](lxw_format* x) {
    format_set_border(x, LXW_BORDER_THIN);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  };
  Formats s{};
  s.title = f([](lxw_format* x) {
    format_set_bold(x);
    format_set_font_size(x, 16);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  s.subtitle = f([](lxw_format* x) {
    format_set_font_size(x, 10);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_LEFT);
    format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
  });
  s.header = f([&](lxw_format* x) {
    bordered(x);
    format_set_bold(x);
    format_set_bg_color(x, 0xDDEBF7);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_CENTER);
  });
  s.text = f([&](lxw_format* x) { bordered(x); });
  s.count = f([&](lxw_format* x) { bordered(x); format_set_num_format(x, "#,##0"); });
  s.money = f([&](lxw_format* x) { bordered(x); format_set_num_format(x, "#,##0.00"); });
  s.rate = f([&](lxw_format* x) { bordered(x); format_set_num_format(x, "0.0%"); });
  s.change = f([&](lxw_format* x) { bordered(x); format_set_num_format(x, "0.0%"); });
  s.points = f([&](lxw_format* x) { bordered(x); format_set_num_format(x, "0.0\"个百分点\""); });
  auto bold_of = [&](auto setup) {
    return f([&](lxw_format* x) {
      bordered(x);
      format_set_bold(x);
      format_set_bg_color(x, 0xF2F2F2);
      setup(x);
    });
  };
  s.total_text = bold_of([](lxw_format*) {});
  s.total_count = bold_of([](lxw_format* x) { format_set_num_format(x, "#,##0"); });
  s.total_money = bold_of([](lxw_format* x) { format_set_num_format(x, "#,##0.00"); });
  s.total_rate = bold_of([](lxw_format* x) { format_set_num_format(x, "0.0%"); });
  s.low = workbook_add_format(wb);
  format_set_bg_color(s.low, 0xFFC7CE);
  format_set_font_color(s.low, 0x9C0006);
  s.negative = workbook_add_format(wb);
  format_set_font_color(s.negative, 0xC00000);
  return s;
}

// The number a cell holds for an indicator's value: counts as they are, money in 万元 (or 元),
// rates as fractions (shown as %).
struct Number {
  bool present = false;
  double value = 0;
};
Number cell_number(const json& v, const std::string& unit) {
  if (!v.is_number()) return {};
  double x = v.get<double>();
  if (unit == "万元") x /= 10000.0;  // the JSON has 元
  return {true, x};
}
lxw_format* format_for(const Formats& f, const std::string& unit, const std::string& kind, bool total) {
  if (kind == "ratio" || unit == "%") return total ? f.total_rate : f.rate;
  if (unit == "万元" || unit == "元") return total ? f.total_money : f.money;
  return total ? f.total_count : f.count;
}
std::string header_with_unit(const json& ind) {
  std::string unit = ind.value("unit", "");
  std::string name = ind.value("name", "");
  return unit.empty() || unit == "%" ? name + (unit == "%" ? "（%）" : "") : name + "（" + unit + "）";
}

class Writer {
 public:
  Writer(lxw_workbook* wb, const json& data, const SiteSettings& site, const Layout& layout)
      : wb_(wb), data_(data), site_(site), layout_(layout), f_(make_formats(wb)) {
    for (const auto& i : data["indicators"]) by_id_[i.value("id", "")] = &i;
  }

  void sheet(const SheetSpec& spec) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, spec.name.c_str());
    if (!ws) data_error("{}: line {}: sheet \"{}\": not a name Excel accepts (at most 31 characters, none of []:*?/\\, "
                        "and each sheet its own name)",
                        layout_.source.string(), spec.line, spec.name);
    widths_.clear();
    if (spec.kind == SheetSpec::Kind::summary)
      summary(ws, spec);
    else
      groups(ws, spec);
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::clamp(static_cast<double>(widths_[c]) * 1.1 + 2, 8.0, 48.0), nullptr);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    std::string footer = fill(layout_.footer, data_, site_);
    worksheet_set_footer(ws, footer.c_str());
    worksheet_freeze_panes(ws, kHeaderRow + 1, 1);
  }

 private:
  static constexpr lxw_row_t kHeaderRow = 2;

  void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
    // Always a string cell: text from spreadsheets that looks like a formula stays text.
    worksheet_write_string(ws, r, c, s.c_str(), fmt);
    if (fmt == f_.header)  // headers wrap onto two lines: half their width is enough
      width(c, std::string((display_width(s) + 1) / 2 + 1, 'x'));
    else
      width(c, s);
  }
  void width(lxw_col_t c, const std::string& s) {
    if (widths_.size() <= c) widths_.resize(c + 1, 0);
    widths_[c] = std::max(widths_[c], display_width(s));
  }
  void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, Number n, lxw_format* fmt) {
    if (n.present)
      worksheet_write_number(ws, r, c, n.value, fmt);
    else
      worksheet_write_string(ws, r, c, "—", fmt);
    width(c, "00000000");
  }
  void titles(lxw_worksheet* ws, const SheetSpec& spec, lxw_col_t last) {
    worksheet_merge_range(ws, 0, 0, 0, last, fill(spec.title, data_, site_).c_str(), f_.title);
    worksheet_set_row(ws, 0, 30, nullptr);
    worksheet_merge_range(ws, 1, 0, 1, last, fill(spec.subtitle, data_, site_).c_str(), f_.subtitle);
    worksheet_set_row(ws, 1, 32, nullptr);
  }

  void summary(lxw_worksheet* ws, const SheetSpec& spec) {
    bool has_base = data_["base"].is_object();
    std::string word = has_base ? data_["base"].value("word", "同比") : "";
    std::vector<std::string> head = {"板块", "指标", "单位", data_["period"].value("label", "本期")};
    if (has_base) {
      head.push_back(data_["base"].value("label", "去年同期"));
      head.push_back(word + "增减");
      head.push_back(word + "情况");
    }
    lxw_col_t last = static_cast<lxw_col_t>(head.size() - 1);
    titles(ws, spec, last);
    for (size_t c = 0; c < head.size(); ++c) text(ws, kHeaderRow, static_cast<lxw_col_t>(c), head[c], f_.header);
    lxw_row_t r = kHeaderRow + 1;
    for (const auto& section : data_["sections"]) {
      std::string name = section.value("name", "");
      if (!spec.sections.empty() && std::find(spec.sections.begin(), spec.sections.end(), name) == spec.sections.end())
        continue;
      for (const auto& id : section["ids"]) {
        const json& ind = *by_id_.at(id.get<std::string>());
        std::string unit = ind.value("unit", ""), kind = ind.value("kind", "count");
        text(ws, r, 0, name, f_.text);
        text(ws, r, 1, ind.value("name", ""), f_.text);
        text(ws, r, 2, unit, f_.text);
        number(ws, r, 3, cell_number(ind["value"], unit), format_for(f_, unit, kind, false));
        if (has_base) {
          number(ws, r, 4, cell_number(ind["base"], unit), format_for(f_, unit, kind, false));
          Number change;
          if (ind["change"].is_number()) change = {true, ind["change"].get<double>()};
          number(ws, r, 5, change, kind == "ratio" ? f_.points : f_.change);
          text(ws, r, 6, ind.value("change_text", ""), f_.text);
        }
        rows_[ind.value("id", "")] = r;
        ++r;
      }
    }
    if (r == kHeaderRow + 1) data_error("{}: line {}: sheet {}: no indicator to show", layout_.source.string(), spec.line, spec.name);
    worksheet_autofilter(ws, kHeaderRow, 0, r - 1, last);
    if (has_base) {
      lxw_conditional_format negative{};
      negative.type = LXW_CONDITIONAL_TYPE_CELL;
      negative.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
      negative.value = 0;
      negative.format = f_.negative;
      worksheet_conditional_format_range(ws, kHeaderRow + 1, 5, r - 1, 5, &negative);
    }
    if (spec.has_chart) summary_chart(ws, spec, r + 1, has_base);
  }

  // The chart's data: a small table under the summary (指标, this period, base), as the chart
  // series need contiguous ranges.
  void summary_chart(lxw_worksheet* ws, const SheetSpec& spec, lxw_row_t first, bool has_base) {
    text(ws, first, 1, "图表数据", f_.header);
    text(ws, first, 3, data_["period"].value("label", ""), f_.header);
    if (has_base) text(ws, first, 4, data_["base"].value("label", ""), f_.header);
    lxw_row_t r = first + 1;
    for (const auto& id : spec.chart.indicators) {
      const json& ind = *by_id_.at(id);
      std::string unit = ind.value("unit", "");
      text(ws, r, 1, header_with_unit(ind), f_.text);
      number(ws, r, 3, cell_number(ind["value"], unit), format_for(f_, unit, ind.value("kind", ""), false));
      if (has_base) number(ws, r, 4, cell_number(ind["base"], unit), format_for(f_, unit, ind.value("kind", ""), false));
      ++r;
    }
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_COLUMN);
    std::string sheet = worksheet_name(ws);
    add_series(chart, sheet, first + 1, r - 1, 1, 3, first, 3);
    if (has_base) add_series(chart, sheet, first + 1, r - 1, 1, 4, first, 4);
    chart_title_set_name(chart, fill(spec.chart.title, data_, site_).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options{};
    options.x_scale = 1.6;
    options.y_scale = 1.3;
    worksheet_insert_chart_opt(ws, r + 1, 1, chart, &options);
  }

  static std::string worksheet_name(lxw_worksheet* ws) { return ws->name; }

  static void add_series(lxw_chart* chart, const std::string& sheet, lxw_row_t r1, lxw_row_t r2, lxw_col_t cat_col,
                         lxw_col_t val_col, lxw_row_t name_row, lxw_col_t name_col) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), r1, cat_col, r2, cat_col);
    chart_series_set_values(s, sheet.c_str(), r1, val_col, r2, val_col);
    chart_series_set_name_range(s, sheet.c_str(), name_row, name_col);
  }

  void groups(lxw_worksheet* ws, const SheetSpec& spec) {
    if (!data_.contains("groups") || !data_["groups"].is_array())
      data_error("{}: line {}: sheet {} shows offices, but the indicators have no groups (compute them with --by unit)",
                 layout_.source.string(), spec.line, spec.name);
    std::vector<std::string> ids = spec.indicators;
    if (ids.empty())
      for (const auto& i : data_["indicators"]) ids.push_back(i.value("id", ""));
    // columns: office, then each indicator, with a rank column after the ranked ones
    struct Col {
      std::string id;
      bool rank;
    };
    std::vector<Col> cols;
    for (const auto& id : ids) {
      cols.push_back({id, false});
      if (std::find(spec.rank.begin(), spec.rank.end(), id) != spec.rank.end()) cols.push_back({id, true});
    }
    lxw_col_t last = static_cast<lxw_col_t>(cols.size());
    titles(ws, spec, last);
    text(ws, kHeaderRow, 0, "承办单位", f_.header);
    for (size_t c = 0; c < cols.size(); ++c) {
      const json& ind = *by_id_.at(cols[c].id);
      text(ws, kHeaderRow, static_cast<lxw_col_t>(c + 1), cols[c].rank ? "排名" : header_with_unit(ind), f_.header);
    }
    worksheet_set_row(ws, kHeaderRow, 36, nullptr);
    lxw_row_t r = kHeaderRow + 1;
    const auto& groups = data_["groups"];
    for (const auto& g : groups) {
      text(ws, r, 0, g.value("name", ""), f_.text);
      for (size_t c = 0; c < cols.size(); ++c) {
        const json* gi = nullptr;
        for (const auto& x : g["indicators"])
          if (x.value("id", "") == cols[c].id) gi = &x;
        const json& ind = *by_id_.at(cols[c].id);
        lxw_col_t col = static_cast<lxw_col_t>(c + 1);
        if (!gi) {
          number(ws, r, col, {}, f_.text);
        } else if (cols[c].rank) {
          Number rank;
          if (gi->contains("rank") && (*gi)["rank"].is_number()) rank = {true, (*gi)["rank"].get<double>()};
          number(ws, r, col, rank, f_.count);
        } else {
          number(ws, r, col, cell_number((*gi)["value"], ind.value("unit", "")),
                 format_for(f_, ind.value("unit", ""), ind.value("kind", ""), false));
        }
      }
      ++r;
    }
    lxw_row_t last_group = r - 1;
    // 合计: the totals as computed (not a formula: a rate's total is not the sum of the offices' rates)
    text(ws, r, 0, "合计", f_.total_text);
    for (size_t c = 0; c < cols.size(); ++c) {
      const json& ind = *by_id_.at(cols[c].id);
      lxw_col_t col = static_cast<lxw_col_t>(c + 1);
      if (cols[c].rank)
        worksheet_write_blank(ws, r, col, f_.total_text);
      else
        number(ws, r, col, cell_number(ind["value"], ind.value("unit", "")),
               format_for(f_, ind.value("unit", ""), ind.value("kind", ""), true));
    }
    if (!groups.empty()) {
      worksheet_autofilter(ws, kHeaderRow, 0, last_group, last);
      if (spec.mark_lowest > 0) {
        for (size_t c = 0; c < cols.size(); ++c) {
          if (cols[c].rank || std::find(spec.rank.begin(), spec.rank.end(), cols[c].id) == spec.rank.end()) continue;
          lxw_conditional_format low{};
          low.type = LXW_CONDITIONAL_TYPE_BOTTOM;
          low.value = spec.mark_lowest;
          low.format = f_.low;
          worksheet_conditional_format_range(ws, kHeaderRow + 1, static_cast<lxw_col_t>(c + 1), last_group,
                                      static_cast<lxw_col_t>(c + 1), &low);
        }
      }
      if (spec.has_chart) {
        size_t c = 0;
        while (c < cols.size() && (cols[c].id != spec.chart.indicator || cols[c].rank)) ++c;
        if (c == cols.size())
          data_error("{}: line {}: sheet {}: the chart's indicator {} is not one of the sheet's columns",
                     layout_.source.string(), spec.line, spec.name, spec.chart.indicator);
        lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_BAR);
        std::string sheet = worksheet_name(ws);
        add_series(chart, sheet, kHeaderRow + 1, last_group, 0, static_cast<lxw_col_t>(c + 1), kHeaderRow,
                   static_cast<lxw_col_t>(c + 1));
        chart_title_set_name(chart, fill(spec.chart.title, data_, site_).c_str());
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        chart_axis_set_reverse(chart->y_axis);  // offices top to bottom, as in the table
        lxw_chart_options options{};
        options.x_scale = 1.6;
        options.y_scale = std::max(1.2, static_cast<double>(groups.size()) / 10.0);
        worksheet_insert_chart_opt(ws, r + 2, 0, chart, &options);
      }
    }
  }

  lxw_workbook* wb_;
  const json& data_;
  const SiteSettings& site_;
  const Layout& layout_;
  Formats f_;
  std::map<std::string, const json*> by_id_;
  std::map<std::string, lxw_row_t> rows_;
  std::vector<size_t> widths_;
};

}  // namespace

void write_workbook(const json& data, const std::filesystem::path& layout_path, const std::filesystem::path& output,
                    const SiteSettings& site) {
  Layout layout = load_layout(layout_path, data);
  std::string title = fill(layout.title, data, site);
  std::string author = site.count("author") ? site.at("author") : "";
  std::string company = site.count("org") ? site.at("org") : "";
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  props.company = company.data();
  XlsxHandle book(output, date_time(data.value("generated_on", "")), false, props);
  Writer writer(book.get(), data, site, layout);
  for (const auto& spec : layout.sheets) writer.sheet(spec);
  book.close();
}

}  // namespace casestat::render
