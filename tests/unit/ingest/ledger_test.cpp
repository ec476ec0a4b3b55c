#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "ingest/ledger.hpp"

using namespace casestat;

TEST_CASE("the ledger comes from --ledger, else the sheet's name, else the file's") {
  CHECK(ledger_for(std::nullopt, "检察建议", "台账.xlsx") == Ledger::recommendations);
  CHECK(ledger_for(std::nullopt, "诉前建议", "台账.xlsx") == Ledger::recommendations);
  CHECK(ledger_for(std::nullopt, "信访登记", "台账.xlsx") == Ledger::petitions);
  CHECK(ledger_for(std::nullopt, "Sheet1", "2021年检察建议台账.xlsx") == Ledger::recommendations);
  CHECK(ledger_for(std::nullopt, "", "信访.csv") == Ledger::petitions);
  CHECK(ledger_for(std::nullopt, "公益诉讼", "台账.xlsx") == Ledger::cases);
  // The sheet wins over the file: one workbook holds several ledgers.
  CHECK(ledger_for(std::nullopt, "信访", "检察建议台账.xlsx") == Ledger::petitions);
  // Only the file's own name counts, not its folder.
  CHECK(ledger_for(std::nullopt, "", "信访科/案件.csv") == Ledger::cases);
  CHECK(ledger_for(Ledger::cases, "检察建议", "信访.xlsx") == Ledger::cases);
}

TEST_CASE("ledger names are the store's words") {
  CHECK(std::string(to_string(Ledger::recommendations)) == "recommendations");
  CHECK(parse_ledger("petitions") == Ledger::petitions);
  try {
    parse_ledger("案件");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()) == "--ledger 案件: not a ledger; use cases, recommendations or petitions");
  }
}
