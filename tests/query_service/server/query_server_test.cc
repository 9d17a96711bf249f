// QueryServer and QueryServiceImpl in process: a real server on a free port
// following an in-process fake of the ingest server.
#include "query_service/server/query_server.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/byte_buffer.h>

#include <memory>
#include <thread>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "gisa/v1/query_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/fake_ingest.h"
#include "tests/testing/health.h"

namespace gisa::query {
namespace {

using gisa::testing::FakeIngest;
using gisa::testing::Health;
using gisa::testing::MakeRecord;

constexpr absl::Duration kPatience = absl::Seconds(20);

std::unique_ptr<grpc::ClientContext> Context(absl::Duration timeout = kPatience) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

class QueryServerTest : public ::testing::Test {
 protected:
  void StartServer(absl::Duration max_wait = absl::Seconds(10)) {
    QueryServer::Options options;
    options.listen = "127.0.0.1:0";
    options.ingest = ingest_.address();
    options.replica_name = "unit";
    options.max_wait = max_wait;
    options.follower.initial_backoff = absl::Milliseconds(10);
    options.follower.max_backoff = absl::Milliseconds(100);
    absl::StatusOr<std::unique_ptr<QueryServer>> server = QueryServer::Start(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    stub_ = gisa::v1::QueryService::NewStub(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
  }

  FakeIngest ingest_{{}};
  std::unique_ptr<QueryServer> server_;
  std::unique_ptr<gisa::v1::QueryService::Stub> stub_;
};

TEST_F(QueryServerTest, ListensOnThePortItReports) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  EXPECT_TRUE(absl::StartsWith(server_->address(), "127.0.0.1:"));
  EXPECT_NE(server_->address(), "127.0.0.1:0");
  gisa::v1::GetStatsResponse stats;
  EXPECT_TRUE(stub_->GetStats(Context().get(), {}, &stats).ok());
}

TEST_F(QueryServerTest, RefusesAnAddressInUse) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  QueryServer::Options options;
  options.listen = server_->address();
  options.ingest = ingest_.address();
  absl::StatusOr<std::unique_ptr<QueryServer>> second = QueryServer::Start(options);
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable) << second.status();
}

TEST_F(QueryServerTest, HealthIsServingForTheServerAndTheService) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  for (const std::string service : {"", "gisa.v1.QueryService"}) {
    absl::StatusOr<Health> health = gisa::testing::CheckHealth(server_->address(), service);
    ASSERT_TRUE(health.ok()) << service << ": " << health.status();
    EXPECT_EQ(*health, Health::kServing) << service;
  }
  EXPECT_EQ(gisa::testing::CheckHealth(server_->address(), "no.such.Service").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(QueryServerTest, GetStatsReportsReplication) {
  ingest_.Append(4);
  ASSERT_NO_FATAL_FAILURE(StartServer());
  ASSERT_TRUE(server_->store().WaitForSequence(4, kPatience));
  gisa::v1::GetStatsResponse stats;
  // `following` turns true with the first message; poll for it.
  const absl::Time deadline = absl::Now() + kPatience;
  do {
    ASSERT_TRUE(stub_->GetStats(Context().get(), {}, &stats).ok());
  } while (!stats.following() && absl::Now() < deadline);
  EXPECT_TRUE(stats.following());
  EXPECT_EQ(stats.last_applied_sequence(), 4u);
  EXPECT_EQ(stats.ingest_last_sequence(), 4u);
  EXPECT_EQ(stats.article_count(), 4);
}

TEST_F(QueryServerTest, StoreErrorsKeepTheirCodes) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  gisa::v1::GetArticleRequest get;
  get.set_id("no-such-article");
  gisa::v1::Article article;
  EXPECT_EQ(stub_->GetArticle(Context().get(), get, &article).error_code(),
            grpc::StatusCode::NOT_FOUND);
  gisa::v1::ListArticlesRequest list;
  list.set_page_size(-1);
  gisa::v1::ListArticlesResponse articles;
  EXPECT_EQ(stub_->ListArticles(Context().get(), list, &articles).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(QueryServerTest, MinSequenceWaitsUntilTheRecordIsApplied) {
  ingest_.Append(2);
  ASSERT_NO_FATAL_FAILURE(StartServer());
  gisa::v1::GetArticleRequest request;
  request.set_id("article-3");
  request.set_min_sequence(3);
  gisa::v1::Article article;
  grpc::Status status;
  std::thread reader(
      [&] { status = stub_->GetArticle(Context().get(), request, &article); });
  // Whether record 3 arrives before or after the call, the call must see it;
  // without min_sequence it could answer NOT_FOUND.
  ingest_.Append(1);
  reader.join();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(article.id(), "article-3");
}

TEST_F(QueryServerTest, MinSequenceGivesUpAfterMaxWait) {
  ingest_.Append(1);
  ASSERT_NO_FATAL_FAILURE(StartServer(/*max_wait=*/absl::Milliseconds(200)));
  ASSERT_TRUE(server_->store().WaitForSequence(1, kPatience));
  gisa::v1::ListArticlesRequest request;
  request.set_min_sequence(99);
  gisa::v1::ListArticlesResponse response;
  const grpc::Status status = stub_->ListArticles(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(absl::StrContains(status.error_message(),
                                "replica has applied sequence 1, waiting for 99"))
      << status.error_message();
}

TEST_F(QueryServerTest, MinSequenceGivesUpAtTheCallDeadline) {
  ASSERT_NO_FATAL_FAILURE(StartServer(/*max_wait=*/absl::Hours(1)));
  gisa::v1::SearchFaqRequest request;
  request.set_query("언제");
  request.set_min_sequence(99);
  gisa::v1::SearchFaqResponse response;
  const grpc::Status status =
      stub_->SearchFaq(Context(absl::Milliseconds(200)).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
}

TEST_F(QueryServerTest, ShutdownEndsCallsWaitingForASequence) {
  ASSERT_NO_FATAL_FAILURE(StartServer(/*max_wait=*/absl::Hours(1)));
  gisa::v1::GetArticleRequest request;
  request.set_id("article-1");
  request.set_min_sequence(50);
  grpc::Status status;
  std::thread reader([&] {
    gisa::v1::Article article;
    status = stub_->GetArticle(Context().get(), request, &article);
  });
  // Give the call time to arrive and start waiting. Should it not have
  // arrived, it fails to connect instead, and what is checked still holds.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server_->Shutdown(absl::Now() + absl::Hours(1));  // must not wait an hour
  reader.join();
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(status.error_code() == grpc::StatusCode::UNAVAILABLE ||
              status.error_code() == grpc::StatusCode::CANCELLED)
      << status.error_code() << " " << status.error_message();
}

TEST_F(QueryServerTest, ReflectionListsTheService) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  // ServerReflectionRequest { list_services = 7: "" }, sent over the bidi
  // stream by hand: no generated reflection stub ships with Debian's gRPC.
  class OneShot : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
   public:
    explicit OneShot(const std::string& request_bytes) {
      grpc::Slice slice(request_bytes);
      request_ = grpc::ByteBuffer(&slice, 1);
    }
    void Begin() {
      StartWrite(&request_);
      StartRead(&response_);
      StartCall();
    }
    void OnWriteDone(bool) override { StartWritesDone(); }
    void OnReadDone(bool ok) override {
      if (ok) {
        std::vector<grpc::Slice> slices;
        if (response_.Dump(&slices).ok()) {
          for (const grpc::Slice& s : slices) {
            text_.append(reinterpret_cast<const char*>(s.begin()), s.size());
          }
        }
      }
    }
    void OnDone(const grpc::Status& status) override {
      status_ = status;
      done_.Notify();
    }
    std::string Wait() {
      done_.WaitForNotification();
      return text_;
    }
    grpc::Status status_;

   private:
    grpc::ByteBuffer request_;
    grpc::ByteBuffer response_;
    std::string text_;
    absl::Notification done_;
  };
  const std::string list_services("\x3a\x00", 2);  // field 7, length 0
  OneShot call(list_services);
  grpc::GenericStub stub(grpc::CreateChannel(server_->address(),
                                             grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + kPatience));
  stub.PrepareBidiStreamingCall(
      &context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
      grpc::StubOptions(), &call);
  call.Begin();
  const std::string response = call.Wait();
  EXPECT_TRUE(call.status_.ok()) << call.status_.error_message();
  EXPECT_TRUE(absl::StrContains(response, "gisa.v1.QueryService"));
}

}  // namespace
}  // namespace gisa::query
