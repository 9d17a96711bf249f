// Compactor: a compaction of a log whose segments sealed (tiny
// segment_bytes) drops superseded versions, a follower replaying from 1 over
// the real server still ends with every article's latest version, and the
// background thread runs at its interval and stops promptly.
#include "ingest_service/server/compactor.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/util/message_differencer.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/ingest_service/server/ingest_test_env.h"

namespace gisa::ingest {
namespace {

using ::gisa::testing::TempDir;
using ::gisa::v1::Article;
using ::gisa::v1::LogRecord;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Lt;

constexpr char kRates[] = "https://blog.example/rates";
constexpr char kFestival[] = "https://blog.example/festival";
constexpr char kSleep[] = "https://blog.example/sleep";

// Each article's latest version and its sequence, as a replica that applied
// `records` in order would hold them.
struct Replica {
  std::map<std::string, LogRecord> latest;

  void Apply(const std::vector<LogRecord>& records) {
    for (const LogRecord& record : records) {
      latest[record.article().id()] = record;
    }
  }
};

// A real log with tiny segments (so they seal after a record or two) served
// by a real ingest server.
class CompactorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<ArticleParser>> parser =
        ArticleParser::Create({});
    ASSERT_TRUE(parser.ok()) << parser.status();
    parser_ = *std::move(parser);
    RecordLog::Options log_options;
    log_options.dir = dir_.path();
    log_options.sync = false;
    log_options.segment_bytes = 1024;
    absl::StatusOr<std::unique_ptr<RecordLog>> log =
        RecordLog::Open(log_options);
    ASSERT_TRUE(log.ok()) << log.status();
    log_ = *std::move(log);
    IngestServerOptions server_options;
    server_options.listen = "127.0.0.1:0";
    server_options.threads = 2;
    absl::StatusOr<std::unique_ptr<IngestServer>> server =
        IngestServer::Start(parser_.get(), log_.get(), server_options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    stub_ = gisa::v1::IngestService::NewStub(grpc::CreateChannel(
        server_->address(), grpc::InsecureChannelCredentials()));
  }

  void TearDown() override {
    server_.reset();
    log_.reset();
  }

  // Submits version `version` of the article at `uri` (its text plus a
  // line naming the version, so that every version differs).
  void SubmitVersion(const std::string& uri, const char* text, int version) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    gisa::v1::SubmitArticleRequest request;
    *request.mutable_article() = testing::Raw(
        uri, absl::StrCat(text, "\n덧붙임: 이 글은 ", version,
                          "번째로 고친 판입니다. 독자 의견을 반영했습니다.\n"));
    gisa::v1::SubmitArticleResponse response;
    grpc::Status status = stub_->SubmitArticle(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  // Three articles in four versions each, interleaved, then a fourth
  // article: 13 records over many sealed segments.
  void SubmitVersions() {
    for (int version = 1; version <= 4; ++version) {
      SubmitVersion(kRates, testing::kArticleRates, version);
      SubmitVersion(kFestival, testing::kArticleFestival, version);
      SubmitVersion(kSleep, testing::kArticleSleep, version);
    }
    SubmitVersion("https://blog.example/rates-update",
                  testing::kArticleRatesUpdate, 1);
  }

  // What a Follow stream from sequence 1 delivers up to the log's last
  // sequence.
  std::vector<LogRecord> FollowFromStart() {
    const uint64_t last = log_->last_sequence();
    testing::TestFollower follower(*stub_, 1, "compactor-test");
    std::vector<LogRecord> records;
    while (records.empty() || records.back().sequence() < last) {
      std::optional<gisa::v1::FollowResponse> response = follower.Next();
      if (!response) break;
      records.insert(records.end(), response->records().begin(),
                     response->records().end());
    }
    return records;
  }

  Compactor::Reporter Collect() {
    return [this](absl::string_view line) {
      absl::MutexLock lock(&lines_mu_);
      lines_.emplace_back(line);
      if (!reported_.HasBeenNotified()) reported_.Notify();
    };
  }

  std::vector<std::string> lines() {
    absl::MutexLock lock(&lines_mu_);
    return lines_;
  }

  TempDir dir_{"compactor"};
  std::unique_ptr<ArticleParser> parser_;
  std::unique_ptr<RecordLog> log_;
  std::unique_ptr<IngestServer> server_;
  std::unique_ptr<gisa::v1::IngestService::Stub> stub_;

  absl::Mutex lines_mu_;
  std::vector<std::string> lines_ ABSL_GUARDED_BY(lines_mu_);
  absl::Notification reported_;
};

void ExpectSameState(const Replica& expected, const Replica& actual) {
  ASSERT_EQ(actual.latest.size(), expected.latest.size());
  for (const auto& [id, record] : expected.latest) {
    auto it = actual.latest.find(id);
    ASSERT_NE(it, actual.latest.end()) << id;
    EXPECT_EQ(it->second.sequence(), record.sequence()) << id;
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(
        it->second.article(), record.article()))
        << id;
  }
}

TEST_F(CompactorTest, DropsSupersededVersionsAndAFollowerEndsTheSame) {
  SubmitVersions();
  const uint64_t last = log_->last_sequence();
  ASSERT_EQ(last, 13u);
  const std::vector<LogRecord> before = FollowFromStart();
  ASSERT_EQ(before.size(), 13u);
  Replica expected;
  expected.Apply(before);
  ASSERT_EQ(expected.latest.size(), 4u);

  Compactor compactor(log_.get(), dir_.path(), {.interval = absl::ZeroDuration()},
                      Collect());
  absl::StatusOr<CompactionReport> report = compactor.RunOnce();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_THAT(report->segments_after, Lt(report->segments_before))
      << report->ToString();
  EXPECT_THAT(report->bytes_after, Lt(report->bytes_before))
      << report->ToString();
  EXPECT_THAT(report->ToString(), HasSubstr("segments"));
  EXPECT_THAT(lines(), IsEmpty());  // RunOnce reports to its caller only

  EXPECT_EQ(log_->last_sequence(), last);
  const std::vector<LogRecord> after = FollowFromStart();
  EXPECT_THAT(after.size(), Lt(before.size()));
  // The versions dropped are superseded ones; every latest one remains.
  EXPECT_GE(after.size(), expected.latest.size());
  Replica replica;
  replica.Apply(after);
  ExpectSameState(expected, replica);

  // The log keeps taking submissions: a later follower from 1 ends with the
  // new version of one article and the others as before.
  SubmitVersion(kSleep, testing::kArticleSleep, 5);
  Replica later;
  later.Apply(FollowFromStart());
  ASSERT_EQ(later.latest.size(), 4u);
  for (const auto& [id, record] : later.latest) {
    if (record.article().source_uri() == kSleep) {
      EXPECT_EQ(record.sequence(), last + 1);
    } else {
      EXPECT_EQ(record.sequence(), expected.latest[id].sequence()) << id;
    }
  }
}

TEST_F(CompactorTest, SecondRunFindsNothingMoreToDrop) {
  SubmitVersions();
  Compactor compactor(log_.get(), dir_.path(), {.interval = absl::ZeroDuration()},
                      Collect());
  ASSERT_TRUE(compactor.RunOnce().ok());
  const size_t records = FollowFromStart().size();
  absl::StatusOr<CompactionReport> again = compactor.RunOnce();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_LE(again->segments_after, again->segments_before);
  EXPECT_EQ(FollowFromStart().size(), records);
}

TEST_F(CompactorTest, BackgroundThreadCompactsAndReportsOneLinePerRun) {
  SubmitVersions();
  Replica expected;
  expected.Apply(FollowFromStart());
  {
    Compactor compactor(log_.get(), dir_.path(),
                        {.interval = absl::Milliseconds(1)}, Collect());
    ASSERT_TRUE(reported_.WaitForNotificationWithTimeout(absl::Seconds(60)));
  }  // the destructor stops the thread
  const std::vector<std::string> reported = lines();
  ASSERT_FALSE(reported.empty());
  EXPECT_THAT(reported[0], HasSubstr("compacted the log"));
  EXPECT_THAT(reported[0], HasSubstr("reclaimed"));
  // Stopped: no more lines arrive.
  EXPECT_EQ(lines().size(), reported.size());

  const std::vector<LogRecord> after = FollowFromStart();
  EXPECT_THAT(after.size(), Lt(13u));
  Replica replica;
  replica.Apply(after);
  ExpectSameState(expected, replica);
}

TEST_F(CompactorTest, StopDoesNotWaitOutTheInterval) {
  SubmitVersions();
  // A run an hour away: Stop must end the wait, not sleep through it (the
  // test would hang otherwise).
  Compactor compactor(log_.get(), dir_.path(), {.interval = absl::Hours(1)},
                      Collect());
  compactor.Stop();
  compactor.Stop();  // idempotent
  EXPECT_THAT(lines(), IsEmpty());
  EXPECT_EQ(FollowFromStart().size(), 13u);  // nothing was compacted
}

}  // namespace
}  // namespace gisa::ingest
