#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "store/page_memory.hpp"

using namespace casestat;

namespace {

// Before any test opens a store, as casestat-import does before its first connection: every
// test of this binary then runs with SQLite's pages in the mapping.
const bool installed = use_huge_pages_for_pages(16384, 8 << 20);

}  // namespace

TEST_CASE("page buffers come from the mapping, are given back and used again; the rest from SQLite") {
  REQUIRE(installed);
  CHECK(use_huge_pages_for_pages(16384, 8 << 20));  // again: nothing changes
  const int page = 16384 + 200;  // a page and SQLite's header for it
  void* a = sqlite3_malloc(page);
  void* b = sqlite3_malloc(page);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a != b);
  CHECK(in_page_memory(a));
  CHECK(in_page_memory(b));
  CHECK(sqlite3_msize(a) >= static_cast<sqlite3_uint64>(page));
  std::memset(a, 'a', static_cast<size_t>(page));
  sqlite3_free(a);
  void* again = sqlite3_malloc(page);
  CHECK(again == a);  // the block given back
  // Grown beyond its block: moved, with its contents.
  std::memset(again, 'x', static_cast<size_t>(page));
  auto* grown = static_cast<char*>(sqlite3_realloc(again, 3 * page));
  REQUIRE(grown);
  CHECK_FALSE(in_page_memory(grown));  // too large for a block: SQLite's own
  CHECK(sqlite3_msize(grown) >= static_cast<sqlite3_uint64>(3 * page));
  CHECK(grown[0] == 'x');
  CHECK(grown[page - 1] == 'x');
  sqlite3_free(grown);
  sqlite3_free(b);
  // Small requests are SQLite's own, with their sizes.
  void* small = sqlite3_malloc(100);
  REQUIRE(small);
  CHECK_FALSE(in_page_memory(small));
  CHECK(sqlite3_msize(small) >= 100);
  sqlite3_free(small);
  // Once the mapping is used up, pages come from SQLite's allocator.
  std::vector<void*> many;
  for (int i = 0; i < 600; ++i) many.push_back(sqlite3_malloc(page));  // 8 MiB hold under 500
  size_t mapped = 0;
  for (void* p : many) {
    REQUIRE(p);
    mapped += in_page_memory(p);
    CHECK(sqlite3_msize(p) >= static_cast<sqlite3_uint64>(page));
  }
  CHECK(mapped > 400);
  CHECK(mapped < 600);
  for (void* p : many) sqlite3_free(p);
}
