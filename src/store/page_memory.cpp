// A large import fills SQLite's page cache with ~16 KiB buffers, each a malloc'd block whose
// 4 KiB pages the kernel faults in one at a time: up to a fifth of the import's time
// (bench-import). Served from one mapping advised for huge pages, they fault 2 MiB at a time,
// and only as the cache grows, so a small import pays nothing for the large cache it may have.
// Everything else SQLite allocates goes to its own allocator, unchanged.
#include "store/page_memory.hpp"

#include <sqlite3.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <mutex>
#include <vector>

namespace casestat {

namespace {

// Each block: the size SQLite asked for (8 bytes, as SQLite's own allocator keeps it), then
// the buffer.
constexpr size_t kHeader = 8;

struct Pages {
  sqlite3_mem_methods sqlite{};  // SQLite's own allocator, for everything else
  char* base = nullptr;
  size_t capacity = 0;  // bytes of the mapping
  size_t block = 0;     // bytes per block, header included
  size_t smallest = 0, largest = 0;  // the requests that are page buffers
  std::mutex mutex;     // SQLite calls its allocator from any thread of the process
  size_t used = 0;      // bytes of the mapping handed out at least once
  std::vector<char*> free;  // blocks given back, for the next buffer

  bool owns(const void* p) const {
    auto* c = static_cast<const char*>(p);
    return base && c >= base && c < base + capacity;
  }
};

Pages pages;

int64_t& size_of(void* buffer) { return *reinterpret_cast<int64_t*>(static_cast<char*>(buffer) - kHeader); }

void* allocate(int n) {
  const auto size = static_cast<size_t>(n);
  if (size >= pages.smallest && size <= pages.largest) {
    char* block = nullptr;
    {
      std::lock_guard<std::mutex> lock(pages.mutex);
      if (!pages.free.empty()) {
        block = pages.free.back();
        pages.free.pop_back();
      } else if (pages.used + pages.block <= pages.capacity) {
        block = pages.base + pages.used;
        pages.used += pages.block;
      }
    }
    if (block) {
      void* buffer = block + kHeader;
      size_of(buffer) = n;
      return buffer;
    }
  }
  return pages.sqlite.xMalloc(n);
}

void release(void* buffer) {
  if (!pages.owns(buffer)) return pages.sqlite.xFree(buffer);
  std::lock_guard<std::mutex> lock(pages.mutex);
  pages.free.push_back(static_cast<char*>(buffer) - kHeader);
}

int size(void* buffer) {
  return pages.owns(buffer) ? static_cast<int>(size_of(buffer)) : pages.sqlite.xSize(buffer);
}

void* reallocate(void* buffer, int n) {
  if (!pages.owns(buffer)) return pages.sqlite.xRealloc(buffer, n);
  if (n >= 0 && static_cast<size_t>(n) <= pages.block - kHeader) {
    size_of(buffer) = n;
    return buffer;
  }
  void* moved = allocate(n);
  if (!moved) return nullptr;
  std::memcpy(moved, buffer, static_cast<size_t>(size_of(buffer)));
  release(buffer);
  return moved;
}

int round_up(int n) { return pages.sqlite.xRoundup(n); }
int start(void* data) { return pages.sqlite.xInit(data); }
void stop(void* data) { pages.sqlite.xShutdown(data); }

}  // namespace

bool use_huge_pages_for_pages(size_t page_size, size_t bytes) {
  if (pages.base) return true;  // once: SQLite's allocator, asked again, would be this one
  int header = 0;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return false;
  if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &pages.sqlite) != SQLITE_OK) return false;
  // A page buffer is the page and SQLite's header for it (PCACHE_HDRSZ, plus a little that
  // differs between versions): requests of that size are pages; the block has room for any.
  pages.smallest = page_size;
  pages.largest = page_size + static_cast<size_t>(header) + 256;
  pages.block = (kHeader + pages.largest + 63) / 64 * 64;
  void* memory = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) return false;
  ::madvise(memory, bytes, MADV_HUGEPAGE);  // a hint: without huge pages it is plain memory
  pages.base = static_cast<char*>(memory);
  pages.capacity = bytes;
  static sqlite3_mem_methods methods{allocate, release, reallocate, size, round_up, start, stop, nullptr};
  methods.pAppData = pages.sqlite.pAppData;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK) {
    ::munmap(memory, bytes);
    pages.base = nullptr;
    pages.capacity = 0;
    return false;
  }
  // The mapping lives as long as the process: SQLite may hold pages in it until it shuts down.
  return true;
}

bool in_page_memory(const void* buffer) { return pages.owns(buffer); }

}  // namespace casestat
