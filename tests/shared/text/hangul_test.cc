// shared/text/hangul.h: syllable counts, final consonants and the syllables
// that mark a word as transliterated rather than built from Hanja.
#include "shared/text/hangul.h"

#include "gtest/gtest.h"

namespace gisa::text {
namespace {

TEST(HangulTest, FinalConsonants) {
  EXPECT_TRUE(HasFinalConsonant(U'국'));
  EXPECT_FALSE(HasFinalConsonant(U'아'));
  EXPECT_TRUE(HasFinalRieul(U'울'));
  EXPECT_FALSE(HasFinalRieul(U'국'));
  EXPECT_FALSE(HasFinalConsonant(U'A'));
}

TEST(HangulTest, CountsAndScripts) {
  EXPECT_EQ(CodePointCount("엔비디아"), 4);
  EXPECT_TRUE(IsAllHangul("한국은행"));
  EXPECT_FALSE(IsAllHangul("SK하이닉스"));
  EXPECT_FALSE(IsAllHangul(""));
  EXPECT_EQ(LastCodePoint("서울"), U'울');
  EXPECT_EQ(FirstCodePoint("서울"), U'서');
}

TEST(HangulTest, NonSinoSyllables) {
  // No Hanja is read with these: ㅡ without a final, ㅔ after ㄹ/ㅌ/ㅁ,
  // finals other than ㄱㄴㄹㅁㅂㅇ, initials ㅋ and the tense ones.
  for (char32_t c : {U'스', U'트', U'르', U'테', U'레', U'메', U'텡', U'맛',
                     U'꼬', U'크', U'러', U'버', U'웨'}) {
    EXPECT_TRUE(IsNonSinoSyllable(c)) << static_cast<int>(c);
  }
  // Readings of common Hanja.
  for (char32_t c : {U'한', U'국', U'은', U'행', U'세', U'제', U'서', U'거',
                     U'증', U'쾌', U'궤', U'씨', U'시', U'전'}) {
    EXPECT_FALSE(IsNonSinoSyllable(c)) << static_cast<int>(c);
  }
  EXPECT_FALSE(IsNonSinoSyllable(U'A'));
}

TEST(HangulTest, WordsWithNonSinoSyllables) {
  EXPECT_TRUE(HasNonSinoSyllable("코스톨로"));
  EXPECT_TRUE(HasNonSinoSyllable("보아텡"));
  EXPECT_FALSE(HasNonSinoSyllable("전시"));
  EXPECT_FALSE(HasNonSinoSyllable("대한민국"));
  EXPECT_FALSE(HasNonSinoSyllable(""));
}

}  // namespace
}  // namespace gisa::text
