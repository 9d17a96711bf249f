// Replica snapshots with the real binaries: a restart loads the snapshot
// and follows the log after it; a damaged snapshot is reported and replaced
// by a full replay; a snapshot ahead of the ingest log is reported.
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "query_service/snapshot/snapshot_file.h"
#include "tests/testing/pair_fixture.h"
#include "tests/testing/submitter.h"

namespace gisa::testing {
namespace {

using gisa::v1::GetStatsResponse;

constexpr absl::Duration kPatience = absl::Seconds(60);

class SnapshotRestartTest : public PairFixture {
 protected:
  void SetUp() override {
    PairFixture::SetUp();
    // Replica 1 keeps snapshots (every 25 records, and on shutdown);
    // replica 0 replays the log and serves as the reference.
    SetQueryFlags(1, {absl::StrCat("--snapshot_dir=", snapshots_.path()),
                      "--snapshot_records=25"});
    ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  }

  // Submits `count` articles; returns the last sequence.
  uint64_t SubmitMany(const std::string& prefix, int count) {
    Submitter submitter({.address = ingest_address(), .prefix = prefix,
                         .threads = 2, .max_articles = count});
    EXPECT_TRUE(submitter.WaitUntilDone(kPatience));
    EXPECT_EQ(submitter.ack_count(), static_cast<size_t>(count)) << submitter.last_error();
    return submitter.max_sequence();
  }

  std::string snapshot_path() const { return gisa::query::SnapshotPath(snapshots_.path()); }

  // Both replicas have applied `sequence` and hold the same content.
  void ExpectSameContent(uint64_t sequence) {
    absl::StatusOr<GetStatsResponse> reference = WaitForApplied(sequence, 0, kPatience);
    absl::StatusOr<GetStatsResponse> restored = WaitForApplied(sequence, 1, kPatience);
    ASSERT_TRUE(reference.ok()) << reference.status();
    ASSERT_TRUE(restored.ok()) << restored.status();
    EXPECT_EQ(restored->article_count(), reference->article_count());
    EXPECT_EQ(restored->content_checksum(), reference->content_checksum());
    EXPECT_EQ(restored->last_applied_sequence(), reference->last_applied_sequence());
  }

  TempDir snapshots_{"gisa-snapshots"};
};

TEST_F(SnapshotRestartTest, ARestartLoadsTheSnapshotAndFollowsFromIt) {
  const uint64_t first = SubmitMany("first", 60);
  ASSERT_TRUE(WaitForApplied(first, 1, kPatience).ok());
  const Process::Exit stopped = StopQuery(1, SIGTERM);
  ASSERT_TRUE(stopped.Ok()) << stopped.ToString() << Logs();
  EXPECT_TRUE(absl::StrContains(query_process(1)->Stderr(),
                                absl::StrCat("up to sequence ", first)))
      << "no snapshot on shutdown\n" << query_process(1)->Stderr();

  const uint64_t second = SubmitMany("second", 20);  // while it is down
  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  ExpectSameContent(second);
  // Read once the replica has caught up: the follower may log its start
  // after the server reports SERVING.
  const std::string err = query_process(1)->Stderr();
  EXPECT_TRUE(absl::StrContains(err, absl::StrCat("loaded 60 articles up to sequence ", first)))
      << err;
  EXPECT_TRUE(absl::StrContains(err, absl::StrCat("from sequence ", first + 1))) << err;
}

TEST_F(SnapshotRestartTest, AKilledReplicaRestartsFromItsLastPeriodicSnapshot) {
  const uint64_t last = SubmitMany("periodic", 80);
  ASSERT_TRUE(WaitForApplied(last, 1, kPatience).ok());
  // A periodic snapshot (every 25 records) exists before the kill.
  const absl::Time deadline = absl::Now() + kPatience;
  while (!std::filesystem::exists(snapshot_path()) && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  ASSERT_TRUE(std::filesystem::exists(snapshot_path())) << Logs();
  StopQuery(1, SIGKILL);
  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  EXPECT_TRUE(absl::StrContains(query_process(1)->Stderr(), "snapshot: loaded"))
      << query_process(1)->Stderr();
  ExpectSameContent(last);
}

// Test 5 of the issue.
TEST_F(SnapshotRestartTest, ADamagedSnapshotFallsBackToAFullReplay) {
  const uint64_t last = SubmitMany("damaged", 50);
  ASSERT_TRUE(WaitForApplied(last, 1, kPatience).ok());
  ASSERT_TRUE(StopQuery(1, SIGTERM).Ok()) << Logs();
  const uintmax_t size = std::filesystem::file_size(snapshot_path());
  {
    std::fstream file(snapshot_path(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 2));
    file.put('\x7f');
    file.seekp(static_cast<std::streamoff>(size / 2 + 1));
    file.put('\x00');
  }

  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  ExpectSameContent(last);
  const std::string err = query_process(1)->Stderr();  // after catching up
  EXPECT_TRUE(absl::StrContains(err, "falling back to a full replay")) << err;
  EXPECT_TRUE(absl::StrContains(err, "DATA_LOSS")) << err;
  EXPECT_TRUE(absl::StrContains(err, "from sequence 1 ")) << err;
}

TEST_F(SnapshotRestartTest, ATruncatedSnapshotFallsBackToAFullReplay) {
  const uint64_t last = SubmitMany("truncated", 30);
  ASSERT_TRUE(WaitForApplied(last, 1, kPatience).ok());
  ASSERT_TRUE(StopQuery(1, SIGTERM).Ok()) << Logs();
  std::filesystem::resize_file(snapshot_path(),
                               std::filesystem::file_size(snapshot_path()) * 2 / 3);
  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  EXPECT_TRUE(absl::StrContains(query_process(1)->Stderr(), "falling back to a full replay"))
      << query_process(1)->Stderr();
  ExpectSameContent(last);
}

TEST_F(SnapshotRestartTest, ASnapshotAheadOfTheIngestLogIsReported) {
  const uint64_t last = SubmitMany("wiped", 10);
  ASSERT_TRUE(WaitForApplied(last, 1, kPatience).ok());
  ASSERT_TRUE(StopQuery(1, SIGTERM).Ok()) << Logs();
  // The ingest server loses its whole log.
  ASSERT_TRUE(StopIngest(SIGTERM).Ok()) << Logs();
  std::filesystem::remove_all(data_dir());
  ASSERT_TRUE(StartIngest().ok()) << Logs();

  ASSERT_TRUE(StartQuery(1).ok()) << Logs();
  EXPECT_TRUE(query_process(1)->WaitForStderr("was the ingest data dir replaced", kPatience))
      << Logs();
  absl::StatusOr<GetStatsResponse> stats = Stats(1);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->last_applied_sequence(), last);
  EXPECT_LT(stats->ingest_last_sequence(), stats->last_applied_sequence());
}

}  // namespace
}  // namespace gisa::testing
