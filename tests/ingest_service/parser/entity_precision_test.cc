// Rules of ingest_service/parser/entities/evidence.cc that keep descriptions
// from being taken for names: quoted clauses are no products, a language or
// an adverb is no person, a place before a common noun is no newspaper, and
// a word that ends like a common noun is no name or district. Each test has
// a control that the rule leaves alone. Sentences are our own.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/parser/entity_extractor.h"
#include "tests/ingest_service/parser/entity_test_support.h"

namespace gisa::ingest {
namespace {

using namespace entity_testing;  // NOLINT: test helpers


TEST(QuotedClauseTest, AdverbMakesAQuoteADescription) {
  const Article a = Extracted({"기상청 “주말 한파 매우 심각”이라고 알렸다.",
                               "기상청 '하늘지기' 앱을 새로 내놓았다."});
  EXPECT_TRUE(NoEntity(a, "주말 한파 매우 심각"));
  EXPECT_TRUE(HasEntity(a, "하늘지기", kProduct));
}

TEST(QuotedClauseTest, BoundNounAfterAVerbIsAClause) {
  const Article a = Extracted({"기상청 “장마 길어질 수도” 예보에 긴장감."});
  EXPECT_TRUE(NoEntity(a, "장마 길어질 수도"));
}

TEST(QuotedClauseTest, VerbModifyingANounIsADescription) {
  const Article a =
      Extracted({"한빛전자 '같이 성장하는 동반자' 구호를 내걸었다.",
                 "한빛전자 '검은 바다' 모델을 공개했다."});
  EXPECT_TRUE(NoEntity(a, "같이 성장하는 동반자"));
  EXPECT_TRUE(HasEntity(a, "검은 바다", kProduct));
}

TEST(QuotedClauseTest, LongTermWithOnlyAGlossIsNoProduct) {
  const Article a = Extracted(
      {"연구진은 '저온 결정 성장 공정'(LTCG)을 택해 비용을 줄였다.",
       "연구진은 '누리온'(Nurion)을 써서 계산했다."});
  EXPECT_TRUE(NoEntity(a, "저온 결정 성장 공정"));
  EXPECT_TRUE(HasEntity(a, "누리온", kProduct));
}

TEST(PersonPrecisionTest, LanguageBeforeARoleIsNoName) {
  const Article a = Extracted(
      {"주연을 맡은 한지수는 중국어 대사를 익히려고 석 달을 보냈다."});
  EXPECT_TRUE(NoEntity(a, "중국어"));
  EXPECT_TRUE(HasEntity(a, "한지수", kPerson));
}

TEST(PersonPrecisionTest, AdverbBeforeARoleIsNoName) {
  const Article a = Extracted(
      {"부작용이 생길 수 있어 반드시 의사와 상의해야 한다."});
  EXPECT_TRUE(NoEntity(a, "있어 반드시"));
  EXPECT_TRUE(NoEntity(a, "반드시"));
}

TEST(PersonPrecisionTest, NounPhraseAfterARoleIsNoForeignName) {
  const Article a = Extracted(
      {"올해부터 외국인 선수 등록 한도가 다섯 명으로 늘었다.",
       "구단은 공격수 소피 마틴은 다음 주 합류한다고 밝혔다."});
  EXPECT_TRUE(NoEntity(a, "등록 한도"));
  EXPECT_TRUE(HasEntity(a, "소피 마틴", kPerson));
}

TEST(PersonPrecisionTest, MatchWordShapedLikeANameIsNoPerson) {
  const Article a = Extracted({"정규 리그의 최종전은 다음 달 열린다.",
                               "연장전은 30분 동안 이어졌다.",
                               "이날 최서윤은 결승골을 넣었다."});
  EXPECT_TRUE(NoEntity(a, "최종전"));
  EXPECT_TRUE(NoEntity(a, "연장전"));
  EXPECT_TRUE(HasEntity(a, "최서윤", kPerson));
}

TEST(PlacePrecisionTest, PlaceAndCommonNounIsNoNewspaper) {
  const Article a = Extracted({"전문가들은 한국 경제의 회복이 늦다고 봤다.",
                               "한국경제는 이 소식을 단독 보도했다."});
  EXPECT_TRUE(NoEntity(a, "한국 경제"));
  EXPECT_TRUE(HasEntity(a, "한국경제", kOrg));
}

TEST(PlacePrecisionTest, ShortDistrictNeedsADirection) {
  const Article a = Extracted({"탐사선은 화성 남극 영구 빙하를 관측했다.",
                               "행사는 서울 중구 시청 앞에서 열렸다."});
  EXPECT_TRUE(NoEntity(a, "영구"));
  EXPECT_TRUE(HasEntity(a, "중구", kLocation));
}

TEST(OrganisationPrecisionTest, KinshipWordIsNoOffice) {
  const Article a = Extracted({"정부는 신혼부부와 청년에게 대출을 늘렸다.",
                               "산업통상자원부는 수출 대책을 내놨다."});
  EXPECT_TRUE(NoEntity(a, "신혼부부"));
  EXPECT_TRUE(HasEntity(a, "산업통상자원부", kOrg));
}

}  // namespace
}  // namespace gisa::ingest
