// How long a query replica takes to catch up with a log of 100k articles:
// from empty (the whole log over the Follow stream), from a snapshot of all
// of it, and from a snapshot of 90% plus the last 10% from the log. The
// ingest server and the replicas run in this process (the same code as the
// binaries) on loopback; the log and snapshots live under $GISA_BENCH_DIR
// (default /tmp). $GISA_CATCHUP_ARTICLES changes the article count.
//
//   build/bench/catchup_bench
//
// The articles are a few dozen generated texts in the genre, parsed once by
// the real parser, then logged under 100k distinct ids and titles.
#include <stdlib.h>

#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "gisa/v1/article.pb.h"
#include "ingest_service/log/record_log.h"
#include "ingest_service/parser/article_parser.h"
#include "ingest_service/server/ingest_server.h"
#include "query_service/server/query_server.h"
#include "query_service/snapshot/snapshot_file.h"

namespace gisa {
namespace {

std::string MakeTempDir() {
  const char* root = getenv("GISA_BENCH_DIR");
  std::string pattern =
      absl::StrCat(root != nullptr ? root : "/tmp", "/gisa_catchup_bench_XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  return pattern;
}

int ArticleCount() {
  int count = 100000;
  const char* value = getenv("GISA_CATCHUP_ARTICLES");
  if (value != nullptr && (!absl::SimpleAtoi(value, &count) || count < 10)) {
    std::fprintf(stderr, "GISA_CATCHUP_ARTICLES must be a number >= 10\n");
    std::abort();
  }
  return count;
}

// A short article of the genre: a title, a paragraph with a quote, a
// summary, an FAQ and the category block.
std::string GeneratedText(int n) {
  static const char* const kCompanies[] = {"한빛전자", "누리바이오", "다온모빌리티",
                                           "새솔에너지", "가람통신", "온새미로보틱스"};
  static const char* const kPeople[] = {"김하늘", "이도현", "박지우", "최서윤", "정민재"};
  static const char* const kCities[] = {"부산", "대전", "광주", "인천", "울산", "세종"};
  static const char* const kTopics[] = {"배터리", "신약", "자율주행", "태양광", "5G", "물류 로봇"};
  const char* company = kCompanies[n % 6];
  const char* person = kPeople[n % 5];
  const char* city = kCities[(n / 2) % 6];
  const char* topic = kTopics[(n / 3) % 6];
  return absl::StrCat(
      "# ", company, ", ", city, "에 ", topic, " 공장 짓는다\n\n",
      company, "이 ", city, "에 ", topic, " 생산 시설을 세우기로 했습니다. 투자 규모는 ",
      n % 9 + 1, "천억 원이며 내년 ", n % 12 + 1, "월 착공할 예정입니다.\n",
      person, " ", company, " 대표는 \"", city, "를 ", topic,
      " 산업의 중심으로 키우겠다\"고 말했습니다.\n\n",
      "핵심 요약\n", company, "이 ", city, "에 ", topic, " 공장을 짓습니다.\n\n",
      "자주 묻는 질문\nQ. 언제 착공하나요?\nA. 내년 ", n % 12 + 1, "월입니다.\n",
      "Q. 투자 규모는 얼마인가요?\nA. ", n % 9 + 1, "천억 원입니다.\n\n",
      "'경제' 카테고리의 다른 글\n",
      "| 지역 산업단지 현황 정리 (", n % 7, ") | 2025.0", n % 9 + 1, ".1", n % 10, " |\n",
      "|---|---|\n");
}

// The ingest server and its log, shared by the benchmarks below, which run
// in the order they are registered.
struct Pair {
  std::string dir = MakeTempDir();
  int articles = ArticleCount();
  std::unique_ptr<ingest::ArticleParser> parser;
  std::unique_ptr<ingest::RecordLog> log;
  std::unique_ptr<ingest::IngestServer> server;
  std::vector<gisa::v1::Article> templates;
  // Snapshot folders: of 90% of the log, and of all of it.
  std::string partial_snapshot = dir + "/snapshot-90";
  std::string full_snapshot = dir + "/snapshot-100";
  absl::Duration partial_snapshot_write;

  Pair() {
    parser = *ingest::ArticleParser::Create({});
    for (int n = 0; n < 60; ++n) {
      gisa::v1::RawArticle raw;
      raw.set_content(GeneratedText(n));
      absl::StatusOr<gisa::v1::Article> parsed = parser->Parse(raw);
      if (!parsed.ok()) {
        std::fprintf(stderr, "cannot parse article %d: %s\n", n,
                     parsed.status().ToString().c_str());
        std::abort();
      }
      templates.push_back(*parsed);
    }
    log = *ingest::RecordLog::Open({.dir = dir + "/log", .sync = false});
    ingest::IngestServerOptions options;
    options.listen = "127.0.0.1:0";
    server = *ingest::IngestServer::Start(parser.get(), log.get(), options);

    // 90% of the log, a replica's snapshot of it, then the rest.
    const int partial = articles * 9 / 10;
    Append(0, partial);
    CatchUp(partial_snapshot, &partial_snapshot_write);
    Append(partial, articles);
  }

  // Appends articles [from, to) to the log.
  void Append(int from, int to) {
    for (int n = from; n < to; ++n) {
      gisa::v1::Article article = templates[n % templates.size()];
      article.set_id(absl::StrCat("catchup-", n));
      article.set_source_uri(absl::StrCat("https://blog.example/", n));
      article.set_title(absl::StrCat(article.title(), " #", n));
      if (!log->Append(article).ok()) std::abort();
    }
  }

  // Starts a replica (with `snapshot_dir`, "" for none), waits until it has
  // applied the whole log, and returns the time from start to then; shuts
  // the replica down afterwards (which writes its snapshot).
  absl::Duration CatchUp(const std::string& snapshot_dir, absl::Duration* shutdown) {
    query::QueryServer::Options options;
    options.listen = "127.0.0.1:0";
    options.ingest = server->address();
    options.replica_name = "catchup-bench";
    options.snapshot.dir = snapshot_dir;
    options.snapshot.every_records = 0;  // only the one written on shutdown
    options.snapshot.interval = absl::ZeroDuration();
    const uint64_t last = log->last_sequence();
    const absl::Time start = absl::Now();
    std::unique_ptr<query::QueryServer> replica = *query::QueryServer::Start(options);
    if (!replica->store().WaitForSequence(last, absl::Minutes(30))) std::abort();
    const absl::Duration took = absl::Now() - start;
    const absl::Time stop = absl::Now();
    replica->Shutdown(absl::Now() + absl::Seconds(5));
    replica.reset();
    if (shutdown != nullptr) *shutdown = absl::Now() - stop;
    return took;
  }
};

// Never destroyed (its servers would be shut down during exit); only its
// folder is removed at exit.
Pair& SharedPair() {
  static Pair* pair = new Pair();
  static const int cleanup = std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(SharedPair().dir, ignored);
  });
  (void)cleanup;
  return *pair;
}

void Report(benchmark::State& state, absl::Duration took, int articles) {
  state.SetIterationTime(absl::ToDoubleSeconds(took));
  state.counters["articles"] = articles;
  state.counters["articles_per_s"] = articles / absl::ToDoubleSeconds(took);
}

void BM_FromEmpty(benchmark::State& state) {
  Pair& pair = SharedPair();
  for (auto _ : state) {
    Report(state, pair.CatchUp("", nullptr), pair.articles);
  }
}

void BM_FromSnapshotPlusTail(benchmark::State& state) {
  Pair& pair = SharedPair();
  const std::string copy = pair.dir + "/snapshot-90-copy";
  for (auto _ : state) {
    std::filesystem::remove_all(copy);
    std::filesystem::copy(pair.partial_snapshot, copy);
    Report(state, pair.CatchUp(copy, nullptr), pair.articles);
  }
  state.counters["shutdown_with_snapshot_s"] = absl::ToDoubleSeconds(pair.partial_snapshot_write);
}

// Also writes the full snapshot it starts from (its time is a counter).
void BM_FromFullSnapshot(benchmark::State& state) {
  Pair& pair = SharedPair();
  absl::Duration write_snapshot;
  pair.CatchUp(pair.full_snapshot, &write_snapshot);  // setup: from empty
  for (auto _ : state) {
    Report(state, pair.CatchUp(pair.full_snapshot, nullptr), pair.articles);
  }
  state.counters["shutdown_with_snapshot_s"] = absl::ToDoubleSeconds(write_snapshot);
  state.counters["snapshot_mb"] =
      std::filesystem::file_size(query::SnapshotPath(pair.full_snapshot)) / 1e6;
}

BENCHMARK(BM_FromEmpty)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_FromSnapshotPlusTail)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_FromFullSnapshot)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace gisa

BENCHMARK_MAIN();
