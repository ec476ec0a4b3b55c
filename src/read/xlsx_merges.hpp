// The merged ranges of an xlsx sheet: <mergeCells> comes after <sheetData> in the sheet's XML,
// so it is found by a first pass over the part that only inflates and looks for it.
#pragma once

#include <atomic>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "read/workbook.hpp"
#include "read/xlsx_zip.hpp"

namespace casestat {

// The sheet part's merged ranges, settled (settle_merged_ranges). `where` starts messages
// ("book.xlsx: sheet 台账"). Memory: the ranges and a few pieces of inflated XML, never the sheet.
// With `stop`, the read ends early (its result is then of no use) once it is set.
std::vector<MergedRange> read_xlsx_merged_ranges(XlsxZip& zip, const std::string& member, const std::string& where,
                                                 const ReadLimits& limits, const std::atomic<bool>* stop = nullptr);

// The merged ranges of one sheet read ahead, on a thread and a handle of the archive of their
// own, while the caller goes on with other parts (the shared strings): the pass over the sheet
// that finds them then costs no time before its rows are read. take() waits for them and gives
// them, or throws what their read met; the thread is stopped and joined when this goes.
class MergedRangesAhead {
 public:
  MergedRangesAhead(XlsxZip zip, std::string member, std::string where, const ReadLimits& limits);
  ~MergedRangesAhead();
  MergedRangesAhead(const MergedRangesAhead&) = delete;
  MergedRangesAhead& operator=(const MergedRangesAhead&) = delete;
  std::vector<MergedRange> take();

 private:
  XlsxZip zip_;
  std::string member_, where_;
  ReadLimits limits_;
  std::atomic<bool> stop_{false};
  std::vector<MergedRange> ranges_;
  std::exception_ptr error_;
  std::thread thread_;  // last: started once everything it uses is made
};

}  // namespace casestat
