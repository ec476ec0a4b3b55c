#include "ingest/problems.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/output.hpp"
#include "core/xlsx_handle.hpp"
#include "ingest/convert.hpp"

namespace casestat {

namespace {

// The date each ledger cannot do without: it decides the period a row counts in.
const char* required_date(Ledger ledger) {
  switch (ledger) {
    case Ledger::cases: return "received_on";
    case Ledger::recommendations: return "issued_on";
    case Ledger::petitions: return "received_on";
  }
  return "received_on";
}

const char* kEarliest = "2000-01-01";

std::string name_of(const Field* field, const std::string& fallback) { return field ? field->name : fallback; }

}  // namespace

const char* summary_words(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::unreadable: return N_("unreadable values");
    case ProblemKind::flag_word: return N_("是/否 values outside the office's words");
    case ProblemKind::missing_date: return N_("required dates missing");
    case ProblemKind::future_date: return N_("dates in the future");
    case ProblemKind::early_date: return N_("dates before 2000");
    case ProblemKind::closed_before: return N_("closed before received");
    case ProblemKind::replied_before: return N_("replied before issued or received");
    case ProblemKind::duplicate_in_file: return N_("case numbers twice in one file");
    case ProblemKind::duplicate_across: return N_("case numbers also in another file");
    case ProblemKind::unknown_office: return N_("unknown offices");
    case ProblemKind::merged_money: return N_("merged money cells");
    case ProblemKind::unreadable_sheet: return N_("unreadable sheets or files");
  }
  return N_("problems");
}

ProblemList::ProblemList(std::string today, const Offices& offices, const Dictionary& dictionary)
    : today_(std::move(today)), offices_(offices), dictionary_(dictionary) {}

void ProblemList::start_sheet(const std::string& file, const std::string& sheet, Ledger ledger) {
  file_ = file;
  sheet_ = sheet;
  ledger_ = ledger;
  columns_.clear();
  sheet_start_ = problems_.size();
}

void ProblemList::finish_sheet(const SheetSummary& summary) {
  columns_ = summary.columns;
  for (size_t i = sheet_start_; i < problems_.size(); ++i)
    for (const auto& c : columns_)
      if (problems_[i].field && c.field == problems_[i].field) problems_[i].column = c.header;
  const Field* required = dictionary_.find(required_date(ledger_));
  if (!required || std::any_of(columns_.begin(), columns_.end(), [&](const Column& c) { return c.field == required; }))
    return;
  // Without the column, one problem for the sheet says it, rather than one per row.
  auto from = problems_.begin() + static_cast<std::ptrdiff_t>(sheet_start_);
  problems_.erase(std::remove_if(from, problems_.end(),
                                 [&](const Problem& p) { return p.kind == ProblemKind::missing_date && p.field == required; }),
                  problems_.end());
  Problem p{ProblemKind::missing_date, file_, sheet_, summary.header_row, required->name, "", "", "",
            fmt::format("表中没有「{}」列：各行无法计入任何期间", required->name),
            fmt::format("加上「{}」列并逐行填写", required->name), required};
  problems_.push_back(std::move(p));
}

std::string ProblemList::value_of(const Record& record, const char* id) const {
  const Field* field = dictionary_.find(id);
  for (const auto& [f, value] : record.values)
    if (f == field) {
      if (const auto* text = std::get_if<std::string>(&value)) return *text;
      if (const auto* number = std::get_if<int64_t>(&value)) return std::to_string(*number);
    }
  return "";
}

void ProblemList::add(ProblemKind kind, const Record& record, const Field* field, std::string value,
                      std::string problem, std::string fix) {
  // the column's header replaces the field's name in finish_sheet()
  problems_.push_back({kind, file_, sheet_, record.row, name_of(field, ""), std::move(value),
                       value_of(record, "department"), value_of(record, "unit"), std::move(problem), std::move(fix),
                       field});
}

void ProblemList::check_record(const Record& record) {
  const Field* required = dictionary_.find(required_date(ledger_));
  if (required && value_of(record, required->id.c_str()).empty())
    add(ProblemKind::missing_date, record, required, "", fmt::format("缺少{}：这一行不计入任何期间", required->name),
        fmt::format("补填{}", required->name));
  for (const auto& [field, value] : record.values) {
    if (field->type != FieldType::date) continue;
    const std::string& date = std::get<std::string>(value);
    if (date > today_)
      add(ProblemKind::future_date, record, field, date, fmt::format("{}晚于今天（{}）", field->name, today_),
          "核对并改正日期");
    else if (date < kEarliest)
      add(ProblemKind::early_date, record, field, date, fmt::format("{}早于2000年", field->name),
          "核对并改正日期（年份可能录错）");
  }
  std::string received = value_of(record, "received_on");
  std::string closed = value_of(record, "closed_on");
  if (!received.empty() && !closed.empty() && closed < received)
    add(ProblemKind::closed_before, record, dictionary_.find("closed_on"), closed,
        fmt::format("办结日期早于受理日期（{}）", received), "核对受理日期和办结日期，改正录错的一个");
  std::string replied = value_of(record, "replied_on");
  const char* before_id = ledger_ == Ledger::recommendations ? "issued_on" : "received_on";
  std::string before = value_of(record, before_id);
  if (!replied.empty() && !before.empty() && replied < before) {
    const Field* before_field = dictionary_.find(before_id);
    add(ProblemKind::replied_before, record, dictionary_.find("replied_on"), replied,
        fmt::format("回复日期早于{}（{}）", name_of(before_field, before_id), before), "核对两个日期，改正录错的一个");
  }
  if (std::string number = value_of(record, "case_no"); !number.empty()) {
    auto [it, fresh] = case_numbers_.emplace(std::pair{ledger_, number}, std::tuple{file_, sheet_, record.row});
    if (!fresh) {
      const auto& [file, sheet, row] = it->second;
      const Field* case_no = dictionary_.find("case_no");
      if (file == file_)
        add(ProblemKind::duplicate_in_file, record, case_no, number,
            fmt::format("案号与{}第{}行重复", sheet == sheet_ ? "本表" : "工作表「" + sheet + "」", row),
            "同一案件只留一行；不是同一案件则改正案号");
      else
        add(ProblemKind::duplicate_across, record, case_no, number,
            fmt::format("案号与{}{}第{}行重复", file, sheet.empty() ? "" : "工作表「" + sheet + "」", row),
            "确认是否同一案件：是则只在一个台账中保留，否则改正案号");
    }
  }
  if (!offices_.empty())
    if (std::string office = value_of(record, "unit"); !office.empty() && !offices_.canonical(office))
      add(ProblemKind::unknown_office, record, dictionary_.find("unit"), office, "承办单位不是本院名单中的名称",
          fmt::format("改为院名全称（如「{}」）；如是本院常用的简称，请案管部门加入 {} 的 office_aliases",
                      offices_.closest(office).value_or(offices_.names().front()),
                      offices_.source().filename().string()));
}

void ProblemList::add_row_errors(const std::vector<RowError>& errors,
                                 const std::vector<std::vector<std::string>>& cells, const std::vector<int64_t>& rows) {
  auto cell_of = [&](int64_t row, size_t index) -> std::string {
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i] == row) return index < cells[i].size() ? cells[i][index] : "";
    return "";
  };
  auto column_of = [&](const char* id) -> const Column* {
    const Field* field = dictionary_.find(id);
    for (const auto& c : columns_)
      if (field && c.field == field) return &c;
    return nullptr;
  };
  const Column* department = column_of("department");
  const Column* unit = column_of("unit");
  for (const auto& error : errors) {
    const Column* column = nullptr;
    for (const auto& c : columns_)
      if (c.header == error.where.column) column = &c;
    Problem p;
    p.file = error.where.file;
    p.sheet = error.where.sheet;
    p.row = error.where.row;
    p.column = error.where.column;
    p.value = column ? cell_of(p.row, column->index) : "";
    p.department = department ? cell_of(p.row, department->index) : "";
    p.office = unit ? cell_of(p.row, unit->index) : "";
    FieldType type = column && column->field ? column->field->type : FieldType::text;
    switch (type) {
      case FieldType::date:
        p.problem = "无法识别为日期";
        p.fix = "改为实际日期，如 2025-03-05 或 2025年3月5日";
        break;
      case FieldType::money:
        p.problem = "无法识别为金额";
        p.fix = "填写数字金额，如 12000 或 1.2万（单位写在表头，如 救助金额（元））";
        break;
      case FieldType::integer:
        p.problem = "无法识别为整数";
        p.fix = "填写整数，如 12";
        break;
      case FieldType::flag:
        p.kind = ProblemKind::flag_word;
        p.problem = "不是「是」或「否」，也不是本院规定的用语";
        p.fix = "改为 是 或 否；如这是本院的固定用语，请案管部门加入 fields.toml 该字段的 yes 或 no";
        break;
      case FieldType::text:
        p.problem = "无法识别：" + error.message;
        p.fix = "按表头要求改正";
        break;
    }
    problems_.push_back(std::move(p));
  }
}

void ProblemList::add_merged_money(int64_t row, const std::string& column, const std::string& value,
                                   const std::string& range) {
  problems_.push_back({ProblemKind::merged_money, file_, sheet_, row, column, value, "", "",
                       fmt::format("金额单元格合并了 {}：整块只计一次", range),
                       "如每行各有金额，取消合并并逐行填写；如确为整块的金额，无需修改", nullptr});
}

void ProblemList::add_sheet_problem(ProblemKind kind, const std::string& file, const std::string& sheet,
                                    std::string problem, std::string fix) {
  problems_.push_back({kind, file, sheet, 0, "", "", "", "", std::move(problem), std::move(fix), nullptr});
}

std::vector<Problem> ProblemList::sorted() const {
  std::vector<Problem> out = problems_;
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.department, a.office, a.file, a.sheet, a.row) <
           std::tie(b.department, b.office, b.file, b.sheet, b.row);
  });
  return out;
}

std::map<ProblemKind, int64_t> ProblemList::counts() const {
  std::map<ProblemKind, int64_t> counts;
  for (const auto& p : problems_) ++counts[p.kind];
  return counts;
}

namespace {

const std::vector<std::string> kHeadings = {"承办部门", "承办单位", "文件", "工作表", "行", "列", "值", "问题", "处理办法"};
const std::vector<double> kWidths = {14, 26, 22, 14, 6, 16, 24, 40, 52};

std::vector<std::string> fields_of(const Problem& p) {
  return {p.department, p.office, p.file, p.sheet, p.row > 0 ? std::to_string(p.row) : "", p.column, p.value,
          p.problem, p.fix};
}

// A worksheet name Excel accepts: none of []:*?/\, at most 31 characters, unique.
std::string sheet_name(std::string wanted, std::vector<std::string>& taken) {
  for (auto& c : wanted)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  auto clip = [](const std::string& s, size_t chars) {
    size_t n = 0, i = 0;
    for (; i < s.size(); ++i)
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
    return s.substr(0, i);
  };
  std::string name = clip(wanted.empty() ? "问题清单" : wanted, 31);
  for (int k = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++k)
    name = clip(wanted, 27) + "(" + std::to_string(k) + ")";
  taken.push_back(name);
  return name;
}

void write_sheet(lxw_workbook* book, lxw_worksheet* ws, const std::vector<const Problem*>& rows) {
  lxw_format* head = workbook_add_format(book);
  format_set_bold(head);
  format_set_bg_color(head, 0xD9E1F2);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* body = workbook_add_format(book);
  format_set_text_wrap(body);
  format_set_align(body, LXW_ALIGN_VERTICAL_TOP);
  for (size_t c = 0; c < kHeadings.size(); ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), kHeadings[c].c_str(), head);
  }
  lxw_row_t r = 1;
  for (const Problem* p : rows) {
    std::vector<std::string> fields = fields_of(*p);
    for (size_t c = 0; c < fields.size(); ++c) {
      if (c == 4 && p->row > 0)
        worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), static_cast<double>(p->row), body);
      else if (!fields[c].empty())  // always as text: a ledger's value never becomes a formula
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), fields[c].c_str(), body);
    }
    ++r;
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(kHeadings.size() - 1));
}

}  // namespace

void write_problems(const std::filesystem::path& path, const std::vector<Problem>& problems) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv") {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& fields) {
      for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i], true);
      out += "\r\n";
    };
    line(kHeadings);
    for (const auto& p : problems) line(fields_of(p));
    write_file_atomically(path, out);
    return;
  }
  if (ext != ".xlsx")
    usage_error("--problems {}: name a .xlsx workbook or a .csv file", path.string());
  // One sheet per ledger sheet, in the order of their first problems.
  std::vector<std::pair<std::string, std::vector<const Problem*>>> sheets;
  for (const auto& p : problems) {
    std::string key = p.sheet.empty() ? std::filesystem::path(p.file).stem().string()
                                      : std::filesystem::path(p.file).stem().string() + "-" + p.sheet;
    auto it = std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) { return s.first == key; });
    if (it == sheets.end()) it = sheets.insert(sheets.end(), {key, {}});
    it->second.push_back(&p);
  }
  if (sheets.empty()) sheets.push_back({"问题清单", {}});
  AtomicFile out(path);
  XlsxHandle book(out.temp_path(), 0);
  std::vector<std::string> taken;
  for (const auto& [key, rows] : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(book.get(), sheet_name(key, taken).c_str());
    if (!ws) system_error("{}: cannot add the sheet {}", path.string(), key);
    write_sheet(book.get(), ws, rows);
  }
  book.close();
  out.commit();
}

}  // namespace casestat
