// The building blocks of quote extraction: pairing quotation marks, sentence
// splits that respect quotes, and the quotative endings of Korean.
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/quotes/lexicon.h"
#include "ingest_service/parser/quotes/marks.h"
#include "ingest_service/parser/quotes/segment.h"

namespace gisa::ingest::quotes {
namespace {

std::vector<std::string> Contents(absl::string_view text) {
  std::vector<std::string> out;
  for (const QuoteSpan& q : FindQuoteSpans(text)) {
    out.emplace_back(
        text.substr(q.content_begin, q.content_end - q.content_begin));
  }
  return out;
}

TEST(FindQuoteSpansTest, PairsEveryKindOfMark) {
  EXPECT_EQ(Contents("그는 “좋다”고 했고 ‘싫다’고도 했다"),
            (std::vector<std::string>{"좋다", "싫다"}));
  EXPECT_EQ(Contents("\"가\" 그리고 '나'와 「다」, 『라』"),
            (std::vector<std::string>{"가", "나", "다", "라"}));
}

TEST(FindQuoteSpansTest, NestedQuoteBelongsToTheOuterOne) {
  EXPECT_EQ(Contents("“그가 ‘됐다’고 했다”라고"),
            (std::vector<std::string>{"그가 ‘됐다’고 했다"}));
}

TEST(FindQuoteSpansTest, MixedMarksOfOneFamilyPair) {
  EXPECT_EQ(Contents("\"최고는 아니었다”라고"),
            (std::vector<std::string>{"최고는 아니었다"}));
}

TEST(FindQuoteSpansTest, ApostrophesAndStrayMarksAreIgnored) {
  EXPECT_EQ(Contents("Korea's don't ” 닫는 표시만 “ 여는 표시만"),
            std::vector<std::string>{});
  // A closing mark followed by a particle still closes: '루빈'을.
  EXPECT_EQ(Contents("차세대 칩 '루빈'을 공개"),
            (std::vector<std::string>{"루빈"}));
}

TEST(FindQuoteSpansTest, OverlongQuoteIsAStrayMark) {
  const std::string text = "“" + std::string(kMaxQuoteBytes + 10, 'a') + "”";
  EXPECT_TRUE(FindQuoteSpans(text).empty());
}

TEST(SentenceSplitterTest, KeepsQuotesWhole) {
  const std::string text =
      "그는 “값이 올랐다. 더 오를 것이다.”라고 말했다. 다음 문장이다.";
  SentenceSplitter splitter;
  const std::vector<ByteRange> sentences =
      splitter.Split(text, FindQuoteSpans(text));
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(text.substr(sentences[1].begin,
                        sentences[1].end - sentences[1].begin),
            "다음 문장이다.");
  EXPECT_EQ(sentences[0].begin, 0);
  EXPECT_EQ(sentences[1].end, static_cast<int>(text.size()));
}

TEST(SplitWordsTest, GlossStaysWithItsWord) {
  const std::string text = "큐레이터 소피 마틴(Sophie Martin)은 말했다.";
  const std::vector<Word> words = SplitWords(text, 0, text.size());
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(text.substr(words[2].core_begin,
                        words[2].core_end - words[2].core_begin),
            "마틴(Sophie Martin)은");
  EXPECT_TRUE(words[3].sentence_end);
  std::string gloss;
  EXPECT_EQ(WithoutGloss("월스트리트저널(WSJ)의", &gloss), "월스트리트저널의");
  EXPECT_EQ(gloss, "WSJ");
}

TEST(QuotativeTest, KeepsTheClauseTypeSyllable) {
  const std::string kHanda = "한다고";
  Quotative q = QuotativeOf(kHanda);
  EXPECT_EQ(q.kind, kQuotativeGo);
  EXPECT_EQ(kHanda.substr(0, kHanda.size() - q.strip_bytes), "한다");

  const std::string kCopula = "차별점이라고";
  q = QuotativeOf(kCopula);
  EXPECT_EQ(kCopula.substr(0, kCopula.size() - q.strip_bytes), "차별점");

  const std::string kImperative = "조심하라고";
  q = QuotativeOf(kImperative);
  EXPECT_EQ(kImperative.substr(0, kImperative.size() - q.strip_bytes),
            "조심하라");

  EXPECT_EQ(QuotativeOf("있다며").kind, kQuotativeMyeo);
  EXPECT_EQ(QuotativeOf("있다는").kind, kQuotativeNeun);
  EXPECT_EQ(QuotativeOf("라고").kind, kNotQuotative);
  EXPECT_EQ(QuotativeOf("사고").kind, kNotQuotative);
}

TEST(CueClassTest, VerbsOfSayingInBothRegisters) {
  for (const char* cue : {"말했다", "말했습니다", "밝혔다", "밝혔습니다",
                          "덧붙였다", "강조하며", "내다봤습니다"}) {
    EXPECT_TRUE(CueClassOf(cue) & kCueSpeech) << cue;
  }
  EXPECT_TRUE(CueClassOf("예측하며") & kCueForecast);
  EXPECT_TRUE(CueClassOf("주장하는") & kCueAdnominal);
  EXPECT_EQ(CueClassOf("말"), kCueNone);
  EXPECT_EQ(CueClassOf("평가와"), kCueNone);
}

}  // namespace
}  // namespace gisa::ingest::quotes
