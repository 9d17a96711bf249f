// Helpers shared by the record log tests: fresh folders, articles, raw file
// surgery.
//
//   std::string dir = FreshLogDir();
//   auto log = OpenLog(dir);
//   log->Append(TestArticle("a", "v1"));
#ifndef GISA_TESTS_INGEST_SERVICE_LOG_LOG_TEST_SUPPORT_H_
#define GISA_TESTS_INGEST_SERVICE_LOG_LOG_TEST_SUPPORT_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gisa/v1/article.pb.h"
#include "gtest/gtest.h"
#include "ingest_service/log/record_log.h"

namespace gisa::ingest::testing {

// The folder of this test process's logs, removed when the tests end.
inline std::string LogDirRoot() {
  return absl::StrCat(::testing::TempDir(), "gisa_record_log_", ::getpid());
}

class RemoveLogDirs : public ::testing::Environment {
 public:
  void TearDown() override { std::filesystem::remove_all(LogDirRoot()); }
};

inline ::testing::Environment* const kRemoveLogDirs =
    ::testing::AddGlobalTestEnvironment(new RemoveLogDirs);

// An empty folder (not yet created) under LogDirRoot(), unique per call.
inline std::string FreshLogDir() {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string dir = absl::StrCat(LogDirRoot(), "/", info->test_suite_name(), "_",
                                 info->name(), "_", counter++);
  std::filesystem::remove_all(dir);
  return dir;
}

// An article with `id` whose title carries `version`; `padding` bytes of
// body make records bigger.
inline gisa::v1::Article TestArticle(const std::string& id, const std::string& version,
                                     size_t padding = 0) {
  gisa::v1::Article article;
  article.set_id(id);
  article.set_title(absl::StrCat("삼성전자 실적 발표 ", id, " ", version));
  article.set_language("ko");
  article.set_summary(std::string(padding, 'x'));
  return article;
}

inline std::unique_ptr<RecordLog> OpenLog(const std::string& dir, bool sync = false,
                                          uint64_t segment_bytes = 0) {
  RecordLog::Options options;
  options.dir = dir;
  options.sync = sync;
  if (segment_bytes != 0) options.segment_bytes = segment_bytes;
  absl::StatusOr<std::unique_ptr<RecordLog>> log = RecordLog::Open(options);
  EXPECT_TRUE(log.ok()) << log.status();
  return log.ok() ? *std::move(log) : nullptr;
}

inline std::vector<gisa::v1::LogRecord> ReadAll(const RecordLog& log, uint64_t from = 1) {
  absl::StatusOr<std::vector<gisa::v1::LogRecord>> records =
      log.Read(from, 1 << 30, size_t{1} << 40);
  EXPECT_TRUE(records.ok()) << records.status();
  return records.ok() ? *std::move(records) : std::vector<gisa::v1::LogRecord>();
}

// Sorted names of the segment files (*.log) in `dir`.
inline std::vector<std::string> SegmentFiles(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".log") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void WriteFileBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace gisa::ingest::testing

#endif  // GISA_TESTS_INGEST_SERVICE_LOG_LOG_TEST_SUPPORT_H_
