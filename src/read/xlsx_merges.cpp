#include "read/xlsx_merges.hpp"

#include <cstring>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "read/merged_ranges.hpp"
#include "read/xlsx_xml.hpp"

namespace casestat {

namespace {

// <mergeCells><mergeCell ref="A1:I1"/>...</mergeCells>, parsed on its own: the scan hands over
// the XML from the element's '<' on, and the parse stops at its end (what follows is not ours).
class MergeCellsPart : public XmlStream {
 public:
  MergeCellsPart(const std::string& where, const ReadLimits& limits)
      : XmlStream(where, _("the sheet's merged cells"), limits.max_field_bytes), limits_(limits) {}
  std::vector<MergedRange> ranges;
  bool done = false;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name != "mergeCell") return;
    const char* ref = xml_attr(attrs, "ref");
    if (!ref) return;  // nothing to merge
    auto range = parse_merged_range(ref, limits_);
    if (!range)
      return refuse(translate("{}: the file is damaged: {} has the merged range \"{}\", which is not a range of the sheet at "
                               "line {}",
                               where(), part(), ref, line()));
    if (ranges.size() >= limits_.max_merged_ranges)
      return refuse(translate("{}: the sheet has more than {} merged ranges, which looks like a damaged or hostile "
                                "file",
                                where(), limits_.max_merged_ranges));
    ranges.push_back(*range);
  }
  void on_end(std::string_view name) override {
    if (name != "mergeCells") return;
    done = true;
    stop();
  }
  void on_text(const char*, int) override {}

 private:
  const ReadLimits& limits_;
};

constexpr std::string_view kWord = "mergeCells";
constexpr size_t kCarry = 64;  // bytes kept from the piece before: "<" + a prefix + the word

// Where "<mergeCells" or "<prefix:mergeCells" starts in `text` (the word found at `word`), or npos.
size_t element_start(std::string_view text, size_t word) {
  if (word == 0) return std::string_view::npos;
  if (text[word - 1] == '<') return word - 1;
  if (text[word - 1] != ':') return std::string_view::npos;
  size_t p = word - 1;
  while (p > 0 && text[p - 1] != '<' && text[p - 1] != '>' && text[p - 1] != ' ' && text[p - 1] != '/') --p;
  return p > 0 && text[p - 1] == '<' && p + 1 < word ? p - 1 : std::string_view::npos;
}

}  // namespace

std::vector<MergedRange> read_xlsx_merged_ranges(XlsxZip& zip, const std::string& member, const std::string& where,
                                                 const ReadLimits& limits, const std::atomic<bool>* stop) {
  MergeCellsPart part(where, limits);
  std::string window;  // the tail of the piece before, then the current piece
  bool found = false;
  zip.read(member, [&](const char* data, size_t size) {
    if (stop && stop->load(std::memory_order_relaxed)) return false;
    if (found) return part.feed(data, size, false);
    // Text between tags never holds a raw '<' (XML writes &lt;), so "<mergeCells" is the element.
    window.append(data, size);
    std::string_view text(window);
    for (size_t at = text.find(kWord); at != std::string_view::npos; at = text.find(kWord, at + 1)) {
      size_t start = element_start(text, at);
      if (start == std::string_view::npos || (start + 1 < text.size() && text[start + 1] == '/')) continue;
      found = true;
      return part.feed(text.data() + start, text.size() - start, false);
    }
    window.erase(0, window.size() > kCarry ? window.size() - kCarry : 0);
    return true;
  });
  if (stop && stop->load()) return {};
  if (found && !part.done) part.feed("", 0, true);  // the part ended inside <mergeCells>: a damaged file
  settle_merged_ranges(part.ranges, where);
  return std::move(part.ranges);
}

MergedRangesAhead::MergedRangesAhead(XlsxZip zip, std::string member, std::string where, const ReadLimits& limits)
    : zip_(std::move(zip)), member_(std::move(member)), where_(std::move(where)), limits_(limits), thread_([this] {
        try {
          ranges_ = read_xlsx_merged_ranges(zip_, member_, where_, limits_, &stop_);
        } catch (...) {
          error_ = std::current_exception();
        }
      }) {}

MergedRangesAhead::~MergedRangesAhead() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

std::vector<MergedRange> MergedRangesAhead::take() {
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  return std::move(ranges_);
}

}  // namespace casestat
