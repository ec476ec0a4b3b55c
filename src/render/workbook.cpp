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

// The sheet that holds the summary chart's figures, last in the workbook, so that the printed
// pages show the tables and the chart only.
constexpr const char* kChartDataSheet = "图表数据";

class Writer {
 public:
  Writer(lxw_workbook* wb, const json& data, const SiteSettings& site, const Layout& layout)
      : wb_(wb), data_(data), site_(site), layout_(layout), f_(wb), by_id_(wb::indicators_by_id(data)) {}

  void sheet(const SheetSpec& spec) {
    if (spec.name == kChartDataSheet) fail(spec, translate("the name \"{}\" is kept for the charts' figures", kChartDataSheet));
    lxw_worksheet* ws = workbook_add_worksheet(wb_, xml_text(spec.name).c_str());
    if (!ws) fail(spec, _("not a sheet name Excel accepts (at most 31 characters, none of []:*?/\\, each sheet its own)"));
    widths_.clear();
    header_lines_ = 1;
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    if (spec.kind == SheetSpec::Kind::summary)
      summary(ws, spec);
    else
      groups(ws, spec);
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), column_width(c), nullptr);
    std::string footer = xml_text(fill_placeholders(layout_.footer, data_, site_, true));
    if (worksheet_set_footer(ws, footer.c_str()) != LXW_NO_ERROR)
      data_error("{}: the footer \"{}\" is longer than Excel's 255 characters", layout_.source.string(), footer);
  }

  // The chart data sheet, when a chart needs one.
  void finish() {
    if (chart_rows_.empty()) return;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, kChartDataSheet);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    widths_.clear();
    for (const auto& row : chart_rows_) {
      for (size_t c = 0; c < row.cells.size(); ++c) {
        lxw_col_t col = static_cast<lxw_col_t>(c);
        if (row.header)
          text(ws, row.at, col, row.cells[c], f_.header);
        else if (c == 0)
          text(ws, row.at, col, row.cells[c], f_.text);
        else
          number(ws, row.at, col, row.numbers[c], f_.number(row.formats[c], CellStyle::plain));
      }
    }
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), column_width(c), nullptr);
  }

 private:
  static constexpr lxw_row_t kHeaderRow = 2;
  static constexpr lxw_color_t kNowColor = 0x2F5597, kBaseColor = 0xA5A5A5;  // as in charts.cpp
  // What one column of the per-office sheet shows of an indicator.
  enum class ColKind { value, base, change, rank };
  struct Col {
    std::string id;
    ColKind kind;
  };
  // A row of the chart data sheet: its header, or a name and its numbers.
  struct ChartRow {
    lxw_row_t at = 0;
    bool header = false;
    std::vector<std::string> cells;
    std::vector<Number> numbers;
    std::vector<std::string> formats;
  };

  [[noreturn]] void fail(const SheetSpec& spec, const std::string& what) const {
    data_error("{}: line {}: sheet \"{}\": {}", layout_.source.string(), spec.line, spec.name, what);
  }
  const json& indicator(const SheetSpec& spec, const std::string& id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) fail(spec, translate("the indicators have no \"{}\"", id));
    return *it->second;
  }
  double column_width(size_t c) const { return std::clamp(static_cast<double>(widths_[c]) * 1.1 + 2, 6.0, 48.0); }

  void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
    // Always a string cell: text from spreadsheets that looks like a formula stays text.
    worksheet_write_string(ws, r, c, xml_text(s).c_str(), fmt);
    width(c, display_width(s));
  }
  // Header text: the name, wrapped onto two lines when wider than `wrap_over` (a CJK character
  // counts 2), then the unit on a line of its own, so that "（件）" is never split. Returns the
  // width the text needs; `lines` grows to the lines it takes.
  static std::string header_text(const std::string& name, const std::string& unit, size_t wrap_over, size_t& w,
                                 size_t& lines) {
    size_t n = 1;
    w = display_width(name);
    if (w > wrap_over) {
      w = (w + 1) / 2 + 1;
      n = 2;
    }
    std::string s = name;
    if (!unit.empty()) {
      s += "\n（" + unit + "）";
      w = std::max(w, display_width(unit) + 4);
      ++n;
    }
    lines = std::max(lines, n);
    return s;
  }
  void header(lxw_worksheet* ws, lxw_col_t c, const std::string& name, const std::string& unit, size_t wrap_over) {
    size_t w = 0;
    std::string s = header_text(name, unit, wrap_over, w, header_lines_);
    worksheet_write_string(ws, kHeaderRow, c, xml_text(s).c_str(), f_.header);
    width(c, w);
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
    width(c, 7);
  }
  void titles(lxw_worksheet* ws, const SheetSpec& spec, lxw_col_t last) {
    worksheet_merge_range(ws, 0, 0, 0, last, xml_text(fill_placeholders(spec.title, data_, site_)).c_str(), f_.title);
    worksheet_set_row(ws, 0, 30, nullptr);
    worksheet_merge_range(ws, 1, 0, 1, last, xml_text(fill_placeholders(spec.subtitle, data_, site_)).c_str(),
                          f_.subtitle);
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
  // Marks the n lowest numbers of a column: a cell is marked when at most n numbers of the
  // column are lower than or equal to it, so never more than n cells are marked. Offices tied
  // across the n-th place are all left unmarked (picking some of equal figures would be
  // arbitrary), so a tie can make fewer than n marks, and a column of equal figures (every
  // office at 100%) has none. A formula rule, because libxlsxwriter 1.1.4 writes every
  // top/bottom rule as "bottom 10" (its issue 386), and Excel's own "bottom n" marks ties too.
  void mark_lowest(lxw_worksheet* ws, lxw_row_t r1, lxw_col_t c, lxw_row_t r2, int n) {
    std::string first = cell_ref(r1, c, false);
    std::string formula = "=AND(ISNUMBER(" + first + "),SUMPRODUCT(--(" + cell_ref(r1, c, true) + ":" +
                          cell_ref(r2, c, true) + "<=" + first + "))<=" + std::to_string(n) + ")";
    lxw_conditional_format low{};
    low.type = LXW_CONDITIONAL_TYPE_FORMULA;
    low.value_string = formula.data();
    low.format = f_.low;
    worksheet_conditional_format_range(ws, r1, c, r2, c, &low);
  }

  // The sections the sheet shows: in the layout's order when it lists them (the order of the
  // text bulletin), else in the indicators' order.
  std::vector<std::pair<std::string, std::vector<std::string>>> summary_sections(const SheetSpec& spec) const {
    auto all = wb::sections_of(data_);
    if (spec.sections.empty()) return all;
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& name : spec.sections)
      for (const auto& section : all)
        if (section.first == name) out.push_back(section);
    return out;
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
    worksheet_set_row(ws, kHeaderRow, 14.0 * static_cast<double>(header_lines_) + 6, nullptr);
    lxw_row_t r = kHeaderRow + 1;
    for (const auto& [name, ids] : summary_sections(spec)) {
      if (ids.empty()) continue;
      lxw_row_t first = r;
      for (const auto& id : ids) {
        const json& ind = indicator(spec, id);
        std::string unit = wb::text(ind, "unit");
        text(ws, r, 1, wb::text(ind, "name", id), f_.text);
        text(ws, r, 2, unit, f_.text);
        Number now = value_number(wb::field(ind, "value"), unit);
        number(ws, r, 3, now, f_.number(value_num_format(ind, now), CellStyle::plain));
        if (has_base) {
          Number then = value_number(wb::field(ind, "base"), unit);
          number(ws, r, 4, then, f_.number(value_num_format(ind, then), CellStyle::plain));
          Number change = change_number(wb::field(ind, "change"));
          number(ws, r, 5, change, f_.number(change_num_format(ind, change), CellStyle::plain));
          text(ws, r, 6, wb::text(ind, "change_text"), f_.text);
        }
        ++r;
      }
      // The section once, merged down its rows: a leader reads the page, nobody filters it.
      if (r - 1 > first)
        worksheet_merge_range(ws, first, 0, r - 1, 0, xml_text(name).c_str(), f_.section);
      else
        worksheet_write_string(ws, first, 0, xml_text(name).c_str(), f_.section);
      width(0, display_width(name));
    }
    if (r == kHeaderRow + 1) fail(spec, _("no indicator to show"));
    if (has_base) mark_negative(ws, kHeaderRow + 1, 5, r - 1);
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
    if (spec.has_chart) summary_chart(ws, spec, r + 1, has_base);
  }

  // The summary chart, on a page of its own under the table; its figures (指标, this period,
  // the base) go to the chart data sheet, as the series need contiguous ranges.
  void summary_chart(lxw_worksheet* ws, const SheetSpec& spec, lxw_row_t at, bool has_base) {
    lxw_row_t breaks[] = {at, 0};
    worksheet_set_h_pagebreaks(ws, breaks);
    lxw_row_t first = next_chart_row_;
    ChartRow head;
    head.at = first;
    head.header = true;
    head.cells = {"图表：" + chart_title(spec), wb::text(wb::field(data_, "period"), "label")};
    if (has_base) head.cells.push_back(wb::text(wb::field(data_, "base"), "label"));
    chart_rows_.push_back(head);
    lxw_row_t r = first + 1;
    for (const auto& id : spec.chart.indicators) {
      const json& ind = indicator(spec, id);
      std::string unit = wb::text(ind, "unit");
      ChartRow row;
      row.at = r++;
      row.cells = {header_with_unit(ind)};
      row.numbers = {Number{}};
      row.formats = {""};
      for (const char* key : {"value", "base"}) {
        if (std::string(key) == "base" && !has_base) break;
        Number n = value_number(wb::field(ind, key), unit);
        row.cells.emplace_back();
        row.numbers.push_back(n);
        row.formats.push_back(value_num_format(ind, n));
      }
      chart_rows_.push_back(row);
    }
    next_chart_row_ = r + 1;
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_COLUMN);
    add_series(chart, kChartDataSheet, first + 1, r - 1, 0, 1, first, 1, kNowColor);
    if (has_base) add_series(chart, kChartDataSheet, first + 1, r - 1, 0, 2, first, 2, kBaseColor);
    chart_title_set_name(chart, chart_title(spec).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options{};
    options.x_scale = 1.6;
    options.y_scale = 1.3;
    worksheet_insert_chart_opt(ws, at, 1, chart, &options);
  }

  // libxlsxwriter reads a chart title starting with = as a cell reference: a title is text.
  std::string chart_title(const SheetSpec& spec) const {
    std::string title = xml_text(fill_placeholders(spec.chart.title, data_, site_));
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

  // Columns: for each indicator what `columns` asks (this period, the base, the change; the
  // base and the change only with a base period), then its rank when `rank` names it.
  std::vector<Col> group_columns(const SheetSpec& spec) const {
    std::vector<std::string> ids = spec.indicators;
    if (ids.empty())
      for (const auto& [name, section_ids] : wb::sections_of(data_)) ids.insert(ids.end(), section_ids.begin(), section_ids.end());
    std::vector<Col> cols;
    bool has_base = wb::has_base(data_);
    for (const auto& id : ids) {
      indicator(spec, id);
      for (const auto& what : spec.columns) {
        if (what == "value") cols.push_back({id, ColKind::value});
        if (what == "base" && has_base) cols.push_back({id, ColKind::base});
        if (what == "change" && has_base) cols.push_back({id, ColKind::change});
      }
      if (std::find(spec.rank.begin(), spec.rank.end(), id) != spec.rank.end()) cols.push_back({id, ColKind::rank});
    }
    return cols;
  }

  std::string sub_heading(ColKind kind) const {
    std::string word = wb::text(wb::field(data_, "base"), "word", "同比");
    switch (kind) {
      case ColKind::value: return "本期";
      case ColKind::base: return word == "同比" ? "去年同期" : "上期";
      case ColKind::change: return word + "增减";
      case ColKind::rank: return "排名";
    }
    return "";
  }

  // A cell of an office (or of the 合计 row, `group` null) for a column.
  void group_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t col, const Col& c, const json* group) {
    const json& ind = *by_id_.at(c.id);
    const json& figures = group ? wb::group_indicator(*group, c.id) : ind;
    CellStyle style = group ? CellStyle::plain : CellStyle::total;
    std::string unit = wb::text(ind, "unit");
    Number n;
    std::string format;
    switch (c.kind) {
      case ColKind::value:
      case ColKind::base:
        n = value_number(wb::field(figures, c.kind == ColKind::value ? "value" : "base"), unit);
        format = value_num_format(ind, n);
        break;
      case ColKind::change:
        n = change_number(wb::field(figures, "change"));
        format = change_num_format(ind, n);
        break;
      case ColKind::rank:
        if (!group) {
          worksheet_write_blank(ws, r, col, f_.total_text);
          return;
        }
        n = change_number(wb::field(figures, "rank"));
        format = "0";
        break;
    }
    number(ws, r, col, n, f_.number(format, style));
  }

  // The per-office sheet, for print: one column of offices, two header rows (the indicator
  // over its 本期, 去年同期, 增减), landscape A4 at a readable scale, split between indicators
  // onto as many pages across as needed, with the header rows and the office column repeated
  // on every page.
  void groups(lxw_worksheet* ws, const SheetSpec& spec) {
    if (!wb::field(data_, "groups").is_array())
      fail(spec, _("it shows offices, but the indicators have no groups (compute them with --by unit)"));
    const json& groups = data_["groups"];
    std::vector<Col> cols = group_columns(spec);
    if (cols.empty()) fail(spec, _("no column to show"));
    const lxw_row_t sub_row = kHeaderRow + 1, first_row = kHeaderRow + 2;
    worksheet_merge_range(ws, kHeaderRow, 0, sub_row, 0, "单位", f_.header);
    width(0, 8);
    size_t name_lines = 1;
    for (size_t c = 0; c < cols.size();) {
      size_t end = c;
      while (end < cols.size() && cols[end].id == cols[c].id) ++end;
      const json& ind = *by_id_.at(cols[c].id);
      size_t w = 0;
      std::string name = header_text(wb::text(ind, "name", cols[c].id), wb::text(ind, "unit"),
                                     end - c > 1 ? 8 * (end - c) : 10, w, name_lines);
      lxw_col_t c1 = static_cast<lxw_col_t>(c + 1), c2 = static_cast<lxw_col_t>(end);
      if (c2 > c1) {
        worksheet_merge_range(ws, kHeaderRow, c1, kHeaderRow, c2, xml_text(name).c_str(), f_.header);
        for (size_t k = c; k < end; ++k) {
          worksheet_write_string(ws, sub_row, static_cast<lxw_col_t>(k + 1), sub_heading(cols[k].kind).c_str(), f_.header);
          width(static_cast<lxw_col_t>(k + 1), std::max<size_t>(8, (w + end - c - 1) / (end - c)));
        }
      } else {
        worksheet_merge_range(ws, kHeaderRow, c1, sub_row, c1, xml_text(name).c_str(), f_.header);
        width(c1, std::max<size_t>(w, 8));
      }
      c = end;
    }
    worksheet_set_row(ws, kHeaderRow, 14.0 * static_cast<double>(name_lines) + 6, nullptr);
    worksheet_set_row(ws, sub_row, 20, nullptr);
    lxw_row_t r = first_row;
    for (const auto& g : groups) {
      text(ws, r, 0, wb::text(g, "name"), f_.text);
      for (size_t c = 0; c < cols.size(); ++c) group_cell(ws, r, static_cast<lxw_col_t>(c + 1), cols[c], &g);
      ++r;
    }
    lxw_row_t last_group = r - 1;
    // 合计: the totals as computed (not a formula: a rate's total is not the sum of the offices' rates)
    text(ws, r, 0, "合计", f_.total_text);
    for (size_t c = 0; c < cols.size(); ++c) group_cell(ws, r, static_cast<lxw_col_t>(c + 1), cols[c], nullptr);
    for (size_t c = 0; c < cols.size(); ++c)
      if (cols[c].kind == ColKind::change) mark_negative(ws, first_row, static_cast<lxw_col_t>(c + 1), r);
    // The titles span the first page across, so that they print whole.
    std::vector<lxw_col_t> breaks = print_across(ws, cols, r);
    titles(ws, spec, breaks.empty() ? static_cast<lxw_col_t>(cols.size()) : static_cast<lxw_col_t>(breaks[0] - 1));
    if (groups.empty()) return;
    // At most half the offices are "the lowest": with three offices, marking three marks all.
    int lowest = std::min<int>(spec.mark_lowest, static_cast<int>(groups.size() / 2));
    if (lowest > 0)
      for (size_t c = 0; c < cols.size(); ++c)
        if (cols[c].kind == ColKind::value &&
            std::find(spec.lowest.begin(), spec.lowest.end(), cols[c].id) != spec.lowest.end())
          mark_lowest(ws, first_row, static_cast<lxw_col_t>(c + 1), last_group, lowest);
    if (spec.has_chart) groups_chart(ws, spec, cols, first_row, last_group, r + 2);
  }

  // Page setup of the per-office sheet: the office column and both header rows on every page;
  // page breaks only between indicators, at the largest print scale (100% down to 75%) that
  // needs no more pages across than 75% does. Returns the breaks (the first column of each
  // page after the first).
  std::vector<lxw_col_t> print_across(lxw_worksheet* ws, const std::vector<Col>& cols, lxw_row_t last_row) {
    worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow + 1);
    worksheet_repeat_columns(ws, 0, 0);
    worksheet_freeze_panes(ws, kHeaderRow + 2, 1);
    // A4 landscape between the default margins holds about 740 pt, about 105 column width
    // units at 100% as LibreOffice prints them (a unit is some 7 pt there); 100 leaves room.
    constexpr double kPageWidth = 100;
    auto breaks_at = [&](int scale) {
      std::vector<lxw_col_t> breaks;
      double room = kPageWidth * 100 / scale - column_width(0), used = 0;
      for (size_t c = 0; c < cols.size();) {
        size_t end = c;
        double w = 0;
        while (end < cols.size() && cols[end].id == cols[c].id) w += column_width(++end);
        if (used > 0 && used + w > room) {
          breaks.push_back(static_cast<lxw_col_t>(c + 1));
          used = 0;
        }
        used += w;
        c = end;
      }
      return breaks;
    };
    int scale = 100;
    size_t fewest = breaks_at(75).size();
    while (scale > 75 && breaks_at(scale).size() > fewest) scale -= 5;
    std::vector<lxw_col_t> breaks = breaks_at(scale);
    worksheet_set_print_scale(ws, static_cast<uint16_t>(scale));
    if (!breaks.empty()) {
      std::vector<lxw_col_t> terminated = breaks;
      terminated.push_back(0);
      worksheet_set_v_pagebreaks(ws, terminated.data());
    }
    worksheet_print_area(ws, 0, 0, last_row, static_cast<lxw_col_t>(cols.size()));
    return breaks;
  }

  void groups_chart(lxw_worksheet* ws, const SheetSpec& spec, const std::vector<Col>& cols, lxw_row_t first_row,
                    lxw_row_t last_group, lxw_row_t at) {
    size_t c = 0;
    while (c < cols.size() && (cols[c].id != spec.chart.indicator || cols[c].kind != ColKind::value)) ++c;
    if (c == cols.size()) fail(spec, translate("the chart's indicator {} is not one of the sheet's columns", spec.chart.indicator));
    lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_BAR);
    lxw_col_t col = static_cast<lxw_col_t>(c + 1);
    add_series(chart, spec.name, first_row, last_group, 0, col, kHeaderRow, col, kNowColor);
    chart_title_set_name(chart, chart_title(spec).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    chart_axis_set_reverse(chart->y_axis);  // offices top to bottom, as in the table
    lxw_chart_options options{};
    options.x_scale = 1.6;
    options.y_scale = std::max(1.2, static_cast<double>(last_group - first_row + 1) / 10.0);
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
  std::vector<ChartRow> chart_rows_;
  lxw_row_t next_chart_row_ = 0;
};

}  // namespace

void write_workbook(const json& data, const std::filesystem::path& layout_path, const std::filesystem::path& output,
                    const SiteSettings& site) {
  Layout layout = load_layout(layout_path, data);
  std::string title = xml_text(fill_placeholders(layout.title, data, site));
  std::string author = xml_text(site.count("author") ? site.at("author") : "");
  std::string company = xml_text(site.count("org") ? site.at("org") : "");
  lxw_doc_properties props{};
  props.title = title.data();
  props.author = author.data();
  props.company = company.data();
  XlsxHandle book(output, date_time(wb::text(data, "generated_on")), false, props);
  Writer writer(book.get(), data, site, layout);
  for (const auto& spec : layout.sheets) writer.sheet(spec);
  writer.finish();
  book.close();
}

}  // namespace casestat::render
