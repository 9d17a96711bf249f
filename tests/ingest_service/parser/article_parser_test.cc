// Tests of the article parser facade: input checks, normalisation, id and
// hash, media types, and that Parse can run on many threads at once.
#include "ingest_service/parser/article_parser.h"

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "shared/article/ids.h"

namespace gisa::ingest {
namespace {

using ::gisa::v1::Article;
using ::gisa::v1::RawArticle;

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(GISA_SOURCE_DIR) + "/samples/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open samples/" << name;
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

RawArticle Raw(const std::string& content, const std::string& media_type = "",
               const std::string& source_uri = "") {
  RawArticle raw;
  raw.set_content(content);
  raw.set_media_type(media_type);
  raw.set_source_uri(source_uri);
  return raw;
}

class ArticleParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parser = ArticleParser::Create({});
    ASSERT_TRUE(parser.ok()) << parser.status();
    parser_ = *std::move(parser);
  }

  Article MustParse(const RawArticle& raw) {
    absl::StatusOr<Article> article = parser_->Parse(raw);
    EXPECT_TRUE(article.ok()) << article.status();
    return article.ok() ? *article : Article();
  }

  // The message of the INVALID_ARGUMENT that `raw` must get.
  std::string Refusal(const RawArticle& raw) {
    absl::StatusOr<Article> article = parser_->Parse(raw);
    EXPECT_EQ(article.status().code(), absl::StatusCode::kInvalidArgument)
        << article.status();
    return std::string(article.status().message());
  }

  std::unique_ptr<ArticleParser> parser_;
};

constexpr char kSmall[] =
    "따릉이 요금 20% 인하\n서울시는 내년부터 따릉이 요금을 내린다고 밝혔습니다.\n\n"
    "자주 묻는 질문\nQ. 언제부터인가요?\nA. 내년 1월부터입니다.\n";

TEST_F(ArticleParserTest, FillsEveryRecordField) {
  const std::string content = ReadSample("ko-economy-household-debt.txt");
  const Article a = MustParse(Raw(content));
  EXPECT_TRUE(absl::StartsWith(a.id(), "a-")) << a.id();
  EXPECT_EQ(a.content_sha256(), Sha256Hex(content));
  EXPECT_EQ(a.media_type(), "text/plain");
  EXPECT_EQ(a.language(), "ko");
  EXPECT_EQ(a.category(), "경제");
  EXPECT_EQ(a.sections_size(), 7);
  EXPECT_EQ(a.faq_size(), 3);
  EXPECT_EQ(a.related_size(), 4);
  EXPECT_FALSE(a.summary().empty());
  EXPECT_FALSE(a.has_ingest_time());
}

TEST_F(ArticleParserTest, IdFollowsSourceUriElseNormalisedText) {
  const Article a = MustParse(Raw(kSmall, "", "https://blog.example/1"));
  const Article b = MustParse(
      Raw(std::string(kSmall) + "추가 문단입니다.\n", "", "https://blog.example/1"));
  EXPECT_EQ(a.id(), b.id());
  EXPECT_EQ(a.source_uri(), "https://blog.example/1");
  EXPECT_NE(MustParse(Raw(kSmall)).id(), a.id());
  // Without a source_uri: the same text in NFD or NFC is the same article.
  const std::string nfc = kSmall;
  const std::string nfd = absl::StrReplaceAll(
      nfc, {{"따릉이", "\u1104\u1161\u1105\u1173\u11BC\u110B\u1175"}});
  const Article c = MustParse(Raw(nfc));
  const Article d = MustParse(Raw(nfd));
  EXPECT_EQ(c.id(), d.id());
  EXPECT_EQ(d.title(), "따릉이 요금 20% 인하");
  EXPECT_NE(c.content_sha256(), d.content_sha256());  // the bytes differ
}

TEST_F(ArticleParserTest, ByteOrderMarkAndCrlfAreIgnored) {
  const Article plain = MustParse(Raw(kSmall));
  const Article bom = MustParse(Raw("\xEF\xBB\xBF" + std::string(kSmall)));
  EXPECT_EQ(bom.title(), plain.title());
  EXPECT_EQ(bom.content_sha256(), plain.content_sha256());
  EXPECT_EQ(bom.SerializeAsString(), plain.SerializeAsString());
  const Article crlf =
      MustParse(Raw(absl::StrReplaceAll(kSmall, {{"\n", "\r\n"}})));
  EXPECT_EQ(crlf.title(), plain.title());
  ASSERT_EQ(crlf.faq_size(), 1);
  EXPECT_EQ(crlf.faq(0).answer(), "내년 1월부터입니다.");
}

TEST_F(ArticleParserTest, MediaTypes) {
  EXPECT_EQ(MustParse(Raw(ReadSample("ko-tech-ev-battery.md"), "text/markdown"))
                .media_type(),
            "text/markdown");
  const Article html =
      MustParse(Raw(ReadSample("ko-environment-heatwave.html"), "text/html"));
  EXPECT_EQ(html.media_type(), "text/html");
  EXPECT_EQ(html.faq_size(), 2);
  EXPECT_TRUE(absl::StrContains(Refusal(Raw(kSmall, "application/pdf")),
                                "unknown media type"));
}

TEST_F(ArticleParserTest, RefusesTextThatIsNotUtf8NamingWhere) {
  // The offset counts the bytes as sent, BOM included.
  const std::string message =
      Refusal(Raw("\xEF\xBB\xBF제목\n문단 \xFF 입니다.\n"));
  EXPECT_TRUE(absl::StrContains(message, "not valid UTF-8")) << message;
  EXPECT_TRUE(absl::StrContains(message, "0xff at byte offset 17")) << message;
  EXPECT_TRUE(absl::StrContains(message, "line 2, column 4")) << message;
  EXPECT_TRUE(absl::StrContains(Refusal(Raw(std::string("제목\0문단", 13))),
                                "NUL byte"));
}

TEST_F(ArticleParserTest, RefusesEmptyAndWhitespaceOnlyContent) {
  EXPECT_EQ(Refusal(Raw("")), "content is empty");
  EXPECT_EQ(Refusal(Raw(" \n\t\r\n\u3000")), "content is empty");
  EXPECT_EQ(Refusal(Raw("\xEF\xBB\xBF")), "content is empty");
}

TEST_F(ArticleParserTest, RefusesContentOverTheSizeLimit) {
  auto small = ArticleParser::Create({.max_content_bytes = 64, .lexicon_dir = ""});
  ASSERT_TRUE(small.ok());
  std::string at_limit = "Bike fares fall\nSeoul cuts bike fares next year.\n";
  at_limit.resize(64, ' ');
  EXPECT_TRUE((*small)->Parse(Raw(at_limit)).ok());
  const absl::StatusOr<Article> big = (*small)->Parse(Raw(kSmall));
  EXPECT_EQ(big.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(big.status().message(),
                                "over the limit of 64 bytes"))
      << big.status();
  // The default is 8 MiB.
  EXPECT_EQ(parser_->options().max_content_bytes, size_t{8} << 20);
  EXPECT_TRUE(absl::StrContains(
      Refusal(Raw(std::string((8 << 20) + 1, 'a'))), "over the limit"));
}

TEST_F(ArticleParserTest, RefusesTextWithNoRecognisableArticle) {
  const std::string message = Refusal(Raw("그냥 한 줄입니다"));
  EXPECT_TRUE(absl::StrContains(message, "no recognisable article")) << message;
  EXPECT_TRUE(absl::StrContains(message, "line 1")) << message;
}

TEST_F(ArticleParserTest, ParseRunsOnManyThreadsAtOnce) {
  const std::vector<std::string> samples = {
      ReadSample("ko-economy-household-debt.txt"),
      ReadSample("ko-sports-kleague-opening.txt"),
      ReadSample("ko-science-danuri-moon.txt"),
      ReadSample("ko-health-sleep-debt.txt")};
  std::vector<std::string> want;
  for (const std::string& s : samples) {
    want.push_back(MustParse(Raw(s)).SerializeAsString());
  }
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (const std::string& s : samples) {
          absl::StatusOr<Article> a = parser_->Parse(Raw(s));
          got[t].push_back(a.ok() ? a->SerializeAsString() : "");
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) {
    ASSERT_EQ(got[t].size(), 20u);
    for (size_t i = 0; i < got[t].size(); ++i) {
      EXPECT_EQ(got[t][i], want[i % 4]) << "thread " << t << " parse " << i;
    }
  }
}

}  // namespace
}  // namespace gisa::ingest
