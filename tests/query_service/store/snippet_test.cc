#include "query_service/store/snippet.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "shared/text/utf8.h"

namespace gisa::query {
namespace {

size_t Find(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle);
}

TEST(SnippetTest, ShowsTheSentenceOfTheMention) {
  const std::string paragraph =
      "반도체 업계가 술렁였다. 한빛전자가 새 공장을 짓겠다고 밝혔다. "
      "업계는 환영했다.";
  const size_t at = Find(paragraph, "한빛전자");
  EXPECT_EQ(
      MentionSnippet(paragraph, static_cast<int>(at),
                     static_cast<int>(at + std::string("한빛전자").size())),
      "한빛전자가 새 공장을 짓겠다고 밝혔다.");
}

TEST(SnippetTest, CutsALongSentenceAroundTheMentionOnCharacterBoundaries) {
  std::string paragraph;
  for (int i = 0; i < 30; ++i) absl::StrAppend(&paragraph, "가나다라 ");
  const size_t at = paragraph.size();
  absl::StrAppend(&paragraph, "한빛전자");
  for (int i = 0; i < 30; ++i) absl::StrAppend(&paragraph, " 마바사아");
  absl::StrAppend(&paragraph, "라고 했다.");
  const int begin = static_cast<int>(at);
  const int end = begin + static_cast<int>(std::string("한빛전자").size());

  const std::string snippet = MentionSnippet(paragraph, begin, end);
  EXPECT_TRUE(absl::StrContains(snippet, "한빛전자"));
  EXPECT_TRUE(absl::StartsWith(snippet, "…"));
  EXPECT_TRUE(absl::EndsWith(snippet, "…"));
  EXPECT_LE(snippet.size(), kSnippetWindowBytes + 2 * std::string("…").size());
  EXPECT_GE(snippet.size(), kSnippetWindowBytes / 2);
  EXPECT_TRUE(text::CheckUtf8(snippet).ok());
}

TEST(SnippetTest, BadOffsetsNeverCrashAndStayValidUtf8) {
  const std::string paragraph = "한빛전자가 발표했다.";
  for (auto [begin, end] : {std::pair{-5, 3}, std::pair{1, 2},
                            std::pair{500, 900}, std::pair{8, 4}}) {
    const std::string snippet = MentionSnippet(paragraph, begin, end);
    EXPECT_TRUE(text::CheckUtf8(snippet).ok()) << begin << "," << end;
    EXPECT_FALSE(snippet.empty());
  }
  EXPECT_EQ(MentionSnippet("", 0, 3), "");
}

}  // namespace
}  // namespace gisa::query
