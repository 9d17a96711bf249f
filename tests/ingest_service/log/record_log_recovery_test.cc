// Recovery of the record log from torn writes and damage, failed writes, and
// the on-disk encoding (log_format.h).
#include <signal.h>
#include <sys/resource.h>

#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ingest_service/log/log_format.h"
#include "ingest_service/log/record_log.h"
#include "tests/ingest_service/log/log_test_support.h"

namespace gisa::ingest {
namespace {

using testing::FreshLogDir;
using testing::OpenLog;
using testing::ReadAll;
using testing::ReadFileBytes;
using testing::SegmentFiles;
using testing::TestArticle;
using testing::WriteFileBytes;

constexpr char kFirstSegment[] = "00000000000000000001.log";

// Writes records "a", "b", "c" (sequences 1..3) and returns the byte offset
// at which each record starts, then the file size.
std::vector<size_t> WriteThreeRecords(const std::string& dir) {
  auto log = OpenLog(dir);
  EXPECT_NE(log, nullptr);
  std::vector<size_t> offsets;
  std::string path = dir + "/" + kFirstSegment;
  for (const char* id : {"a", "b", "c"}) {
    offsets.push_back(std::filesystem::file_size(path));
    EXPECT_TRUE(log->Append(TestArticle(id, "v1", 40)).ok());
  }
  offsets.push_back(std::filesystem::file_size(path));
  return offsets;
}

// Opens `dir` expecting success with records 1..n and checks that the next
// append continues the sequence and persists. When `first_segment_size` is
// set, the first segment must have been cut to it.
void ExpectRecoveredWith(const std::string& dir, uint64_t n, size_t first_segment_size = 0) {
  {
    auto log = OpenLog(dir, /*sync=*/true);
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->last_sequence(), n);
    if (first_segment_size != 0) {
      EXPECT_EQ(std::filesystem::file_size(dir + "/" + kFirstSegment), first_segment_size);
    }
    std::vector<gisa::v1::LogRecord> records = ReadAll(*log);
    ASSERT_EQ(records.size(), n);
    for (uint64_t i = 0; i < n; ++i) EXPECT_EQ(records[i].sequence(), i + 1);
    absl::StatusOr<RecordLog::Appended> next = log->Append(TestArticle("next", "v1"));
    ASSERT_TRUE(next.ok()) << next.status();
    EXPECT_EQ(next->sequence, n + 1);
  }
  auto log = OpenLog(dir, /*sync=*/true);
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(ReadAll(*log).size(), n + 1);
}

absl::Status OpenStatus(const std::string& dir) {
  RecordLog::Options options;
  options.dir = dir;
  return RecordLog::Open(options).status();
}

TEST(RecordLogRecoveryTest, TornTailIsCutAtAnyOffset) {
  std::string model = FreshLogDir();
  std::vector<size_t> offsets = WriteThreeRecords(model);
  std::string bytes = ReadFileBytes(model + "/" + kFirstSegment);
  size_t third = offsets[2];
  for (size_t cut : {third + 1, third + 4, third + 7, third + 8, third + 9, offsets[3] - 1}) {
    SCOPED_TRACE(absl::StrCat("cut at ", cut));
    std::string dir = FreshLogDir();
    std::filesystem::create_directories(dir);
    WriteFileBytes(dir + "/" + kFirstSegment, bytes.substr(0, cut));
    ExpectRecoveredWith(dir, 2, third);
  }
}

TEST(RecordLogRecoveryTest, GarbageAfterTheLastRecordIsCut) {
  std::string model = FreshLogDir();
  std::vector<size_t> offsets = WriteThreeRecords(model);
  std::string bytes = ReadFileBytes(model + "/" + kFirstSegment);
  // A plausible small length whose checksum is wrong.
  std::string small_frame("\x0a\x00\x00\x00\x00\x00\x00\x00", 8);
  small_frame += "0123456789";
  for (const std::string& garbage :
       {std::string(100, '\0'), std::string(13, '\xff'), std::string("torn write garbage"),
        small_frame}) {
    std::string dir = FreshLogDir();
    std::filesystem::create_directories(dir);
    WriteFileBytes(dir + "/" + kFirstSegment, bytes + garbage);
    ExpectRecoveredWith(dir, 3, offsets[3]);
  }
}

TEST(RecordLogRecoveryTest, BadChecksumOnTheLastRecordIsATornTail) {
  std::string dir = FreshLogDir();
  std::vector<size_t> offsets = WriteThreeRecords(dir);
  std::string path = dir + "/" + kFirstSegment;
  std::string bytes = ReadFileBytes(path);
  bytes[offsets[2] + 20] ^= 0x40;
  WriteFileBytes(path, bytes);
  ExpectRecoveredWith(dir, 2, offsets[2]);
}

TEST(RecordLogRecoveryTest, DamageBeforeTheTailRefusesToOpen) {
  std::string model = FreshLogDir();
  std::vector<size_t> offsets = WriteThreeRecords(model);
  std::string bytes = ReadFileBytes(model + "/" + kFirstSegment);
  struct Case {
    const char* what;
    size_t at;
    char value;
    const char* message;
  };
  for (const Case& c : {
           Case{"payload byte", offsets[1] + 20, 'Z', "bad checksum"},
           Case{"checksum byte", offsets[1] + 5, '\x11', "bad checksum"},
           Case{"length into a plausible value", offsets[1], '\x05', "bad checksum"},
           Case{"length past 64 MiB", offsets[1] + 3, '\x7f', "impossible record length"},
       }) {
    SCOPED_TRACE(c.what);
    std::string dir = FreshLogDir();
    std::filesystem::create_directories(dir);
    std::string damaged = bytes;
    damaged[c.at] = c.value;
    WriteFileBytes(dir + "/" + kFirstSegment, damaged);
    absl::Status status = OpenStatus(dir);
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), kFirstSegment)) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), absl::StrCat("at byte ", offsets[1])))
        << status;
    EXPECT_TRUE(absl::StrContains(status.message(), c.message)) << status;
    // Nothing was changed by the refused open.
    EXPECT_EQ(ReadFileBytes(dir + "/" + kFirstSegment), damaged);
  }
}

TEST(RecordLogRecoveryTest, BadMagicRefusesToOpen) {
  std::string dir = FreshLogDir();
  WriteThreeRecords(dir);
  std::string path = dir + "/" + kFirstSegment;
  std::string bytes = ReadFileBytes(path);
  bytes[0] = 'G';
  WriteFileBytes(path, bytes);
  absl::Status status = OpenStatus(dir);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), kFirstSegment)) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "magic")) << status;
}

TEST(RecordLogRecoveryTest, SequenceDiscontinuityRefusesToOpen) {
  std::string dir = FreshLogDir();
  std::filesystem::create_directories(dir);
  std::string bytes = log_internal::EncodeSegmentHeader({1});
  for (uint64_t sequence : {1, 2, 4, 5}) {
    std::string payload;
    log_internal::AppendRecordPayload(sequence, TestArticle("a", "v").SerializeAsString(),
                                      &payload);
    log_internal::AppendFrame(payload, &bytes);
  }
  WriteFileBytes(dir + "/" + kFirstSegment, bytes);
  absl::Status status = OpenStatus(dir);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "sequence 4 where 3 was expected")) << status;
}

// Three segments of a few records each; returns their names.
std::vector<std::string> WriteSegments(const std::string& dir) {
  auto log = OpenLog(dir, /*sync=*/false, /*segment_bytes=*/1 << 10);
  EXPECT_NE(log, nullptr);
  while (SegmentFiles(dir).size() < 3) {
    EXPECT_TRUE(log->Append(TestArticle("a", "v", 300)).ok());
  }
  return SegmentFiles(dir);
}

TEST(RecordLogRecoveryTest, DamagedTailOfASealedSegmentRefusesToOpen) {
  std::string dir = FreshLogDir();
  std::vector<std::string> files = WriteSegments(dir);
  std::string path = dir + "/" + files[0];
  std::string bytes = ReadFileBytes(path);
  bytes[bytes.size() - 2] ^= 1;
  WriteFileBytes(path, bytes);
  absl::Status status = OpenStatus(dir);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), files[0])) << status;
}

TEST(RecordLogRecoveryTest, MissingSegmentRefusesToOpen) {
  std::string dir = FreshLogDir();
  std::vector<std::string> files = WriteSegments(dir);
  std::filesystem::remove(dir + "/" + files[1]);
  absl::Status status = OpenStatus(dir);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), files[2])) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "missing")) << status;

  std::string first_gone = FreshLogDir();
  files = WriteSegments(first_gone);
  std::filesystem::remove(first_gone + "/" + files[0]);
  EXPECT_EQ(OpenStatus(first_gone).code(), absl::StatusCode::kDataLoss);
}

TEST(RecordLogRecoveryTest, SegmentWithATornHeaderIsRemoved) {
  for (size_t keep : {0, 10, 40}) {
    SCOPED_TRACE(absl::StrCat("header bytes kept: ", keep));
    std::string dir = FreshLogDir();
    WriteSegments(dir);
    uint64_t records = 0;
    {
      auto log = OpenLog(dir);
      ASSERT_NE(log, nullptr);
      ASSERT_TRUE(log->Append(TestArticle("b", "v1")).ok());
      records = log->last_sequence();
      // A new segment whose header the crash left zero-filled or short.
      std::string next = log_internal::SegmentFileName(records + 1);
      log.reset();
      WriteFileBytes(dir + "/" + next, std::string(keep, '\0'));
    }
    ExpectRecoveredWith(dir, records);
  }
}

TEST(RecordLogRecoveryTest, FailedWriteRefusesFurtherAppends) {
  std::string dir = FreshLogDir();
  auto log = OpenLog(dir, /*sync=*/true);
  ASSERT_NE(log, nullptr);
  ASSERT_TRUE(log->Append(TestArticle("a", "v1")).ok());
  std::string path = dir + "/" + kFirstSegment;
  uint64_t size = std::filesystem::file_size(path);

  // A file size limit makes the next write fail halfway (EFBIG).
  struct rlimit saved;
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto old_handler = signal(SIGXFSZ, SIG_IGN);
  struct rlimit limited = saved;
  limited.rlim_cur = size + 100;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
  absl::StatusOr<RecordLog::Appended> failed = log->Append(TestArticle("b", "v1", 1000));
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &saved), 0);
  signal(SIGXFSZ, old_handler);

  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(std::filesystem::file_size(path), size) << "partial write left behind";
  absl::StatusOr<RecordLog::Appended> refused = log->Append(TestArticle("c", "v1"));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition) << refused.status();
  EXPECT_EQ(log->Compact().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(log->last_sequence(), 1u);
  EXPECT_EQ(ReadAll(*log).size(), 1u);
  log.reset();
  ExpectRecoveredWith(dir, 1);
}

TEST(LogFormatTest, RecordPayloadIsALogRecord) {
  gisa::v1::Article article = TestArticle("id-1", "v1", 30);
  std::string payload;
  log_internal::AppendRecordPayload(300, article.SerializeAsString(), &payload);
  gisa::v1::LogRecord record;
  ASSERT_TRUE(record.ParseFromString(payload));
  EXPECT_EQ(record.sequence(), 300u);
  EXPECT_EQ(record.article().SerializeAsString(), article.SerializeAsString());
  EXPECT_EQ(record.SerializeAsString(), payload);

  std::optional<log_internal::RecordKey> key = log_internal::ParseRecordKey(payload);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->sequence, 300u);
  EXPECT_EQ(key->article_id, "id-1");
  EXPECT_FALSE(log_internal::ParseRecordKey("\xff\xff garbage").has_value());
  EXPECT_FALSE(log_internal::ParseRecordKey(payload.substr(0, payload.size() - 3)).has_value());
}

TEST(LogFormatTest, FramesAndHeadersRoundTrip) {
  std::string frames;
  log_internal::AppendFrame("hello", &frames);
  log_internal::AppendFrame("world!", &frames);
  log_internal::Frame first = log_internal::ParseFrame(frames);
  ASSERT_EQ(first.problem, log_internal::Frame::Problem::kNone);
  EXPECT_EQ(first.payload, "hello");
  log_internal::Frame second = log_internal::ParseFrame(absl::string_view(frames).substr(first.size));
  EXPECT_EQ(second.payload, "world!");
  EXPECT_EQ(log_internal::ParseFrame(absl::string_view(frames).substr(0, 7)).problem,
            log_internal::Frame::Problem::kShortHeader);
  EXPECT_EQ(log_internal::ParseFrame(absl::string_view(frames).substr(0, 12)).problem,
            log_internal::Frame::Problem::kPastEnd);

  std::string header = log_internal::EncodeSegmentHeader({7, true, 90});
  ASSERT_EQ(header.size(), log_internal::kSegmentHeaderSize);
  absl::StatusOr<log_internal::SegmentHeader> decoded = log_internal::DecodeSegmentHeader(header);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->first_sequence, 7u);
  EXPECT_TRUE(decoded->compacted);
  EXPECT_EQ(decoded->end_sequence, 90u);
  header[20] ^= 1;
  EXPECT_EQ(log_internal::DecodeSegmentHeader(header).status().code(),
            absl::StatusCode::kDataLoss);

  EXPECT_EQ(log_internal::SegmentFileName(42), "00000000000000000042.log");
  EXPECT_EQ(log_internal::ParseSegmentFileName("00000000000000000042.log"), 42u);
  EXPECT_FALSE(log_internal::ParseSegmentFileName("42.log").has_value());
  EXPECT_FALSE(log_internal::ParseSegmentFileName("00000000000000000042.log.tmp").has_value());
  EXPECT_FALSE(log_internal::ParseSegmentFileName("0000000000000000004x.log").has_value());
}

}  // namespace
}  // namespace gisa::ingest
