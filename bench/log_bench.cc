// Throughput of the record log: appends with fsync (group commit) from 1 and
// 16 threads, appends without fsync, reads, and recovery on open. The log
// lives in a fresh folder under $GISA_BENCH_DIR (default /tmp), so the
// figures are those of that disk.
//
//   build/bench/log_bench --benchmark_filter=Append
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "gisa/v1/article.pb.h"
#include "ingest_service/log/record_log.h"

namespace gisa::ingest {
namespace {

std::string MakeTempDir() {
  const char* root = getenv("GISA_BENCH_DIR");
  std::string pattern = absl::StrCat(root != nullptr ? root : "/tmp", "/gisa_log_bench_XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  return pattern;
}

// A news article of about 2 KB serialized, as the parser would log it.
gisa::v1::Article BenchArticle(int n) {
  gisa::v1::Article article;
  article.set_id(absl::StrCat("bench-", n % 1000));
  article.set_source_uri(absl::StrCat("https://news.example/", n));
  article.set_title("반도체 수출 회복세, 3분기 실적 개선 기대");
  article.set_language("ko");
  article.set_category("경제");
  std::string summary;
  while (summary.size() < 2000) summary += "메모리 가격 반등으로 업계의 하반기 전망이 밝아졌다. ";
  article.set_summary(summary);
  return article;
}

std::unique_ptr<RecordLog> OpenOrDie(const std::string& dir, bool sync) {
  RecordLog::Options options;
  options.dir = dir;
  options.sync = sync;
  absl::StatusOr<std::unique_ptr<RecordLog>> log = RecordLog::Open(options);
  if (!log.ok()) std::abort();
  return *std::move(log);
}

// Shared by the threads of one run; set up and torn down by thread 0 (the
// benchmark loop starts and ends with a barrier across threads).
std::unique_ptr<RecordLog> shared_log;
std::string shared_dir;

void RunAppends(benchmark::State& state, bool sync) {
  if (state.thread_index() == 0) {
    shared_dir = MakeTempDir();
    shared_log = OpenOrDie(shared_dir, sync);
  }
  gisa::v1::Article article = BenchArticle(state.thread_index());
  for (auto _ : state) {
    absl::StatusOr<RecordLog::Appended> appended = shared_log->Append(article);
    if (!appended.ok()) {
      state.SkipWithError("append failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * article.ByteSizeLong());
  if (state.thread_index() == 0) {
    shared_log.reset();
    std::filesystem::remove_all(shared_dir);
  }
}

void BM_AppendSync(benchmark::State& state) { RunAppends(state, /*sync=*/true); }
BENCHMARK(BM_AppendSync)->Threads(1)->Threads(16)->UseRealTime();

void BM_AppendNoSync(benchmark::State& state) { RunAppends(state, /*sync=*/false); }
BENCHMARK(BM_AppendNoSync)->Threads(1)->Threads(16)->UseRealTime();

// Reads batches of 100 records, as a follower catching up does.
void BM_Read(benchmark::State& state) {
  std::string dir = MakeTempDir();
  constexpr int kRecords = 20000;
  {
    auto log = OpenOrDie(dir, false);
    for (int i = 0; i < kRecords; ++i) (void)log->Append(BenchArticle(i));
  }
  auto log = OpenOrDie(dir, false);
  uint64_t from = 1;
  int64_t records = 0;
  for (auto _ : state) {
    absl::StatusOr<std::vector<gisa::v1::LogRecord>> batch = log->Read(from, 100, 1 << 20);
    if (!batch.ok()) {
      state.SkipWithError("read failed");
      break;
    }
    records += static_cast<int64_t>(batch->size());
    from = batch->empty() || batch->back().sequence() >= kRecords ? 1 : batch->back().sequence() + 1;
  }
  state.SetItemsProcessed(records);
  log.reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_Read);

// Open of a log of state.range(0) records: scans, checks and indexes them.
void BM_Recover(benchmark::State& state) {
  std::string dir = MakeTempDir();
  {
    auto log = OpenOrDie(dir, false);
    for (int i = 0; i < state.range(0); ++i) (void)log->Append(BenchArticle(i));
  }
  for (auto _ : state) {
    std::unique_ptr<RecordLog> log = OpenOrDie(dir, false);
    benchmark::DoNotOptimize(log.get());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_Recover)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gisa::ingest

BENCHMARK_MAIN();
