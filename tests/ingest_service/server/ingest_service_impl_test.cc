// IngestService over a real in-process server: parse, submit, the submit
// stream and Follow.
#include "ingest_service/server/ingest_service_impl.h"

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/ingest_service/server/ingest_test_env.h"

namespace gisa::ingest {
namespace {

using ::gisa::ingest::testing::IngestTestEnv;
using ::gisa::ingest::testing::kArticleFestival;
using ::gisa::ingest::testing::kArticleRates;
using ::gisa::ingest::testing::kArticleRatesUpdate;
using ::gisa::ingest::testing::kArticleSleep;
using ::gisa::ingest::testing::Raw;
using ::gisa::ingest::testing::TestFollower;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class IngestServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { absl::Status started = env_.Start();
    ASSERT_TRUE(started.ok()) << started; }

  IngestTestEnv env_;
};

std::vector<uint64_t> Sequences(const std::vector<gisa::v1::LogRecord>& records) {
  std::vector<uint64_t> sequences;
  for (const gisa::v1::LogRecord& record : records) {
    sequences.push_back(record.sequence());
  }
  return sequences;
}

TEST_F(IngestServiceTest, ParseArticleReturnsTheArticleAndStoresNothing) {
  absl::StatusOr<gisa::v1::Article> article =
      env_.Parse("blog/rates", kArticleRates);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_THAT(article->title(), HasSubstr("기준금리 동결"));
  EXPECT_EQ(article->source_uri(), "blog/rates");
  EXPECT_FALSE(article->id().empty());
  EXPECT_GE(article->sections_size(), 2);
  EXPECT_FALSE(article->has_ingest_time());
  EXPECT_EQ(env_.log().last_sequence(), 0u);
}

TEST_F(IngestServiceTest, ParseArticleRefusesWhatIsNotAnArticle) {
  struct Case {
    std::string name;
    std::string content;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"not UTF-8", "# 제목\n본문 \xff\xfe 입니다\n", "UTF-8"},
      {"empty", "", "empty"},
      {"blank", " \n\t\n", "empty"},
      // Over the 64 KiB limit of the test server but well under its message
      // limit: the parser's message, not the transport's.
      {"oversize", std::string(70 << 10, 'a'), "limit"},
      {"no article", "12345\n", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<gisa::v1::Article> article = env_.Parse("blog/x", c.content);
    ASSERT_FALSE(article.ok());
    EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument)
        << article.status();
    EXPECT_FALSE(article.status().message().empty());
    EXPECT_THAT(article.status().message(), HasSubstr(c.message_part));
  }
  EXPECT_EQ(env_.log().last_sequence(), 0u);
}

TEST_F(IngestServiceTest, SubmitArticleLogsAndResubmissionReplaces) {
  absl::StatusOr<gisa::v1::SubmitArticleResponse> first =
      env_.Submit("blog/rates", kArticleRates);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->article_id().empty());
  EXPECT_EQ(first->sequence(), 1u);
  EXPECT_FALSE(first->replaced());

  absl::StatusOr<gisa::v1::SubmitArticleResponse> second =
      env_.Submit("blog/rates", kArticleRatesUpdate);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->article_id(), first->article_id());
  EXPECT_EQ(second->sequence(), 2u);
  EXPECT_TRUE(second->replaced());

  // The logged record is the parsed article with its ingest time.
  absl::StatusOr<std::vector<gisa::v1::LogRecord>> records =
      env_.log().Read(2, 10, 1 << 20);
  ASSERT_TRUE(records.ok()) << records.status();
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].article().id(), first->article_id());
  EXPECT_THAT((*records)[0].article().title(), HasSubstr("(수정)"));
  EXPECT_GT((*records)[0].article().ingest_time().seconds(), 0);
}

TEST_F(IngestServiceTest, RefusedSubmissionChangesNothing) {
  ASSERT_TRUE(env_.Submit("blog/rates", kArticleRates).ok());
  absl::StatusOr<gisa::v1::SubmitArticleResponse> refused =
      env_.Submit("blog/rates", "# 제목\n\xc3\x28 깨진 글자\n");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(env_.log().last_sequence(), 1u);

  absl::StatusOr<gisa::v1::SubmitArticleResponse> next =
      env_.Submit("blog/sleep", kArticleSleep);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->sequence(), 2u);
}

TEST_F(IngestServiceTest, SubmitArticlesReportsEachArticle) {
  grpc::ClientContext context;
  gisa::v1::SubmitArticlesResponse response;
  auto writer = env_.stub().SubmitArticles(&context, &response);
  const std::vector<gisa::v1::RawArticle> articles = {
      Raw("blog/rates", kArticleRates),
      Raw("blog/empty", ""),
      Raw("blog/festival", kArticleFestival),
      Raw("blog/binary", "# 제목\n\xff\xff\xff\n"),
      Raw("blog/rates", kArticleRatesUpdate),
      Raw("", kArticleSleep),
  };
  for (const gisa::v1::RawArticle& article : articles) {
    gisa::v1::SubmitArticleRequest request;
    *request.mutable_article() = article;
    ASSERT_TRUE(writer->Write(request));
  }
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());

  EXPECT_EQ(response.accepted(), 4);
  EXPECT_EQ(response.rejected(), 2);
  ASSERT_EQ(response.errors_size(), 2);
  EXPECT_EQ(response.errors(0).index(), 1);
  EXPECT_EQ(response.errors(0).source_uri(), "blog/empty");
  EXPECT_EQ(response.errors(0).code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(response.errors(0).message(), HasSubstr("empty"));
  EXPECT_EQ(response.errors(1).index(), 3);
  EXPECT_THAT(response.errors(1).message(), HasSubstr("UTF-8"));

  // Results in stream order; the two versions of blog/rates are logged in
  // stream order, so the later one replaces the earlier.
  ASSERT_EQ(response.results_size(), 4);
  const auto& rates = response.results(0);
  const auto& rates_update = response.results(2);
  EXPECT_EQ(rates.article_id(), rates_update.article_id());
  EXPECT_FALSE(rates.replaced());
  EXPECT_TRUE(rates_update.replaced());
  EXPECT_GT(rates_update.sequence(), rates.sequence());
  EXPECT_NE(response.results(1).article_id(), rates.article_id());
  EXPECT_NE(response.results(3).article_id(), rates.article_id());
  EXPECT_EQ(env_.log().last_sequence(), 4u);
}

TEST_F(IngestServiceTest, SubmitArticlesKeepsTheOrderOfVersionsOfOneArticle) {
  grpc::ClientContext context;
  gisa::v1::SubmitArticlesResponse response;
  auto writer = env_.stub().SubmitArticles(&context, &response);
  constexpr int kVersions = 40;  // more than the articles in flight
  for (int i = 0; i < kVersions; ++i) {
    gisa::v1::SubmitArticleRequest request;
    *request.mutable_article() =
        Raw("blog/rates", absl::StrCat(kArticleRates, "수정 ", i, "번째.\n"));
    ASSERT_TRUE(writer->Write(request));
  }
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  ASSERT_EQ(response.accepted(), kVersions);
  ASSERT_EQ(response.results_size(), kVersions);
  for (int i = 1; i < kVersions; ++i) {
    EXPECT_GT(response.results(i).sequence(),
              response.results(i - 1).sequence());
  }
}

TEST_F(IngestServiceTest, SubmitArticlesWithNoArticles) {
  grpc::ClientContext context;
  gisa::v1::SubmitArticlesResponse response;
  auto writer = env_.stub().SubmitArticles(&context, &response);
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(response.accepted(), 0);
  EXPECT_EQ(response.rejected(), 0);
}

TEST_F(IngestServiceTest, FollowFromTheStartThenLive) {
  std::vector<std::string> ids;
  for (const auto& [uri, text] :
       std::vector<std::pair<std::string, std::string>>{
           {"blog/rates", kArticleRates},
           {"blog/festival", kArticleFestival},
           {"blog/sleep", kArticleSleep}}) {
    absl::StatusOr<gisa::v1::SubmitArticleResponse> r = env_.Submit(uri, text);
    ASSERT_TRUE(r.ok()) << r.status();
    ids.push_back(r->article_id());
  }

  TestFollower follower(env_.stub(), 1);
  std::vector<gisa::v1::LogRecord> records = follower.ReadRecords(3);
  ASSERT_THAT(Sequences(records), ElementsAre(1, 2, 3));
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(records[i].article().id(), ids[i]);

  absl::StatusOr<gisa::v1::SubmitArticleResponse> live =
      env_.Submit("blog/rates", kArticleRatesUpdate);
  ASSERT_TRUE(live.ok());
  std::optional<gisa::v1::FollowResponse> response;
  do {
    response = follower.Next();
    ASSERT_TRUE(response.has_value());
  } while (response->records().empty());
  ASSERT_EQ(response->records_size(), 1);
  EXPECT_EQ(response->records(0).sequence(), 4u);
  EXPECT_EQ(response->records(0).article().id(), ids[0]);
  EXPECT_EQ(response->log_last_sequence(), 4u);
}

TEST_F(IngestServiceTest, FollowFromZeroMeansEverything) {
  ASSERT_TRUE(env_.Submit("blog/rates", kArticleRates).ok());
  TestFollower follower(env_.stub(), 0);
  EXPECT_THAT(Sequences(follower.ReadRecords(1)), ElementsAre(1));
}

TEST_F(IngestServiceTest, FollowFromTheMiddle) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(env_.Submit(absl::StrCat("blog/", i), kArticleSleep).ok());
  }
  TestFollower follower(env_.stub(), 4);
  std::optional<gisa::v1::FollowResponse> first = follower.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->log_last_sequence(), 5u);
  std::vector<uint64_t> sequences;
  for (const auto& record : first->records()) sequences.push_back(record.sequence());
  EXPECT_THAT(sequences, ElementsAre(4, 5));
}

TEST_F(IngestServiceTest, FollowPastTheEndWaitsForTheLog) {
  ASSERT_TRUE(env_.Submit("blog/0", kArticleSleep).ok());
  TestFollower follower(env_.stub(), 3);
  // The first response tells where the log stands, with nothing to send.
  std::optional<gisa::v1::FollowResponse> first = follower.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->records_size(), 0);
  EXPECT_EQ(first->log_last_sequence(), 1u);

  ASSERT_TRUE(env_.Submit("blog/1", kArticleRates).ok());
  ASSERT_TRUE(env_.Submit("blog/2", kArticleFestival).ok());
  EXPECT_THAT(Sequences(follower.ReadRecords(1)), ElementsAre(3));
}

TEST_F(IngestServiceTest, FollowSendsLargeLogsInSeveralBatches) {
  constexpr int kArticles = 300;  // over one batch of 256 records
  grpc::ClientContext context;
  gisa::v1::SubmitArticlesResponse response;
  auto writer = env_.stub().SubmitArticles(&context, &response);
  for (int i = 0; i < kArticles; ++i) {
    gisa::v1::SubmitArticleRequest request;
    *request.mutable_article() = Raw(absl::StrCat("blog/", i), kArticleSleep);
    ASSERT_TRUE(writer->Write(request));
  }
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  ASSERT_EQ(response.accepted(), kArticles);

  TestFollower follower(env_.stub(), 1);
  uint64_t expected = 1;
  int responses = 0;
  while (expected <= kArticles) {
    std::optional<gisa::v1::FollowResponse> next = follower.Next();
    ASSERT_TRUE(next.has_value());
    ++responses;
    EXPECT_LE(next->records_size(), 256);
    EXPECT_EQ(next->log_last_sequence(), static_cast<uint64_t>(kArticles));
    for (const auto& record : next->records()) {
      ASSERT_EQ(record.sequence(), expected++);
    }
  }
  EXPECT_GE(responses, 2);
}

TEST_F(IngestServiceTest, TwoFollowersAtOnce) {
  ASSERT_TRUE(env_.Submit("blog/rates", kArticleRates).ok());
  ASSERT_TRUE(env_.Submit("blog/festival", kArticleFestival).ok());
  TestFollower a(env_.stub(), 1, "a");
  TestFollower b(env_.stub(), 2, "b");
  EXPECT_THAT(Sequences(a.ReadRecords(2)), ElementsAre(1, 2));
  EXPECT_THAT(Sequences(b.ReadRecords(1)), ElementsAre(2));
  EXPECT_EQ(env_.server().follower_count(), 2u);

  ASSERT_TRUE(env_.Submit("blog/sleep", kArticleSleep).ok());
  EXPECT_THAT(Sequences(a.ReadRecords(1)), ElementsAre(3));
  EXPECT_THAT(Sequences(b.ReadRecords(1)), ElementsAre(3));
}

TEST_F(IngestServiceTest, CancelledFollowerIsForgotten) {
  {
    TestFollower follower(env_.stub(), 1);
    ASSERT_TRUE(follower.Next().has_value());
    EXPECT_EQ(env_.server().follower_count(), 1u);
    follower.Cancel();
    while (follower.Next()) {
    }
    EXPECT_EQ(follower.Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  // The server forgets the stream (its OnDone ran) without further traffic.
  for (int i = 0; i < 200 && env_.server().follower_count() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(env_.server().follower_count(), 0u);
  // Later appends do not touch the finished stream.
  ASSERT_TRUE(env_.Submit("blog/rates", kArticleRates).ok());
}

TEST(IngestServiceHeartbeatTest, CaughtUpFollowerGetsHeartbeats) {
  IngestTestEnv env({.heartbeat = absl::Milliseconds(20)});
  ASSERT_OK_START(env);
  ASSERT_TRUE(env.Submit("blog/rates", kArticleRates).ok());
  TestFollower follower(env.stub(), 1);
  EXPECT_THAT(Sequences(follower.ReadRecords(1)), ElementsAre(1));
  for (int i = 0; i < 3; ++i) {
    std::optional<gisa::v1::FollowResponse> heartbeat = follower.Next();
    ASSERT_TRUE(heartbeat.has_value());
    EXPECT_EQ(heartbeat->records_size(), 0);
    EXPECT_EQ(heartbeat->log_last_sequence(), 1u);
  }
}

}  // namespace
}  // namespace gisa::ingest
