// The real pair end to end: ingest_service and query_service binaries on
// loopback, articles submitted over gRPC and read back from the replica,
// the error codes of both services, their command lines and their shutdown.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "shared/status/grpc_status.h"
#include "tests/testing/pair_fixture.h"
#include "tests/testing/ports.h"
#include "tests/testing/process.h"

namespace gisa::testing {
namespace {

using gisa::v1::Article;
using gisa::v1::GetArticleRequest;
using gisa::v1::GetStatsResponse;
using gisa::v1::ListArticlesRequest;
using gisa::v1::ListArticlesResponse;
using gisa::v1::SubmitArticleResponse;

constexpr int kCorpusSize = 30;

struct Submitted {
  std::string source_uri;
  std::string content;
  std::string media_type;
  SubmitArticleResponse response;
};

class PairTest : public PairFixture {
 protected:
  // The samples, then variants of the test articles under other source_uris
  // (other ids) up to kCorpusSize articles. Waits until the replica has
  // applied all of them.
  std::vector<Submitted> SubmitCorpus() {
    std::vector<Submitted> inputs;
    for (const std::string& path : SampleFiles()) {
      inputs.push_back(
          {absl::StrCat("sample:", std::filesystem::path(path).filename().string()),
           ReadFileOrDie(path), MediaTypeForFile(path), {}});
    }
    const std::vector<TestArticle> articles = TestArticles();
    for (int i = 0; inputs.size() < kCorpusSize; ++i) {
      const TestArticle& article = articles[i % articles.size()];
      inputs.push_back({absl::StrCat("test:", article.name, "/", i), article.content, "", {}});
    }
    std::vector<Submitted> submitted;
    uint64_t last = 0;
    for (Submitted& input : inputs) {
      absl::StatusOr<SubmitArticleResponse> response =
          Submit(input.source_uri, input.content, input.media_type);
      EXPECT_TRUE(response.ok()) << input.source_uri << ": " << response.status();
      if (!response.ok()) continue;
      last = std::max(last, response->sequence());
      input.response = *response;
      submitted.push_back(input);
    }
    absl::StatusOr<GetStatsResponse> stats = WaitForApplied(last);
    EXPECT_TRUE(stats.ok()) << stats.status();
    return submitted;
  }

  absl::StatusOr<Article> GetArticle(const std::string& id, uint64_t min_sequence = 0) {
    GetArticleRequest request;
    request.set_id(id);
    request.set_min_sequence(min_sequence);
    Article article;
    const grpc::Status status = query().GetArticle(NewContext().get(), request, &article);
    if (!status.ok()) return gisa::FromGrpcStatus(status);
    return article;
  }

  // Every page of ListArticles for `filter`; checks the paging invariants.
  std::vector<Article> ListAll(ListArticlesRequest filter, int page_size) {
    std::vector<Article> all;
    filter.set_page_size(page_size);
    for (int page = 0; page < 1000; ++page) {
      ListArticlesResponse response;
      const grpc::Status status = query().ListArticles(NewContext().get(), filter, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      EXPECT_LE(response.articles_size(), page_size);
      for (const Article& a : response.articles()) all.push_back(a);
      EXPECT_GE(response.total_size(), static_cast<int>(all.size()));
      if (response.next_page_token().empty()) {
        EXPECT_EQ(response.total_size(), static_cast<int>(all.size()));
        break;
      }
      filter.set_page_token(response.next_page_token());
    }
    return all;
  }
};

TEST_F(PairTest, TheReplicaServesEverySubmittedArticle) {
  const std::vector<Submitted> corpus = SubmitCorpus();
  ASSERT_EQ(corpus.size(), static_cast<size_t>(kCorpusSize)) << Logs();
  uint64_t last = 0;
  std::set<std::string> ids;
  for (const Submitted& s : corpus) {
    last = std::max(last, s.response.sequence());
    ids.insert(s.response.article_id());
    absl::StatusOr<Article> stored = GetArticle(s.response.article_id());
    ASSERT_TRUE(stored.ok()) << s.source_uri << ": " << stored.status();
    EXPECT_EQ(stored->id(), s.response.article_id());
    EXPECT_EQ(stored->source_uri(), s.source_uri);
    absl::StatusOr<Article> parsed = Parse(s.content, s.source_uri, s.media_type);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(stored->title(), parsed->title()) << s.source_uri;
    EXPECT_EQ(stored->id(), parsed->id()) << "ids derive from the source_uri";
    EXPECT_FALSE(stored->title().empty()) << s.source_uri;
  }
  EXPECT_EQ(ids.size(), corpus.size()) << "distinct source_uris, distinct ids";

  absl::StatusOr<GetStatsResponse> stats = Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), static_cast<int64_t>(ids.size()));
  EXPECT_EQ(stats->last_applied_sequence(), last);
  EXPECT_GE(stats->ingest_last_sequence(), last);
  EXPECT_FALSE(stats->content_checksum().empty());

  // Paging: every article exactly once, in pages of 7.
  const std::vector<Article> listed = ListAll(ListArticlesRequest(), 7);
  std::multiset<std::string> listed_ids;
  for (const Article& a : listed) listed_ids.insert(a.id());
  EXPECT_EQ(std::set<std::string>(listed_ids.begin(), listed_ids.end()), ids);
  EXPECT_EQ(listed_ids.size(), ids.size()) << "an article was listed twice";

  // Category filter: exactly the listed articles of that category. The test
  // articles name theirs in the trailing "다른 글" block.
  for (const TestArticle& article : TestArticles()) {
    ListArticlesRequest filter;
    filter.set_category(article.category);
    const std::vector<Article> in_category = ListAll(filter, 7);
    std::set<std::string> expected;
    for (const Article& a : listed) {
      if (a.category() == article.category) expected.insert(a.id());
    }
    std::set<std::string> got;
    for (const Article& a : in_category) got.insert(a.id());
    EXPECT_EQ(got, expected) << article.category;
    EXPECT_FALSE(expected.empty()) << "no article has category " << article.category;
  }
}

TEST_F(PairTest, QueryErrorsHaveTheirCodes) {
  absl::StatusOr<SubmitArticleResponse> submitted =
      Submit("test:one", TestArticles()[0].content);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  ASSERT_TRUE(WaitForApplied(submitted->sequence()).ok());

  EXPECT_EQ(GetArticle("no-such-id").status().code(), absl::StatusCode::kNotFound);

  ListArticlesRequest request;
  ListArticlesResponse response;
  request.set_page_token("not a token of ours");
  EXPECT_EQ(query().ListArticles(NewContext().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  request.Clear();
  request.set_page_size(-3);
  EXPECT_EQ(query().ListArticles(NewContext().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(PairTest, RefusedArticlesChangeNothing) {
  const std::vector<TestArticle> articles = TestArticles();
  absl::StatusOr<SubmitArticleResponse> first = Submit("test:first", articles[0].content);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(WaitForApplied(first->sequence()).ok());

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"not UTF-8", std::string("\xff\xfe\xfa\x80 기사 제목\n본문", 18)},
      {"empty", ""},
      {"blank", "  \n\n \t\n"},
      {"binary", std::string("\x00\x01\x02\x03\x04", 5)},
      {"no article", "!!!! ??? ...\n"},
  };
  for (const auto& [what, content] : bad) {
    absl::StatusOr<SubmitArticleResponse> refused = Submit(absl::StrCat("test:", what), content);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument)
        << what << ": " << refused.status();
    EXPECT_FALSE(refused.status().message().empty()) << what;
  }
  // Nothing was logged: the next article gets the very next sequence.
  absl::StatusOr<SubmitArticleResponse> second = Submit("test:second", articles[1].content);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->sequence(), first->sequence() + 1);
  absl::StatusOr<GetStatsResponse> stats = WaitForApplied(second->sequence());
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), 2);
  EXPECT_EQ(stats->last_applied_sequence(), second->sequence());
}

TEST_F(PairTest, ResubmittingASourceUriReplacesTheArticle) {
  const std::vector<TestArticle> articles = TestArticles();
  absl::StatusOr<SubmitArticleResponse> old_version = Submit("blog:same", articles[0].content);
  ASSERT_TRUE(old_version.ok()) << old_version.status();
  absl::StatusOr<SubmitArticleResponse> other = Submit("blog:other", articles[2].content);
  ASSERT_TRUE(other.ok()) << other.status();
  ASSERT_TRUE(WaitForApplied(other->sequence()).ok());
  EXPECT_FALSE(old_version->replaced());

  absl::StatusOr<SubmitArticleResponse> new_version = Submit("blog:same", articles[1].content);
  ASSERT_TRUE(new_version.ok()) << new_version.status();
  EXPECT_TRUE(new_version->replaced());
  EXPECT_EQ(new_version->article_id(), old_version->article_id());
  EXPECT_GT(new_version->sequence(), other->sequence());

  absl::StatusOr<GetStatsResponse> stats = WaitForApplied(new_version->sequence());
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), 2);
  absl::StatusOr<Article> stored = GetArticle(new_version->article_id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  absl::StatusOr<Article> parsed = Parse(articles[1].content, "blog:same");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(stored->title(), parsed->title());
  EXPECT_EQ(stored->category(), articles[1].category);
}

TEST_F(PairTest, MinSequenceReadsYourOwnWrites) {
  const std::vector<TestArticle> articles = TestArticles();
  for (int i = 0; i < 5; ++i) {
    const TestArticle& article = articles[i % articles.size()];
    absl::StatusOr<SubmitArticleResponse> submitted =
        Submit(absl::StrCat("ryw:", i), article.content);
    ASSERT_TRUE(submitted.ok()) << submitted.status();
    // No waiting on GetStats first: min_sequence does the waiting.
    absl::StatusOr<Article> read = GetArticle(submitted->article_id(), submitted->sequence());
    ASSERT_TRUE(read.ok()) << read.status() << "\n" << Logs();
    EXPECT_EQ(read->id(), submitted->article_id());

    ListArticlesRequest list;
    list.set_min_sequence(submitted->sequence());
    list.set_page_size(100);
    ListArticlesResponse response;
    ASSERT_TRUE(query().ListArticles(NewContext().get(), list, &response).ok());
    EXPECT_EQ(response.total_size(), i + 1);
  }
}

TEST_F(PairTest, BothServersExitZeroOnSigterm) {
  absl::StatusOr<SubmitArticleResponse> submitted = Submit("test:x", TestArticles()[0].content);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  ASSERT_TRUE(WaitForApplied(submitted->sequence()).ok());
  const Process::Exit query_exit = StopQuery(0, SIGTERM);
  EXPECT_TRUE(query_exit.Ok()) << query_exit.ToString() << "\n" << Logs();
  const Process::Exit ingest_exit = StopIngest(SIGTERM);
  EXPECT_TRUE(ingest_exit.Ok()) << ingest_exit.ToString() << "\n" << Logs();
  EXPECT_TRUE(absl::StrContains(query_process()->Stdout(), "ready")) << Logs();
}

TEST_F(PairTest, AReplicaConfiguredFromTheEnvironmentStopsOnSigint) {
  absl::StatusOr<SubmitArticleResponse> submitted = Submit("test:env", TestArticles()[3].content);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  absl::Status started = StartQuery(/*replica=*/1, /*config_from_env=*/true);
  ASSERT_TRUE(started.ok()) << started;
  absl::StatusOr<GetStatsResponse> stats = WaitForApplied(submitted->sequence(), 1);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), 1);
  const Process::Exit exit = StopQuery(1, SIGINT);
  EXPECT_TRUE(exit.Ok()) << exit.ToString() << "\n" << Logs();
}

TEST_F(PairTest, QueryCallCommand) {
  absl::StatusOr<SubmitArticleResponse> submitted = Submit("test:call", TestArticles()[1].content);
  ASSERT_TRUE(submitted.ok()) << submitted.status();
  ASSERT_TRUE(WaitForApplied(submitted->sequence()).ok());
  const std::string server = absl::StrCat("--server=", query_address());

  RunResult stats = RunBinary({.binary = GISA_QUERY_BIN, .args = {"call", server, "GetStats"}});
  ASSERT_TRUE(stats.exit.Ok()) << stats.exit.ToString() << stats.err;
  GetStatsResponse parsed_stats;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(stats.out, &parsed_stats).ok())
      << stats.out;
  EXPECT_EQ(parsed_stats.article_count(), 1);
  EXPECT_EQ(parsed_stats.last_applied_sequence(), submitted->sequence());

  // The request from standard input, and a method named in full.
  TempDir dir;
  const std::string request_path = dir.path() + "/request.json";
  std::ofstream(request_path) << "{\"id\": \"" << submitted->article_id() << "\"}";
  RunResult article = RunBinary({.binary = GISA_QUERY_BIN,
                                 .args = {"call", server, "gisa.v1.QueryService/GetArticle", "-"},
                                 .stdin_path = request_path});
  ASSERT_TRUE(article.exit.Ok()) << article.exit.ToString() << article.err;
  Article parsed_article;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(article.out, &parsed_article).ok());
  EXPECT_EQ(parsed_article.id(), submitted->article_id());

  // IngestService methods too.
  RunResult parse = RunBinary(
      {.binary = GISA_QUERY_BIN,
       .args = {"call", absl::StrCat("--server=", ingest_address()),
                "IngestService/ParseArticle", "{\"article\": {\"content\": \"\"}}"}});
  EXPECT_EQ(parse.exit.code, 1) << parse.exit.ToString() << parse.err;
  EXPECT_TRUE(absl::StrContains(parse.err, "INVALID_ARGUMENT")) << parse.err;

  RunResult missing = RunBinary(
      {.binary = GISA_QUERY_BIN, .args = {"call", server, "GetArticle", "{\"id\": \"nope\"}"}});
  EXPECT_TRUE(missing.exit.exited && missing.exit.code == 1) << missing.exit.ToString();
  EXPECT_TRUE(absl::StrContains(missing.err, "NOT_FOUND")) << missing.err;

  RunResult usage = RunBinary({.binary = GISA_QUERY_BIN, .args = {"call", server, "NoSuchMethod"}});
  EXPECT_TRUE(usage.exit.exited && usage.exit.code == 2) << usage.exit.ToString();
  RunResult bad_json =
      RunBinary({.binary = GISA_QUERY_BIN, .args = {"call", server, "GetArticle", "{id"}});
  EXPECT_TRUE(bad_json.exit.exited && bad_json.exit.code == 2) << bad_json.exit.ToString();

  RunResult unreachable = RunBinary(
      {.binary = GISA_QUERY_BIN,
       .args = {"call", absl::StrCat("--server=127.0.0.1:", PickFreePort()), "GetStats"}});
  EXPECT_TRUE(unreachable.exit.exited && unreachable.exit.code == 3)
      << unreachable.exit.ToString() << unreachable.err;
}

TEST(CommandLineTest, HelpListsTheEnvironmentVariables) {
  RunResult help = RunBinary({.binary = GISA_QUERY_BIN, .args = {"--help"}});
  const std::string text = help.out + help.err;
  for (const char* variable : {"GISA_LISTEN", "GISA_INGEST", "GISA_REPLICA_NAME",
                               "GISA_MAX_WAIT_MS"}) {
    EXPECT_TRUE(absl::StrContains(text, variable)) << variable << " missing from:\n" << text;
  }
}

TEST(CommandLineTest, IngestParseExitStatus) {
  TempDir dir;
  const std::string good = dir.path() + "/good.txt";
  const std::string bad = dir.path() + "/bad.txt";
  std::ofstream(good) << TestArticles()[0].content;
  std::ofstream(bad) << std::string("\xff\xfe not text", 11);

  RunResult ok = RunBinary({.binary = GISA_INGEST_BIN, .args = {"parse", good}});
  ASSERT_TRUE(ok.exit.Ok()) << ok.exit.ToString() << ok.err;
  Article article;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ok.out, &article).ok()) << ok.out;
  EXPECT_FALSE(article.title().empty());
  EXPECT_EQ(article.category(), TestArticles()[0].category);

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"parse", bad}, {"parse", good, bad},
        {"parse", dir.path() + "/missing.txt"}}) {
    RunResult failed = RunBinary({.binary = GISA_INGEST_BIN, .args = args});
    EXPECT_FALSE(failed.exit.Ok()) << args.back();
    EXPECT_TRUE(failed.exit.exited) << failed.exit.ToString();
    EXPECT_FALSE(failed.err.empty()) << "no reason given for " << args.back();
  }
}

}  // namespace
}  // namespace gisa::testing
