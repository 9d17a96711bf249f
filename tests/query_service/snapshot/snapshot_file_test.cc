// Snapshots of the store: a loaded snapshot rebuilds the store it was taken
// from (content, sequences, ordering), and every kind of damage is refused
// with DATA_LOSS naming the place, never loaded in part silently.
#include "query_service/snapshot/snapshot_file.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "query_service/snapshot/snapshotter.h"
#include "query_service/store/article_store.h"
#include "tests/query_service/store/article_builder.h"
#include "tests/testing/process.h"

namespace gisa::query {
namespace {

using ::gisa::query::testing::ArticleBuilder;
using ::gisa::query::testing::Record;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

gisa::v1::Article Article(int n, int version) {
  const std::string speaker = n % 2 == 0 ? "김도윤" : "박서연";
  const std::string said = absl::StrCat("판매량이 ", n * 10 + version, "% 늘었다");
  return ArticleBuilder(absl::StrCat("a-", n))
      .Title(absl::StrCat("기사 ", n, " 판 ", version))
      .Category(n % 3 == 0 ? "IT" : "경제")
      .Paragraph(absl::StrCat(speaker, " 대표는 \"", said, "\"고 말했다."))
      .Entity(speaker, gisa::v1::ENTITY_TYPE_PERSON)
      .Quote(speaker, said)
      .Faq(absl::StrCat("질문 ", n, "?"), absl::StrCat("답 ", version))
      .Build();
}

// 30 records over 12 ids (later versions replace earlier ones), with a gap
// in the sequences as a compacted log has.
void Fill(ArticleStore& store) {
  uint64_t sequence = 0;
  for (int i = 0; i < 30; ++i) {
    sequence += i == 17 ? 5 : 1;
    ASSERT_TRUE(store.Apply(Record(sequence, Article(i % 12, i / 12))).ok());
  }
}

class SnapshotFileTest : public ::testing::Test {
 protected:
  // Writes a snapshot of a filled store; returns the file's bytes.
  std::string WriteFilled() {
    Fill(original_);
    absl::StatusOr<SnapshotInfo> written = WriteSnapshot(original_.Export(), dir_.path());
    EXPECT_TRUE(written.ok()) << written.status();
    return ReadAll(SnapshotPath(dir_.path()));
  }

  absl::Status LoadDamaged(const std::string& bytes) {
    WriteAll(SnapshotPath(dir_.path()), bytes);
    ArticleStore store;
    return LoadSnapshot(dir_.path(), &store).status();
  }

  gisa::testing::TempDir dir_{"gisa-snapshot"};
  ArticleStore original_;
};

TEST_F(SnapshotFileTest, ALoadedSnapshotRebuildsTheStore) {
  Fill(original_);
  absl::StatusOr<SnapshotInfo> written = WriteSnapshot(original_.Export(), dir_.path());
  ASSERT_TRUE(written.ok()) << written.status();
  EXPECT_EQ(written->records, 12);
  EXPECT_EQ(written->last_sequence, original_.last_applied_sequence());
  EXPECT_FALSE(std::filesystem::exists(SnapshotPath(dir_.path()) + ".tmp"));

  ArticleStore loaded;
  absl::StatusOr<SnapshotInfo> read = LoadSnapshot(dir_.path(), &loaded);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->records, 12);
  EXPECT_EQ(read->last_sequence, written->last_sequence);
  EXPECT_EQ(read->bytes, written->bytes);

  const gisa::v1::GetStatsResponse before = original_.GetStats();
  const gisa::v1::GetStatsResponse after = loaded.GetStats();
  EXPECT_EQ(after.last_applied_sequence(), before.last_applied_sequence());
  EXPECT_EQ(after.article_count(), before.article_count());
  EXPECT_EQ(after.quote_count(), before.quote_count());
  EXPECT_EQ(after.content_checksum(), before.content_checksum());
  // The per-article sequences survive: "newest first" orders agree.
  gisa::v1::ListQuotesRequest quotes;
  quotes.set_page_size(100);
  EXPECT_EQ(loaded.ListQuotes(quotes)->ShortDebugString(),
            original_.ListQuotes(quotes)->ShortDebugString());
  gisa::v1::GetArticleRequest get;
  get.set_id("a-5");
  EXPECT_EQ(loaded.GetArticle(get)->title(), original_.GetArticle(get)->title());
}

TEST_F(SnapshotFileTest, AnEmptyStoreRoundTrips) {
  absl::StatusOr<SnapshotInfo> written = WriteSnapshot(original_.Export(), dir_.path());
  ASSERT_TRUE(written.ok()) << written.status();
  ArticleStore loaded;
  absl::StatusOr<SnapshotInfo> read = LoadSnapshot(dir_.path(), &loaded);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->records, 0);
  EXPECT_EQ(loaded.last_applied_sequence(), 0u);
}

TEST_F(SnapshotFileTest, ANewSnapshotReplacesTheOldOne) {
  WriteFilled();
  ASSERT_TRUE(original_.Apply(Record(100, Article(50, 0))).ok());
  ASSERT_TRUE(WriteSnapshot(original_.Export(), dir_.path()).ok());
  ArticleStore loaded;
  absl::StatusOr<SnapshotInfo> read = LoadSnapshot(dir_.path(), &loaded);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->last_sequence, 100u);
  EXPECT_EQ(loaded.GetStats().article_count(), 13);
}

TEST_F(SnapshotFileTest, NoSnapshotIsNotFound) {
  ArticleStore store;
  EXPECT_EQ(LoadSnapshot(dir_.path(), &store).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(RestoreSnapshot(dir_.path(), &store));  // nothing to discard
}

TEST_F(SnapshotFileTest, AFlippedByteAnywhereIsDataLoss) {
  const std::string bytes = WriteFilled();
  ASSERT_GT(bytes.size(), 200u);
  // The header, a record's frame, a payload, the footer.
  for (size_t at : {size_t{3}, size_t{20}, size_t{40}, bytes.size() / 2,
                    bytes.size() - 14, bytes.size() - 2}) {
    std::string damaged = bytes;
    damaged[at] ^= 0x10;
    const absl::Status status = LoadDamaged(damaged);
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << "byte " << at << ": " << status;
    EXPECT_TRUE(absl::StrContains(status.message(), "at byte")) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), kSnapshotFileName)) << status;
  }
}

TEST_F(SnapshotFileTest, ATruncatedFileIsDataLoss) {
  const std::string bytes = WriteFilled();
  for (size_t size : {size_t{0}, size_t{10}, size_t{36}, size_t{60}, bytes.size() / 2,
                      bytes.size() - 12, bytes.size() - 1}) {
    const absl::Status status = LoadDamaged(bytes.substr(0, size));
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << "size " << size << ": " << status;
  }
  EXPECT_EQ(LoadDamaged(bytes + "x").code(), absl::StatusCode::kDataLoss);
}

TEST_F(SnapshotFileTest, AnotherFormatVersionIsRefused) {
  std::string bytes = WriteFilled();
  bytes[8] = 2;  // version, then a header crc that matches it
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), 32);
  for (int i = 0; i < 4; ++i) bytes[32 + i] = static_cast<char>(crc >> (8 * i));
  const absl::Status status = LoadDamaged(bytes);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "version 2")) << status;
}

TEST_F(SnapshotFileTest, RestoreReportsADamagedSnapshotAsUnusable) {
  std::string bytes = WriteFilled();
  bytes[bytes.size() / 2] ^= 0x01;
  WriteAll(SnapshotPath(dir_.path()), bytes);
  ArticleStore store;
  EXPECT_FALSE(RestoreSnapshot(dir_.path(), &store));
}

TEST(SnapshotterTest, WritesEveryNRecordsAndOnStop) {
  gisa::testing::TempDir dir("gisa-snapshotter");
  ArticleStore store;
  Snapshotter snapshotter(&store, {.dir = dir.path(),
                                   .every_records = 10,
                                   .interval = absl::ZeroDuration()});
  snapshotter.Start();
  for (int i = 1; i <= 25; ++i) {
    ASSERT_TRUE(store.Apply(Record(i, Article(i, 0))).ok());
  }
  // Due since record 10; written within a few ticks.
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (snapshotter.snapshot_sequence() == 0 && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_GE(snapshotter.snapshot_sequence(), 10u);

  snapshotter.Stop();
  EXPECT_EQ(snapshotter.snapshot_sequence(), 25u);
  ArticleStore loaded;
  absl::StatusOr<SnapshotInfo> read = LoadSnapshot(dir.path(), &loaded);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->last_sequence, 25u);
  EXPECT_EQ(loaded.GetStats().content_checksum(), store.GetStats().content_checksum());
}

TEST(SnapshotterTest, WritesNothingWhenNothingWasApplied) {
  gisa::testing::TempDir dir("gisa-snapshotter");
  ArticleStore store;
  Snapshotter snapshotter(&store, {.dir = dir.path()});
  snapshotter.Start();
  snapshotter.Stop();
  EXPECT_FALSE(std::filesystem::exists(SnapshotPath(dir.path())));
}

}  // namespace
}  // namespace gisa::query
