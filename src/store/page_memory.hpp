// Where SQLite's page buffers live in a process that writes a store: one mapping, in huge pages
// where the kernel allows them, rather than one malloc'd block each.
#pragma once

#include <cstddef>

namespace casestat {

// Before SQLite starts: page buffers of `page_size` bytes come from a mapping of `bytes` bytes,
// faulted in 2 MiB at a time as SQLite's page cache grows (the rest of SQLite's memory, and
// pages once the mapping is full, come from its own allocator, as before). Returns false, and
// changes nothing, when SQLite refuses (it has started) or the mapping cannot be made. A second
// call changes nothing either.
bool use_huge_pages_for_pages(size_t page_size, size_t bytes);

// Whether `buffer` (from sqlite3_malloc) lies in the mapping: for tests.
bool in_page_memory(const void* buffer);

}  // namespace casestat
