#include "sample/generate.hpp"

#include <iconv.h>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "core/output.hpp"
#include "core/xlsx_handle.hpp"
#include "sample/random.hpp"

namespace casestat::sample {

namespace fs = std::filesystem;

namespace {

// ---- the city ---------------------------------------------------------------------------------
struct Office {
  const char* name;
  const char* short_name;  // in case numbers: 江州东湖检...
  int size;                // relative case volume
};
const std::vector<Office> kOffices = {
    {"江州市人民检察院", "江州", 6},        {"江州市东湖区人民检察院", "东湖", 10}, {"江州市西湖区人民检察院", "西湖", 9},
    {"江州市南山区人民检察院", "南山", 7},  {"江州市北塘区人民检察院", "北塘", 6}, {"江州市开发区人民检察院", "开发", 4},
    {"临江县人民检察院", "临江", 5},        {"青石县人民检察院", "青石", 4},       {"云溪县人民检察院", "云溪", 3},
    {"白沙县人民检察院", "白沙", 3},        {"枫桥市人民检察院", "枫桥", 6},       {"梅岭县人民检察院", "梅岭", 3}};

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
const std::vector<std::string> kGiven = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                                         "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "建华", "志强", "文"};

std::string person(Random& r) { return r.pick(kSurnames) + r.pick(kGiven) + (r.chance(50) ? r.pick(kGiven) : ""); }

const Office& office(Random& r) {
  int total = 0;
  for (const auto& o : kOffices) total += o.size;
  int64_t x = r.below(total);
  for (const auto& o : kOffices) {
    if (x < o.size) return o;
    x -= o.size;
  }
  return kOffices[0];
}

// ---- dates as day numbers (days since 1970-01-01) ------------------------------------------------
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void civil(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}
double excel_serial(int64_t day) { return static_cast<double>(day + 25569); }
std::string iso(int64_t day) {
  int y, m, d;
  civil(day, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}
// A date typed by hand as text, one of the three ways clerks do.
std::string typed(int64_t day, int style) {
  int y, m, d;
  civil(day, y, m, d);
  switch (style % 3) {
    case 0: return fmt::format("{}年{}月{}日", y, m, d);
    case 1: return fmt::format("{}.{}.{}", y, m, d);
    default: return fmt::format("{}/{}/{}", y, m, d);
  }
}
int year_of(int64_t day) {
  int y, m, d;
  civil(day, y, m, d);
  return y;
}

const int64_t kStart = days_from_civil(2024, 1, 1);
const int64_t kEnd = days_from_civil(2025, 12, 31);
const int64_t kSplit = days_from_civil(2025, 1, 1);

// A day in the two years, with more in 2025 (growth of about `growth` percent).
int64_t some_day(Random& r, int growth) {
  int64_t len1 = kSplit - kStart, len2 = kEnd - kSplit + 1;
  bool second = r.below(200 + growth) >= 100;
  return second ? kSplit + r.below(len2) : kStart + r.below(len1);
}

// ---- writing ----------------------------------------------------------------------------------
constexpr std::time_t kCreated = 1735689600;  // 2025-01-01 00:00:00 UTC: fixed, so files are reproducible

struct Sheet {
  lxw_worksheet* ws;
  lxw_format* date;
  lxw_format* cjk_date;
  lxw_format* header;
  lxw_format* title;
  lxw_format* money;
};

Sheet add_sheet(XlsxHandle& book, const char* name) {
  Sheet s{};
  s.ws = workbook_add_worksheet(book.get(), name);
  s.date = workbook_add_format(book.get());
  format_set_num_format(s.date, "yyyy-mm-dd");
  s.cjk_date = workbook_add_format(book.get());
  format_set_num_format_index(s.cjk_date, 31);  // 31: yyyy"年"m"月"d"日", the built-in CJK date format
  s.header = workbook_add_format(book.get());
  format_set_bold(s.header);
  format_set_bg_color(s.header, 0xDDEBF7);
  format_set_border(s.header, LXW_BORDER_THIN);
  s.title = workbook_add_format(book.get());
  format_set_bold(s.title);
  format_set_font_size(s.title, 14);
  format_set_align(s.title, LXW_ALIGN_CENTER);
  s.money = workbook_add_format(book.get());
  format_set_num_format(s.money, "#,##0.00");
  return s;
}

void header(const Sheet& s, lxw_row_t row, const std::vector<std::string>& names) {
  for (size_t c = 0; c < names.size(); ++c) {
    worksheet_write_string(s.ws, row, static_cast<lxw_col_t>(c), names[c].c_str(), s.header);
    worksheet_set_column(s.ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 14, nullptr);
  }
}

void text(const Sheet& s, lxw_row_t r, lxw_col_t c, const std::string& v) {
  if (!v.empty()) worksheet_write_string(s.ws, r, c, v.c_str(), nullptr);
}
void date(const Sheet& s, lxw_row_t r, lxw_col_t c, int64_t day, lxw_format* f) {
  if (day > 0) worksheet_write_number(s.ws, r, c, excel_serial(day), f);
}

// ---- 案件信息.xlsx: the case system's export --------------------------------------------------------
struct CaseKind {
  const char* category;
  const char* dept;
  const char* code;  // in the case number
  int weight;
  bool filed;        // has a 立案日期
};
const std::vector<CaseKind> kKinds = {
    {"审查逮捕", "第一检察部", "刑捕受", 24, false},   {"审查起诉", "第一检察部", "刑诉受", 34, false},
    {"民事生效裁判监督", "第三检察部", "民监受", 8, true}, {"民事支持起诉", "第三检察部", "民支受", 9, true},
    {"行政争议化解", "第三检察部", "行监受", 5, true},   {"刑事申诉", "第四检察部", "刑申受", 5, false},
    {"羁押必要性审查", "第五检察部", "刑羁受", 9, false}, {"民事执行监督", "第三检察部", "民执受", 6, true}};

fs::path write_cases(Random& r, const fs::path& dir, int64_t rows) {
  fs::path path = dir / "案件信息.xlsx";
  XlsxHandle book(path, kCreated);
  Sheet s = add_sheet(book, "案件信息");
  header(s, 0, {"序号", "部门受案号", "统一受案号", "案件名称", "案件类别名称", "承办单位名称", "承办部门", "承办检察官",
                "受理日期", "立案日期", "办结日期", "处理结果", "案件状态", "涉及人数", "挽回损失（元）", "听证日期"});
  std::vector<int> serial(kOffices.size() * 8 * 2, 0);
  for (int64_t i = 0; i < rows; ++i) {
    lxw_row_t row = static_cast<lxw_row_t>(i + 1);
    const Office& o = office(r);
    size_t k = r.weighted({24, 34, 8, 9, 5, 5, 9, 6});
    const CaseKind& kind = kKinds[k];
    int64_t received = some_day(r, kind.filed ? 20 : 6);
    int y = year_of(received);
    size_t oi = static_cast<size_t>(&o - kOffices.data());
    int n = ++serial[(oi * 8 + k) * 2 + static_cast<size_t>(y - 2024)];
    worksheet_write_number(s.ws, row, 0, static_cast<double>(i + 1), nullptr);
    text(s, row, 1, fmt::format("{}检{}[{}]{}号", o.short_name, kind.code, y, 3201000000 + oi * 100000 + n));
    text(s, row, 2, fmt::format("32{:04}{}{:06}", oi + 100, y, i + 1));
    std::string who = person(r);
    std::string name;
    if (k <= 1 || k == 5 || k == 6) {
      static const std::vector<std::string> crimes = {"盗窃案", "诈骗案", "危险驾驶案", "故意伤害案", "帮助信息网络犯罪活动案", "寻衅滋事案"};
      name = who + r.pick(crimes);
    } else if (k == 3) {
      name = who + "等" + std::to_string(r.between(2, 40)) + "人追索劳动报酬支持起诉案";
    } else if (k == 4) {
      name = who + "与" + std::string(o.short_name) + "区人民政府行政争议案";
    } else {
      name = who + "与某公司合同纠纷监督案";
    }
    text(s, row, 3, name);
    text(s, row, 4, kind.category);
    text(s, row, 5, o.name);
    text(s, row, 6, kind.dept);
    text(s, row, 7, person(r));
    date(s, row, 8, received, s.date);
    int64_t filed = kind.filed ? received + r.between(0, 12) : 0;
    if (filed > kEnd) filed = 0;
    date(s, row, 9, filed, s.date);
    int64_t closed = received + r.between(7, 95);
    bool open = closed > kEnd || r.chance(3);
    if (!open) date(s, row, 10, closed, s.cjk_date);
    std::string outcome;
    switch (k) {
      case 0: outcome = r.chance(78) ? "批准逮捕" : "不批准逮捕"; break;
      case 1: outcome = r.chance(82) ? "提起公诉" : "不起诉"; break;
      case 3: outcome = r.chance(22) ? "促成和解" : "支持起诉"; break;
      case 4: outcome = r.chance(70) ? "化解" : "未化解"; break;
      default: outcome = "办结";
    }
    if (!open) text(s, row, 11, outcome);
    text(s, row, 12, open ? "在办" : "办结");
    if (k == 3) worksheet_write_number(s.ws, row, 13, static_cast<double>(r.between(1, 36)), nullptr);
    if ((k == 3 && !open) || (k == 1 && r.chance(10) && !open)) {
      int64_t fen = r.between(5000, 480000) * 100 + (r.chance(20) ? r.between(1, 99) : 0);
      worksheet_write_number(s.ws, row, 14, static_cast<double>(fen) / 100.0, s.money);
    }
    if (r.chance(6) && !open) date(s, row, 15, received + (closed - received) / 2, s.date);
  }
  worksheet_freeze_panes(s.ws, 1, 0);
  book.close();
  return path;
}

// ---- 公益诉讼台账.xlsx: hand-kept, title row, text dates, 合计 row ---------------------------------------
fs::path write_pil(Random& r, const fs::path& dir, int64_t rows) {
  fs::path path = dir / "公益诉讼台账.xlsx";
  XlsxHandle book(path, kCreated);
  Sheet s = add_sheet(book, "公益诉讼案件");
  worksheet_merge_range(s.ws, 0, 0, 0, 10, "江州市检察机关公益诉讼案件台账（2024-2025年）", s.title);
  header(s, 1, {"序号", "案件名称", "承办单位", "所属领域", "案件类别", "线索受理日期", "立案日期", "诉前检察建议日期",
                "是否整改到位", "提起诉讼日期", "挽回损失（万元）"});
  static const std::vector<std::string> domains = {"生态环境和资源保护", "食品药品安全", "国有财产保护",
                                                   "国有土地使用权出让", "英烈权益保护", "安全生产", "个人信息保护"};
  static const std::vector<std::string> subjects = {"某河道非法采砂", "某化工企业违法排污", "校园周边食品安全",
                                                    "某医疗机构违规使用医保基金", "烈士纪念设施失管", "燃气管道安全隐患",
                                                    "APP违规收集个人信息", "耕地违法占用", "国有土地出让金欠缴"};
  double recovered_total = 0;
  int64_t written = 0;
  for (int64_t i = 0; i < rows; ++i) {
    lxw_row_t row = static_cast<lxw_row_t>(i + 2);
    const Office& o = office(r);
    int64_t received = some_day(r, 14);
    bool by_hand = r.chance(15);  // dates typed as text in this row, as hand-kept ledgers have
    int style = static_cast<int>(r.below(3));
    auto put_date = [&](lxw_col_t c, int64_t day) {
      if (day <= 0 || day > kEnd) return;
      if (by_hand)
        text(s, row, c, typed(day, style));
      else
        date(s, row, c, day, s.date);
    };
    worksheet_write_number(s.ws, row, 0, static_cast<double>(i + 1), nullptr);
    text(s, row, 1, std::string(o.short_name) + r.pick(subjects) + "公益诉讼案");
    text(s, row, 2, o.name);
    text(s, row, 3, r.pick(domains));
    size_t cat = r.weighted({85, 10, 5});
    text(s, row, 4, cat == 0 ? "行政公益诉讼" : cat == 1 ? "民事公益诉讼" : "刑事附带民事公益诉讼");
    put_date(5, received);
    int64_t filed = r.chance(86) ? received + r.between(1, 30) : 0;
    put_date(6, filed);
    int64_t issued = filed > 0 && filed <= kEnd && cat == 0 && r.chance(80) ? filed + r.between(10, 45) : 0;
    put_date(7, issued);
    if (issued > 0 && issued + 60 <= kEnd) text(s, row, 8, r.chance(84) ? "是" : "否");
    if (filed > 0 && r.chance(cat == 0 ? 2 : 30)) put_date(9, filed + r.between(60, 200));
    if (r.chance(12)) {
      double wan = static_cast<double>(r.between(5, 5000)) / 100.0;  // 0.05 .. 50 万元
      worksheet_write_number(s.ws, row, 10, wan, nullptr);
      recovered_total += wan;
    }
    ++written;
  }
  lxw_row_t total = static_cast<lxw_row_t>(written + 2);
  text(s, total, 0, "合计");
  text(s, total, 1, fmt::format("共{}件", written));
  worksheet_write_number(s.ws, total, 10, recovered_total, nullptr);
  worksheet_set_column(s.ws, 1, 1, 36, nullptr);
  book.close();
  return path;
}

// ---- 检察建议台账.xlsx ----------------------------------------------------------------------------------
fs::path write_recommendations(Random& r, const fs::path& dir, int64_t rows) {
  fs::path path = dir / "检察建议台账.xlsx";
  XlsxHandle book(path, kCreated);
  Sheet s = add_sheet(book, "检察建议");
  header(s, 0, {"序号", "文号", "被建议单位名称", "承办单位", "建议类型", "制发日期", "回复日期", "是否采纳"});
  static const std::vector<std::string> targets = {"市场监督管理局", "生态环境局", "自然资源和规划局", "住房和城乡建设局",
                                                   "教育局", "卫生健康委员会", "公安分局", "人力资源和社会保障局"};
  static const std::vector<std::string> kinds = {"社会治理检察建议", "纠正违法检察建议", "再审检察建议", "其他检察建议"};
  std::vector<int> serial(kOffices.size() * 2, 0);
  for (int64_t i = 0; i < rows; ++i) {
    lxw_row_t row = static_cast<lxw_row_t>(i + 1);
    const Office& o = office(r);
    size_t oi = static_cast<size_t>(&o - kOffices.data());
    int64_t issued = some_day(r, 25);
    int y = year_of(issued);
    int n = ++serial[oi * 2 + static_cast<size_t>(y - 2024)];
    worksheet_write_number(s.ws, row, 0, static_cast<double>(i + 1), nullptr);
    text(s, row, 1, fmt::format("{}检建〔{}〕{}号", o.short_name, y, n));
    text(s, row, 2, std::string(o.short_name) + r.pick(targets));
    text(s, row, 3, o.name);
    text(s, row, 4, r.pick(kinds));
    date(s, row, 5, issued, s.date);
    int64_t replied = issued + r.between(20, 75);
    if (replied <= kEnd) {
      date(s, row, 6, replied, s.date);
      text(s, row, 7, r.chance(year_of(issued) == 2024 ? 78 : 86) ? "是" : "否");
    }
  }
  book.close();
  return path;
}

// ---- 信访台账.csv: saved by Chinese Excel, GBK, CRLF, no BOM ------------------------------------------
class Gbk {
 public:
  Gbk() : cd_(iconv_open("GBK", "UTF-8")) {
    if (cd_ == reinterpret_cast<iconv_t>(-1)) system_error("iconv cannot convert UTF-8 to GBK on this system");
  }
  ~Gbk() { iconv_close(cd_); }
  Gbk(const Gbk&) = delete;
  Gbk& operator=(const Gbk&) = delete;
  std::string operator()(const std::string& utf8) {
    std::string out(utf8.size() * 2 + 4, '\0');
    char* in = const_cast<char*>(utf8.data());
    size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    if (iconv(cd_, &in, &in_left, &o, &out_left) == static_cast<size_t>(-1))
      system_error("cannot write \"{}\" in GBK: {}", utf8, errno_text(errno));
    out.resize(out.size() - out_left);
    return out;
  }

 private:
  iconv_t cd_;
};

fs::path write_petitions(Random& r, const fs::path& dir, int64_t rows) {
  fs::path path = dir / "信访台账.csv";
  Gbk gbk;
  std::string csv = gbk("信访编号,来信来访日期,信访人,承办单位,信访事项,程序性回复日期,是否积案,是否化解,化解日期") + "\r\n";
  static const std::vector<std::string> matters = {"不服法院民事判决申请监督", "反映拖欠工资", "控告民警违法办案",
                                                   "不服不起诉决定", "要求国家赔偿", "反映土地征收补偿问题",
                                                   "举报非法集资", "申请司法救助"};
  for (int64_t i = 0; i < rows; ++i) {
    bool backlog = r.chance(6);
    int64_t received = backlog && r.chance(50) ? days_from_civil(2023, 1, 1) + r.below(365) : some_day(r, -4);
    const Office& o = office(r);
    int64_t replied = received + (r.chance(93) ? r.between(1, 7) : r.between(8, 20));
    bool resolved = r.chance(backlog ? 55 : 70);
    int64_t resolved_on = resolved ? received + r.between(10, backlog ? 500 : 150) : 0;
    if (resolved_on > kEnd) {
      resolved = false;
      resolved_on = 0;
    }
    std::string line = fmt::format("XF{}{:05},{},{},{},{},{},{},{},{}", year_of(received), i + 1, iso(received),
                                   person(r), o.name, r.pick(matters), replied <= kEnd ? iso(replied) : "",
                                   backlog ? "是" : "否", resolved ? "是" : "否", resolved ? iso(resolved_on) : "");
    csv += gbk(line) + "\r\n";
  }
  write_file_atomically(path, csv);
  return path;
}

// ---- 司法救助台账 (.xlsx here; .xls in sample-data, see generate.hpp) ----------------------------------
fs::path write_aid(Random& r, const fs::path& dir, int64_t rows) {
  fs::path path = dir / "司法救助台账.xlsx";
  XlsxHandle book(path, kCreated);
  Sheet s = add_sheet(book, "司法救助");
  header(s, 0, {"序号", "案件名称", "案件类别", "承办单位", "受理日期", "办结日期", "救助人数", "救助金额（元）"});
  for (int64_t i = 0; i < rows; ++i) {
    lxw_row_t row = static_cast<lxw_row_t>(i + 1);
    const Office& o = office(r);
    int64_t received = some_day(r, 12);
    int64_t closed = received + r.between(5, 40);
    worksheet_write_number(s.ws, row, 0, static_cast<double>(i + 1), nullptr);
    text(s, row, 1, person(r) + "司法救助案");
    text(s, row, 2, "司法救助");
    text(s, row, 3, o.name);
    date(s, row, 4, received, s.date);
    if (closed <= kEnd) {
      date(s, row, 5, closed, s.date);
      worksheet_write_number(s.ws, row, 6, static_cast<double>(r.chance(85) ? 1 : r.between(2, 5)), nullptr);
      worksheet_write_number(s.ws, row, 7, static_cast<double>(r.between(30, 600) * 100), s.money);
    }
  }
  book.close();
  return path;
}

// ---- benchmark files: N rows x 12 columns, as xlsx (shared strings, date cells) and GBK CSV ------------
std::vector<fs::path> write_bench(Random& r, const fs::path& dir, int64_t rows) {
  fs::path xlsx = dir / "bench-cases.xlsx", csv_path = dir / "bench-cases.csv";
  XlsxHandle book(xlsx, kCreated);
  Sheet s = add_sheet(book, "案件信息");
  std::vector<std::string> names = {"部门受案号", "案件名称",   "案件类别名称", "承办单位名称", "承办部门",       "承办检察官",
                                    "受理日期",   "立案日期",   "办结日期",     "处理结果",     "涉及人数", "挽回损失（元）"};
  header(s, 0, names);
  Gbk gbk;
  std::ofstream csv(csv_path, std::ios::binary);
  if (!csv) system_error("{}: cannot create: {}", csv_path.string(), errno_text(errno));
  std::string line;
  for (size_t c = 0; c < names.size(); ++c) line += (c ? "," : "") + names[c];
  csv << gbk(line) << "\r\n";
  for (int64_t i = 0; i < rows; ++i) {
    lxw_row_t row = static_cast<lxw_row_t>(i + 1);
    const Office& o = office(r);
    size_t k = r.weighted({24, 34, 8, 9, 5, 5, 9, 6});
    int64_t received = some_day(r, 10), filed = received + r.between(0, 10), closed = received + r.between(7, 90);
    std::vector<std::string> cells = {fmt::format("{}检[{}]{}号", o.short_name, year_of(received), i + 1),
                                      person(r) + "案", kKinds[k].category, o.name, kKinds[k].dept, person(r)};
    for (size_t c = 0; c < cells.size(); ++c) text(s, row, static_cast<lxw_col_t>(c), cells[c]);
    date(s, row, 6, received, s.date);
    date(s, row, 7, filed, s.date);
    date(s, row, 8, closed, s.date);
    std::string outcome = r.chance(80) ? "办结" : "不起诉";
    text(s, row, 9, outcome);
    int64_t persons = r.between(1, 30), fen = r.between(0, 500000) * 100;
    worksheet_write_number(s.ws, row, 10, static_cast<double>(persons), nullptr);
    worksheet_write_number(s.ws, row, 11, static_cast<double>(fen) / 100.0, nullptr);
    line.clear();
    for (const auto& c : cells) line += c + ",";
    line += iso(received) + "," + iso(filed) + "," + iso(closed) + "," + outcome + "," + std::to_string(persons) + "," +
            std::to_string(fen / 100);
    csv << gbk(line) << "\r\n";
  }
  book.close();
  csv.close();
  if (!csv) system_error("{}: cannot write: {}", csv_path.string(), errno_text(errno));
  return {xlsx, csv_path};
}

}  // namespace

std::vector<fs::path> generate_samples(const SampleOptions& options) {
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (ec) system_error("cannot create the folder {}: {}", options.out.string(), ec.message());
  if (options.rows < 1) usage_error("--rows {}: give a number of rows, 1 or more", options.rows);
  // Each ledger has its own stream, so that changing one ledger's size leaves the others as they were.
  Random seeds(options.seed);
  std::array<Random, 6> r{Random(seeds.next()), Random(seeds.next()), Random(seeds.next()),
                          Random(seeds.next()), Random(seeds.next()), Random(seeds.next())};
  if (options.bench) return write_bench(r[5], options.out, options.rows);
  int64_t n = options.rows;
  return {write_cases(r[0], options.out, n), write_pil(r[1], options.out, std::max<int64_t>(1, n / 3)),
          write_recommendations(r[2], options.out, std::max<int64_t>(1, n / 4)),
          write_petitions(r[3], options.out, std::max<int64_t>(1, n * 2 / 3)),
          write_aid(r[4], options.out, std::max<int64_t>(1, n / 5))};
}

}  // namespace casestat::sample
