#include "render/workbook.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

#include "core/error.hpp"
#include "core/location.hpp"
#include "core/text.hpp"
#include "core/xlsx_handle.hpp"
#include "render/workbook_data.hpp"
#include "render/workbook_formats.hpp"
#include "render/workbook_layout.hpp"

namespace casestat::render {

using nlohmann::json;

namespace {

// Seconds since 1970 of a YYYY-MM-DD date at midnight UTC; 2000-01-01 when unreadable, so the
// file stays reproducible (0 would make libxlsxwriter take the current time).
std::time_t date_time(const std::string& iso) {
  std::tm t{};
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &t.tm_year, &t.tm_mon, &t.tm_mday) != 3 || t.tm_year < 1970 ||
      t.tm_mon < 1 || t.tm_mon > 12 || t.tm_mday < 1 || t.tm_mday > 31)
    return 946684800;
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return timegm(&t);
}

// "$B$4" or "B4", for the formulas of conditional formats (built from cell positions only,
// never from the data's text).
std::string cell_ref(lxw_row_t row, lxw_col_t col, bool absolute) {
  std::string d = absolute ? "$" : "";
  return d + column_letter(col) + d + std::to_string(row + 1);
}

class Writer {
 public:
  Writer(lxw_workbook* wb, const json& data, const SiteSettings& site, const Layout& layout)
      : wb_(wb), data_(data), site_(site), layout_(layout), f_(make_formats(wb)), by_id_(wb::indicators_by_id(data)) {}

  void sheet(const SheetSpec& spec) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, spec.name.c_str());
    if (!ws) fail(spec, "not a sheet name Excel accepts (at most 31 characters, none of []:*?/\\, each sheet its own)");
    widths_.clear();
    header_lines_ = 1;
    if (spec.kind == SheetSpec::Kind::summary)
      summary(ws, spec);
    else
      groups(ws, spec);
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::clamp(static_cast<double>(widths_[c]) * 1.1 + 2, 6.0, 48.0), nullptr);
    worksheet_set_row(ws, kHeaderRow, 14.0 * static_cast<double>(header_lines_) + 6, nullptr);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    std::string footer = fill_placeholders(layout_.footer, data_, site_, true);
    if (worksheet_set_footer(ws, footer.c_str()) != LXW_NO_ERROR)
      data_error("{}: the footer \"{}\" is longer than Excel's 255 characters", layout_.source.string(), footer);
    worksheet_freeze_panes(ws, kHeaderRow + 1, 1);
  }

 private:
  static constexpr lxw_row_t kHeaderRow = 2;
  static constexpr lxw_color_t kNowColor = 0x2F5597, kBaseColor = 0xA5A5A5;  // as in charts.cpp
  enum class ColKind { value, change, rank };
  struct Col {
    std::string id;
    ColKind kind;
  };

  [[noreturn]] void fail(const SheetSpec& spec, const std::string& what) const {
    data_error("{}: line {}: sheet \"{}\": {}", layout_.source.string(), spec.line, spec.name, what);
  }
  const json& indicator(const SheetSpec& spec, const std::string& id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) fail(spec, "the indicators have no \"" + id + "\"");
    return *it->second;
  }

  void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
    // Always a string cell: text from spreadsheets that looks like a formula stays text.
    worksheet_write_string(ws, r, c, s.c_str(), fmt);
    width(c, display_width(s));
  }
  // A header cell: the name, wrapped onto two lines when wider than `wrap_over` (a CJK character
  // counts 2), then the unit on a line of its own, so that "（件）" is never split.
  void header(lxw_worksheet* ws, lxw_col_t c, const std::string& name, const std::string& unit, size_t wrap_over) {
    size_t w = display_width(name), lines = 1;
    if (w > wrap_over) {
      w = (w + 1) / 2 + 1;
      lines = 2;
    }
    std::string s = name;
    if (!unit.empty()) {
      s += "\n（" + unit + "）";
      w = std::max(w, display_width(unit) + 4);
      ++lines;
    }
    worksheet_write_string(ws, kHeaderRow, c, s.c_str(), f_.header);
    width(c, w);
    header_lines_ = std::max(header_lines_, lines);
  }
  void width(lxw_col_t c, size_t w) {
    if (widths_.size() <= c) widths_.resize(c + 1, 0);
    widths_[c] = std::max(widths_[c], w);
  }
  void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, Number n, lxw_format* fmt) {
    if (n.present)
      worksheet_write_number(ws, r, c, n.value, fmt);
    else
      worksheet_write_string(ws, r, c, "—", fmt);
    width(c, 6);
  }
  void titles(lxw_worksheet* ws, const SheetSpec& spec, lxw_col_t last) {
    worksheet_merge_range(ws, 0, 0, 0, last, fill_placeholders(spec.title, data_, site_).c_str(), f_.title);
    worksheet_set_row(ws, 0, 30, nullptr);
    worksheet_merge_range(ws, 1, 0, 1, last, fill_placeholders(spec.subtitle, data_, site_).c_str(), f_.subtitle);
    worksheet_set_row(ws, 1, 32, nullptr);
  }
  void mark_negative(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c, lxw_row_t r2) {
    lxw_conditional_format negative{};
    negative.type = LXW_CONDITIONAL_TYPE_CELL;
    negative.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
    negative.value = 0;
    negative.format = f_.negative;
    worksheet_conditional_format_range(ws, r1, c, r2, c, &negative);
  }
  // The n lowest numbers of a column (ties included, as Excel's own "bottom n" does). A formula
  // rule, because libxlsxwriter 1.1.4 writes every top/bottom rule as "bottom 10"
  // (libxlsxwriter issue 386 on GitHub).
  void mark_lowest(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c, lxw_row_t r2, int n) {
    std::string first = cell_ref(r1, c, false);
    std::string formula = "=AND(ISNUMBER(" + first + ")," + first + "<=SMALL(" + cell_ref(r1, c, true) + ":" +
                          cell_ref(r2, c, true) + "," + std::to_string(n) + "))";
    lxw_conditional_format low{};
    low.type = LXW_CONDITIONAL_TYPE_FORMULA;
    low.value_string = formula.data();
    low.format = f_.low;
    worksheet_conditional_format_range(ws, r1, c, r2, c, &low);
  }

  void summary(lxw_worksheet* ws, const SheetSpec& spec) {
    bool has_base = wb::has_base(data_);
    const json& period = wb::field(data_, "period");
    const json& base = wb::field(data_, "base");
    std::string word = wb::text(base, "word", "同比");
    std::vector<std::string> head = {"板块", "指标", "单位", wb::text(period, "label", "本期")};
    if (has_base) {
      head.push_back(wb::text(base, "label", "去年同期"));
      head.push_back(word + "增减");
      head.push_back(word + "情况");
    }
    lxw_col_t last = static_cast<lxw_col_t>(head.size() - 1);
    titles(ws, spec, last);
    for (size_t c = 0; c < head.size(); ++c) header(ws, static_cast<lxw_col_t>(c), head[c], "", 40);
    lxw_row_t r = kHeaderRow + 1;
    for (const auto& [name, ids] : wb::sections_of(data_)) {
      if (!spec.sections.empty() && std::find(spec.sections.begin(), spec.sections.end(), name) == spec.sections.end())
        continue;
      for (const auto& id : ids) {
        const json& ind = indicator(spec, id);
        std::string unit = wb::text(ind, "unit");
        text(ws, r, 0, name, f_.text);
        text(ws, r, 1, wb::text(ind, "name", id), f_.text);
        text(ws, r, 2, unit, f_.text);
        number(ws, r, 3, value_number(wb::field(ind, "value"), unit), value_format(f_, ind, false));
        if (has_base) {
          number(ws, r, 4, value_number(wb::field(ind, "base"), unit), value_format(f_, ind, false));
          number(ws, r, 5, change_number(wb::field(ind, "change")), change_format(f_, ind, false));
          text(ws, r, 6, wb::text(ind, "change_text"), f_.text);
        }
        ++r;
      }
    }
    if (r == kHeaderRow + 1) fail(spec, "no indicator to show");
    worksheet_autofilter(ws, kHeaderRow, 0, r - 1, last);
    if (has_base) mark_negative(ws, kHeaderRow + 1, 5, r - 1);
    if (spec.has_chart) summary_chart(ws, spec, r + 1, has_base);
  }

  // The chart's data: a small table under the summary (指标, this period, base), as the chart
  // series need contiguous ranges.
  void summary_chart(lxw_worksheet* ws, const SheetSpec& spec, lxw_row_t first, bool has_base) {
    // The chart and its data print on a page of their own, not split after the table.
    lxw_row_t breaks[] = {first, 0};
    worksheet_set_h_pagebreaks(ws, breaks);
    text(ws, first, 1, "图表数据", f_.header);
    text(ws, first, 3, wb::text(wb::field(data_, "period"), "label"), f_.header);
    if (has_base) text(ws, first, 4, wb::text(wb::field(data_, "base"), "label"), f_.header);
    lxw_row_t r = first + 1;
    for (const auto& id : spec.chart.indicators) {
      const json& ind = indicator(spec, id);
      std::string unit = wb::text(ind, "unit");
      text(ws, r, 1, header_with_unit(ind), f_.text);
      number(ws, r, 3, value_number(wb::field(ind, "value"), unit), value_format(f_, ind, false));
      if (has_base) number(ws, r, 4, value_number(wb::field(ind, "base"), unit), value_format(f_, ind, false));
      ++r;
    }
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_COLUMN);
    add_series(chart, spec.name, first + 1, r - 1, 1, 3, first, 3, kNowColor);
    if (has_base) add_series(chart, spec.name, first + 1, r - 1, 1, 4, first, 4, kBaseColor);
    chart_title_set_name(chart, chart_title(spec).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options{};
    options.x_scale = 1.6;
    options.y_scale = 1.3;
    worksheet_insert_chart_opt(ws, r + 1, 1, chart, &options);
  }

  // libxlsxwriter reads a chart title starting with = as a cell reference: a title is text.
  std::string chart_title(const SheetSpec& spec) const {
    std::string title = fill_placeholders(spec.chart.title, data_, site_);
    if (!title.empty() && title[0] == '=') title.insert(0, " ");
    return title;
  }

  // A series with its figures printed on the bars, in the colours of the SVG charts.
  static void add_series(lxw_chart* chart, const std::string& sheet, lxw_row_t r1, lxw_row_t r2, lxw_col_t cat_col,
                         lxw_col_t val_col, lxw_row_t name_row, lxw_col_t name_col, lxw_color_t color) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), r1, cat_col, r2, cat_col);
    chart_series_set_values(s, sheet.c_str(), r1, val_col, r2, val_col);
    chart_series_set_name_range(s, sheet.c_str(), name_row, name_col);
    lxw_chart_fill fill{};
    fill.color = color;
    chart_series_set_fill(s, &fill);
    chart_series_set_labels(s);
  }

  // Columns: each indicator's value, then its change (`change`, with a base) and its rank (`rank`).
  std::vector<Col> group_columns(const SheetSpec& spec) const {
    std::vector<std::string> ids = spec.indicators;
    if (ids.empty())
      for (const auto& [name, section_ids] : wb::sections_of(data_)) ids.insert(ids.end(), section_ids.begin(), section_ids.end());
    auto has = [](const std::vector<std::string>& list, const std::string& id) {
      return std::find(list.begin(), list.end(), id) != list.end();
    };
    std::vector<Col> cols;
    for (const auto& id : ids) {
      indicator(spec, id);
      cols.push_back({id, ColKind::value});
      if (has(spec.change, id) && wb::has_base(data_)) cols.push_back({id, ColKind::change});
      if (has(spec.rank, id)) cols.push_back({id, ColKind::rank});
    }
    return cols;
  }

  void groups(lxw_worksheet* ws, const SheetSpec& spec) {
    if (!wb::field(data_, "groups").is_array())
      fail(spec, "it shows offices, but the indicators have no groups (compute them with --by unit)");
    const json& groups = data_["groups"];
    std::vector<Col> cols = group_columns(spec);
    std::string word = wb::text(wb::field(data_, "base"), "word", "同比");
    lxw_col_t last = static_cast<lxw_col_t>(cols.size());
    titles(ws, spec, last);
    header(ws, 0, "承办单位", "", 40);
    for (size_t c = 0; c < cols.size(); ++c) {
      const json& ind = *by_id_.at(cols[c].id);
      lxw_col_t col = static_cast<lxw_col_t>(c + 1);
      if (cols[c].kind == ColKind::rank)
        header(ws, col, "排名", "", 10);
      else if (cols[c].kind == ColKind::change)
        header(ws, col, word + "增减", "", 10);
      else
        header(ws, col, wb::text(ind, "name", cols[c].id), wb::text(ind, "unit"), 10);
    }
    lxw_row_t r = kHeaderRow + 1;
    for (const auto& g : groups) {
      text(ws, r, 0, wb::text(g, "name"), f_.text);
      for (size_t c = 0; c < cols.size(); ++c) {
        const json& ind = *by_id_.at(cols[c].id);
        const json& gi = wb::group_indicator(g, cols[c].id);
        lxw_col_t col = static_cast<lxw_col_t>(c + 1);
        if (cols[c].kind == ColKind::rank)
          number(ws, r, col, change_number(wb::field(gi, "rank")), f_.count);
        else if (cols[c].kind == ColKind::change)
          number(ws, r, col, change_number(wb::field(gi, "change")), change_format(f_, ind, false));
        else
          number(ws, r, col, value_number(wb::field(gi, "value"), wb::text(ind, "unit")), value_format(f_, ind, false));
      }
      ++r;
    }
    lxw_row_t last_group = r - 1;
    // 合计: the totals as computed (not a formula: a rate's total is not the sum of the offices' rates)
    text(ws, r, 0, "合计", f_.total_text);
    for (size_t c = 0; c < cols.size(); ++c) {
      const json& ind = *by_id_.at(cols[c].id);
      lxw_col_t col = static_cast<lxw_col_t>(c + 1);
      if (cols[c].kind == ColKind::rank)
        worksheet_write_blank(ws, r, col, f_.total_text);
      else if (cols[c].kind == ColKind::change)
        number(ws, r, col, change_number(wb::field(ind, "change")), change_format(f_, ind, true));
      else
        number(ws, r, col, value_number(wb::field(ind, "value"), wb::text(ind, "unit")), value_format(f_, ind, true));
    }
    for (size_t c = 0; c < cols.size(); ++c)
      if (cols[c].kind == ColKind::change) mark_negative(ws, kHeaderRow + 1, static_cast<lxw_col_t>(c + 1), r);
    if (groups.empty()) return;
    worksheet_autofilter(ws, kHeaderRow, 0, last_group, last);
    // At most half the offices are "the lowest": with three offices, marking three marks all.
    int lowest = std::min<int>(spec.mark_lowest, static_cast<int>(groups.size() / 2));
    if (lowest > 0)
      for (size_t c = 0; c < cols.size(); ++c)
        if (cols[c].kind == ColKind::value &&
            std::find(spec.rank.begin(), spec.rank.end(), cols[c].id) != spec.rank.end())
          mark_lowest(ws, kHeaderRow + 1, static_cast<lxw_col_t>(c + 1), last_group, lowest);
    if (spec.has_chart) groups_chart(ws, spec, cols, last_group, r + 2);
  }

  void groups_chart(lxw_worksheet* ws, const SheetSpec& spec, const std::vector<Col>& cols, lxw_row_t last_group,
                    lxw_row_t at) {
    size_t c = 0;
    while (c < cols.size() && (cols[c].id != spec.chart.indicator || cols[c].kind != ColKind::value)) ++c;
    if (c == cols.size()) fail(spec, "the chart's indicator " + spec.chart.indicator + " is not one of the sheet's columns");
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_BAR);
    lxw_col_t col = static_cast<lxw_col_t>(c + 1);
    add_series(chart, spec.name, kHeaderRow + 1, last_group, 0, col, kHeaderRow, col, kNowColor);
    chart_title_set_name(chart, chart_title(spec).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_reverse(chart->y_axis);  // offices top to bottom, as in the table
    lxw_chart_options options{};
    options.x_scale = 1.6;
    options.y_scale = std::max(1.2, static_cast<double>(last_group - kHeaderRow) / 10.0);
    worksheet_insert_chart_opt(ws, at, 0, chart, &options);
  }

  lxw_workbook* wb_;
  const json& data_;
  const SiteSettings& site_;
  const Layout& layout_;
  Formats f_;
  std::map<std::string, const json*> by_id_;
  std::vector<size_t> widths_;
  size_t header_lines_ = 1;
};

}  // namespace

void write_workbook(const json& data, const std::filesystem::path& layout_path, const std::filesystem::path& output,
                    const SiteSettings& site) {
  Layout layout = load_layout(layout_path, data);
  std::string title = fill_placeholders(layout.title, data, site);
  std::string author = site.count("author") ? site.at("author") : "";
  std::string company = site.count("org") ? site.at("org") : "";
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  props.company = company.data();
  XlsxHandle book(output, date_time(wb::text(data, "generated_on")), false, props);
  Writer writer(book.get(), data, site, layout);
  for (const auto& spec : layout.sheets) writer.sheet(spec);
  book.close();
}

}  // namespace casestat::render
