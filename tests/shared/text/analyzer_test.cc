#include "shared/text/analyzer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "shared/text/glosses.h"

namespace gisa::text {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

// The terms of one kind, as text.
std::vector<std::string> Terms(const Analyzer& analyzer, const std::string& s,
                               TermKind kind) {
  std::vector<std::string> out;
  for (const Term& t : analyzer.Analyze(s)) {
    if (t.kind == kind) out.push_back(t.text);
  }
  return out;
}

absl::flat_hash_set<std::string> Keys(const Analyzer& analyzer,
                                      const std::string& s) {
  absl::flat_hash_set<std::string> keys;
  for (const Term& t : analyzer.Analyze(s)) keys.insert(t.Key());
  return keys;
}

// A small lexicon written for these tests.
SearchLexicon TestLexicon() {
  SearchLexicon lexicon;
  lexicon.synonym_groups = {{"언제*", "시기", "날짜"},
                            {"몇*", "횟수"},
                            {"열사병", "더위먹*"},
                            {"챗GPT", "ChatGPT"}};
  lexicon.stop_words = {"무엇", "있나요"};
  lexicon.question_words = {{QuestionKind::kWhere, {"어디*"}},
                            {QuestionKind::kWhen, {"언제*", "몇시*", "기간"}},
                            {QuestionKind::kWho, {"누구*", "누가"}},
                            {QuestionKind::kAmount, {"몇*"}},
                            {QuestionKind::kWhat, {"무엇*"}}};
  return lexicon;
}

class AnalyzerTest : public ::testing::Test {
 protected:
  Analyzer analyzer_{TestLexicon()};
};

TEST_F(AnalyzerTest, WordsLoseTheirParticles) {
  EXPECT_THAT(analyzer_.Words("누리호는 누리호가 누리호를"),
              ElementsAre("누리호", "누리호", "누리호"));
  // After Latin letters or digits too, where no final sound tells which
  // particle fits.
  EXPECT_THAT(analyzer_.Words("ChatGPT를 AI는 팰컨9의"),
              ElementsAre("chatgpt", "ai", "팰컨9"));
  // A particle after a closing quote belongs to the quoted name.
  EXPECT_THAT(analyzer_.Words("'누리호'는 떠났다"),
              ElementsAre("누리호", "떠났다"));
}

TEST_F(AnalyzerTest, WidthAndCaseFold) {
  EXPECT_EQ(analyzer_.Analyze("ＷＢＣ"), analyzer_.Analyze("wbc"));
  EXPECT_EQ(analyzer_.Analyze("ＡＩ 서버"), analyzer_.Analyze("Ai 서버"));
}

TEST_F(AnalyzerTest, SpacingVariantsShareTheirBigrams) {
  // 고성능칩 and 고성능 칩: the bigram across the space makes them meet.
  EXPECT_THAT(Terms(analyzer_, "고성능 칩", TermKind::kBigram),
              ElementsAre("고성", "성능", "능칩"));
  EXPECT_THAT(Terms(analyzer_, "고성능칩", TermKind::kBigram),
              ElementsAre("고성", "성능", "능칩"));
  EXPECT_THAT(Terms(analyzer_, "칩 부족이", TermKind::kBigram),
              ElementsAre("칩부", "부족"));
  EXPECT_THAT(Terms(analyzer_, "칩부족", TermKind::kBigram),
              ElementsAre("칩부", "부족"));
  // Punctuation is no space: no bigram across a comma.
  EXPECT_THAT(Terms(analyzer_, "칩, 부족", TermKind::kBigram),
              ElementsAre("부족"));
}

TEST_F(AnalyzerTest, MixedScriptsSplitAtTheirBoundaries) {
  const std::vector<std::string> words =
      Terms(analyzer_, "팰컨9 1라운드 AI서버", TermKind::kWord);
  for (const char* w : {"팰컨9", "팰컨", "9", "1라운드", "1", "라운드", "ai서버",
                        "ai", "서버"}) {
    EXPECT_THAT(words, Contains(w));
  }
  // "팰컨 9" and "Falcon9" give the runs that "팰컨9" and "Falcon 9" give.
  EXPECT_THAT(Terms(analyzer_, "팰컨 9", TermKind::kWord),
              ElementsAre("팰컨", "9"));
  EXPECT_THAT(Terms(analyzer_, "Falcon9", TermKind::kWord),
              ElementsAre("falcon9", "falcon", "9"));
  // A number keeps its decimal point.
  EXPECT_THAT(Terms(analyzer_, "3.5% 성장", TermKind::kWord),
              Contains("3.5"));
}

TEST_F(AnalyzerTest, SyllablesAreUnigrams) {
  EXPECT_THAT(Terms(analyzer_, "칩 AI", TermKind::kUnigram), ElementsAre("칩"));
}

TEST_F(AnalyzerTest, SynonymsShareAConcept) {
  const std::vector<std::string> when = Terms(analyzer_, "언제쯤", TermKind::kConcept);
  ASSERT_EQ(when.size(), 1u);
  EXPECT_EQ(Terms(analyzer_, "시기는", TermKind::kConcept), when);
  EXPECT_EQ(Terms(analyzer_, "날짜", TermKind::kConcept), when);
  EXPECT_THAT(Terms(analyzer_, "챗GPT", TermKind::kConcept),
              ElementsAre("챗gpt"));
  EXPECT_THAT(Terms(analyzer_, "ChatGPT와", TermKind::kConcept),
              ElementsAre("챗gpt"));
  EXPECT_THAT(Terms(analyzer_, "오늘", TermKind::kConcept), ElementsAre());
}

TEST_F(AnalyzerTest, CompoundsAndWordPairsFindTheirSynonyms) {
  // A compound of a known word: 발사횟수 holds 횟수.
  EXPECT_THAT(Terms(analyzer_, "발사횟수", TermKind::kConcept),
              ElementsAre("몇"));
  // An entry written as one word matches two: 더위 먹었을 is 더위먹*.
  EXPECT_THAT(Terms(analyzer_, "더위 먹었을 때", TermKind::kConcept),
              Contains("열사병"));
  // But a prefix entry must reach into the second word: 몇 경기 is not
  // two words that make 몇*.
  std::vector<Term> terms = analyzer_.Analyze("몇 경기");
  const int concepts_of_second = std::count_if(
      terms.begin(), terms.end(), [](const Term& t) {
        return t.kind == TermKind::kConcept && t.word == 1;
      });
  EXPECT_EQ(concepts_of_second, 0);
}

TEST_F(AnalyzerTest, KoreanSpellingsOfAbbreviationsGiveTheLetters) {
  EXPECT_THAT(Terms(analyzer_, "더블유비씨", TermKind::kWord), Contains("wbc"));
  EXPECT_THAT(Terms(analyzer_, "엘엘엠이", TermKind::kWord), Contains("llm"));
  EXPECT_THAT(Terms(analyzer_, "에이치비엠", TermKind::kWord), Contains("hbm"));
  // Ordinary words that happen to be letter names stay words.
  EXPECT_THAT(Terms(analyzer_, "이유", TermKind::kWord), ElementsAre("이유"));
  EXPECT_THAT(Terms(analyzer_, "비디오", TermKind::kWord),
              ElementsAre("비디오"));
}

TEST_F(AnalyzerTest, LatinAndHangulSpellingsShareASoundKey) {
  EXPECT_EQ(Terms(analyzer_, "Falcon", TermKind::kSoundOfLatin),
            Terms(analyzer_, "팰컨의", TermKind::kSoundOfHangul));
  EXPECT_FALSE(Terms(analyzer_, "Falcon", TermKind::kSoundOfLatin).empty());
  // Two Latin words read as one: British Museum, 브리티시뮤지엄.
  EXPECT_THAT(Terms(analyzer_, "British Museum", TermKind::kSoundOfLatin),
              Contains(Terms(analyzer_, "브리티시뮤지엄", TermKind::kSoundOfHangul)
                           .at(0)));
  // Either reading of an r before a consonant: 아르테미스 and 스타십.
  EXPECT_THAT(Terms(analyzer_, "Artemis", TermKind::kSoundOfLatin),
              Contains(Terms(analyzer_, "아르테미스", TermKind::kSoundOfHangul)
                           .at(0)));
  EXPECT_THAT(Terms(analyzer_, "Starship", TermKind::kSoundOfLatin),
              Contains(Terms(analyzer_, "스타십", TermKind::kSoundOfHangul).at(0)));
  // Different names, different keys; short ones have none.
  EXPECT_NE(Terms(analyzer_, "Falcon", TermKind::kSoundOfLatin),
            Terms(analyzer_, "넷플릭스", TermKind::kSoundOfHangul));
  EXPECT_TRUE(Terms(analyzer_, "서버", TermKind::kSoundOfHangul).empty());
}

TEST_F(AnalyzerTest, StopWordsAreMarkedNotDropped) {
  const std::vector<Term> terms = analyzer_.Analyze("무엇 언제");
  ASSERT_FALSE(terms.empty());
  EXPECT_TRUE(terms.front().stop);
  EXPECT_EQ(terms.front().text, "무엇");
  EXPECT_TRUE(std::any_of(terms.begin(), terms.end(),
                          [](const Term& t) { return !t.stop; }));
}

TEST_F(AnalyzerTest, NothingSearchableGivesNoTerms) {
  EXPECT_TRUE(analyzer_.Analyze("").empty());
  EXPECT_TRUE(analyzer_.Analyze("  ?! … ").empty());
  // Invalid UTF-8 does not crash the analyzer.
  EXPECT_NO_FATAL_FAILURE(analyzer_.Analyze(std::string("\xff\xfe칩", 5)));
}

TEST_F(AnalyzerTest, TheShippedLexiconLoads) {
  const Analyzer& shipped = Analyzer::Default();
  EXPECT_EQ(Terms(shipped, "얼마예요", TermKind::kConcept),
            Terms(shipped, "가격", TermKind::kConcept));
  EXPECT_FALSE(Terms(shipped, "가격", TermKind::kConcept).empty());
  EXPECT_EQ(Terms(shipped, "어디서", TermKind::kConcept),
            Terms(shipped, "장소", TermKind::kConcept));
  EXPECT_NE(Keys(shipped, "누구야"), Keys(shipped, "어디야"));
}

TEST_F(AnalyzerTest, AsksReadsTheQuestionWords) {
  EXPECT_EQ(analyzer_.Asks("중계는 어디에서 볼 수 있나요?"),
            KindBit(QuestionKind::kWhere));
  EXPECT_EQ(analyzer_.Asks("K리그 경기 어디서 봐?"),
            KindBit(QuestionKind::kWhere));
  EXPECT_EQ(analyzer_.Asks("시즌은 언제 끝나나요?"),
            KindBit(QuestionKind::kWhen));
  // As written: without its particle 누가 would be 누.
  EXPECT_EQ(analyzer_.Asks("누가 던지나요"), KindBit(QuestionKind::kWho));
  // Without its particle: 기간은 is 기간.
  EXPECT_EQ(analyzer_.Asks("운영 기간은?"), KindBit(QuestionKind::kWhen));
  // The longest entry decides, across a space too: 몇 시 is a time, 몇 명
  // a number.
  EXPECT_EQ(analyzer_.Asks("몇 시부터 팔아?"), KindBit(QuestionKind::kWhen));
  EXPECT_EQ(analyzer_.Asks("몇시에 열려"), KindBit(QuestionKind::kWhen));
  EXPECT_EQ(analyzer_.Asks("몇 명까지 뛰나요"), KindBit(QuestionKind::kAmount));
  // Several question words, several kinds; none, none.
  EXPECT_EQ(analyzer_.Asks("언제 어디서 열리나요"),
            KindBit(QuestionKind::kWhen) | KindBit(QuestionKind::kWhere));
  EXPECT_EQ(analyzer_.Asks("중계 채널 안내"), 0);
  EXPECT_EQ(analyzer_.Asks(""), 0);
}

TEST_F(AnalyzerTest, TheShippedLexiconKnowsTheQuestionWords) {
  const Analyzer& shipped = Analyzer::Default();
  EXPECT_EQ(shipped.Asks("어디에서 볼 수 있나요?"),
            KindBit(QuestionKind::kWhere));
  EXPECT_EQ(shipped.Asks("언제 끝나나요?"), KindBit(QuestionKind::kWhen));
  EXPECT_EQ(shipped.Asks("선발은 누구인가요?"), KindBit(QuestionKind::kWho));
  EXPECT_EQ(shipped.Asks("입장료는 얼마예요?"), KindBit(QuestionKind::kAmount));
  EXPECT_EQ(shipped.Asks("왜 돌아갔나요?"), KindBit(QuestionKind::kWhy));
  EXPECT_EQ(shipped.Asks("예매는 어떻게 하나요?"), KindBit(QuestionKind::kHow));
  EXPECT_EQ(shipped.Asks("특징은 뭐야?"), KindBit(QuestionKind::kWhat));
}

TEST_F(AnalyzerTest, LoadReportsAnUnknownQuestionKind) {
  const std::string dir = ::testing::TempDir() + "/analyzer_bad_kinds";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/search_question_words.txt") << "where 어디*\nwhither 어디로\n";
  absl::StatusOr<std::unique_ptr<Analyzer>> loaded = Analyzer::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(loaded.status().message()),
              ::testing::HasSubstr("whither"));
}

TEST_F(AnalyzerTest, LoadReportsABadLexicon) {
  const std::string dir = ::testing::TempDir() + "/analyzer_bad_lexicon";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/search_synonyms.txt") << "언제 시기\n\xff\xfe\n";
  absl::StatusOr<std::unique_ptr<Analyzer>> loaded = Analyzer::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(loaded.status().message()),
              ::testing::HasSubstr("line 2"));
  // A folder without the files is an empty lexicon, not an error.
  EXPECT_TRUE(Analyzer::Load(dir + "/none").ok());
}

TEST(WordMatcherTest, EveryQueryWordMustAppear) {
  const Analyzer analyzer{TestLexicon()};
  const WordMatcher chips(analyzer, "칩 부족");
  EXPECT_TRUE(chips.Matches("고성능 칩부족이 이어졌다"));
  EXPECT_TRUE(chips.Matches("칩이 부족하다"));
  EXPECT_FALSE(chips.Matches("칩 생산이 늘었다"));
  const WordMatcher wbc(analyzer, "ＷＢＣ에서");
  EXPECT_TRUE(wbc.Matches("WBC 대표팀"));
  EXPECT_TRUE(wbc.Matches("더블유비씨 대표팀"));
  EXPECT_FALSE(wbc.Matches("월드컵 대표팀"));
  // A script run alone does not stand for the word: 팰컨9 is not any 9.
  const WordMatcher falcon(analyzer, "팰컨9");
  EXPECT_TRUE(falcon.Matches("팰컨 9 발사"));
  EXPECT_FALSE(falcon.Matches("9회 발사"));
}

TEST(WordMatcherTest, AQueryWithoutWordsMatchesEverything) {
  const Analyzer analyzer{TestLexicon()};
  const WordMatcher none(analyzer, " ?! ");
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(none.Matches("아무 글"));
}

TEST(GlossesTest, NamesInParenthesesAreGlosses) {
  std::vector<Gloss> g =
      FindGlosses("미국 연방준비제도(Fed·연준)가 '섀도캠'(ShadowCam)을 보냈다");
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].head, "연방준비제도");
  EXPECT_THAT(g[0].forms, ElementsAre("Fed", "연준"));
  EXPECT_EQ(g[1].head, "섀도캠");
  EXPECT_THAT(g[1].forms, ElementsAre("ShadowCam"));
}

TEST(GlossesTest, OtherParenthesesAreNot) {
  EXPECT_TRUE(FindGlosses("댓글 수 (5) | 2026.03.12").empty());
  EXPECT_TRUE(FindGlosses("발표했다 (자세한 내용은 다음 주 공개될 예정이라고 밝혔다).")
                  .empty());
  EXPECT_TRUE(FindGlosses("(괄호로 시작").empty());
  EXPECT_TRUE(FindGlosses("닫히지 않은 괄호(ABC").empty());
}

}  // namespace
}  // namespace gisa::text
