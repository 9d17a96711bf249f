// Appending, reading, listeners, segment rolling and compaction of the
// record log. Recovery from damage is in record_log_recovery_test.cc.
#include "ingest_service/log/record_log.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/ingest_service/log/log_test_support.h"

namespace gisa::ingest {
namespace {

using google::protobuf::util::MessageDifferencer;
using testing::FreshLogDir;
using testing::OpenLog;
using testing::ReadAll;
using testing::SegmentFiles;
using testing::TestArticle;

// Replays records the way a follower does: the latest version per id.
std::map<std::string, std::string> Replay(const std::vector<gisa::v1::LogRecord>& records) {
  std::map<std::string, std::string> state;
  for (const auto& r : records) state[r.article().id()] = r.article().title();
  return state;
}

TEST(RecordLogTest, AppendsThenReadsBackAfterReopen) {
  std::string dir = FreshLogDir();
  std::vector<gisa::v1::Article> articles;
  {
    auto log = OpenLog(dir, /*sync=*/true);
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->last_sequence(), 0u);
    EXPECT_TRUE(ReadAll(*log).empty());
    for (int i = 0; i < 5; ++i) {
      articles.push_back(TestArticle(absl::StrCat("id", i), "v1", 10 * i));
      absl::StatusOr<RecordLog::Appended> appended = log->Append(articles.back());
      ASSERT_TRUE(appended.ok()) << appended.status();
      EXPECT_EQ(appended->sequence, static_cast<uint64_t>(i + 1));
      EXPECT_FALSE(appended->replaced);
    }
  }
  auto log = OpenLog(dir, /*sync=*/true);
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->last_sequence(), 5u);
  std::vector<gisa::v1::LogRecord> records = ReadAll(*log);
  ASSERT_EQ(records.size(), 5u);
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].sequence(), i + 1);
    EXPECT_TRUE(MessageDifferencer::Equals(records[i].article(), articles[i]));
  }
  absl::StatusOr<RecordLog::Appended> next = log->Append(TestArticle("id9", "v1"));
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->sequence, 6u);
}

TEST(RecordLogTest, ReadHonoursLimits) {
  auto log = OpenLog(FreshLogDir());
  ASSERT_NE(log, nullptr);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(log->Append(TestArticle(absl::StrCat(i), "v", i)).ok());
  std::vector<gisa::v1::LogRecord> all = ReadAll(*log);
  ASSERT_EQ(all.size(), 10u);

  auto read = [&](uint64_t from, size_t max_records, size_t max_bytes) {
    absl::StatusOr<std::vector<gisa::v1::LogRecord>> r = log->Read(from, max_records, max_bytes);
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<uint64_t> sequences;
    if (r.ok()) {
      for (const auto& record : *r) sequences.push_back(record.sequence());
    }
    return sequences;
  };
  EXPECT_EQ(read(3, 4, 1 << 20), (std::vector<uint64_t>{3, 4, 5, 6}));
  EXPECT_EQ(read(8, 100, 1 << 20), (std::vector<uint64_t>{8, 9, 10}));
  EXPECT_EQ(read(0, 2, 1 << 20), (std::vector<uint64_t>{1, 2}));
  EXPECT_TRUE(read(11, 100, 1 << 20).empty());
  EXPECT_TRUE(read(1000, 100, 1 << 20).empty());
  EXPECT_TRUE(read(1, 0, 1 << 20).empty());
  // The first record comes even over the byte budget; the rest within it.
  EXPECT_EQ(read(4, 100, 0), (std::vector<uint64_t>{4}));
  size_t two = all[3].ByteSizeLong() + all[4].ByteSizeLong();
  EXPECT_EQ(read(4, 100, two), (std::vector<uint64_t>{4, 5}));
  EXPECT_EQ(read(4, 100, two - 1), (std::vector<uint64_t>{4}));
}

TEST(RecordLogTest, ReplacedAcrossReopen) {
  std::string dir = FreshLogDir();
  {
    auto log = OpenLog(dir);
    ASSERT_NE(log, nullptr);
    EXPECT_FALSE(log->Append(TestArticle("a", "1"))->replaced);
    EXPECT_FALSE(log->Append(TestArticle("b", "1"))->replaced);
    EXPECT_TRUE(log->Append(TestArticle("a", "2"))->replaced);
  }
  auto log = OpenLog(dir);
  ASSERT_NE(log, nullptr);
  absl::StatusOr<RecordLog::Appended> b = log->Append(TestArticle("b", "2"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->sequence, 4u);
  EXPECT_TRUE(b->replaced);
  EXPECT_FALSE(log->Append(TestArticle("c", "1"))->replaced);
}

TEST(RecordLogTest, RefusesArticlesWithoutIdOrTooLarge) {
  auto log = OpenLog(FreshLogDir());
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->Append(TestArticle("", "1")).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(log->Append(TestArticle("big", "1", 65 << 20)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(log->last_sequence(), 0u);
}

TEST(RecordLogTest, RefusesBadOptionsAndASecondOpen) {
  std::string dir = FreshLogDir();
  EXPECT_EQ(RecordLog::Open({}).status().code(), absl::StatusCode::kInvalidArgument);
  RecordLog::Options tiny;
  tiny.dir = dir;
  tiny.segment_bytes = 10;
  EXPECT_EQ(RecordLog::Open(tiny).status().code(), absl::StatusCode::kInvalidArgument);
  auto log = OpenLog(dir);
  ASSERT_NE(log, nullptr);
  RecordLog::Options same;
  same.dir = dir;
  EXPECT_EQ(RecordLog::Open(same).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(RecordLogTest, ConcurrentAppendsGetUniqueDenseSequences) {
  std::string dir = FreshLogDir();
  auto log = OpenLog(dir, /*sync=*/true, /*segment_bytes=*/8 << 10);
  ASSERT_NE(log, nullptr);
  absl::Mutex mu;
  std::vector<uint64_t> notified;
  log->AddListener([&](uint64_t last) {
    absl::MutexLock lock(&mu);
    notified.push_back(last);
  });
  constexpr int kThreads = 12;
  constexpr int kPerThread = 30;
  std::map<uint64_t, std::string> ids;  // sequence -> article id
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string id = absl::StrCat("t", t, "-", i % 7);
        absl::StatusOr<RecordLog::Appended> a = log->Append(TestArticle(id, absl::StrCat(i), 50));
        ASSERT_TRUE(a.ok()) << a.status();
        // Listeners saw the record before Append returned.
        absl::MutexLock lock(&mu);
        EXPECT_GE(notified.back(), a->sequence);
        EXPECT_TRUE(ids.emplace(a->sequence, id).second) << "duplicate " << a->sequence;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  constexpr uint64_t kTotal = kThreads * kPerThread;
  ASSERT_EQ(ids.size(), kTotal);
  EXPECT_EQ(ids.begin()->first, 1u);
  EXPECT_EQ(ids.rbegin()->first, kTotal);
  EXPECT_EQ(log->last_sequence(), kTotal);
  EXPECT_TRUE(std::is_sorted(notified.begin(), notified.end()));
  EXPECT_EQ(notified.back(), kTotal);
  EXPECT_GT(SegmentFiles(dir).size(), 1u);

  log.reset();
  log = OpenLog(dir, /*sync=*/true, 8 << 10);
  ASSERT_NE(log, nullptr);
  std::vector<gisa::v1::LogRecord> records = ReadAll(*log);
  ASSERT_EQ(records.size(), kTotal);
  for (const auto& record : records) {
    EXPECT_EQ(record.article().id(), ids[record.sequence()]) << record.sequence();
  }
}

TEST(RecordLogTest, ListenersAreCalledAndRemovable) {
  auto log = OpenLog(FreshLogDir());
  ASSERT_NE(log, nullptr);
  std::vector<uint64_t> first_calls;
  std::vector<uint64_t> second_calls;
  uint64_t first = log->AddListener([&](uint64_t last) { first_calls.push_back(last); });
  log->AddListener([&](uint64_t last) {
    // A listener may look at the log.
    EXPECT_EQ(last, log->last_sequence());
    second_calls.push_back(last);
  });
  ASSERT_TRUE(log->Append(TestArticle("a", "1")).ok());
  EXPECT_EQ(first_calls, std::vector<uint64_t>{1});
  log->RemoveListener(first);
  log->RemoveListener(12345);  // unknown: ignored
  ASSERT_TRUE(log->Append(TestArticle("a", "2")).ok());
  EXPECT_EQ(first_calls, std::vector<uint64_t>{1});
  EXPECT_EQ(second_calls, (std::vector<uint64_t>{1, 2}));
}

TEST(RecordLogTest, RemoveListenerWaitsForARunningCall) {
  auto log = OpenLog(FreshLogDir());
  ASSERT_NE(log, nullptr);
  absl::Notification entered;
  absl::Notification release;
  std::atomic<bool> removed{false};
  std::atomic<int> calls{0};
  std::atomic<bool> ran_after_remove{false};
  uint64_t handle = log->AddListener([&](uint64_t) {
    if (removed.load()) ran_after_remove = true;
    if (calls.fetch_add(1) == 0) {
      entered.Notify();
      release.WaitForNotification();
      // RemoveListener must still be waiting for this call.
      if (removed.load()) ran_after_remove = true;
    }
  });
  std::thread appender([&] { ASSERT_TRUE(log->Append(TestArticle("a", "1")).ok()); });
  entered.WaitForNotification();
  std::thread remover([&] {
    log->RemoveListener(handle);
    removed = true;
  });
  absl::SleepFor(absl::Milliseconds(50));  // give a broken RemoveListener time to return
  release.Notify();
  appender.join();
  remover.join();
  ASSERT_TRUE(log->Append(TestArticle("a", "2")).ok());
  EXPECT_FALSE(ran_after_remove);
  EXPECT_EQ(calls.load(), 1);
}

TEST(RecordLogTest, RollsSegmentsNamedByFirstSequence) {
  std::string dir = FreshLogDir();
  constexpr uint64_t kSegmentBytes = 2 << 10;
  {
    auto log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
    ASSERT_NE(log, nullptr);
    for (int i = 0; i < 60; ++i) ASSERT_TRUE(log->Append(TestArticle(absl::StrCat(i), "v", 200)).ok());
  }
  std::vector<std::string> files = SegmentFiles(dir);
  ASSERT_GE(files.size(), 5u);
  EXPECT_EQ(files.front(), "00000000000000000001.log");
  auto log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
  ASSERT_NE(log, nullptr);
  std::vector<gisa::v1::LogRecord> records = ReadAll(*log);
  ASSERT_EQ(records.size(), 60u);
  // Each file is named by the sequence of its first record, and every
  // sealed one reached the size limit.
  for (size_t i = 0; i < files.size(); ++i) {
    uint64_t first = std::stoull(files[i].substr(0, 20));
    ASSERT_GE(first, 1u);
    ASSERT_LE(first, 61u);
    if (first <= 60) {
      EXPECT_EQ(ReadAll(*log, first).front().sequence(), first);
    }
    if (i + 1 < files.size()) {
      EXPECT_GE(std::filesystem::file_size(dir + "/" + files[i]), kSegmentBytes);
    }
  }
  // Reads cross segment boundaries.
  absl::StatusOr<std::vector<gisa::v1::LogRecord>> middle = log->Read(7, 40, 1 << 20);
  ASSERT_TRUE(middle.ok());
  ASSERT_EQ(middle->size(), 40u);
  for (size_t i = 0; i < middle->size(); ++i) EXPECT_EQ((*middle)[i].sequence(), 7 + i);
}

// Appends `rounds` versions of `ids` articles, interleaved; returns the
// history (sequence -> id, title).
std::map<uint64_t, std::pair<std::string, std::string>> AppendVersions(RecordLog& log, int ids,
                                                                       int rounds) {
  std::map<uint64_t, std::pair<std::string, std::string>> history;
  for (int r = 0; r < rounds; ++r) {
    for (int i = 0; i < ids; ++i) {
      // Some articles stop changing early, so old segments keep a few.
      if (i % 3 == 0 && r > 1) continue;
      gisa::v1::Article article = TestArticle(absl::StrCat("id", i), absl::StrCat("r", r), 100);
      absl::StatusOr<RecordLog::Appended> a = log.Append(article);
      EXPECT_TRUE(a.ok()) << a.status();
      if (a.ok()) history[a->sequence] = {article.id(), article.title()};
    }
  }
  return history;
}

// Checks what a compacted log must hold: every article's latest version,
// and below the active segment nothing superseded.
void ExpectCompacted(const std::string& dir, const RecordLog& log,
                     const std::map<uint64_t, std::pair<std::string, std::string>>& history) {
  std::map<std::string, std::string> expected;
  std::map<std::string, uint64_t> latest;
  for (const auto& [sequence, version] : history) {
    expected[version.first] = version.second;
    latest[version.first] = sequence;
  }
  std::vector<gisa::v1::LogRecord> records = ReadAll(log);
  EXPECT_EQ(Replay(records), expected);
  uint64_t active_first = std::stoull(SegmentFiles(dir).back().substr(0, 20));
  uint64_t previous = 0;
  for (const auto& record : records) {
    EXPECT_GT(record.sequence(), previous);
    previous = record.sequence();
    EXPECT_EQ(history.at(record.sequence()).second, record.article().title());
    if (record.sequence() < active_first) {
      EXPECT_EQ(latest[record.article().id()], record.sequence()) << "superseded record kept";
    }
  }
  EXPECT_EQ(log.last_sequence(), history.rbegin()->first);
}

TEST(RecordLogTest, CompactionKeepsLatestVersionsAndSurvivesReopen) {
  std::string dir = FreshLogDir();
  constexpr uint64_t kSegmentBytes = 2 << 10;
  auto log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
  ASSERT_NE(log, nullptr);
  auto history = AppendVersions(*log, 9, 12);
  size_t files_before = SegmentFiles(dir).size();
  size_t records_before = ReadAll(*log).size();
  ASSERT_TRUE(log->Compact().ok());
  ExpectCompacted(dir, *log, history);
  EXPECT_LT(SegmentFiles(dir).size(), files_before);
  EXPECT_LT(ReadAll(*log).size(), records_before);

  // Reading from inside a gap starts at the next surviving record.
  std::vector<gisa::v1::LogRecord> records = ReadAll(*log);
  for (size_t i = 0; i + 1 < records.size(); ++i) {
    if (records[i + 1].sequence() > records[i].sequence() + 1) {
      EXPECT_EQ(ReadAll(*log, records[i].sequence() + 1).front().sequence(),
                records[i + 1].sequence());
      break;
    }
  }

  log.reset();
  log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
  ASSERT_NE(log, nullptr);
  ExpectCompacted(dir, *log, history);
  absl::StatusOr<RecordLog::Appended> next = log->Append(TestArticle("id1", "after", 100));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->sequence, history.rbegin()->first + 1);
  EXPECT_TRUE(next->replaced);
  history[next->sequence] = {"id1", TestArticle("id1", "after").title()};

  // More versions, then compacting again merges and drops again.
  auto more = AppendVersions(*log, 9, 4);
  history.insert(more.begin(), more.end());
  ASSERT_TRUE(log->Compact().ok());
  ASSERT_TRUE(log->Compact().ok());
  ExpectCompacted(dir, *log, history);
  log.reset();
  log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
  ASSERT_NE(log, nullptr);
  ExpectCompacted(dir, *log, history);
}

TEST(RecordLogTest, CompactionRunsBesideAppendsAndReads) {
  std::string dir = FreshLogDir();
  auto log = OpenLog(dir, /*sync=*/false, 2 << 10);
  ASSERT_NE(log, nullptr);
  absl::Mutex mu;
  std::map<uint64_t, std::pair<std::string, std::string>> history = AppendVersions(*log, 6, 6);
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int t = 0; t < 3; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < 80; ++i) {
        gisa::v1::Article article =
            TestArticle(absl::StrCat("id", (t + i) % 6), absl::StrCat("w", t, "-", i), 80);
        absl::StatusOr<RecordLog::Appended> a = log->Append(article);
        ASSERT_TRUE(a.ok()) << a.status();
        absl::MutexLock lock(&mu);
        history[a->sequence] = {article.id(), article.title()};
      }
    });
  }
  std::thread reader([&] {
    while (!stop) {
      std::vector<gisa::v1::LogRecord> records = ReadAll(*log);
      for (size_t i = 1; i < records.size(); ++i) {
        ASSERT_GT(records[i].sequence(), records[i - 1].sequence());
      }
    }
  });
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(log->Compact().ok());
  for (auto& w : writers) w.join();
  stop = true;
  reader.join();
  ASSERT_TRUE(log->Compact().ok());
  ExpectCompacted(dir, *log, history);
  log.reset();
  log = OpenLog(dir, /*sync=*/false, 2 << 10);
  ASSERT_NE(log, nullptr);
  ExpectCompacted(dir, *log, history);
}

TEST(RecordLogTest, InterruptedCompactionIsCleanedUp) {
  std::string dir = FreshLogDir();
  constexpr uint64_t kSegmentBytes = 2 << 10;
  std::map<uint64_t, std::pair<std::string, std::string>> history;
  std::map<std::string, std::string> saved;  // segment name -> bytes
  {
    auto log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
    ASSERT_NE(log, nullptr);
    history = AppendVersions(*log, 9, 12);
    for (const std::string& name : SegmentFiles(dir)) {
      saved[name] = testing::ReadFileBytes(dir + "/" + name);
    }
    ASSERT_TRUE(log->Compact().ok());
  }
  // A crash after the rename but before the merged inputs were deleted: put
  // the inputs back. Plus the output of a compaction that never got renamed.
  std::set<std::string> compacted_files;
  for (const std::string& name : SegmentFiles(dir)) compacted_files.insert(name);
  int restored = 0;
  for (const auto& [name, bytes] : saved) {
    if (!compacted_files.count(name) && name != saved.rbegin()->first) {
      testing::WriteFileBytes(dir + "/" + name, bytes);
      ++restored;
    }
  }
  ASSERT_GT(restored, 0);
  std::string temp = dir + "/" + SegmentFiles(dir).front() + ".tmp";
  testing::WriteFileBytes(temp, "half a compacted segment");

  auto log = OpenLog(dir, /*sync=*/true, kSegmentBytes);
  ASSERT_NE(log, nullptr);
  EXPECT_FALSE(std::filesystem::exists(temp));
  EXPECT_EQ(SegmentFiles(dir).size(), compacted_files.size());
  ExpectCompacted(dir, *log, history);
}

}  // namespace
}  // namespace gisa::ingest
