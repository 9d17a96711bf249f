// Several replicas of one ingest server, with the real binaries: each
// restarted in turn (killed or stopped) under continuous submission, they
// converge to the same content; a replica started late on a compacted log
// ends with the same state as one that followed every record.
#include <signal.h>

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ingest_service/log/record_log.h"
#include "tests/testing/pair_fixture.h"
#include "tests/testing/submitter.h"

namespace gisa::testing {
namespace {

using gisa::v1::GetStatsResponse;

constexpr absl::Duration kPatience = absl::Seconds(60);

class ReplicasTest : public PairFixture {
 protected:
  // Articles as the parser makes them, for records written straight into
  // the log.
  std::vector<gisa::v1::Article> ParsedArticles() {
    std::vector<gisa::v1::Article> parsed;
    for (const TestArticle& article : TestArticles()) {
      absl::StatusOr<gisa::v1::Article> a = Parse(article.content, "compact/x");
      EXPECT_TRUE(a.ok()) << a.status();
      if (a.ok()) parsed.push_back(*a);
    }
    return parsed;
  }
};

// Test 3 of the issue.
TEST_F(ReplicasTest, ThreeReplicasRestartedInTurnConverge) {
  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  ASSERT_TRUE(StartQuery(2).ok()) << Logs();
  Submitter submitter({.address = ingest_address(), .prefix = "turns", .threads = 3});
  size_t target = 0;
  for (int replica = 0; replica < 3; ++replica) {
    target += 100;
    ASSERT_TRUE(submitter.WaitForAcks(target, kPatience)) << submitter.last_error();
    // Kill two of them, stop one gracefully.
    const int signal = replica == 1 ? SIGTERM : SIGKILL;
    const Process::Exit exit = StopQuery(replica, signal);
    EXPECT_TRUE(signal == SIGKILL ? exit.signal == SIGKILL : exit.Ok()) << exit.ToString();
    target += 50;
    ASSERT_TRUE(submitter.WaitForAcks(target, kPatience)) << submitter.last_error();
    absl::Status restarted = StartQuery(replica);
    ASSERT_TRUE(restarted.ok()) << restarted;
  }
  ASSERT_TRUE(submitter.WaitForAcks(target + 100, kPatience)) << submitter.last_error();
  submitter.Stop();
  EXPECT_EQ(submitter.failed(), 0) << submitter.last_error();

  std::set<std::string> acked;
  for (const Submitter::Ack& ack : submitter.acks()) acked.insert(ack.article_id);
  std::vector<GetStatsResponse> stats;
  for (int replica = 0; replica < 3; ++replica) {
    absl::StatusOr<GetStatsResponse> s =
        WaitForApplied(submitter.max_sequence(), replica, kPatience);
    ASSERT_TRUE(s.ok()) << s.status();
    stats.push_back(*s);
  }
  for (int replica = 0; replica < 3; ++replica) {
    EXPECT_EQ(stats[replica].article_count(), static_cast<int64_t>(acked.size()))
        << "replica " << replica;
    EXPECT_EQ(stats[replica].last_applied_sequence(), submitter.max_sequence());
    EXPECT_EQ(stats[replica].content_checksum(), stats[0].content_checksum())
        << "replica " << replica;
  }
}

TEST_F(ReplicasTest, ALateReplicaOnACompactedLogEndsLikeOneThatSawEveryRecord) {
  const std::vector<gisa::v1::Article> parsed = ParsedArticles();
  ASSERT_FALSE(parsed.empty());
  ASSERT_TRUE(StopIngest(SIGTERM).Ok()) << Logs();

  // 120 records of 30 articles, in small segments so that compaction has
  // sealed segments to rewrite. (Written here because the ingest server does
  // not schedule compaction itself.)
  constexpr int kRecords = 120;
  constexpr int kArticles = 30;
  {
    absl::StatusOr<std::unique_ptr<ingest::RecordLog>> log =
        ingest::RecordLog::Open({.dir = data_dir(), .sync = false, .segment_bytes = 8 << 10});
    ASSERT_TRUE(log.ok()) << log.status();
    for (int i = 0; i < kRecords; ++i) {
      gisa::v1::Article article = parsed[i % parsed.size()];
      article.set_id(absl::StrCat("compact-", i % kArticles));
      article.set_source_uri(absl::StrCat("compact/", i % kArticles));
      article.set_title(absl::StrCat(article.title(), " (", i / kArticles, ")"));
      ASSERT_TRUE((*log)->Append(article).ok());
    }
  }
  // Replica 0 follows every record.
  ASSERT_TRUE(StartIngest().ok()) << Logs();
  absl::StatusOr<GetStatsResponse> reference = WaitForApplied(kRecords, 0, kPatience);
  ASSERT_TRUE(reference.ok()) << reference.status();
  EXPECT_EQ(reference->article_count(), kArticles);

  ASSERT_TRUE(StopIngest(SIGTERM).Ok()) << Logs();
  {
    absl::StatusOr<std::unique_ptr<ingest::RecordLog>> log =
        ingest::RecordLog::Open({.dir = data_dir(), .sync = false, .segment_bytes = 8 << 10});
    ASSERT_TRUE(log.ok()) << log.status();
    ASSERT_TRUE((*log)->Compact().ok());
    absl::StatusOr<std::vector<gisa::v1::LogRecord>> left = (*log)->Read(1, kRecords, 1 << 30);
    ASSERT_TRUE(left.ok()) << left.status();
    EXPECT_LT(left->size(), static_cast<size_t>(kRecords)) << "compaction dropped nothing";
    EXPECT_EQ((*log)->last_sequence(), static_cast<uint64_t>(kRecords));
  }
  ASSERT_TRUE(StartIngest().ok()) << Logs();
  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  absl::StatusOr<GetStatsResponse> late = WaitForApplied(kRecords, 1, kPatience);
  ASSERT_TRUE(late.ok()) << late.status();
  EXPECT_EQ(late->article_count(), kArticles);
  EXPECT_EQ(late->content_checksum(), reference->content_checksum());

  // Both go on with new submissions.
  absl::StatusOr<gisa::v1::SubmitArticleResponse> next =
      Submit("compact/0", TestArticles()[0].content);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_GT(next->sequence(), static_cast<uint64_t>(kRecords));
  for (int replica = 0; replica < 2; ++replica) {
    EXPECT_TRUE(WaitForApplied(next->sequence(), replica, kPatience).ok());
  }
  EXPECT_EQ(Stats(0)->content_checksum(), Stats(1)->content_checksum());
}

}  // namespace
}  // namespace gisa::testing
