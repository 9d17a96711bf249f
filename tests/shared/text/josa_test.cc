#include "shared/text/josa.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace gisa::text {
namespace {

struct Case {
  const char* word;
  const char* stem;
};

// Names with particles, compound particles, and words that merely end like a
// particle and must stay whole.
TEST(StripParticleTest, Table) {
  const Case cases[] = {
      // Vowel-final stems take 는/가/를/와/로.
      {"엔비디아가", "엔비디아"}, {"엔비디아는", "엔비디아"},
      {"엔비디아를", "엔비디아"}, {"카카오와", "카카오"},
      {"나이가", "나이"}, {"회사로", "회사"},
      // Consonant-final stems take 은/이/을/과/으로.
      {"저스틴 린은", "저스틴 린"}, {"한국은", "한국"}, {"한국이", "한국"},
      {"삼성전자를", "삼성전자"},  // 자 has no 받침: 를 is right
      {"미국과", "미국"}, {"중국으로", "중국"}, {"일본을", "일본"},
      // ㄹ takes 로, not 으로.
      {"서울로", "서울"}, {"서울로부터", "서울"}, {"삼성전자로서도", "삼성전자"},
      {"한국으로서는", "한국"},
      // Particles that follow either.
      {"네이버의", "네이버"}, {"베이징에서", "베이징"}, {"텐센트도", "텐센트"},
      {"알리바바만", "알리바바"}, {"구글처럼", "구글"},
      // Compound particles.
      {"서울에서는", "서울"}, {"중국으로부터", "중국"},
      {"딥시크조차도", "딥시크"}, {"정부에게서", "정부"},
      {"미국과의", "미국"}, {"카카오와는", "카카오"}, {"일본에서도", "일본"},
      // Copula forms written onto names.
      {"오승민입니다", "오승민"}, {"누리호였다", "누리호"},
      {"한국이라는", "한국"},
      // Latin and digits before the particle: either form is accepted.
      {"WSJ는", "WSJ"}, {"SK하이닉스의", "SK하이닉스"}, {"팰컨9은", "팰컨9"},
      // Words that end like a particle but are whole.
      {"한국은행", "한국은행"}, {"이마트", "이마트"}, {"대가", "대가"},
      {"국가", "국가"}, {"인도", "인도"}, {"정도", "정도"}, {"회의", "회의"},
      {"결과", "결과"}, {"대만", "대만"}, {"함께", "함께"}, {"도로", "도로"},
      {"경기도", "경기도"}, {"이란", "이란"},
      // ... but still lose a real particle.
      {"대가를", "대가"}, {"인도의", "인도"}, {"대만과", "대만"},
      {"국가가", "국가"},
      // Particles that disagree with 받침 are not particles.
      {"마을", "마을"},     // 을 after a vowel
      {"가을", "가을"},
      {"두바이", "두바이"}, // 이 after a vowel
      {"상하이", "상하이"},
      {"한국는", "한국는"}, // 는 after a consonant
      // A particle alone, or nothing at all.
      {"가", "가"}, {"의", "의"}, {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StripParticle(c.word), c.stem) << c.word;
  }
}

TEST(SplitParticleTest, ReturnsTheParticle) {
  const ParticleSplit split = SplitParticle("서울에서는");
  EXPECT_EQ(split.stem, "서울");
  EXPECT_EQ(split.particle, "에서는");
  const ParticleSplit none = SplitParticle("한국은행");
  EXPECT_EQ(none.stem, "한국은행");
  EXPECT_TRUE(none.particle.empty());
}

TEST(SplitParticleTest, ViewsPointIntoTheWord) {
  const std::string word = "엔비디아가";
  const ParticleSplit split = SplitParticle(word);
  EXPECT_EQ(split.stem.data(), word.data());
  EXPECT_EQ(split.particle.data(), word.data() + split.stem.size());
}

TEST(ParticleReadingsTest, WholeWordFirstThenLongerStems) {
  const std::vector<ParticleSplit> readings = ParticleReadings("인도에서는");
  ASSERT_GE(readings.size(), 3u);
  EXPECT_EQ(readings[0].stem, "인도에서는");
  std::vector<std::string> stems;
  for (const ParticleSplit& r : readings) stems.emplace_back(r.stem);
  // 는 after 서, then 에서는 after 도; never a stem that breaks 받침 rules.
  EXPECT_EQ(stems[1], "인도에서");
  EXPECT_NE(std::find(stems.begin(), stems.end(), "인도"), stems.end());
  for (size_t i = 1; i < readings.size(); ++i) {
    EXPECT_LT(readings[i].stem.size(), readings[i - 1].stem.size());
  }
}

TEST(ParticleReadingsTest, KeepsNounsForTheCallerToJudge) {
  // The built-in noun list is StripParticle's; readings offer both.
  const std::vector<ParticleSplit> readings = ParticleReadings("인도");
  ASSERT_EQ(readings.size(), 2u);
  EXPECT_EQ(readings[0].stem, "인도");
  EXPECT_EQ(readings[1].stem, "인");
  EXPECT_EQ(readings[1].particle, "도");
}

}  // namespace
}  // namespace gisa::text
