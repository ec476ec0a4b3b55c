#include "sample/generate.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "sample/csv_output.hpp"
#include "sample/ledgers.hpp"
#include "sample/streaming_xlsx.hpp"
#include "sample/xlsx_output.hpp"

namespace casestat::sample {

namespace fs = std::filesystem;

namespace {

// A ledger that reports its progress now and then while it is being written as `file`.
class Reporting : public Ledger {
 public:
  Reporting(std::unique_ptr<Ledger> inner, const std::function<void(std::string_view)>& progress, fs::path file)
      : Ledger(inner->rows()), inner_(std::move(inner)), progress_(progress), file_(std::move(file)) {}
  const Layout& layout() const override { return inner_->layout(); }
  void row(int64_t index, Row& out) override {
    if (progress_ && index % 65536 == 0) progress_(fmt::format("{}: {} rows", file_.filename().string(), index));
    inner_->row(index, out);
  }
  void total(Row& out) override { inner_->total(out); }

 private:
  std::unique_ptr<Ledger> inner_;
  const std::function<void(std::string_view)>& progress_;
  fs::path file_;
};

void write(Ledger& ledger, const std::function<std::unique_ptr<Ledger>()>& make, const fs::path& path,
           bool streaming) {
  if (path.extension() == ".csv")
    write_gbk_csv(ledger, path);
  else if (streaming)
    write_streaming_xlsx(make, path);
  else
    write_xlsx(ledger, path, false);
}

}  // namespace

std::vector<fs::path> sample_command(const SampleOptions& options) {
  if (options.rows < 1 || options.rows > kMaxRows)
    usage_error("--rows {}: give a number of rows from 1 to {} (the most an xlsx sheet holds)", options.rows, kMaxRows);
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (ec) system_error("cannot create the folder {}: {}", options.out.string(), ec.message());

  std::vector<fs::path> written;
  if (options.national) {
    written = {options.out / fmt::format("national-cases-{}.csv", options.seed)};
    Reporting ledger(bench_ledger(options.seed, options.rows, fmt::format("{}-", options.seed)), options.progress,
                     written[0]);
    write_gbk_csv(ledger, written[0]);
    return written;
  }
  if (options.bench) {
    written = {options.out / "bench-cases.xlsx", options.out / "bench-cases.csv"};
    auto make = [&](const fs::path& file) -> std::unique_ptr<Ledger> {
      return std::make_unique<Reporting>(bench_ledger(options.seed, options.rows), options.progress, file);
    };
    write_streaming_xlsx([&] { return make(written[0]); }, written[0]);
    write_gbk_csv(*make(written[1]), written[1]);
    return written;
  }
  const size_t count = sample_ledgers(options.seed, 1).size();
  for (size_t i = 0; i < count; ++i) {
    // The i-th ledger of the set, made afresh (the streaming writer needs it twice).
    const fs::path file = options.out / sample_ledgers(options.seed, 1)[i]->layout().file;
    auto make = [&]() -> std::unique_ptr<Ledger> {
      return std::make_unique<Reporting>(std::move(sample_ledgers(options.seed, options.rows)[i]), options.progress,
                                         file);
    };
    auto ledger = make();
    written.push_back(file);
    write(*ledger, make, file, options.rows > kStreamingRows);
  }
  return written;
}

}  // namespace casestat::sample
