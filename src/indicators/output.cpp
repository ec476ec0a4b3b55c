#include "indicators/output.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace casestat {

using nlohmann::json;

namespace {

std::string value_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) {
    std::string s = v.dump();
    return s;
  }
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

std::string csv_field(const std::string& s, char sep) {
  if (sep == '\t') {  // TSV: no quoting; tabs and newlines inside a value become spaces
    std::string out = s;
    for (auto& c : out)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

using Table = std::vector<std::vector<std::string>>;

Table totals_table(const json& data, bool for_people) {
  Table t;
  bool has_base = !data["base"].is_null();
  std::string word = has_base ? data["base"].value("word", "同比") : "";
  if (for_people) {
    std::vector<std::string> head{"指标", data["period"]["label"].get<std::string>()};
    if (has_base) {
      head.push_back(data["base"]["label"].get<std::string>());
      head.push_back(word);
    }
    t.push_back(head);
    for (const auto& i : data["indicators"]) {
      std::vector<std::string> row{i["name"].get<std::string>(), i["display"].get<std::string>()};
      if (has_base) {
        row.push_back(i["base_display"].get<std::string>());
        row.push_back(i["change_text"].get<std::string>());
      }
      t.push_back(row);
    }
  } else {
    t.push_back({"id", "name", "value", "base", "change", "unit", "display", "base_display", "change_text"});
    for (const auto& i : data["indicators"])
      t.push_back({i["id"].get<std::string>(), i["name"].get<std::string>(), value_text(i["value"]),
                   value_text(i["base"]), value_text(i["change"]), i["unit"].get<std::string>(),
                   i["display"].get<std::string>(), i["base_display"].get<std::string>(),
                   i["change_text"].get<std::string>()});
  }
  return t;
}

Table groups_table(const json& data, bool for_people) {
  Table t;
  std::vector<std::string> head{data.value("by", "unit")};
  for (const auto& i : data["indicators"])
    head.push_back(for_people ? i["name"].get<std::string>() : i["id"].get<std::string>());
  if (!for_people)
    for (const auto& i : data["indicators"]) head.push_back(i["id"].get<std::string>() + ".rank");
  t.push_back(head);
  for (const auto& g : data["groups"]) {
    std::vector<std::string> row{g["name"].get<std::string>()};
    for (const auto& i : g["indicators"]) row.push_back(for_people ? i["display"].get<std::string>() : value_text(i["value"]));
    if (!for_people)
      for (const auto& i : g["indicators"]) row.push_back(value_text(i.value("rank", json())));
    t.push_back(row);
  }
  return t;
}

// The name of the grouping column, as a clerk heads it.
std::string group_heading(const std::string& by) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"unit", "单位"}, {"month", "月份"}, {"department", "部门"}, {"category", "类别"}, {"domain", "领域"}};
  for (const auto& [id, name] : kNames)
    if (by == id) return name;
  return by;
}

// A figure for a spreadsheet: the bulletin's own display with its unit taken off (the column
// heading carries the unit), so Excel reads a number rounded exactly as the text shows it:
// "303.83万元" -> 303.83, "62.5%" -> 62.5, "3578件" -> 3578; "—" (no figure) -> empty.
std::string sheet_figure(const json& item, const std::string& unit) {
  std::string d = item.value("display", "");
  if (d == "—") return "";
  if (!unit.empty() && d.size() >= unit.size() && d.compare(d.size() - unit.size(), unit.size(), unit) == 0)
    d.resize(d.size() - unit.size());
  return d;
}

std::string heading_with_unit(const json& indicator) {
  std::string unit = indicator.value("unit", "");
  return indicator["name"].get<std::string>() + (unit.empty() ? "" : "（" + unit + "）");
}

// CSV for Excel: Chinese headings (or the ids), figures as numbers in the heading's unit, no
// ranks (bulletins no longer rank offices; the JSON and TSV keep them).
Table sheet_table(const json& data, bool ids) {
  Table t;
  const json& indicators = data["indicators"];
  if (data.contains("groups")) {
    std::vector<std::string> head{group_heading(data.value("by", "unit"))};
    for (const auto& i : indicators) head.push_back(ids ? i["id"].get<std::string>() : heading_with_unit(i));
    t.push_back(head);
    for (const auto& g : data["groups"]) {
      std::vector<std::string> row{g["name"].get<std::string>()};
      for (size_t n = 0; n < g["indicators"].size() && n < indicators.size(); ++n)
        row.push_back(sheet_figure(g["indicators"][n], indicators[n].value("unit", "")));
      t.push_back(row);
    }
    return t;
  }
  bool has_base = !data["base"].is_null();
  std::vector<std::string> head;
  if (ids) head.push_back("id");
  for (const char* h : {"指标", "单位"}) head.push_back(h);
  head.push_back(data["period"]["label"].get<std::string>());
  if (has_base) {
    head.push_back(data["base"]["label"].get<std::string>());
    head.push_back(data["base"].value("word", "同比") + "增减");
  }
  t.push_back(head);
  for (const auto& i : indicators) {
    std::string unit = i.value("unit", "");
    std::vector<std::string> row;
    if (ids) row.push_back(i["id"].get<std::string>());
    row.push_back(i["name"].get<std::string>());
    row.push_back(unit);
    row.push_back(sheet_figure(i, unit));
    if (has_base) {
      json base = {{"display", i.value("base_display", "")}};
      row.push_back(sheet_figure(base, unit));
      row.push_back(i.value("change_text", ""));
    }
    t.push_back(row);
  }
  return t;
}

std::string aligned(const Table& t) {
  std::vector<size_t> widths;
  for (const auto& row : t)
    for (size_t c = 0; c < row.size(); ++c) {
      if (widths.size() <= c) widths.push_back(0);
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  std::string out;
  for (const auto& row : t) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

Format parse_format(std::string_view text, bool terminal) {
  if (text == "auto") return terminal ? Format::table : Format::json;
  if (text == "json") return Format::json;
  if (text == "table") return Format::table;
  if (text == "csv") return Format::csv;
  if (text == "tsv") return Format::tsv;
  if (text == "md" || text == "markdown") return Format::md;
  usage_error("--format {}: use json, table, csv, tsv or md", text);
}

std::string format_indicators(const json& data, Format format, bool ids) {
  if (format == Format::json) return data.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
  bool grouped = data.contains("groups");
  bool people = format == Format::table || format == Format::md;
  Table t = format == Format::csv ? sheet_table(data, ids)
            : grouped             ? groups_table(data, people)
                                  : totals_table(data, people);
  std::string out;
  switch (format) {
    case Format::table: {
      std::string title = data["period"]["label"].get<std::string>();
      if (!data["base"].is_null()) title += "（" + data["base"]["word"].get<std::string>() + "：" + data["base"]["label"].get<std::string>() + "）";
      return title + "\n" + aligned(t);
    }
    case Format::md:
      for (size_t r = 0; r < t.size(); ++r) {
        out += "|";
        for (const auto& cell : t[r]) out += " " + md_cell(cell) + " |";
        out += "\n";
        if (r == 0) {
          out += "|";
          for (size_t c = 0; c < t[r].size(); ++c) out += c == 0 ? " --- |" : " ---: |";
          out += "\n";
        }
      }
      return out;
    case Format::csv:
    case Format::tsv: {
      char sep = format == Format::csv ? ',' : '\t';
      if (format == Format::csv) out = kUtf8Bom;
      for (const auto& row : t) {
        for (size_t c = 0; c < row.size(); ++c) out += (c ? std::string(1, sep) : "") + csv_field(row[c], sep);
        out += format == Format::csv ? "\r\n" : "\n";
      }
      return out;
    }
    case Format::json: break;
  }
  return out;
}

}  // namespace casestat
