#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "store/pg_connection.hpp"

using namespace casestat;

TEST_CASE("a --db is a PostgreSQL connection string or a file", "[store][postgres]") {
  CHECK(is_connection_string("postgresql://clerk@db.example/province"));
  CHECK(is_connection_string("postgres://db.example/province"));
  CHECK(is_connection_string("host=/run/postgresql dbname=province"));
  CHECK(is_connection_string("dbname=province"));
  CHECK(is_connection_string("service=province"));
  CHECK_FALSE(is_connection_string("casestat.db"));
  CHECK_FALSE(is_connection_string("out/casestat.db"));
  CHECK_FALSE(is_connection_string(":memory:"));
  CHECK_FALSE(is_connection_string("a=b.db"));  // no keyword libpq knows
  CHECK_FALSE(is_connection_string("台账=2025.db"));
}

TEST_CASE("a connection string's password is never shown", "[store][postgres]") {
  CHECK(redact_connection("postgresql://clerk:s3cret@db.example:5432/province") ==
        "postgresql://clerk:***@db.example:5432/province");
  CHECK(redact_connection("postgresql://clerk@db.example/province?password=s3cret&sslmode=require") ==
        "postgresql://clerk@db.example/province?password=***&sslmode=require");
  CHECK(redact_connection("postgresql://clerk@db.example/province") == "postgresql://clerk@db.example/province");
  std::string keywords = redact_connection("host=db dbname=province password='s3 cret' user=clerk");
  CHECK(keywords.find("s3") == std::string::npos);
  CHECK(keywords.find("password=***") != std::string::npos);
  CHECK(keywords.find("user=clerk") != std::string::npos);
  CHECK(redact_connection("host=db dbname=province") == "host=db dbname=province");
  CHECK(holds_password("postgresql://clerk:s3cret@db/province"));
  CHECK(holds_password("dbname=p password=x"));
  CHECK_FALSE(holds_password("dbname=p user=clerk"));
}

TEST_CASE("a connection string holding a password is refused before connecting", "[store][postgres]") {
  try {
    PgConnection conn("postgresql://clerk:s3cret@127.0.0.1:1/province");
    FAIL("connected");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
  }
}

TEST_CASE("COPY text escapes its separators", "[store][postgres]") {
  std::string line;
  append_copy_text(line, "a\tb\nc\\d\re");
  CHECK(line == "a\\tb\\nc\\\\d\\re");
}
