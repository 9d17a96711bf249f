#include "shared/text/word_spans.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace gisa::text {
namespace {

std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> out;
  for (const WordSpan& w : SplitWords(text)) {
    out.emplace_back(text.substr(w.begin, w.end - w.begin));
  }
  return out;
}

TEST(SplitWordsTest, KoreanWordsKeepTheirParticles) {
  EXPECT_EQ(Words("엔비디아가 차세대 칩을 발표했다."),
            (std::vector<std::string>{"엔비디아가", "차세대", "칩을",
                                      "발표했다"}));
}

TEST(SplitWordsTest, OffsetsAreUtf8Bytes) {
  const std::string text = "엔비디아가 '루빈'을";
  const std::vector<WordSpan> words = SplitWords(text);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].begin, 0);
  EXPECT_EQ(words[0].end, 15);
  EXPECT_EQ(text.substr(words[1].begin, words[1].end - words[1].begin),
            "루빈");
  EXPECT_EQ(text.substr(words[2].begin, words[2].end - words[2].begin),
            "을");
}

TEST(SplitWordsTest, PunctuationInsideAWordSplitsIt) {
  EXPECT_EQ(Words("네이버·카카오"),
            (std::vector<std::string>{"네이버", "카카오"}));
  EXPECT_EQ(Words("'하이퍼클로바X'와"),
            (std::vector<std::string>{"하이퍼클로바X", "와"}));
  EXPECT_EQ(Words("월스트리트저널(WSJ)의"),
            (std::vector<std::string>{"월스트리트저널", "WSJ", "의"}));
}

TEST(SplitWordsTest, NumbersAndMixedScriptsStayWhole) {
  EXPECT_EQ(Words("1,470원대 3.5% SK하이닉스 팰컨9"),
            (std::vector<std::string>{"1,470원대", "3.5", "SK하이닉스",
                                      "팰컨9"}));
}

TEST(SplitWordsTest, EmptyAndSpaceOnly) {
  EXPECT_TRUE(SplitWords("").empty());
  EXPECT_TRUE(SplitWords("  \t ").empty());
}

TEST(SplitWordsTest, LongTextIsLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "한국은행이 ";
  EXPECT_EQ(SplitWords(text).size(), 20000u);
}

}  // namespace
}  // namespace gisa::text
