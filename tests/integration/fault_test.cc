// Section 5 of the spec under SIGKILL, with the real binaries: a replica
// killed during a long submission, the ingest server killed in the middle
// of SubmitArticles streams and unary calls, and log files damaged on disk.
// "Acknowledged" means the client got OK with an (id, sequence); each check
// is that every acknowledged article is served exactly once.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/pair_fixture.h"
#include "tests/testing/submitter.h"

namespace gisa::testing {
namespace {

using gisa::v1::GetStatsResponse;

constexpr absl::Duration kPatience = absl::Seconds(60);

// The log's segment files, sorted (by first sequence).
std::vector<std::string> SegmentFiles(const std::string& data_dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir)) {
    if (entry.path().extension() == ".log") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class FaultTest : public PairFixture {
 protected:
  // Checks that `replica` serves every acknowledged article once: the ids it
  // lists are distinct, each acknowledged id is among them, and with
  // `only_acked` nothing else is (no submission failed, so nothing else can
  // have been logged). Waits until the replica has applied the last ack.
  void ExpectServedExactlyOnce(const std::vector<Submitter::Ack>& acks, int replica,
                               bool only_acked) {
    uint64_t last = 0;
    std::set<std::string> acked;
    std::set<uint64_t> sequences;
    for (const Submitter::Ack& ack : acks) {
      last = std::max(last, ack.sequence);
      EXPECT_TRUE(acked.insert(ack.article_id).second)
          << "id acknowledged twice: " << ack.article_id;
      EXPECT_TRUE(sequences.insert(ack.sequence).second)
          << "sequence acknowledged twice: " << ack.sequence;
    }
    absl::StatusOr<GetStatsResponse> stats = WaitForApplied(last, replica, kPatience);
    ASSERT_TRUE(stats.ok()) << stats.status();

    absl::StatusOr<ArticleIds> listed = ListArticleIds(replica);
    ASSERT_TRUE(listed.ok()) << listed.status();
    const std::set<std::string> distinct(listed->ids.begin(), listed->ids.end());
    EXPECT_EQ(distinct.size(), listed->ids.size()) << "an id is listed twice";
    EXPECT_EQ(listed->total_size, static_cast<int32_t>(listed->ids.size()));
    int missing = 0;
    for (const std::string& id : acked) {
      if (distinct.count(id) == 0 && ++missing <= 5) {
        ADD_FAILURE() << "acknowledged " << id << " is not served by replica " << replica;
      }
    }
    EXPECT_EQ(missing, 0) << "acknowledged articles missing\n" << Logs();
    if (only_acked) {
      EXPECT_EQ(distinct.size(), acked.size());
    } else {
      EXPECT_GE(distinct.size(), acked.size());
    }
  }
};

// Test 1 of the issue.
TEST_F(FaultTest, AReplicaKilledDuringSubmissionEndsWithEveryArticleOnce) {
  Submitter submitter({.address = ingest_address(),
                       .prefix = "kill-replica",
                       .threads = 4,
                       .max_articles = 2000});
  ASSERT_TRUE(submitter.WaitForAcks(500, kPatience)) << submitter.last_error() << Logs();
  const Process::Exit killed = StopQuery(0, SIGKILL);
  EXPECT_EQ(killed.signal, SIGKILL) << killed.ToString();
  ASSERT_TRUE(submitter.WaitForAcks(1000, kPatience)) << submitter.last_error();
  absl::Status restarted = StartQuery(0);
  ASSERT_TRUE(restarted.ok()) << restarted;
  ASSERT_TRUE(submitter.WaitUntilDone(absl::Seconds(80))) << submitter.ack_count();

  EXPECT_EQ(submitter.failed(), 0) << submitter.last_error();
  EXPECT_EQ(submitter.ack_count(), 2000u);
  ExpectServedExactlyOnce(submitter.acks(), 0, /*only_acked=*/true);
}

// Test 2 of the issue: streams of small SubmitArticles calls and unary
// calls from several threads while the ingest server is killed and
// restarted on the same data dir and port.
TEST_F(FaultTest, AnIngestServerKilledMidStreamKeepsEveryAcknowledgedArticle) {
  Submitter streams({.address = ingest_address(),
                     .prefix = "stream",
                     .threads = 3,
                     .stream_size = 4});
  Submitter unary({.address = ingest_address(), .prefix = "unary", .threads = 3});
  ASSERT_TRUE(streams.WaitForAcks(100, kPatience)) << streams.last_error() << Logs();
  ASSERT_TRUE(unary.WaitForAcks(100, kPatience)) << unary.last_error() << Logs();

  const Process::Exit killed = StopIngest(SIGKILL);
  EXPECT_EQ(killed.signal, SIGKILL) << killed.ToString();
  const size_t acked_before_restart = streams.ack_count() + unary.ack_count();
  absl::Status restarted = StartIngest();
  ASSERT_TRUE(restarted.ok()) << restarted;
  // Submission goes on against the restarted server.
  ASSERT_TRUE(streams.WaitForAcks(streams.ack_count() + 40, kPatience))
      << streams.last_error() << Logs();
  ASSERT_TRUE(unary.WaitForAcks(unary.ack_count() + 40, kPatience))
      << unary.last_error() << Logs();
  streams.Stop();
  unary.Stop();
  std::printf("acknowledged %zu before the restart, %zu in all; failed calls: "
              "%d stream articles, %d unary (last: %s)\n",
              acked_before_restart, streams.ack_count() + unary.ack_count(),
              streams.failed(), unary.failed(), unary.last_error().c_str());

  std::vector<Submitter::Ack> acks = streams.acks();
  for (const Submitter::Ack& ack : unary.acks()) acks.push_back(ack);
  // The replica that stayed up, and one that replays the log from scratch.
  ExpectServedExactlyOnce(acks, 0, /*only_acked=*/false);
  absl::Status late = StartQuery(1);
  ASSERT_TRUE(late.ok()) << late;
  ExpectServedExactlyOnce(acks, 1, /*only_acked=*/false);
  absl::StatusOr<GetStatsResponse> a = Stats(0);
  absl::StatusOr<GetStatsResponse> b = Stats(1);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->content_checksum(), b->content_checksum());
}

// Test 4 of the issue, first half: a record cut in the middle at the end of
// the last segment is a torn write: it is cut off and the log serves the
// records before it.
TEST_F(FaultTest, ATruncatedLogTailIsCutOff) {
  Submitter submitter({.address = ingest_address(), .prefix = "tail",
                       .threads = 1, .max_articles = 10});
  ASSERT_TRUE(submitter.WaitUntilDone(kPatience));
  ASSERT_EQ(submitter.ack_count(), 10u) << submitter.last_error();
  std::vector<Submitter::Ack> acks = submitter.acks();
  std::sort(acks.begin(), acks.end(),
            [](const auto& a, const auto& b) { return a.sequence < b.sequence; });
  ASSERT_TRUE(WaitForApplied(acks.back().sequence).ok());

  const Process::Exit stopped = StopIngest(SIGTERM);
  ASSERT_TRUE(stopped.Ok()) << stopped.ToString();
  const std::vector<std::string> segments = SegmentFiles(data_dir());
  ASSERT_FALSE(segments.empty());
  const std::string last = segments.back();
  const uintmax_t size = std::filesystem::file_size(last);
  std::filesystem::resize_file(last, size - 7);  // inside the last record

  absl::Status restarted = StartIngest();
  ASSERT_TRUE(restarted.ok()) << restarted;
  EXPECT_TRUE(absl::StrContains(ingest_process()->Stderr(), "torn tail"))
      << ingest_process()->Stderr();

  // A replica that starts now has everything but the cut record.
  absl::Status fresh = StartQuery(1);
  ASSERT_TRUE(fresh.ok()) << fresh;
  absl::StatusOr<GetStatsResponse> stats = WaitForApplied(acks[8].sequence, 1);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->article_count(), 9);
  EXPECT_EQ(stats->last_applied_sequence(), acks[8].sequence);
  gisa::v1::GetArticleRequest request;
  request.set_id(acks.back().article_id);
  gisa::v1::Article article;
  EXPECT_EQ(query(1).GetArticle(NewContext().get(), request, &article).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // The replica that applied the lost record says that it is ahead of the
  // log instead of serving the difference silently.
  EXPECT_TRUE(query_process(0)->WaitForStderr("was the ingest data dir replaced", kPatience))
      << Logs();
}

// Test 4, second half: a flipped byte in the middle of the log is damage
// before the tail: the ingest server refuses to start and says where.
TEST_F(FaultTest, AFlippedByteInTheMiddleOfTheLogStopsStartUp) {
  Submitter submitter({.address = ingest_address(), .prefix = "flip",
                       .threads = 2, .max_articles = 20});
  ASSERT_TRUE(submitter.WaitUntilDone(kPatience));
  ASSERT_EQ(submitter.ack_count(), 20u) << submitter.last_error();
  const Process::Exit stopped = StopIngest(SIGTERM);
  ASSERT_TRUE(stopped.Ok()) << stopped.ToString();

  const std::vector<std::string> segments = SegmentFiles(data_dir());
  ASSERT_FALSE(segments.empty());
  const std::string& segment = segments.front();
  const uintmax_t size = std::filesystem::file_size(segment);
  {
    std::fstream file(segment, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(static_cast<std::streamoff>(size / 2));
    char byte = 0;
    file.read(&byte, 1);
    byte ^= 0x5a;
    file.seekp(static_cast<std::streamoff>(size / 2));
    file.write(&byte, 1);
  }

  absl::Status restarted = StartIngest();
  EXPECT_FALSE(restarted.ok()) << "started on a damaged log\n" << Logs();
  std::optional<Process::Exit> exit = ingest_process()->Wait(kPatience);
  ASSERT_TRUE(exit.has_value()) << Logs();
  EXPECT_TRUE(exit->exited && exit->code != 0) << exit->ToString();
  const std::string err = ingest_process()->Stderr();
  EXPECT_TRUE(absl::StrContains(err, std::filesystem::path(segment).filename().string()))
      << err;
  EXPECT_TRUE(absl::StrContains(err, "at byte")) << err;
  // Nothing was cut: the file is as the test left it.
  EXPECT_EQ(std::filesystem::file_size(segment), size);
}

}  // namespace
}  // namespace gisa::testing
