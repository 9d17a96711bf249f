// Crashes and restarts of the real pair: a killed replica catches up, a
// replica rides over an ingest server restart, a replica started late (or
// after the ingest server crashed) replays the whole log.
#include <signal.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/pair_fixture.h"

namespace gisa::testing {
namespace {

using gisa::v1::GetStatsResponse;
using gisa::v1::SubmitArticleResponse;

constexpr absl::Duration kPatience = absl::Seconds(30);

class RestartTest : public PairFixture {
 protected:
  // Submits `count` test articles under source_uris "<prefix>/<i>"; returns
  // the last sequence (0 after a failure, which is reported).
  uint64_t SubmitMany(const std::string& prefix, int count) {
    const std::vector<TestArticle> articles = TestArticles();
    uint64_t last = 0;
    for (int i = 0; i < count; ++i) {
      absl::StatusOr<SubmitArticleResponse> submitted =
          Submit(absl::StrCat(prefix, "/", i), articles[i % articles.size()].content);
      EXPECT_TRUE(submitted.ok()) << submitted.status() << "\n" << Logs();
      if (!submitted.ok()) return 0;
      last = submitted->sequence();
    }
    return last;
  }

  // Polls GetStats of `replica` until `following` is `wanted`.
  bool WaitForFollowing(bool wanted, int replica = 0) {
    const absl::Time deadline = absl::Now() + kPatience;
    while (absl::Now() < deadline) {
      absl::StatusOr<GetStatsResponse> stats = Stats(replica);
      if (stats.ok() && stats->following() == wanted) return true;
      absl::SleepFor(absl::Milliseconds(20));
    }
    return false;
  }
};

TEST_F(RestartTest, AKilledReplicaCatchesUpOnRestart) {
  const uint64_t before = SubmitMany("before", 8);
  ASSERT_GT(before, 0u);
  absl::StatusOr<GetStatsResponse> first = WaitForApplied(before);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->article_count(), 8);

  const Process::Exit killed = StopQuery(0, SIGKILL);
  EXPECT_EQ(killed.signal, SIGKILL) << killed.ToString();

  // While it is down: new articles and a new version of an old one.
  const uint64_t during = SubmitMany("during", 4);
  ASSERT_GT(during, 0u);
  absl::StatusOr<SubmitArticleResponse> replaced =
      Submit("before/0", TestArticles()[1].content);
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_TRUE(replaced->replaced());

  absl::Status restarted = StartQuery(0);
  ASSERT_TRUE(restarted.ok()) << restarted;
  absl::StatusOr<GetStatsResponse> caught_up = WaitForApplied(replaced->sequence());
  ASSERT_TRUE(caught_up.ok()) << caught_up.status();
  EXPECT_EQ(caught_up->article_count(), 8 + 4);
  EXPECT_EQ(caught_up->last_applied_sequence(), replaced->sequence());

  // A replica that never went down holds the same content.
  absl::Status fresh = StartQuery(1);
  ASSERT_TRUE(fresh.ok()) << fresh;
  absl::StatusOr<GetStatsResponse> reference = WaitForApplied(replaced->sequence(), 1);
  ASSERT_TRUE(reference.ok()) << reference.status();
  EXPECT_EQ(caught_up->content_checksum(), reference->content_checksum());
  EXPECT_EQ(caught_up->article_count(), reference->article_count());
  EXPECT_NE(caught_up->content_checksum(), first->content_checksum());
}

TEST_F(RestartTest, TheReplicaFollowsARestartedIngestServer) {
  const uint64_t before = SubmitMany("before", 3);
  ASSERT_GT(before, 0u);
  ASSERT_TRUE(WaitForApplied(before).ok());
  ASSERT_TRUE(WaitForFollowing(true)) << Logs();

  const Process::Exit stopped = StopIngest(SIGTERM);
  EXPECT_TRUE(stopped.Ok()) << stopped.ToString() << "\n" << Logs();
  EXPECT_TRUE(WaitForFollowing(false)) << "the replica still claims to follow\n" << Logs();
  // The replica keeps answering from what it has.
  absl::StatusOr<GetStatsResponse> meanwhile = Stats();
  ASSERT_TRUE(meanwhile.ok()) << meanwhile.status();
  EXPECT_EQ(meanwhile->article_count(), 3);

  absl::Status restarted = StartIngest();  // same port, same data dir
  ASSERT_TRUE(restarted.ok()) << restarted;
  const uint64_t after = SubmitMany("after", 3);
  ASSERT_GT(after, before) << "the restarted log continues the old one";
  absl::StatusOr<GetStatsResponse> stats = WaitForApplied(after);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), 6);
  EXPECT_TRUE(WaitForFollowing(true)) << Logs();
  EXPECT_TRUE(query_process()->Running()) << Logs();
}

TEST_F(RestartTest, ALateReplicaReplaysTheWholeLog) {
  const uint64_t last = SubmitMany("log", 10);
  ASSERT_GT(last, 0u);
  absl::StatusOr<SubmitArticleResponse> replaced = Submit("log/3", TestArticles()[0].content);
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  absl::StatusOr<GetStatsResponse> early = WaitForApplied(replaced->sequence());
  ASSERT_TRUE(early.ok()) << early.status();

  absl::Status late = StartQuery(1);
  ASSERT_TRUE(late.ok()) << late;
  absl::StatusOr<GetStatsResponse> replayed = WaitForApplied(replaced->sequence(), 1);
  ASSERT_TRUE(replayed.ok()) << replayed.status();
  EXPECT_EQ(replayed->article_count(), 10);
  EXPECT_EQ(replayed->article_count(), early->article_count());
  EXPECT_EQ(replayed->content_checksum(), early->content_checksum());
}

TEST_F(RestartTest, NothingAcknowledgedIsLostWhenTheIngestServerCrashes) {
  const uint64_t last = SubmitMany("acked", 6);
  ASSERT_GT(last, 0u);
  const Process::Exit crashed = StopIngest(SIGKILL);
  EXPECT_EQ(crashed.signal, SIGKILL) << crashed.ToString();
  // Every replica gone too: the log alone must hold everything.
  StopQuery(0, SIGKILL);

  absl::Status ingest = StartIngest();
  ASSERT_TRUE(ingest.ok()) << ingest;
  absl::Status replica = StartQuery(1);
  ASSERT_TRUE(replica.ok()) << replica;
  absl::StatusOr<GetStatsResponse> stats = WaitForApplied(last, 1);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), 6);
  EXPECT_EQ(stats->last_applied_sequence(), last);
}

}  // namespace
}  // namespace gisa::testing
