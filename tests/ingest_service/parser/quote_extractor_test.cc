// QuoteExtractor on articles built in code, with entities set by hand as the
// entity extractor would leave them. The sentences are written for these
// tests in the genre of Korean news blogs.
#include "ingest_service/parser/quote_extractor.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"
#include "gtest/gtest.h"

namespace gisa::ingest {
namespace {

using gisa::v1::Article;
using gisa::v1::Quote;

class ArticleBuilder {
 public:
  ArticleBuilder& Section(
      std::vector<std::string> paragraphs,
      gisa::v1::SectionKind kind = gisa::v1::SECTION_KIND_BODY) {
    gisa::v1::Section* s = article_.add_sections();
    s->set_heading(absl::StrCat("제목 ", article_.sections_size()));
    s->set_kind(kind);
    for (std::string& p : paragraphs) s->add_paragraphs()->set_text(p);
    return *this;
  }

  // An entity with a mention at every place its name (or an alias) is
  // written, as the entity extractor reports them.
  ArticleBuilder& Entity(const std::string& name, gisa::v1::EntityType type,
                         std::vector<std::string> aliases = {}) {
    gisa::v1::Entity* e = article_.add_entities();
    e->set_name(name);
    e->set_type(type);
    std::vector<std::string> forms = aliases;
    forms.push_back(name);
    for (const std::string& alias : aliases) e->add_aliases(alias);
    AddMentions(e, forms);
    return *this;
  }

  // An entity whose name is written nowhere in the text: only its mentions
  // of `written` lead to it.
  ArticleBuilder& EntityMentionedAs(const std::string& name,
                                    gisa::v1::EntityType type,
                                    const std::string& written) {
    gisa::v1::Entity* e = article_.add_entities();
    e->set_name(name);
    e->set_type(type);
    AddMentions(e, {written});
    return *this;
  }

  Article Build() const { return article_; }

 private:
  void AddMentions(gisa::v1::Entity* e, const std::vector<std::string>& forms) {
    for (int s = 0; s < article_.sections_size(); ++s) {
      const auto& section = article_.sections(s);
      for (int p = 0; p < section.paragraphs_size(); ++p) {
        const std::string& text = section.paragraphs(p).text();
        for (const std::string& form : forms) {
          for (size_t at = text.find(form); at != std::string::npos;
               at = text.find(form, at + 1)) {
            gisa::v1::Mention* m = e->add_mentions();
            m->set_section(s);
            m->set_paragraph(p);
            m->set_begin(static_cast<int>(at));
            m->set_end(static_cast<int>(at + form.size()));
            m->set_text(form);
          }
        }
      }
    }
  }

  Article article_;
};

constexpr auto kPerson = gisa::v1::ENTITY_TYPE_PERSON;
constexpr auto kOrg = gisa::v1::ENTITY_TYPE_ORGANIZATION;

std::vector<Quote> Extract(Article article) {
  QuoteExtractor().Extract(&article);
  std::vector<Quote> quotes(article.quotes().begin(), article.quotes().end());
  // Every quote points at its own text.
  for (const Quote& q : quotes) {
    const std::string& paragraph =
        article.sections(q.section()).paragraphs(q.paragraph()).text();
    EXPECT_LE(0, q.begin());
    EXPECT_LT(q.begin(), q.end());
    EXPECT_LE(q.end(), static_cast<int>(paragraph.size()));
    EXPECT_EQ(paragraph.substr(q.begin(), q.end() - q.begin()), q.text());
  }
  return quotes;
}

std::vector<Quote> ExtractOne(const std::string& paragraph) {
  return Extract(ArticleBuilder().Section({paragraph}).Build());
}

bool Contains(absl::string_view text, absl::string_view part) {
  return text.find(part) != absl::string_view::npos;
}

TEST(QuoteExtractorTest, ReportedSpeechWithDaRegister) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"클라우드 업체 네오랩의 한지수 대표는 지난 3일 판교에서 열린 "
                    "간담회에서 올해 매출이 두 배로 늘 것이라고 말했다."})
          .Entity("네오랩", kOrg)
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  const Quote& q = quotes[0];
  EXPECT_EQ(q.speaker(), "한지수");
  EXPECT_EQ(q.speaker_description(), "클라우드 업체 네오랩의 대표");
  EXPECT_EQ(q.kind(), gisa::v1::QUOTE_KIND_INDIRECT);
  EXPECT_EQ(q.cue(), "말했다");
  EXPECT_TRUE(Contains(q.text(), "올해 매출이 두 배로 늘 것"));
  EXPECT_FALSE(Contains(q.text(), "라고"));
  EXPECT_FALSE(Contains(q.text(), "한지수"));
}

TEST(QuoteExtractorTest, ReportedSpeechWithSeumnidaRegister) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 데이터 주권을 지키려면 국내에 서버를 두어야 "
                    "한다고 강조했습니다."})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한지수");
  EXPECT_EQ(quotes[0].cue(), "강조했습니다");
  EXPECT_EQ(quotes[0].text(), "데이터 주권을 지키려면 국내에 서버를 두어야 한다");
}

// One sentence per verb of saying or judging, in both registers.
class CueVerbTest : public ::testing::TestWithParam<const char*> {};

TEST_P(CueVerbTest, AttributesTheClauseToTheSubject) {
  const std::string cue = GetParam();
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({absl::StrCat("문하늘 연구원은 전기차 시장이 다시 커지고 "
                                 "있다고 ",
                                 cue, ". 이후 일정은 공개되지 않았다.")})
          .Entity("문하늘", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u) << cue;
  EXPECT_EQ(quotes[0].speaker(), "문하늘");
  EXPECT_EQ(quotes[0].cue(), cue);
  EXPECT_EQ(quotes[0].text(), "전기차 시장이 다시 커지고 있다");
}

INSTANTIATE_TEST_SUITE_P(
    BothRegisters, CueVerbTest,
    ::testing::Values("말했다", "말했습니다", "밝혔다", "밝혔습니다",
                      "강조했다", "설명했다", "설명했습니다", "지적했다",
                      "덧붙였다", "덧붙였습니다", "주장했다", "전했다",
                      "전했습니다", "예상했다", "예측했다", "언급했다",
                      "경고했다", "평가했다", "분석했습니다", "내다봤다",
                      "내다봤습니다", "강조하며", "지적하며", "언급하며",
                      "진단했다", "안내했습니다"));

TEST(QuoteExtractorTest, QuotativeEndingsKeepTheirContent) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 결국 핵심은 데이터라고 설명했다. 한지수 대표는 "
                    "투자자들에게 지금 사도 늦지 않겠느냐고 물었다. 한지수 "
                    "대표는 경쟁사들에게 표준을 함께 만들자고 제안했다."})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].text(), "결국 핵심은 데이터");
  EXPECT_EQ(quotes[1].text(), "투자자들에게 지금 사도 늦지 않겠느냐");
  EXPECT_EQ(quotes[1].cue(), "물었다");
  EXPECT_EQ(quotes[2].text(), "경쟁사들에게 표준을 함께 만들자");
  EXPECT_EQ(quotes[2].cue(), "제안했다");
}

TEST(QuoteExtractorTest, DirectQuoteIsTheTextInsideTheMarks) {
  const std::string paragraph =
      "에너코어의 윤다인 공동 창업자는 \xE2\x80\x9C배터리 수명이 곧 경쟁력입니다. "
      "내년에는 공장을 두 곳 더 짓겠습니다\xE2\x80\x9D라고 말했다.";
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder().Section({paragraph}).Entity("에너코어", kOrg)
          .Entity("윤다인", kPerson).Build());
  ASSERT_EQ(quotes.size(), 1u);
  const Quote& q = quotes[0];
  EXPECT_EQ(q.kind(), gisa::v1::QUOTE_KIND_DIRECT);
  EXPECT_EQ(q.speaker(), "윤다인");
  EXPECT_EQ(q.speaker_description(), "에너코어의 공동 창업자");
  EXPECT_EQ(q.cue(), "말했다");
  EXPECT_EQ(q.text(),
            "배터리 수명이 곧 경쟁력입니다. 내년에는 공장을 두 곳 더 짓겠습니다");
}

TEST(QuoteExtractorTest, DirectQuoteInEveryKindOfMark) {
  const std::vector<std::pair<std::string, std::string>> marks = {
      {"\"", "\""},
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"'", "'"},
      {"\xE3\x80\x8C", "\xE3\x80\x8D"},  // 「 」
      {"\xE3\x80\x8E", "\xE3\x80\x8F"},  // 『 』
  };
  for (const auto& [open, close] : marks) {
    const std::vector<Quote> quotes = Extract(
        ArticleBuilder()
            .Section({absl::StrCat("한지수 대표는 ", open,
                                   "이번 분기가 고비가 될 겁니다", close,
                                   "라고 밝혔다.")})
            .Entity("한지수", kPerson)
            .Build());
    ASSERT_EQ(quotes.size(), 1u) << open;
    EXPECT_EQ(quotes[0].text(), "이번 분기가 고비가 될 겁니다") << open;
    EXPECT_EQ(quotes[0].kind(), gisa::v1::QUOTE_KIND_DIRECT);
    EXPECT_EQ(quotes[0].cue(), "밝혔다");
  }
}

TEST(QuoteExtractorTest, DirectQuoteWithRamyeoAndSpeakerAfterTheQuote) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 \xE2\x80\x9C지금이 투자할 때다\xE2\x80\x9D라며 "
                    "증설 계획을 내놓았다. 한지수 대표는 \xE2\x80\x9C늦었지만 "
                    "다행\xE2\x80\x9D이라면서도 말을 아꼈다.",
                    "\xE2\x80\x9C우리는 아직 배가 고픕니다\xE2\x80\x9D라고 "
                    "문하늘 연구원은 말했다."})
          .Entity("한지수", kPerson)
          .Entity("문하늘", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker(), "한지수");
  EXPECT_EQ(quotes[0].cue(), "라며");
  EXPECT_EQ(quotes[0].text(), "지금이 투자할 때다");
  EXPECT_EQ(quotes[1].cue(), "이라면서도");
  EXPECT_EQ(quotes[1].text(), "늦었지만 다행");
  EXPECT_EQ(quotes[2].speaker(), "문하늘");
  EXPECT_EQ(quotes[2].cue(), "말했다");
}

TEST(QuoteExtractorTest, QuoteIntroducedBySpeakerWithoutAttributionWord) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 짧게 답했다. 문하늘 연구원은 "
                    "\xE2\x80\x9C아직 판단하기 이릅니다.\xE2\x80\x9D"})
          .Entity("문하늘", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "문하늘");
  EXPECT_EQ(quotes[0].kind(), gisa::v1::QUOTE_KIND_DIRECT);
  EXPECT_EQ(quotes[0].cue(), "");
  EXPECT_EQ(quotes[0].text(), "아직 판단하기 이릅니다.");
}

TEST(QuoteExtractorTest, EnglishSaidBeforeOrAfterTheSpeaker) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"\"We will open two more plants next year,\" said Jane "
                    "Park.",
                    "\"Prices will fall by the summer,\" Park said.",
                    "Jane Park said, \"Demand is back.\""})
          .Entity("Jane Park", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[2].speaker(), "Jane Park");
  EXPECT_EQ(quotes[2].text(), "Demand is back.");
  EXPECT_EQ(quotes[0].speaker(), "Jane Park");
  EXPECT_EQ(quotes[0].cue(), "said");
  EXPECT_EQ(quotes[0].text(), "We will open two more plants next year,");
  EXPECT_EQ(quotes[1].speaker(), "Jane Park");
}

TEST(QuoteExtractorTest, AttributionToASourceInBothRegisters) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"데일리테크(DT)의 보도에 따르면, 국내 반도체 장비 수출이 석 달 "
                    "연속 늘었다고 합니다.",
                    "데일리테크에 따르면 부품 재고도 줄어드는 추세라고 한다.",
                    "한 대표에 따르면 신규 주문이 30% 늘었다. 보도에 따르면 "
                    "이름 없는 출처는 화자가 아니다."})
          .Entity("데일리테크", kOrg, {"DT"})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[2].speaker(), "한지수");
  EXPECT_EQ(quotes[2].text(), "신규 주문이 30% 늘었다");
  EXPECT_EQ(quotes[0].speaker(), "데일리테크");
  EXPECT_EQ(quotes[0].cue(), "따르면");
  EXPECT_EQ(quotes[0].kind(), gisa::v1::QUOTE_KIND_INDIRECT);
  EXPECT_EQ(quotes[0].text(), "국내 반도체 장비 수출이 석 달 연속 늘었다");
  EXPECT_EQ(quotes[1].text(), "부품 재고도 줄어드는 추세");
}

TEST(QuoteExtractorTest, ReportedByAMediaOutletAfterTheClause) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛전자는 이르면 다음 달 새 공장을 착공한다고 데일리테크가 "
                    "9일 보도했다."})
          .Entity("한빛전자", kOrg)
          .Entity("데일리테크", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "데일리테크");
  EXPECT_EQ(quotes[0].cue(), "보도했다");
  EXPECT_EQ(quotes[0].text(), "한빛전자는 이르면 다음 달 새 공장을 착공한다");
}

TEST(QuoteExtractorTest, SpeakerResolvesThroughAliasAndMentions) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"국가데이터연구원(데이터연)은 올해 공공 데이터 개방을 늘렸다. "
                    "데이터연은 개방 건수가 1만 건을 넘었다고 밝혔다.",
                    "오픈소스재단은 기여자가 두 배로 늘었다고 설명했다."})
          .Entity("국가데이터연구원", kOrg, {"데이터연"})
          .EntityMentionedAs("Open Source Foundation", kOrg, "오픈소스재단")
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker(), "국가데이터연구원");
  EXPECT_EQ(quotes[1].speaker(), "Open Source Foundation");
}

TEST(QuoteExtractorTest, SpeakerCarriesToPronounConnectiveAndPartialName) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"글로벌 칩 설계사 하이실리콘의 마이클 첸 부사장은 공급망이 "
                    "안정되고 있다고 말했다. 그는 가격 인하 경쟁이 곧 끝날 수 "
                    "있다는 점을 지적하며, 투자 확대를 예고했다.",
                    "이어 \xE2\x80\x9C내년 하반기가 분기점\xE2\x80\x9D이라고 "
                    "덧붙였다.",
                    "첸 부사장은 한국 시장 점유율을 10% 이상으로 예측했다."})
          .Entity("하이실리콘", kOrg)
          .Entity("마이클 첸", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 4u);
  for (const Quote& q : quotes) EXPECT_EQ(q.speaker(), "마이클 첸") << q.text();
  EXPECT_EQ(quotes[0].speaker_description(), "글로벌 칩 설계사 하이실리콘의 부사장");
  EXPECT_EQ(quotes[1].cue(), "지적하며");
  EXPECT_EQ(quotes[1].text(), "가격 인하 경쟁이 곧 끝날 수 있다");
  EXPECT_EQ(quotes[2].kind(), gisa::v1::QUOTE_KIND_DIRECT);
  EXPECT_EQ(quotes[2].cue(), "덧붙였다");
  EXPECT_EQ(quotes[3].cue(), "예측했다");
  EXPECT_EQ(quotes[3].text(), "한국 시장 점유율을 10% 이상으로");
}

TEST(QuoteExtractorTest, CompanyAnaphorCarriesTheOrganisation) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛전자는 미국 공장에서 만든 칩을 공급한다고 밝혔다. 회사 "
                    "측은 계약 규모가 수조 원에 이를 것으로 예상했다."})
          .Entity("한빛전자", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker(), "한빛전자");
  EXPECT_EQ(quotes[1].text(), "계약 규모가 수조 원에 이를 것으로");
}

TEST(QuoteExtractorTest, KoreanSurnameWithRoleResolvesToThePerson) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 신제품을 공개했다.",
                    "한 대표는 가격을 올리지 않겠다고 약속했다."})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한지수");
  EXPECT_EQ(quotes[0].cue(), "약속했다");
}

TEST(QuoteExtractorTest, SubjectlessClauseCarriesOnlyWithinItsParagraph) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 수요가 살아나고 있다고 말했다. 재고도 빠르게 "
                    "줄고 있다고 덧붙였다.",
                    "연말까지 흑자로 돌아설 수 있다고 밝혔다."})
          .Section({"그는 다음 달 새 모델을 낸다고 말했다."})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker(), "한지수");
  EXPECT_EQ(quotes[1].text(), "재고도 빠르게 줄고 있다");
  EXPECT_EQ(quotes[1].paragraph(), 0);
}

TEST(QuoteExtractorTest, WritersOwnOpinionIsNoQuote) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 수요가 살아나고 있다고 말했다. 개인적으로는 "
                    "이번 결정이 옳았다고 생각합니다."})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].cue(), "말했다");
}

TEST(QuoteExtractorTest, SeveralClausesOfOneSentence) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"문하늘 연구원은 금리가 당분간 높게 유지될 것이라고 "
                    "강조하며, 가계 부채가 가장 큰 위험이라고 경고했다."})
          .Entity("문하늘", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].cue(), "강조하며");
  EXPECT_EQ(quotes[0].text(), "금리가 당분간 높게 유지될 것");
  EXPECT_EQ(quotes[1].cue(), "경고했다");
  EXPECT_EQ(quotes[1].speaker(), "문하늘");
  EXPECT_EQ(quotes[1].text(), "가계 부채가 가장 큰 위험");
}

TEST(QuoteExtractorTest, StanceNounAndOpinionPredicate) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛전자는 올해 설비 투자를 줄이지 않겠다는 입장을 밝혔다. "
                    "반도체 경기가 하반기에 회복될 것이라는 게 문하늘 연구원의 "
                    "설명이다."})
          .Entity("한빛전자", kOrg)
          .Entity("문하늘", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker(), "한빛전자");
  EXPECT_EQ(quotes[0].text(), "올해 설비 투자를 줄이지 않겠다");
  EXPECT_EQ(quotes[1].speaker(), "문하늘");
  EXPECT_EQ(quotes[1].cue(), "설명이다");
  EXPECT_EQ(quotes[1].text(), "반도체 경기가 하반기에 회복될 것");
}

TEST(QuoteExtractorTest, OpinionNamedAfterTheQuote) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"\xE2\x80\x9C고객이 원하는 건 결국 가격입니다.\xE2\x80\x9D 한지수 "
                    "대표의 설명이다. \xE2\x80\x9C올해는 버티는 해\xE2\x80\x9D라는 게 "
                    "문하늘 연구원의 말이다. 한빛전자 측은 감산은 없다는 "
                    "입장이다. 수요가 곧 회복될 것이라는 전망이다.",
                    "\xE2\x80\x9C재고를 줄이는 게 먼저\xE2\x80\x9D 문하늘 연구원의 "
                    "진단이다."})
          .Entity("한지수", kPerson)
          .Entity("문하늘", kPerson)
          .Entity("한빛전자", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 4u);
  EXPECT_EQ(quotes[0].speaker(), "한지수");
  EXPECT_EQ(quotes[0].kind(), gisa::v1::QUOTE_KIND_DIRECT);
  EXPECT_EQ(quotes[0].cue(), "설명이다");
  EXPECT_EQ(quotes[3].speaker(), "문하늘");
  EXPECT_EQ(quotes[3].cue(), "진단이다");
  EXPECT_EQ(quotes[3].text(), "재고를 줄이는 게 먼저");
  EXPECT_EQ(quotes[1].speaker(), "문하늘");
  EXPECT_EQ(quotes[1].text(), "올해는 버티는 해");
  EXPECT_EQ(quotes[2].speaker(), "한빛전자");
  EXPECT_EQ(quotes[2].cue(), "입장이다");
  EXPECT_EQ(quotes[2].text(), "감산은 없다");
}

TEST(QuoteExtractorTest, SaidAsAnIdiom) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 과거에도 해외 진출이 늦었다고 말한 바 있다. "
                    "전문가들은 규제 완화가 먼저라고 입을 모았다. 한빛전자는 "
                    "경쟁사가 특허를 침해했다고 주장하는 소장을 냈다."})
          .Entity("한지수", kPerson)
          .Entity("한빛전자", kOrg)
          .Build());
  // 전문가들 names no entity, so what they said is no quote of the record.
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].cue(), "말한");
}

TEST(QuoteExtractorTest, TopicOfACommaClauseIsNotTheSpeaker) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛공원은 주차장이 좁아, 해림시는 대중교통을 이용해 "
                    "달라고 당부했다."})
          .Entity("한빛공원", gisa::v1::ENTITY_TYPE_LOCATION)
          .Entity("해림시", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "해림시");
  EXPECT_EQ(quotes[0].text(), "대중교통을 이용해 달라");
}

TEST(QuoteExtractorTest, YeoksiStandsForTheSubjectParticle) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛은행 역시 가계대출 증가세를 경계해야 한다고 밝혔다."})
          .Entity("한빛은행", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한빛은행");
  EXPECT_EQ(quotes[0].text(), "가계대출 증가세를 경계해야 한다");
}

TEST(QuoteExtractorTest, OrganisationNamedWithWhatItIs) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛FC 구단은 새 감독을 전폭 지지한다고 밝혔다."})
          .Entity("한빛FC", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한빛FC");
}

TEST(QuoteExtractorTest, PronounIsThePersonTheSentenceNamed) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛연맹은 이번 기록이 올해 최고라고 평가했다. 일본의 "
                    "다카기 료는 6위에 머물렀는데, 그는 \"후반 스퍼트는 "
                    "예상하지 못했다\"라고 말했다."})
          .Entity("한빛연맹", kOrg)
          .Entity("다카기 료", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker(), "다카기 료");
  EXPECT_EQ(quotes[1].text(), "후반 스퍼트는 예상하지 못했다");
}

TEST(QuoteExtractorTest, PronounAfterANamedSubjectWithoutAQuote) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛증권의 문채원 연구원은 수출이 늘 것이라고 밝혔다.",
                    "신인 오지훈은 입단식에 나섰다. 그는 \"꿈이 이뤄졌다\"라고 "
                    "말했다."})
          .Entity("한빛증권", kOrg)
          .Entity("문채원", kPerson)
          .Entity("오지훈", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker(), "오지훈");
}

TEST(QuoteExtractorTest, SurnameAndTitleIsTheBearerNamedLast) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"강태오는 \"실감이 안 난다\"고 말했다. 아버지 강석진(58) 씨도 "
                    "함께했다. 강 씨는 아들이 매일 연습했다고 회상했다."})
          .Entity("강태오", kPerson)
          .Entity("강석진", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker(), "강석진");
}

TEST(QuoteExtractorTest, CueWithMyeonseodoAndAStanceObject) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"문채원 연구원은 \"급락 가능성은 낮다\"고 분석하면서도, "
                    "하반기에는 둔화할 수 있다고 덧붙였다. 문 연구원은 다음 "
                    "분기에 회복하겠다는 포부를 밝혔다."})
          .Entity("문채원", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 3u) << quotes.size();
  EXPECT_EQ(quotes[0].text(), "급락 가능성은 낮다");
  EXPECT_EQ(quotes[0].cue(), "분석하면서도");
  EXPECT_EQ(quotes[1].text(), "하반기에는 둔화할 수 있다");
  EXPECT_EQ(quotes[2].speaker(), "문채원");
}

TEST(QuoteExtractorTest, BranchSpeaksForItsCompany) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛면세점 제주점은 매출이 45% 늘었다고 밝혔다."})
          .Entity("한빛면세점", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한빛면세점");
}

TEST(QuoteExtractorTest, PeopleNamedByACommonNounAfterAClauseSpeak) {
  // 전문가들 names no entity, so the sentence gives no quote; 국토교통부
  // only planned.
  EXPECT_TRUE(Extract(ArticleBuilder()
                          .Section({"국토교통부는 연장 구간을 완공할 계획이고, "
                                    "전문가들은 자족 기능이 과제라고 "
                                    "지적했다."})
                          .Entity("국토교통부", kOrg)
                          .Build())
                  .empty());
  // A topic inside what was said is no new speaker.
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"문채원 교수는 학생들의 풀이 능력은 최상위권이지만 쓰기 "
                    "능력은 약하다고 평가했다."})
          .Entity("문채원", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "문채원");
}

TEST(QuoteExtractorTest, SpeakerNounPhrasesWithDepartmentsAndDescriptors) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛대 문가람 경영학과 교수는 \"데이터가 무기다\"라고 "
                    "말했다.",
                    "골프 전문 방송 그린채널(Green Channel)은 \"쇼트게임은 "
                    "최상위권\"이라고 평가했다.",
                    "오하늘의 소속사 별빛엔터테인먼트는 입장문에서 \"성실히 "
                    "조사에 응했다\"라고 전했다."})
          .Entity("한빛대", kOrg)
          .Entity("문가람", kPerson)
          .Entity("그린채널", kOrg)
          .Entity("오하늘", kPerson)
          .Entity("별빛엔터테인먼트", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 3u);
  EXPECT_EQ(quotes[0].speaker(), "문가람");
  EXPECT_EQ(quotes[0].speaker_description(), "한빛대 경영학과 교수");
  EXPECT_EQ(quotes[1].speaker(), "그린채널");
  EXPECT_EQ(quotes[2].speaker(), "별빛엔터테인먼트");
}

TEST(QuoteExtractorTest, QuotativeMyeoChain) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛전자는 경쟁사가 특허를 침해했다며 소송을 냈다."})
          .Entity("한빛전자", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한빛전자");
  EXPECT_EQ(quotes[0].cue(), "다며");
  EXPECT_EQ(quotes[0].text(), "경쟁사가 특허를 침해했다");
}

TEST(QuoteExtractorTest, SpeakerThatNamesNoEntityGivesNoQuote) {
  // The spec's speaker is an entity name: 업계 관계자 is nobody to look up.
  EXPECT_TRUE(
      ExtractOne("업계 관계자는 하반기 신규 채용이 크게 줄 것이라고 말했다.")
          .empty());
  // A pronoun after such a clause does not pick up an earlier speaker.
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한빛전자는 감산은 없다고 밝혔다. 업계 관계자는 채용이 "
                    "줄 것이라고 말했다. 그는 내년이 고비라고 덧붙였다."})
          .Entity("한빛전자", kOrg)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker(), "한빛전자");
}

TEST(QuoteExtractorTest, MarksAroundNamesAndTermsAreNoQuotes) {
  EXPECT_TRUE(Extract(ArticleBuilder()
                          .Section({"한빛전자가 차세대 칩 '하늘'을 공개하면서 "
                                    "고객사 명단에 해외 기업을 올렸다. 정부는 "
                                    "'기술 자립'을 내세웠고, \xE2\x80\x9C초격차"
                                    "\xE2\x80\x9D 전략과 \xE2\x80\x98반도체 "
                                    "굴기\xE2\x80\x99가 화제가 됐다."})
                          .Entity("한빛전자", kOrg)
                          .Build())
                  .empty());
}

TEST(QuoteExtractorTest, DagoClauseWithoutVerbOfSayingIsNoQuote) {
  EXPECT_TRUE(ExtractOne("증상이 나아졌다고 약을 임의로 끊어서는 안 됩니다. "
                         "가격이 내렸다고 해서 수요가 바로 늘지는 않는다. "
                         "값이 싸다는 지적이 나온다.")
                  .empty());
  // A verb of saying with an object, not a clause: nothing reported.
  EXPECT_TRUE(Extract(ArticleBuilder()
                          .Section({"데일리테크는 국내 시장의 긍정적인 측면도 "
                                    "언급했습니다."})
                          .Entity("데일리테크", kOrg)
                          .Build())
                  .empty());
}

TEST(QuoteExtractorTest, FaqAnswersAreNoQuotes) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 수요가 살아나고 있다고 말했다."})
          .Section({"Q.전망은 어떤가요?", "A.한지수 대표는 회복이 빠를 것이라고 "
                                         "말했습니다."},
                   gisa::v1::SECTION_KIND_FAQ)
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].section(), 0);
}

TEST(QuoteExtractorTest, SummarySectionsAreRead) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"본문이다."})
          .Section({"한지수 대표는 연내 흑자 전환을 자신했다고 밝혔다."},
                   gisa::v1::SECTION_KIND_SUMMARY)
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].section(), 1);
}

TEST(QuoteExtractorTest, NestedAndStrayMarks) {
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder()
          .Section({"한지수 대표는 \xE2\x80\x9C고객이 \xE2\x80\x98이제 됐다"
                    "\xE2\x80\x99고 말할 때까지 고치겠다\xE2\x80\x9D라고 "
                    "말했다.",
                    "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9D 닫히지 않은 "
                    "\xE2\x80\x98따옴표와 \" 짝 없는 표시 \xE2\x80\x99 \xE2\x80\x9D"
                    "\xE2\x80\x9D\xE2\x80\x9D 한지수 대표는 시장이 좋다고 "
                    "말했다."})
          .Entity("한지수", kPerson)
          .Build());
  ASSERT_GE(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text(),
            "고객이 \xE2\x80\x98이제 됐다\xE2\x80\x99고 말할 때까지 고치겠다");
  EXPECT_EQ(quotes[0].kind(), gisa::v1::QUOTE_KIND_DIRECT);
}

TEST(QuoteExtractorTest, LongParagraphsWithManyMarks) {
  // Linear work: thousands of sentences and stray marks in one paragraph.
  std::string paragraph;
  for (int i = 0; i < 3000; ++i) {
    absl::StrAppendFormat(&paragraph,
                          "한지수 대표는 %d번째 제품이 잘 팔린다고 말했다. "
                          "\xE2\x80\x9C 열린 따옴표 ' 그리고 \" ",
                          i);
  }
  const std::vector<Quote> quotes = Extract(
      ArticleBuilder().Section({paragraph}).Entity("한지수", kPerson).Build());
  EXPECT_EQ(quotes.size(), 3000u);
}

TEST(QuoteExtractorTest, ArbitraryMixturesKeepOffsetsValid) {
  // Pieces of the grammar glued in a fixed pseudo-random order: whatever
  // comes out must point at its own text (checked in Extract).
  const std::vector<std::string> pieces = {
      "한지수", "대표는", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
      "\xE2\x80\x99", "\"", "'", "라고", "말했다", "다고", "밝혔습니다.",
      "에", "따르면", "그는", "이어", "다며", "점을", "지적하며", "(", ")",
      "의", "게", "설명이다", "고", " ", " ", ", ", ". ", "\xC2\xA0",
      "이하로", "예측했다", "said", "X"};
  uint32_t state = 12345;
  for (int round = 0; round < 50; ++round) {
    std::string paragraph;
    for (int i = 0; i < 400; ++i) {
      state = state * 1664525u + 1013904223u;
      paragraph += pieces[(state >> 8) % pieces.size()];
    }
    Extract(ArticleBuilder()
                .Section({paragraph, paragraph})
                .Entity("한지수", kPerson)
                .Build());
  }
}

TEST(QuoteExtractorTest, ExtractIsThreadSafe) {
  const Article article =
      ArticleBuilder()
          .Section({"한지수 대표는 수요가 살아나고 있다고 말했다. 그는 "
                    "\xE2\x80\x9C내년이 더 기대됩니다\xE2\x80\x9D라고 덧붙였다."})
          .Entity("한지수", kPerson)
          .Build();
  const QuoteExtractor extractor;
  Article expected = article;
  extractor.Extract(&expected);
  ASSERT_EQ(expected.quotes_size(), 2);
  std::vector<std::thread> threads;
  std::vector<Article> results(4, article);
  for (Article& a : results) {
    threads.emplace_back([&extractor, &a] { extractor.Extract(&a); });
  }
  for (std::thread& t : threads) t.join();
  for (const Article& a : results) {
    EXPECT_EQ(a.SerializeAsString(), expected.SerializeAsString());
  }
}

TEST(QuoteExtractorTest, ReplacesEarlierQuotes) {
  Article article = ArticleBuilder().Section({"내용 없는 문단이다."}).Build();
  article.add_quotes()->set_text("old");
  QuoteExtractor().Extract(&article);
  EXPECT_EQ(article.quotes_size(), 0);
}

}  // namespace
}  // namespace gisa::ingest
