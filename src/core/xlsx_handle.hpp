// RAII for libxlsxwriter's workbook, shared by the stages that write xlsx (sample, render).
// Header-only, so that core itself does not link libxlsxwriter.
#pragma once

#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace casestat {

class XlsxHandle {
 public:
  // `created`: the creation time written into the file; a fixed one makes the same input give
  // the same bytes.
  XlsxHandle(const std::filesystem::path& path, std::time_t created, bool constant_memory = false,
             lxw_doc_properties properties = {}) {
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    options.use_zip64 = LXW_TRUE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) system_error("{}: cannot create the workbook", path.string());
    properties.created = created;
    workbook_set_properties(book_, &properties);
    path_ = path;
  }
  ~XlsxHandle() {
    if (book_) workbook_close(book_);  // an abandoned workbook: its temp output is removed by the caller
  }
  XlsxHandle(const XlsxHandle&) = delete;
  XlsxHandle& operator=(const XlsxHandle&) = delete;

  lxw_workbook* get() const { return book_; }
  // Writes the file; a system Error names it when libxlsxwriter cannot.
  void close() {
    lxw_error rc = workbook_close(book_);
    book_ = nullptr;
    if (rc != LXW_NO_ERROR) system_error("{}: cannot write the workbook: {}", path_.string(), lxw_strerror(rc));
  }

 private:
  lxw_workbook* book_ = nullptr;
  std::filesystem::path path_;
};

}  // namespace casestat
