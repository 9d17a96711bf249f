// IngestServer: health, reflection-free basics, and graceful shutdown.
#include "ingest_service/server/ingest_server.h"

#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/ingest_service/server/ingest_test_env.h"
#include "tests/testing/health.h"
#include "tests/testing/ports.h"

namespace gisa::ingest {
namespace {

using ::gisa::ingest::testing::HealthWatch;
using ::gisa::ingest::testing::IngestTestEnv;
using ::gisa::ingest::testing::kArticleRates;
using ::gisa::ingest::testing::Raw;
using ::gisa::ingest::testing::TestFollower;
using ::gisa::testing::CheckHealth;
using ::gisa::testing::Health;
using ::testing::HasSubstr;

TEST(IngestServerTest, ReportsTheBoundPort) {
  IngestTestEnv env;
  ASSERT_OK_START(env);
  EXPECT_GT(env.server().port(), 0);
  EXPECT_EQ(env.server().address(),
            absl::StrCat("127.0.0.1:", env.server().port()));
}

TEST(IngestServerTest, RefusesAnAddressInUse) {
  IngestTestEnv env;
  ASSERT_OK_START(env);
  IngestServerOptions options;
  options.listen = env.server().address();
  absl::StatusOr<std::unique_ptr<IngestServer>> second =
      IngestServer::Start(&env.parser(), &env.log(), options);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
}

TEST(IngestServerTest, RefusesAMalformedAddress) {
  IngestTestEnv env;
  ASSERT_OK_START(env);
  IngestServerOptions options;
  options.listen = "localhost";
  absl::StatusOr<std::unique_ptr<IngestServer>> server =
      IngestServer::Start(&env.parser(), &env.log(), options);
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(IngestServerTest, HealthIsServingThenNotServingOnShutdown) {
  IngestTestEnv env;
  ASSERT_OK_START(env);
  for (const char* service : {"", kIngestServiceName}) {
    absl::StatusOr<Health> health =
        CheckHealth(env.server().address(), service);
    ASSERT_TRUE(health.ok()) << health.status();
    EXPECT_EQ(*health, Health::kServing) << "service '" << service << "'";
  }

  HealthWatch whole(env.channel(), "");
  HealthWatch ingest(env.channel(), kIngestServiceName);
  EXPECT_EQ(whole.Next(), HealthWatch::kServing);
  EXPECT_EQ(ingest.Next(), HealthWatch::kServing);

  // A submission stream in progress when shutdown begins is allowed to
  // finish: its articles are logged and it gets its response.
  grpc::ClientContext context;
  gisa::v1::SubmitArticlesResponse response;
  auto writer = env.stub().SubmitArticles(&context, &response);
  gisa::v1::SubmitArticleRequest request;
  *request.mutable_article() = Raw("blog/rates", kArticleRates);
  ASSERT_TRUE(writer->Write(request));
  // Once the first article is logged, the server is serving the stream.
  for (int i = 0; i < 3000 && env.log().last_sequence() < 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(env.log().last_sequence(), 1u);

  std::thread shutdown(
      [&] { env.server().Shutdown(absl::Now() + absl::Seconds(60)); });
  EXPECT_EQ(whole.Next(), HealthWatch::kNotServing);
  EXPECT_EQ(ingest.Next(), HealthWatch::kNotServing);

  // Draining: new calls are refused while the open stream goes on.
  absl::StatusOr<gisa::v1::SubmitArticleResponse> late =
      env.Submit("blog/late", kArticleRates);
  EXPECT_EQ(late.status().code(), absl::StatusCode::kUnavailable);

  // ... and takes more articles until the client closes it.
  *request.mutable_article() = Raw("blog/festival", testing::kArticleFestival);
  ASSERT_TRUE(writer->Write(request));
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.accepted(), 2);
  shutdown.join();
  EXPECT_EQ(env.log().last_sequence(), 2u);
}

TEST(IngestServerTest, ShutdownEndsFollowStreams) {
  IngestTestEnv env;
  ASSERT_OK_START(env);
  ASSERT_TRUE(env.Submit("blog/rates", kArticleRates).ok());
  TestFollower caught_up(env.stub(), 1, "caught-up");
  ASSERT_EQ(caught_up.ReadRecords(1).size(), 1u);
  TestFollower waiting(env.stub(), 100, "waiting");
  ASSERT_TRUE(waiting.Next().has_value());

  // With a deadline far off, the streams must end because the server ends
  // them (UNAVAILABLE), not because the deadline cancels them.
  env.server().Shutdown(absl::Now() + absl::Minutes(5));
  for (TestFollower* follower : {&caught_up, &waiting}) {
    while (follower->Next()) {
    }
    grpc::Status status = follower->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_THAT(status.error_message(), HasSubstr("shutting down"));
  }
}

TEST(IngestServerTest, ShutdownIsIdempotentAndRestartKeepsTheLog) {
  IngestTestEnv env;
  ASSERT_OK_START(env);
  ASSERT_TRUE(env.Submit("blog/rates", kArticleRates).ok());
  env.server().Shutdown(absl::Now());
  env.server().Shutdown(absl::Now());
  env.Stop();

  ASSERT_OK_START(env);
  absl::StatusOr<gisa::v1::SubmitArticleResponse> again =
      env.Submit("blog/rates", kArticleRates);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->sequence(), 2u);
  EXPECT_TRUE(again->replaced());
}

}  // namespace
}  // namespace gisa::ingest
