// SearchFaq side by side with its peer, SQLite FTS5 (trigram tokenizer,
// bm25): top-1 accuracy and MRR over a query set, and median / p99 latency
// per query: ours in process and through gRPC (when a replica that holds the
// same articles is given), FTS5 in process. Then Google Benchmark timings,
// including search over a large synthetic index.
//
//   build/bench/faq_bench                                  # corpus dev set
//   build/bench/faq_bench --articles=samples --queries=tests/data/faq_hard.jsonl
//   build/bench/faq_bench --query_service=127.0.0.1:50052  # + gRPC column
//   build/bench/faq_bench --benchmark_filter=none --verbose # report only
//
// bench/faq_eval.py starts a replica, loads the articles and passes its
// address here (see its --bench option).
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/faq_corpus.h"
#include "bench/faq_fts5.h"
#include "benchmark/benchmark.h"
#include "gisa/v1/query_service.grpc.pb.h"
#include "query_service/store/faq_index.h"

ABSL_FLAG(std::vector<std::string>, articles,
          std::vector<std::string>({GISA_SOURCE_DIR "/../shared/corpus/seed",
                                    GISA_SOURCE_DIR "/../shared/corpus/dev"}),
          "article files or folders to index");
ABSL_FLAG(std::vector<std::string>, queries,
          std::vector<std::string>(
              {GISA_SOURCE_DIR "/../shared/corpus/faq-queries/dev.jsonl"}),
          "JSONL query files (query, article, question)");
ABSL_FLAG(bool, gold_entities, false,
          "use the entities of STEM.gold.json beside each article");
ABSL_FLAG(std::string, query_service, "",
          "HOST:PORT of a query_service replica holding the same articles");
ABSL_FLAG(int, k, 10, "results per query (the cutoff of MRR)");
ABSL_FLAG(int, rounds, 50, "times each query is timed");
ABSL_FLAG(bool, verbose, false, "list the queries whose target is not first");
ABSL_FLAG(std::string, ranking, "",
          "FaqIndex::Options to try, e.g. concept_weight=1.5,k1=1.0");

namespace gisa::bench {
namespace {

using Search = std::function<std::vector<Ranked>(const std::string&)>;

struct Latency {
  double median_us = 0;
  double p99_us = 0;
};

Latency Measure(const std::vector<FaqQuery>& queries, const Search& search,
                int rounds) {
  std::vector<double> us;
  for (int r = 0; r < rounds; ++r) {
    for (const FaqQuery& q : queries) {
      const absl::Time start = absl::Now();
      benchmark::DoNotOptimize(search(q.query));
      us.push_back(absl::ToDoubleMicroseconds(absl::Now() - start));
    }
  }
  if (us.empty()) return {};
  std::sort(us.begin(), us.end());
  const auto at = [&](double f) {
    return us[std::min(us.size() - 1, static_cast<size_t>(f * us.size()))];
  };
  return {at(0.5), at(0.99)};
}

// FaqIndex::Options with the fields named in --ranking changed.
absl::StatusOr<query::FaqIndex::Options> RankingOptions() {
  query::FaqIndex::Options o;
  const std::map<std::string, double*> fields = {
      {"question_weight", &o.question_weight},
      {"answer_weight", &o.answer_weight},
      {"names_weight", &o.names_weight},
      {"context_weight", &o.context_weight},
      {"question_b", &o.question_b},
      {"answer_b", &o.answer_b},
      {"context_b", &o.context_b},
      {"k1", &o.k1},
      {"word_weight", &o.word_weight},
      {"bigram_weight", &o.bigram_weight},
      {"unigram_weight", &o.unigram_weight},
      {"concept_weight", &o.concept_weight},
      {"sound_weight", &o.sound_weight},
      {"stop_factor", &o.stop_factor},
  };
  for (absl::string_view item : absl::StrSplit(
           absl::GetFlag(FLAGS_ranking), ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, '=');
    auto field = fields.find(kv.first);
    double value;
    if (field == fields.end() || !absl::SimpleAtod(kv.second, &value)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--ranking: bad item '", item, "'"));
    }
    *field->second = value;
  }
  return o;
}

class Systems {
 public:
  explicit Systems(query::FaqIndex::Options options) : index_(options) {}

  absl::Status Init(const std::vector<CorpusArticle>& articles) {
    for (const CorpusArticle& a : articles) {
      index_.Put(a.article);
      by_id_[a.article.id()] = &a.article;
    }
    absl::StatusOr<std::unique_ptr<Fts5Faq>> fts = Fts5Faq::Create();
    if (!fts.ok()) return fts.status();
    fts_ = *std::move(fts);
    for (const CorpusArticle& a : articles) {
      if (absl::Status s = fts_->Add(a.article); !s.ok()) return s;
    }
    if (!absl::GetFlag(FLAGS_query_service).empty()) {
      stub_ = gisa::v1::QueryService::NewStub(grpc::CreateChannel(
          absl::GetFlag(FLAGS_query_service),
          grpc::InsecureChannelCredentials()));
    }
    return absl::OkStatus();
  }

  std::vector<Ranked> Ours(const std::string& query) const {
    std::vector<Ranked> out;
    for (const query::FaqIndex::Hit& hit :
         index_.Search(query, absl::GetFlag(FLAGS_k))) {
      const gisa::v1::Article* a = by_id_.at(hit.article_id);
      out.push_back({hit.article_id, a->faq(hit.faq_index).question()});
    }
    return out;
  }

  std::vector<Ranked> Fts5(const std::string& query) const {
    absl::StatusOr<std::vector<Ranked>> r =
        fts_->Search(query, absl::GetFlag(FLAGS_k));
    return r.ok() ? *std::move(r) : std::vector<Ranked>{};
  }

  // Matched on the question alone: the replica may have other ids.
  std::vector<Ranked> Grpc(const std::string& query) const {
    gisa::v1::SearchFaqRequest request;
    request.set_query(query);
    request.set_page_size(absl::GetFlag(FLAGS_k));
    gisa::v1::SearchFaqResponse response;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    std::vector<Ranked> out;
    if (!stub_->SearchFaq(&context, request, &response).ok()) return out;
    for (const gisa::v1::FaqResult& r : response.results()) {
      out.push_back({"", r.question()});
    }
    return out;
  }

  bool has_grpc() const { return stub_ != nullptr; }
  const query::FaqIndex& index() const { return index_; }

 private:
  query::FaqIndex index_;
  absl::flat_hash_map<std::string, const gisa::v1::Article*> by_id_;
  std::unique_ptr<Fts5Faq> fts_;
  std::unique_ptr<gisa::v1::QueryService::Stub> stub_;
};

void PrintMisses(const std::vector<FaqQuery>& queries, const Quality& q,
                 const Search& search) {
  for (size_t i = 0; i < queries.size(); ++i) {
    if (q.ranks[i] == 1) continue;
    std::vector<std::string> top;
    for (const Ranked& r : search(queries[i].query)) {
      if (top.size() == 3) break;
      top.push_back(r.question);
    }
    std::cout << absl::StrFormat("  rank %d  %s\n    want %s: %s\n    got  %s\n",
                                 q.ranks[i], queries[i].query,
                                 queries[i].article, queries[i].question,
                                 absl::StrJoin(top, " | "));
  }
}

void Report(const std::string& name, const std::vector<FaqQuery>& queries,
            const std::vector<CorpusArticle>& articles, const Systems& systems) {
  struct Row {
    std::string label;
    Search search;
  };
  std::vector<Row> rows = {
      {"gisa FaqIndex, in process",
       [&](const std::string& q) { return systems.Ours(q); }},
      {"sqlite FTS5 trigram+bm25, in process",
       [&](const std::string& q) { return systems.Fts5(q); }},
  };
  if (systems.has_grpc()) {
    rows.push_back({"gisa SearchFaq, through gRPC",
                    [&](const std::string& q) { return systems.Grpc(q); }});
  }
  std::cout << absl::StrFormat("\n%s: %d queries over %d articles (%d FAQ entries)\n",
                               name, queries.size(), articles.size(),
                               systems.index().size());
  std::cout << absl::StrFormat("  %-38s %6s %6s %11s %11s\n", "system", "top-1",
                               "MRR", "median us", "p99 us");
  std::vector<Latency> latency;
  for (const Row& row : rows) {
    const Quality q =
        Evaluate(queries, articles, row.search, absl::GetFlag(FLAGS_k));
    latency.push_back(Measure(queries, row.search, absl::GetFlag(FLAGS_rounds)));
    std::cout << absl::StrFormat("  %-38s %6.3f %6.3f %11.1f %11.1f\n",
                                 row.label, q.top1, q.mrr,
                                 latency.back().median_us,
                                 latency.back().p99_us);
    if (absl::GetFlag(FLAGS_verbose)) PrintMisses(queries, q, row.search);
  }
  const Latency& fts = latency[1];
  const Latency& ours = systems.has_grpc() ? latency[2] : latency[0];
  std::cout << absl::StrFormat(
      "  latency ratio %s / FTS5: median %.2fx, p99 %.2fx\n",
      systems.has_grpc() ? "SearchFaq via gRPC" : "FaqIndex in process",
      ours.median_us / std::max(fts.median_us, 1e-9),
      ours.p99_us / std::max(fts.p99_us, 1e-9));
}

// A large index of synthetic articles. Words follow Zipf's law over a
// vocabulary of the loaded FAQ words (at random ranks) and made-up Hangul
// words, so that most terms are rare and a few are everywhere, as in news.
std::unique_ptr<query::FaqIndex> SyntheticIndex(
    const std::vector<CorpusArticle>& articles, int count) {
  std::mt19937 rng(7);
  std::vector<std::string> vocabulary;
  for (const CorpusArticle& a : articles) {
    for (const gisa::v1::FaqEntry& faq : a.article.faq()) {
      for (absl::string_view w :
           absl::StrSplit(faq.question() + " " + faq.answer(), ' ')) {
        if (!w.empty()) vocabulary.emplace_back(w);
      }
    }
  }
  for (int i = 0; i < 200000; ++i) {
    std::string word;
    for (int n = 1 + static_cast<int>(rng() % 4); n > 0; --n) {
      const char32_t c = 0xAC00 + rng() % 11172;
      char utf8[3] = {static_cast<char>(0xE0 | (c >> 12)),
                      static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (c & 0x3F))};
      word.append(utf8, 3);
    }
    vocabulary.push_back(std::move(word));
  }
  std::shuffle(vocabulary.begin(), vocabulary.end(), rng);
  // Zipf: rank r drawn with probability ~ 1/r.
  std::vector<double> cumulative(vocabulary.size());
  double sum = 0;
  for (size_t r = 0; r < vocabulary.size(); ++r) {
    sum += 1.0 / (r + 1);
    cumulative[r] = sum;
  }
  std::uniform_real_distribution<double> uniform(0, sum);
  auto phrase = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      const size_t r = std::lower_bound(cumulative.begin(), cumulative.end(),
                                        uniform(rng)) -
                       cumulative.begin();
      absl::StrAppend(&s, i ? " " : "", vocabulary[r]);
    }
    return s;
  };
  auto index = std::make_unique<query::FaqIndex>();
  for (int i = 0; i < count; ++i) {
    gisa::v1::Article a;
    a.set_id(absl::StrCat("s-", i));
    a.set_title(phrase(8));
    for (int f = 0; f < 3; ++f) {
      gisa::v1::FaqEntry* faq = a.add_faq();
      faq->set_question(phrase(6));
      faq->set_answer(phrase(25));
    }
    index->Put(a);
  }
  return index;
}

void RegisterBenchmarks(const std::vector<FaqQuery>& queries,
                        const std::vector<CorpusArticle>& articles,
                        const Systems& systems) {
  auto cycle = [&queries](const Search& search) {
    return [&queries, search](benchmark::State& state) {
      size_t i = 0;
      for (auto _ : state) {
        benchmark::DoNotOptimize(search(queries[i++ % queries.size()].query));
      }
    };
  };
  benchmark::RegisterBenchmark(
      "FaqIndex/Search",
      cycle([&](const std::string& q) { return systems.Ours(q); }));
  benchmark::RegisterBenchmark(
      "Fts5/Search", cycle([&](const std::string& q) { return systems.Fts5(q); }));
  if (systems.has_grpc()) {
    benchmark::RegisterBenchmark(
        "SearchFaq/gRPC",
        cycle([&](const std::string& q) { return systems.Grpc(q); }));
  }
  // Indexing one real article: analysis (Prepare) and Put (which replaces
  // the earlier version of the same id).
  benchmark::RegisterBenchmark("FaqIndex/Prepare", [&articles](
                                                       benchmark::State& state) {
    size_t i = 0;
    for (auto _ : state) {
      benchmark::DoNotOptimize(query::FaqIndex::Prepare(
          articles[i++ % articles.size()].article,
          text::Analyzer::Default()));
    }
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("FaqIndex/Put", [&articles](
                                                   benchmark::State& state) {
    query::FaqIndex index;
    std::vector<std::shared_ptr<const query::FaqIndex::Prepared>> prepared;
    for (const CorpusArticle& a : articles) {
      prepared.push_back(query::FaqIndex::Prepare(a.article, index.analyzer()));
    }
    size_t i = 0;
    for (auto _ : state) index.Put(*prepared[i++ % prepared.size()]);
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(
      "FaqIndex/SearchSynthetic",
      [&queries, &articles](benchmark::State& state) {
        static std::map<int64_t, std::unique_ptr<query::FaqIndex>> built;
        std::unique_ptr<query::FaqIndex>& index = built[state.range(0)];
        if (index == nullptr) {
          index = SyntheticIndex(articles, static_cast<int>(state.range(0)));
        }
        size_t i = 0;
        for (auto _ : state) {
          benchmark::DoNotOptimize(
              index->Search(queries[i++ % queries.size()].query, 10));
        }
        state.counters["entries"] = static_cast<double>(index->size());
        state.counters["MB"] = index->memory_bytes() / 1e6;
      })
      ->Arg(1000)
      ->Arg(100000)
      ->Unit(benchmark::kMicrosecond);
}

}  // namespace
}  // namespace gisa::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  absl::ParseCommandLine(argc, argv);
  using namespace gisa::bench;
  absl::StatusOr<std::vector<CorpusArticle>> articles = LoadArticles(
      absl::GetFlag(FLAGS_articles), absl::GetFlag(FLAGS_gold_entities));
  if (!articles.ok()) {
    std::cerr << articles.status() << "\n";
    return 1;
  }
  absl::StatusOr<gisa::query::FaqIndex::Options> options = RankingOptions();
  if (!options.ok()) {
    std::cerr << options.status() << "\n";
    return 1;
  }
  Systems systems(*options);
  if (absl::Status s = systems.Init(*articles); !s.ok()) {
    std::cerr << s << "\n";
    return 1;
  }
  std::vector<FaqQuery> all;
  for (const std::string& path : absl::GetFlag(FLAGS_queries)) {
    absl::StatusOr<std::vector<FaqQuery>> queries = LoadQueries(path);
    if (!queries.ok()) {
      std::cerr << queries.status() << "\n";
      return 1;
    }
    Report(path, *queries, *articles, systems);
    all.insert(all.end(), queries->begin(), queries->end());
  }
  if (all.empty()) return 0;
  RegisterBenchmarks(all, *articles, systems);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
