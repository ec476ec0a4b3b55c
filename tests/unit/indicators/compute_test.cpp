// The default catalog's definitions, pinned on small stores made by hand.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/error.hpp"
#include "fields/dictionary.hpp"
#include "indicators/catalog.hpp"
#include "indicators/compute.hpp"
#include "indicators/coverage.hpp"
#include "indicators/engine.hpp"
#include "indicators/period.hpp"
#include "store/db.hpp"
#include "../store/temp_dir.hpp"

using namespace casestat;
using nlohmann::json;

namespace {

const std::string kTemplates = CASESTAT_TEMPLATES_DIR;

// A store with the records given as (ledger, column = value, ...) SQL fragments.
struct Store {
  TempDir dir;
  std::string path = dir.file("s.db");
  Store() {
    Database db(path, Database::Mode::read_write);
    db.exec("INSERT INTO imports(id, file, sha256, imported_at, rows_read, rows_imported, rows_skipped, rows_rejected)"
            " VALUES (1, 'test.xlsx', 'x', '2026-01-01 00:00:00', 0, 0, 0, 0)");
  }
  // add("cases", "category, filed_on", "'行政公益诉讼', '2025-06-30'")
  Store& add(const std::string& ledger, const std::string& columns, const std::string& values, int times = 1) {
    Database db(path, Database::Mode::read_write);
    for (int i = 0; i < times; ++i)
      db.exec("INSERT INTO records(import_id, ledger, sheet, row, " + columns + ") VALUES (1, '" + ledger + "', '', 1, " +
              values + ")");
    return *this;
  }
  json compute(const std::string& period, const std::string& by = "", const std::string& compare = "yoy") {
    IndicatorRequest r;
    r.db = path;
    r.period = period;
    r.by = by;
    r.compare = compare;
    r.catalog = kTemplates + "/indicators.toml";
    r.fields = kTemplates + "/fields.toml";
    r.today = "2026-11-24";
    return compute_indicators(r);
  }
};

const json& indicator(const json& data, const std::string& id) {
  for (const auto& i : data["indicators"])
    if (i["id"] == id) return i;
  FAIL("no indicator " << id);
  throw 0;
}

}  // namespace

TEST_CASE("a record dated on the first or last day of the period counts; a day outside does not") {
  Store s;
  s.add("cases", "category, filed_on", "'行政公益诉讼', '2025-01-01'")
      .add("cases", "category, filed_on", "'民事公益诉讼', '2025-06-30'")
      .add("cases", "category, filed_on", "'行政公益诉讼', '2025-07-01'")
      .add("cases", "category, filed_on", "'行政公益诉讼', '2024-12-31'")
      .add("cases", "category, filed_on", "'审查起诉', '2025-03-01'")   // not public-interest litigation
      .add("cases", "category", "'行政公益诉讼'");                       // no date: in no period
  json d = s.compute("2025H1");
  CHECK(indicator(d, "pil.filed")["value"] == 2);
  CHECK(indicator(d, "pil.filed")["display"] == "2件");
  CHECK(indicator(d, "pil.filed")["base"] == 0);
  CHECK(indicator(d, "pil.filed")["change_text"] == "去年同期为0");
  CHECK(indicator(d, "cases.filed")["value"] == 3);
}

TEST_CASE("the base period is computed from its own records") {
  Store s;
  s.add("recommendations", "issued_on, adopted", "'2025-03-01', 1", 31)
      .add("recommendations", "issued_on, adopted", "'2025-03-01', 0", 19)
      .add("recommendations", "issued_on, adopted", "'2024-05-01', 1", 11)
      .add("recommendations", "issued_on, adopted", "'2024-05-01', 0", 9)
      .add("recommendations", "issued_on", "'2024-06-01'");  // no reply yet: issued, not adopted
  json d = s.compute("2025H1");
  CHECK(indicator(d, "rec.issued")["value"] == 50);
  CHECK(indicator(d, "rec.issued")["base"] == 21);
  CHECK(indicator(d, "rec.issued")["change_text"] == "同比上升1.4倍");
  CHECK(indicator(d, "rec.adopted")["change_text"] == "同比上升1.8倍");
  CHECK(indicator(d, "rec.adoption_rate")["display"] == "62%");
  CHECK(indicator(d, "rec.adoption_rate")["base_display"] == "52.4%");
  CHECK(indicator(d, "rec.adoption_rate")["change_text"] == "同比增加9.6个百分点");
}

TEST_CASE("money is summed exactly to the 分 and shown in 万元") {
  Store s;
  // 0.01 元 a thousand times and one 303.834万元: a double would drift, integers do not
  s.add("cases", "category, closed_on, aid_amount, persons", "'司法救助', '2025-02-01', 1, 1", 1000)
      .add("cases", "category, closed_on, aid_amount, persons", "'司法救助', '2025-02-01', 303834000, 2")
      .add("cases", "category, received_on, aid_amount, persons", "'司法救助', '2025-05-01', 50, 1");  // not closed
  json d = s.compute("2025H1");
  CHECK(indicator(d, "aid.cases")["value"] == 1002);
  CHECK(indicator(d, "aid.persons")["value"] == 1003);
  CHECK(indicator(d, "aid.amount")["value"].get<double>() == Approx(3038350.5));
  CHECK(indicator(d, "aid.amount")["display"] == "303.84万元");
}

TEST_CASE("a rate with no denominator is no rate, and its change is not given") {
  Store s;
  s.add("cases", "category, issued_on, adopted", "'行政公益诉讼', '2025-04-01', 1");
  json d = s.compute("2025H1");
  const json& rate = indicator(d, "pil.rectified_rate");
  CHECK(rate["value"] == 1.0);
  CHECK(rate["base"].is_null());
  CHECK(rate["base_display"] == "—");
  CHECK(rate["change"].is_null());
  CHECK(rate["change_text"] == "");
}

TEST_CASE("petitions: reply within 7 days, backlog open during the period") {
  Store s;
  s.add("petitions", "received_on, replied_on", "'2025-03-01', '2025-03-08'")   // 7 days: in time
      .add("petitions", "received_on, replied_on", "'2025-03-01', '2025-03-09'")  // 8 days: late
      .add("petitions", "received_on", "'2025-03-01'")                           // no reply
      .add("petitions", "received_on, backlog, resolved, resolved_on", "'2023-05-01', 1, 1, '2025-02-01'")
      .add("petitions", "received_on, backlog", "'2024-11-01', 1")                 // still open
      .add("petitions", "received_on, backlog, resolved, resolved_on", "'2023-05-01', 1, 1, '2024-12-31'")  // closed before
      .add("petitions", "received_on, backlog", "'2025-07-02', 1");                // after the period
  json d = s.compute("2025H1");
  CHECK(indicator(d, "pet.received")["value"] == 3);
  CHECK(indicator(d, "pet.replied_7d")["value"] == 1);
  CHECK(indicator(d, "pet.reply_rate_7d")["display"] == "33.3%");
  CHECK(indicator(d, "pet.backlog")["value"] == 2);
  CHECK(indicator(d, "pet.backlog_resolved")["value"] == 1);
  CHECK(indicator(d, "pet.backlog_rate")["display"] == "50%");
  CHECK(indicator(d, "pet.resolved")["value"] == 1);
}

TEST_CASE("support prosecution counts by 立案日期, else 受理日期; 和解 in the outcome") {
  Store s;
  s.add("cases", "category, filed_on, received_on, persons, recovered, outcome",
        "'民事支持起诉', '2025-01-10', '2024-12-20', 30, 1084700000, '促成和解'")
      .add("cases", "category, received_on, persons, recovered", "'民事支持起诉', '2025-06-30', 5, 50")
      .add("cases", "category, filed_on, received_on", "'民事支持起诉', '2024-06-30', '2025-01-02'");  // filed in 2024
  json d = s.compute("2025H1");
  CHECK(indicator(d, "support.cases")["value"] == 2);
  CHECK(indicator(d, "support.cases")["base"] == 1);
  CHECK(indicator(d, "support.persons")["display"] == "35人");
  CHECK(indicator(d, "support.recovered")["display"] == "1084.7万元");
  CHECK(indicator(d, "support.settled")["value"] == 1);
}

TEST_CASE("per office: every office, ranks with ties, and the totals are the sums") {
  Store s;
  s.add("cases", "unit, received_on", "'甲院', '2025-02-01'", 3)
      .add("cases", "unit, received_on", "'乙院', '2025-02-01'", 3)
      .add("cases", "unit, received_on", "'丙院', '2025-02-01'", 1)
      .add("cases", "unit, received_on", "'丁院', '2024-02-01'", 4)  // only in the base period
      .add("cases", "received_on", "'2025-03-01'");                    // no office given
  json d = s.compute("2025H1", "unit");
  REQUIRE(d["groups"].size() == 5);
  std::map<std::string, json> by_name;
  for (const auto& g : d["groups"])
    for (const auto& i : g["indicators"])
      if (i["id"] == "cases.received") by_name[g["name"]] = i;
  CHECK(by_name["甲院"]["rank"] == 1);
  CHECK(by_name["乙院"]["rank"] == 1);
  CHECK(by_name["丙院"]["rank"] == 3);
  CHECK(by_name["丁院"]["value"] == 0);
  CHECK(by_name["丁院"]["change_text"] == "同比下降100%");
  CHECK(by_name["（未填承办单位）"]["value"] == 1);
  int64_t sum = 0;
  for (auto& [name, i] : by_name) sum += i["value"].get<int64_t>();
  CHECK(indicator(d, "cases.received")["value"] == sum);
}

TEST_CASE("comparisons: 环比 and none") {
  Store s;
  s.add("cases", "received_on", "'2025-04-01'", 4).add("cases", "received_on", "'2025-03-31'", 5);
  json prev = s.compute("2025Q2", "", "prev");
  CHECK(prev["base"]["id"] == "2025Q1");
  CHECK(indicator(prev, "cases.received")["change_text"] == "环比下降20%");
  json none = s.compute("2025Q2", "", "none");
  CHECK(none["base"].is_null());
  CHECK(indicator(none, "cases.received")["change_text"] == "");
}

TEST_CASE("a bad catalog names the file, the line and the indicator") {
  TempDir dir;
  Dictionary fields = Dictionary::load(kTemplates + "/fields.toml");
  auto message = [&](const std::string& toml) {
    std::string path = dir.file("catalog.toml");
    std::ofstream(path) << toml;
    try {
      Catalog::load(path, fields);
    } catch (const Error& e) {
      CHECK(e.code() == Exit::data);
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const std::string head = "[[indicator]]\nid = \"a\"\nname = \"甲\"\nsection = \"S\"\nunit = \"件\"\n";
  CHECK(message(head + "kind = \"count\"\ndate = \"filed_date\"\n").find("line 7: indicator a: unknown field \"filed_date\"") !=
        std::string::npos);
  CHECK(message(head + "kind = \"cout\"\ndate = \"filed_on\"\n").find("line 6: indicator a: unknown kind \"cout\"") !=
        std::string::npos);
  CHECK(message(head + "kind = \"ratio\"\nnumerator = \"a\"\ndenominator = \"b\"\n").find("indicator a:") !=
        std::string::npos);
  CHECK(message(head + "kind = \"ratio\"\nnumerator = \"a\"\ndenominator = \"a\"\n").find("in a circle") !=
        std::string::npos);
  CHECK(message(head + "kind = \"count\"\n").find("has no date") != std::string::npos);
  CHECK(message(head + "kind = \"count\"\ndate = \"filed_on\"\nwhere = [{ field = \"category\", contians = \"x\" }]\n")
            .find("unknown condition \"contians\"") != std::string::npos);
  CHECK(message(head + "kind = \"sum\"\nsum = \"category\"\ndate = \"filed_on\"\n").find("cannot be summed") !=
        std::string::npos);
  CHECK(message("[[indicator]]\nid = \"a\"\nname = \"甲\n").find("catalog.toml: line") != std::string::npos);
}

TEST_CASE("a chain of like is bounded, with an error naming the file and the line") {
  TempDir dir;
  Dictionary fields = Dictionary::load(kTemplates + "/fields.toml");
  // indicator i0 with a date, then i1 like i0, i2 like i1, ... each adding one condition
  auto chain = [&](int depth) {
    std::string toml = "[[indicator]]\nid = \"i0\"\nname = \"n\"\nsection = \"S\"\nunit = \"件\"\nkind = \"count\"\n"
                       "date = \"filed_on\"\n";
    for (int i = 1; i <= depth; ++i)
      toml += "[[indicator]]\nid = \"i" + std::to_string(i) + "\"\nname = \"n\"\nsection = \"S\"\nunit = \"件\"\n"
              "kind = \"count\"\nlike = \"i" + std::to_string(i - 1) + "\"\n"
              "where = { field = \"category\", contains = \"" + std::to_string(i) + "\" }\n";
    std::string path = dir.file("chain.toml");
    std::ofstream(path) << toml;
    return path;
  };
  Catalog deep = Catalog::load(chain(16), fields);
  CHECK(deep.find("i16")->all.size() == 16);  // each step keeps the conditions of the ones before
  std::string path = chain(17);
  try {
    Catalog::load(path, fields);
    FAIL("a chain of 17 was loaded");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data);
    // i17 is the 18th indicator, 8 lines each; its like is on its 7th line
    CHECK(std::string(e.what()) == path + ": line 142: indicator i17: like = \"i16\": a chain of more than 16 "
                                          "indicators each like the one before; write this one's conditions out in full");
  }
}

TEST_CASE("the default catalog loads and keeps its ids") {
  Dictionary fields = Dictionary::load(kTemplates + "/fields.toml");
  Catalog c = Catalog::load(kTemplates + "/indicators.toml", fields);
  for (const char* id : {"cases.received", "cases.filed", "cases.closed", "hearings", "pil.clues", "pil.filed",
                         "pil.pre_suit", "pil.rectified", "pil.rectified_rate", "pil.suits", "rec.issued", "rec.adopted",
                         "rec.adoption_rate", "support.cases", "support.persons", "support.recovered", "support.settled",
                         "aid.cases", "aid.persons", "aid.amount", "funds.recovered", "pet.received", "pet.replied_7d",
                         "pet.reply_rate_7d", "pet.resolved", "pet.backlog", "pet.backlog_resolved", "pet.backlog_rate",
                         "disputes.resolved"})
    CHECK(c.find(id) != nullptr);
}

TEST_CASE("a period in which no ledger has a record is refused with the latest date, unless allowed") {
  Store s;
  s.add("cases", "received_on", "'2025-04-01'").add("recommendations", "issued_on", "'2025-12-30'");
  IndicatorRequest r;
  r.db = s.path;
  r.period = "2026H1";
  r.catalog = kTemplates + "/indicators.toml";
  r.fields = kTemplates + "/fields.toml";
  r.today = "2026-11-24";
  try {
    compute_indicators(r);
    FAIL("no error for an empty period");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::data);
    CHECK(std::string(e.what()).find("2026年上半年 (2026-01-01..2026-06-30): no ledger has a record in this period (the "
                                     "latest date in the store is 2025-12-30)") != std::string::npos);
  }
  r.allow_empty = true;
  json d = compute_indicators(r);
  CHECK(indicator(d, "cases.received")["value"] == 0);
  // one ledger with records is enough
  s.add("cases", "received_on", "'2026-02-01'");
  r.allow_empty = false;
  CHECK(indicator(compute_indicators(r), "cases.received")["value"] == 1);
}

// The indicators' scan counts the coverage on the way; it must be what the coverage query says.
void check_same_coverage(const Coverage& scan, const Coverage& query) {
  CHECK(scan.latest == query.latest);
  REQUIRE(scan.ledgers.size() == query.ledgers.size());
  for (size_t i = 0; i < scan.ledgers.size(); ++i) {
    INFO("ledger " << query.ledgers[i].ledger);
    CHECK(scan.ledgers[i].ledger == query.ledgers[i].ledger);
    CHECK(scan.ledgers[i].records == query.ledgers[i].records);
    CHECK(scan.ledgers[i].in_period == query.ledgers[i].in_period);
    CHECK(scan.ledgers[i].latest == query.ledgers[i].latest);
    CHECK(scan.ledgers[i].filled == query.ledgers[i].filled);
  }
}

TEST_CASE("the scan's coverage is the coverage query's, with dates that are not dates and --where") {
  Store s;
  s.add("petitions", "received_on, unit", "'2025-03-01', '甲院'", 2)
      .add("cases", "received_on, filed_on, unit", "'2025-3-5', '2024-12-31', ''")
      .add("cases", "received_on, closed_on", "'2025-07-01', '2025-06-30 '")
      .add("cases", "received_on, closed_on", "'2025-06-30', '2025-13-01'")
      .add("recommendations", "issued_on, unit", "'2025-06-30', '乙院'")
      .add("recommendations", "issued_on", "NULL");
  Dictionary dictionary = Dictionary::load(kTemplates + "/fields.toml");
  Catalog catalog = Catalog::load(kTemplates + "/indicators.toml", dictionary);
  Period period = parse_period("2025H1", "2026-11-24");
  std::optional<Period> base = base_period(period, Compare::yoy);
  std::vector<WhereValue> where{{"unit", "甲院", std::nullopt, "甲院"}};
  for (const std::string by : {"", "unit", "month"}) {
    INFO("by " << by);
    Database db(s.path, Database::Mode::read_only);
    ScanResult all = compute_figures(db, catalog, dictionary, by, {}, period, base);
    ScanResult some = compute_figures(db, catalog, dictionary, by, where, period, base);
    Coverage query = measure_coverage(db, catalog, dictionary, by, period);
    REQUIRE(all.coverage);
    REQUIRE(some.coverage);
    check_same_coverage(*all.coverage, query);
    check_same_coverage(*some.coverage, query);  // --where narrows the figures, not the coverage
    CHECK(query.latest == "2025-3-5");  // text order: "3" after "1"
  }
  // --where: only 甲院's two petitions count
  IndicatorRequest r;
  r.db = s.path;
  r.period = "2025H1";
  r.catalog = kTemplates + "/indicators.toml";
  r.fields = kTemplates + "/fields.toml";
  r.today = "2026-11-24";
  r.where = {"unit=甲院"};
  CHECK(indicator(compute_indicators(r), "pet.received")["value"] == 2);
  CHECK(indicator(compute_indicators(r), "cases.received")["value"] == 0);
  // a blob in a date column (a number would be stored as text): max() ranks it above any text,
  // so the scan leaves the coverage to the query, and the figures are the same
  s.add("cases", "received_on, closed_on", "'2025-02-01', X'32303939'");
  r.where.clear();
  Database db(s.path, Database::Mode::read_only);
  CHECK_FALSE(compute_figures(db, catalog, dictionary, "", {}, period, base).coverage);
  CHECK(indicator(compute_indicators(r), "cases.received")["value"] == 2);
}

namespace {

// The figures of one period, as comparable text: "num/den" per indicator, in total and per group.
std::string figures_text(const PeriodFigures& figures) {
  std::string out;
  for (const Figure& f : figures.total) out += std::to_string(f.num) + "/" + std::to_string(f.den) + " ";
  for (const auto& [name, group] : figures.groups) {
    out += "\n" + name + ":";
    for (const Figure& f : group) out += " " + std::to_string(f.num) + "/" + std::to_string(f.den);
  }
  return out;
}

}  // namespace

TEST_CASE("a store scanned in parts by two threads gives the figures and coverage of one scan") {
  Store s;
  {
    // 1,000 records: every case number, unit and month in both threads' parts, with blanks and a
    // date that is not one, so that what the threads count must be put together, not just added.
    Database db(s.path, Database::Mode::read_write);
    Statement insert = db.prepare(
        "INSERT INTO records(import_id, ledger, sheet, row, case_no, unit, category, received_on, closed_on, persons,"
        " recovered) VALUES (1, ?1, '', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (int i = 0; i < 1000; ++i) {
      insert.rewind();
      insert.bind(1, std::string_view(i % 7 == 0 ? "petitions" : "cases")).bind(2, int64_t{i + 1});
      insert.bind(3, std::string_view("N" + std::to_string(i % 150)));
      if (i % 5 == 0)
        insert.bind(4, nullptr);
      else
        insert.bind(4, std::string_view(i % 5 == 1 ? std::string() : "第" + std::to_string(i % 3) + "院"));
      insert.bind(5, std::string_view(i % 2 ? "审查逮捕" : "民事检察"));
      insert.bind(6, std::string_view(i % 97 == 0 ? fmt::format("2025-{}-5", i % 9 + 1)
                                                  : fmt::format("{}-{:02}-{:02}", 2024 + i % 2, i % 12 + 1, i % 28 + 1)));
      if (i % 3 == 0)
        insert.bind(7, nullptr);
      else
        insert.bind(7, std::string_view(fmt::format("2025-{:02}-{:02}", i % 12 + 1, i % 27 + 1)));
      insert.bind(8, int64_t{i % 4}).bind(9, int64_t{i * 100});
      insert.run();
    }
  }
  TempDir dir;
  const std::string catalog_path = dir.file("catalog.toml");
  std::ofstream(catalog_path) << R"(
[[indicator]]
id = "received"
name = "受理"
section = "综合"
unit = "件"
kind = "count"
ledger = "cases"
date = "received_on"

[[indicator]]
id = "numbers"
name = "案号"
section = "综合"
unit = "件"
kind = "count"
like = "received"
distinct = "case_no"

[[indicator]]
id = "civil"
name = "民事"
section = "综合"
unit = "件"
kind = "count"
like = "received"
where = { field = "category", contains = "民事" }

[[indicator]]
id = "persons"
name = "人数"
section = "综合"
unit = "人"
kind = "sum"
ledger = "cases"
date = "received_on"
sum = "persons"

[[indicator]]
id = "recovered"
name = "挽回"
section = "综合"
unit = "万元"
kind = "sum"
ledger = "cases"
date = "closed_on"
sum = "recovered"

[[indicator]]
id = "petitions"
name = "信访"
section = "综合"
unit = "件"
kind = "count"
ledger = "petitions"
date = "received_on"

[[indicator]]
id = "civil_share"
name = "民事占比"
section = "综合"
unit = "%"
kind = "ratio"
numerator = "civil"
denominator = "received"
)";
  Dictionary dictionary = Dictionary::load(kTemplates + "/fields.toml");
  Catalog catalog = Catalog::load(catalog_path, dictionary);
  Catalog defaults = Catalog::load(kTemplates + "/indicators.toml", dictionary);
  Period period = parse_period("2025H1", "2026-11-24");
  std::optional<Period> base = base_period(period, Compare::yoy);
  std::vector<WhereValue> where{{"category", "审查逮捕", std::nullopt, "审查逮捕"}};
  Database db(s.path, Database::Mode::read_only);
  for (const Catalog* c : {&catalog, &defaults})
    for (const std::string by : {"", "unit", "month"})
      for (bool narrowed : {false, true}) {
        INFO("by " << by << (narrowed ? ", --where" : "") << (c == &defaults ? ", default catalog" : ""));
        const auto& w = narrowed ? where : std::vector<WhereValue>{};
        ScanResult one = compute_figures_split(db, *c, dictionary, by, w, period, base, INT64_MAX);
        ScanResult two = compute_figures_split(db, *c, dictionary, by, w, period, base, 1);
        CHECK(figures_text(two.now) == figures_text(one.now));
        CHECK(figures_text(two.then) == figures_text(one.then));
        REQUIRE(one.coverage);
        REQUIRE(two.coverage);
        check_same_coverage(*two.coverage, *one.coverage);
      }
  // The case numbers of the period, counted once though each is in both threads' parts (the first
  // part is the first thread's, the last the second's): as SQLite counts them.
  Statement distinct = db.prepare(
      "SELECT count(DISTINCT case_no), (SELECT count(DISTINCT case_no) FROM records WHERE rowid <= 500 AND"
      " ledger = 'cases' AND received_on BETWEEN '2025-01-01' AND '2025-06-30') FROM records WHERE ledger = 'cases'"
      " AND received_on BETWEEN '2025-01-01' AND '2025-06-30'");
  REQUIRE(distinct.step());
  ScanResult two = compute_figures_split(db, catalog, dictionary, "", {}, period, base, 1);
  CHECK(two.now.total[1].num == distinct.integer(0));
  CHECK(distinct.integer(1) > distinct.integer(0) / 2);  // so the parts share numbers
}
