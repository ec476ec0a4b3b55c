// Helpers for the CSV, xls and open_workbook tests: read a sheet into plain values, write
// scratch files.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "read/workbook.hpp"

namespace casestat::test {

inline std::string data_file(const std::string& relative) { return std::string(CASESTAT_TEST_DATA) + "/" + relative; }

struct ReadRow {
  int64_t number;
  std::vector<std::string> texts;
  std::vector<Cell::Type> types;
};

inline std::vector<ReadRow> read_rows(Workbook& book, size_t sheet = 0) {
  std::vector<ReadRow> rows;
  book.read_sheet(sheet, [&](const Row& row) {
    ReadRow r{row.number, {}, {}};
    for (const Cell& c : row.cells) {
      r.texts.push_back(c.text);
      r.types.push_back(c.type);
    }
    rows.push_back(std::move(r));
    return true;
  });
  return rows;
}

inline std::vector<std::string> texts(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

// A file in a private scratch folder, removed at the end of the test.
class ScratchFile {
 public:
  ScratchFile(const std::string& name, const std::string& content) {
    path_ = std::filesystem::temp_directory_path() / ("casestat-read-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
    path_ /= name;
    std::ofstream(path_, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  ~ScratchFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The message of the Error thrown by f, or "" when none is thrown.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace casestat::test
