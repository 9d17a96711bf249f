// LogFollower against an in-process fake of the ingest server's Follow
// stream and the real ArticleStore.
#include "query_service/follower/log_follower.h"

#include <memory>
#include <thread>

#include "gtest/gtest.h"
#include "query_service/store/article_store.h"
#include "tests/testing/fake_ingest.h"
#include "tests/testing/ports.h"

namespace gisa::query {
namespace {

using gisa::testing::FakeIngest;
using gisa::testing::MakeRecord;

// Generous: these bound waits for things that happen in milliseconds.
constexpr absl::Duration kPatience = absl::Seconds(20);

LogFollower::Options FastOptions(const std::string& address) {
  LogFollower::Options options;
  options.ingest_address = address;
  options.replica_name = "test-replica";
  options.initial_backoff = absl::Milliseconds(10);
  options.max_backoff = absl::Milliseconds(100);
  return options;
}

// Polls `condition` until it holds or kPatience passes.
template <typename Condition>
bool Eventually(Condition condition) {
  const absl::Time deadline = absl::Now() + kPatience;
  while (!condition()) {
    if (absl::Now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

int64_t ArticleCount(const ArticleStore& store) {
  return store.GetStats().article_count();
}

TEST(LogFollowerTest, AppliesTheLogAndKeepsFollowingIt) {
  FakeIngest ingest({});
  ingest.Append(5);
  ArticleStore store;
  LogFollower follower(&store, FastOptions(ingest.address()));
  follower.Start();

  ASSERT_TRUE(store.WaitForSequence(5, kPatience));
  EXPECT_EQ(ArticleCount(store), 5);
  ASSERT_TRUE(Eventually([&] { return follower.state().connected; }));
  EXPECT_EQ(follower.state().ingest_last_sequence, 5u);
  EXPECT_EQ(ingest.last_replica(), "test-replica");
  EXPECT_EQ(ingest.follow_requests().front(), 1u);

  ingest.Append(3);  // arrives on the open stream
  ASSERT_TRUE(store.WaitForSequence(8, kPatience));
  EXPECT_EQ(ArticleCount(store), 8);
  EXPECT_TRUE(Eventually([&] { return follower.state().ingest_last_sequence == 8; }));
  EXPECT_EQ(ingest.follow_requests().size(), 1u);
  follower.Stop();
  EXPECT_FALSE(follower.state().connected);
}

TEST(LogFollowerTest, AsksForTheFirstSequenceTheStoreLacks) {
  ArticleStore store;
  for (uint64_t s = 1; s <= 3; ++s) ASSERT_TRUE(store.Apply(MakeRecord(s, s)).ok());
  FakeIngest ingest({});
  ingest.Append(5);
  LogFollower follower(&store, FastOptions(ingest.address()));
  follower.Start();
  ASSERT_TRUE(store.WaitForSequence(5, kPatience));
  EXPECT_EQ(ingest.follow_requests().front(), 4u);
  EXPECT_EQ(ArticleCount(store), 5);
}

TEST(LogFollowerTest, RedeliveredRecordsAreNotAppliedTwice) {
  ArticleStore store;
  ASSERT_TRUE(store.Apply(MakeRecord(1, 1, "첫 제목")).ok());
  FakeIngest::Options options;
  options.resend_from_start = true;
  FakeIngest ingest(options);
  // Sequence 1 again but with another title: a follower that applied it a
  // second time would show the new title.
  ingest.AppendRecord(MakeRecord(1, 1, "다시 보낸 제목"));
  ingest.AppendRecord(MakeRecord(2, 2));
  LogFollower follower(&store, FastOptions(ingest.address()));
  follower.Start();
  ASSERT_TRUE(store.WaitForSequence(2, kPatience));
  gisa::v1::GetArticleRequest request;
  request.set_id("article-1");
  absl::StatusOr<gisa::v1::Article> article = store.GetArticle(request);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title(), "첫 제목");
  EXPECT_EQ(ArticleCount(store), 2);
}

TEST(LogFollowerTest, AcceptsSequenceGapsOfACompactedLog) {
  FakeIngest ingest({});
  ingest.AppendRecord(MakeRecord(2, 1));
  ingest.AppendRecord(MakeRecord(5, 2));
  ingest.AppendRecord(MakeRecord(6, 3));
  ArticleStore store;
  LogFollower follower(&store, FastOptions(ingest.address()));
  follower.Start();
  ASSERT_TRUE(store.WaitForSequence(6, kPatience));
  EXPECT_EQ(ArticleCount(store), 3);
  EXPECT_EQ(ingest.follow_requests().size(), 1u);
}

TEST(LogFollowerTest, ReconnectsWhenTheServerEndsTheStream) {
  FakeIngest::Options options;
  options.end_stream_after = 2;
  FakeIngest ingest(options);
  ingest.Append(5);
  ArticleStore store;
  LogFollower follower(&store, FastOptions(ingest.address()));
  follower.Start();
  ASSERT_TRUE(store.WaitForSequence(5, kPatience));
  const std::vector<uint64_t> requests = ingest.follow_requests();
  ASSERT_GE(requests.size(), 3u);
  EXPECT_EQ(requests[0], 1u);
  EXPECT_EQ(requests[1], 3u);
  EXPECT_EQ(requests[2], 5u);
}

TEST(LogFollowerTest, ResumesAfterTheIngestServerRestarts) {
  ArticleStore store;
  const int port = gisa::testing::PickFreePort();
  auto ingest = std::make_unique<FakeIngest>(FakeIngest::Options{.port = port});
  ingest->Append(3);
  LogFollower follower(&store, FastOptions(ingest->address()));
  follower.Start();
  ASSERT_TRUE(store.WaitForSequence(3, kPatience));

  ingest.reset();
  ASSERT_TRUE(Eventually([&] { return !follower.state().connected; }));

  ingest = std::make_unique<FakeIngest>(FakeIngest::Options{.port = port});
  ingest->Append(6);
  ASSERT_TRUE(store.WaitForSequence(6, kPatience));
  EXPECT_EQ(ingest->follow_requests().front(), 4u);
  EXPECT_EQ(ArticleCount(store), 6);
  EXPECT_TRUE(Eventually([&] { return follower.state().connected; }));
}

TEST(LogFollowerTest, WaitsForAnIngestServerThatIsNotUpYet) {
  ArticleStore store;
  const int port = gisa::testing::PickFreePort();
  LogFollower follower(&store, FastOptions(absl::StrCat("127.0.0.1:", port)));
  follower.Start();
  EXPECT_FALSE(follower.state().connected);

  FakeIngest ingest({.port = port});
  ingest.Append(2);
  ASSERT_TRUE(store.WaitForSequence(2, kPatience));
}

TEST(LogFollowerTest, ReconnectsAStreamThatFallsSilent) {
  FakeIngest::Options options;
  options.silent = true;
  FakeIngest ingest(options);
  ingest.Append(1);
  ArticleStore store;
  LogFollower::Options follower_options = FastOptions(ingest.address());
  follower_options.stall_timeout = absl::Milliseconds(100);
  LogFollower follower(&store, follower_options);
  follower.Start();
  EXPECT_TRUE(ingest.WaitForFollowRequests(3, kPatience));
  EXPECT_EQ(store.last_applied_sequence(), 0u);
}

TEST(LogFollowerTest, StopEndsAnOpenStream) {
  FakeIngest::Options options;
  options.heartbeat = absl::Hours(1);  // the stream stays quiet
  FakeIngest ingest(options);
  ingest.Append(1);
  ArticleStore store;
  LogFollower follower(&store, FastOptions(ingest.address()));
  follower.Start();
  ASSERT_TRUE(store.WaitForSequence(1, kPatience));
  follower.Stop();  // must return, not wait for the server
  follower.Stop();  // idempotent
  EXPECT_FALSE(follower.state().connected);
}

TEST(LogFollowerTest, StopEndsTheRetriesWhenNothingListens) {
  ArticleStore store;
  LogFollower::Options options =
      FastOptions(absl::StrCat("127.0.0.1:", gisa::testing::PickFreePort()));
  options.initial_backoff = absl::Hours(1);  // Stop must cut the wait short
  options.max_backoff = absl::Hours(1);
  LogFollower follower(&store, options);
  follower.Start();
  follower.Stop();
  EXPECT_FALSE(follower.state().connected);
}

TEST(LogFollowerTest, StopWithoutStartIsHarmless) {
  ArticleStore store;
  LogFollower follower(&store, FastOptions("127.0.0.1:1"));
  follower.Stop();
}

}  // namespace
}  // namespace gisa::query
