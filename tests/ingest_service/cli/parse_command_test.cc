// Tests of `ingest_service parse` (RunParse): output formats, exit status,
// errors naming the file, standard input.
#include "ingest_service/cli/parse_command.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace gisa::ingest {
namespace {

const std::string kSamples = std::string(GISA_SOURCE_DIR) + "/samples/";

class ParseCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parser = ArticleParser::Create({});
    ASSERT_TRUE(parser.ok()) << parser.status();
    parser_ = *std::move(parser);
  }

  int Run(const std::vector<std::string>& files, const std::string& format) {
    out_.str("");
    err_.str("");
    return RunParse(files, format, *parser_, out_, err_);
  }

  // A file in the test's temporary folder holding `content`.
  std::string TempFile(const std::string& name, const std::string& content) {
    const std::string path = ::testing::TempDir() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::unique_ptr<ArticleParser> parser_;
  std::ostringstream out_;
  std::ostringstream err_;
};

gisa::v1::Article FromJson(const std::string& json) {
  gisa::v1::Article article;
  const auto status =
      google::protobuf::util::JsonStringToMessage(json, &article);
  EXPECT_TRUE(status.ok()) << status.message() << "\n" << json;
  return article;
}

TEST_F(ParseCommandTest, JsonlPrintsOneLinePerArticleInProtoJson) {
  ASSERT_EQ(Run({kSamples + "ko-economy-household-debt.txt",
                 kSamples + "ko-tech-ev-battery.md",
                 kSamples + "ko-environment-heatwave.html"},
                "jsonl"),
            0)
      << err_.str();
  EXPECT_EQ(err_.str(), "");
  const std::vector<std::string> lines =
      absl::StrSplit(out_.str(), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u);
  // proto3 JSON names and enum names; zero counts are printed.
  EXPECT_TRUE(absl::StrContains(lines[0], "\"commentCount\":6"));
  EXPECT_TRUE(absl::StrContains(lines[0], "\"commentCount\":0"));
  EXPECT_TRUE(absl::StrContains(lines[0], "\"kind\":\"SECTION_KIND_FAQ\""));
  EXPECT_TRUE(absl::StrContains(lines[0], "\"contentSha256\""));
  EXPECT_FALSE(absl::StrContains(lines[0], "comment_count"));
  const gisa::v1::Article economy = FromJson(lines[0]);
  EXPECT_EQ(economy.category(), "경제");
  EXPECT_EQ(economy.related(3).comment_count(), 0);
  // The media type follows the file name.
  EXPECT_EQ(FromJson(lines[1]).media_type(), "text/markdown");
  EXPECT_EQ(FromJson(lines[2]).media_type(), "text/html");
}

TEST_F(ParseCommandTest, JsonPrintsOnePrettyObjectPerFile) {
  ASSERT_EQ(Run({kSamples + "ko-sports-kleague-opening.txt"}, "json"), 0);
  const std::string out = out_.str();
  EXPECT_TRUE(absl::StartsWith(out, "{\n")) << out.substr(0, 40);
  EXPECT_TRUE(absl::EndsWith(out, "}\n"));
  EXPECT_GT(std::count(out.begin(), out.end(), '\n'), 50);
  EXPECT_EQ(FromJson(out).title(),
            "K리그1 2026시즌 개막: '3연패' 울산 HD의 독주, 올해는 누가 막을까");
}

TEST_F(ParseCommandTest, BadFilesAreNamedAndTheOthersStillParsed) {
  const std::string missing = ::testing::TempDir() + "/no-such-article.txt";
  const std::string binary = TempFile("binary.txt", "제목\n\xFF\xFE\n");
  const std::string oneline = TempFile("one-line.txt", "한 줄짜리 글");
  EXPECT_EQ(Run({missing, kSamples + "ko-health-sleep-debt.txt", binary,
                 oneline},
                "jsonl"),
            1);
  const std::vector<std::string> lines =
      absl::StrSplit(out_.str(), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(FromJson(lines[0]).category(), "건강");
  const std::vector<std::string> errors =
      absl::StrSplit(err_.str(), '\n', absl::SkipEmpty());
  ASSERT_EQ(errors.size(), 3u) << err_.str();
  EXPECT_TRUE(absl::StrContains(errors[0], missing)) << errors[0];
  EXPECT_TRUE(absl::StrContains(errors[1], binary)) << errors[1];
  EXPECT_TRUE(absl::StrContains(errors[1], "not valid UTF-8")) << errors[1];
  EXPECT_TRUE(absl::StrContains(errors[1], "line 2")) << errors[1];
  EXPECT_TRUE(absl::StrContains(errors[2], oneline)) << errors[2];
  EXPECT_TRUE(absl::StrContains(errors[2], "no recognisable article"));
}

TEST_F(ParseCommandTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run({kSamples + "ko-health-sleep-debt.txt"}, "xml"), 2);
  EXPECT_TRUE(absl::StrContains(err_.str(), "--format=xml"));
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(Run({}, "json"), 2);
  EXPECT_TRUE(absl::StrContains(err_.str(), "no files"));
}

TEST_F(ParseCommandTest, DashReadsStandardInput) {
  std::istringstream in(
      "표준 입력으로 읽은 글\n첫 문단입니다. 내용이 이어집니다.\n");
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  const int status = Run({"-"}, "jsonl");
  std::cin.rdbuf(saved);
  ASSERT_EQ(status, 0) << err_.str();
  EXPECT_EQ(FromJson(out_.str()).title(), "표준 입력으로 읽은 글");
}

TEST(MediaTypeForPath, FromTheFileName) {
  EXPECT_EQ(MediaTypeForPath("a/b.txt"), "text/plain");
  EXPECT_EQ(MediaTypeForPath("-"), "text/plain");
  EXPECT_EQ(MediaTypeForPath("post.MD"), "text/markdown");
  EXPECT_EQ(MediaTypeForPath("post.markdown"), "text/markdown");
  EXPECT_EQ(MediaTypeForPath("page.htm"), "text/html");
  EXPECT_EQ(MediaTypeForPath("page.html"), "text/html");
}

}  // namespace
}  // namespace gisa::ingest
