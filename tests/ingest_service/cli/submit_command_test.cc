// `ingest_service submit` against an in-process server.
#include "ingest_service/cli/submit_command.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/ingest_service/server/ingest_test_env.h"
#include "tests/testing/ports.h"

namespace gisa::ingest {
namespace {

using ::gisa::ingest::testing::IngestTestEnv;
using ::gisa::ingest::testing::kArticleFestival;
using ::gisa::ingest::testing::kArticleRates;
using ::gisa::ingest::testing::kArticleSleep;
using ::testing::HasSubstr;

class SubmitCommandTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_START(env_); }

  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::string path = files_.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  int Run(const std::vector<std::string>& inputs, SubmitOptions options,
          const std::string& stdin_text = "") {
    if (options.server.empty()) options.server = env_.server().address();
    std::istringstream in(stdin_text);
    std::ostringstream out, err;
    const int status = RunSubmit(inputs, options, in, out, err);
    lines_.clear();
    for (absl::string_view line : absl::StrSplit(out.str(), '\n', absl::SkipEmpty())) {
      google::protobuf::Struct json;
      EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(std::string(line), &json).ok())
          << line;
      lines_.push_back(json);
    }
    err_ = err.str();
    return status;
  }

  std::string Field(size_t line, const std::string& name) {
    const auto& fields = lines_.at(line).fields();
    auto it = fields.find(name);
    if (it == fields.end()) return "";
    if (it->second.has_number_value()) {
      return std::to_string(static_cast<uint64_t>(it->second.number_value()));
    }
    return it->second.string_value();
  }

  IngestTestEnv env_;
  gisa::testing::TempDir files_{"submit"};
  std::vector<google::protobuf::Struct> lines_;
  std::string err_;
};

TEST_F(SubmitCommandTest, SubmitsFilesInOrder) {
  const std::string a = WriteFile("submit_a.txt", kArticleRates);
  const std::string b = WriteFile("submit_b.txt", kArticleFestival);
  EXPECT_EQ(Run({a, b}, {}), kSubmitAllAccepted) << err_;
  ASSERT_EQ(lines_.size(), 2u);
  EXPECT_EQ(Field(0, "file"), a);
  EXPECT_EQ(Field(1, "file"), b);
  EXPECT_FALSE(Field(0, "article_id").empty());
  EXPECT_NE(Field(0, "article_id"), Field(1, "article_id"));
  EXPECT_EQ(env_.log().last_sequence(), 2u);

  // The source_uri is the absolute path: submitting again replaces.
  EXPECT_EQ(Run({a}, {}), kSubmitAllAccepted) << err_;
  ASSERT_EQ(lines_.size(), 1u);
  EXPECT_EQ(Field(0, "sequence"), "3");
  EXPECT_TRUE(lines_[0].fields().at("replaced").bool_value());
}

TEST_F(SubmitCommandTest, ReportsRefusedAndUnreadableFiles) {
  const std::string good = WriteFile("submit_good.txt", kArticleSleep);
  const std::string empty = WriteFile("submit_empty.txt", "");
  const std::string missing = files_.path() + "/no_such_file.txt";
  EXPECT_EQ(Run({empty, good, missing}, {}), kSubmitSomeRefused);
  ASSERT_EQ(lines_.size(), 3u);
  EXPECT_EQ(Field(0, "code"), "INVALID_ARGUMENT");
  EXPECT_THAT(Field(0, "error"), HasSubstr("empty"));
  EXPECT_FALSE(Field(1, "article_id").empty());
  EXPECT_EQ(Field(2, "file"), missing);
  EXPECT_EQ(Field(2, "code"), "NOT_FOUND");
  EXPECT_EQ(env_.log().last_sequence(), 1u);
}

TEST_F(SubmitCommandTest, RefusesOversizeFilesWithoutSendingThem) {
  const std::string big = WriteFile("submit_big.txt", std::string(2000, 'x'));
  SubmitOptions options;
  options.max_article_bytes = 1000;
  EXPECT_EQ(Run({big}, options), kSubmitSomeRefused);
  ASSERT_EQ(lines_.size(), 1u);
  EXPECT_THAT(Field(0, "error"), HasSubstr("limit"));
  EXPECT_EQ(env_.log().last_sequence(), 0u);
}

TEST_F(SubmitCommandTest, ReadsStandardInput) {
  SubmitOptions options;
  options.source_uri = "blog/from-stdin";
  EXPECT_EQ(Run({"-"}, options, kArticleRates), kSubmitAllAccepted) << err_;
  ASSERT_EQ(lines_.size(), 1u);
  EXPECT_EQ(Field(0, "file"), "-");
  absl::StatusOr<std::vector<gisa::v1::LogRecord>> records =
      env_.log().Read(1, 1, 1 << 20);
  ASSERT_TRUE(records.ok() && records->size() == 1);
  EXPECT_EQ((*records)[0].article().source_uri(), "blog/from-stdin");
}

TEST_F(SubmitCommandTest, UsageErrors) {
  const std::string a = WriteFile("submit_u1.txt", kArticleRates);
  const std::string b = WriteFile("submit_u2.txt", kArticleRates);
  EXPECT_EQ(Run({}, {}), kSubmitUsageError);
  EXPECT_EQ(Run({"-", "-"}, {}), kSubmitUsageError);
  SubmitOptions options;
  options.source_uri = "blog/one";
  EXPECT_EQ(Run({a, b}, options), kSubmitUsageError);
  EXPECT_THAT(err_, HasSubstr("--source_uri"));
  EXPECT_EQ(env_.log().last_sequence(), 0u);
}

TEST_F(SubmitCommandTest, UnreachableServer) {
  const std::string a = WriteFile("submit_x.txt", kArticleRates);
  SubmitOptions options;
  options.server = absl::StrCat("127.0.0.1:", gisa::testing::PickFreePort());
  options.connect_timeout = absl::Milliseconds(300);
  EXPECT_EQ(Run({a}, options), kSubmitRpcFailed);
  EXPECT_THAT(err_, HasSubstr(options.server));
  EXPECT_TRUE(lines_.empty());
}

}  // namespace
}  // namespace gisa::ingest
