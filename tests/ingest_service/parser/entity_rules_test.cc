// The rules of ingest_service/parser/entities/evidence.cc that find people
// and organisations in news sentences without a lexicon entry: 씨 after a
// short name, particles after a role, names in parentheses, ages, the late,
// affiliations, place compounds and office endings. Sentences are our own.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/parser/entity_extractor.h"
#include "tests/ingest_service/parser/entity_test_support.h"

namespace gisa::ingest {
namespace {

using namespace entity_testing;  // NOLINT: test helpers


TEST(EntityRulesTest, ShortNameBeforeHonorificIsAPerson) {
  const Article a = Extracted(
      {"이날 무대에 오른 소담 씨는 신곡을 처음 공개했다.",
       "하루카씨는 지난달 부산으로 이사했다."});
  EXPECT_TRUE(HasEntity(a, "소담", kPerson));
  EXPECT_TRUE(HasEntity(a, "하루카", kPerson));
}

TEST(EntityRulesTest, WordsEndingInSsiAreNoNames) {
  const Article a = Extracted(
      {"주말에는 날씨 탓에 손님이 줄었지만 요리 솜씨 좋은 아저씨 가게는 "
       "붐볐다."});
  EXPECT_EQ(a.entities_size(), 0) << a.entities(0).name();
}

TEST(EntityRulesTest, KoreanNameAfterRoleTakesAnyParticle) {
  const Article a = Extracted(
      {"취재진은 리포터 한지윤을 둘러싸고 질문을 쏟아냈다.",
       "구단은 다음 주부터 선발 투수 로테이션을 바꾸기로 했다."});
  EXPECT_TRUE(HasEntity(a, "한지윤", kPerson));
  EXPECT_EQ(FindNamed(a, "로테이션"), nullptr);
}

TEST(EntityRulesTest, CaseMarkedWordBeforeRoleIsNoName) {
  const Article a = Extracted(
      {"그는 방송을 기자에게 넘겼고 동생인 배우와 함께 떠났다.",
       "현지 법원은 미국인 변호사의 신청을 받아들였다."});
  EXPECT_EQ(FindNamed(a, "방송을"), nullptr);
  EXPECT_EQ(FindNamed(a, "동생인"), nullptr);
  EXPECT_EQ(FindNamed(a, "미국인"), nullptr);
}

TEST(EntityRulesTest, NameShapeWithObjectParticleOrInParentheses) {
  const Article a = Extracted(
      {"감독은 이번 경기에서 오세린을 주전으로 기용했다.",
       "극 중 강태오 팀장(한서준)의 대사가 화제가 됐다."});
  EXPECT_TRUE(HasEntity(a, "오세린", kPerson));
  EXPECT_TRUE(HasEntity(a, "한서준", kPerson));
}

TEST(EntityRulesTest, AgeInParenthesesMakesAnyShortNameAPerson) {
  const Article a = Extracted(
      {"그는 결승에서 리웨이(24·중국)를 꺾고 정상에 올랐다.",
       "영화 기생충(2019)은 해외에서도 호평을 받았다."});
  EXPECT_TRUE(HasEntity(a, "리웨이", kPerson));
  EXPECT_EQ(FindNamed(a, "기생충"), nullptr);
}

TEST(EntityRulesTest, PersonWithAffiliationOrNationality) {
  const Article a = Extracted(
      {"여자부 우승은 정소율(부산시청)이 차지했다.",
       "남자부에서는 에밀 드라간(세르비아)이 은메달을 땄다."});
  EXPECT_TRUE(HasEntity(a, "정소율", kPerson));
  EXPECT_TRUE(HasEntity(a, "부산시청", kOrg));
  EXPECT_NE(FindNamed(a, "정소율"), FindNamed(a, "부산시청"));
  EXPECT_TRUE(HasEntity(a, "에밀 드라간", kPerson));
}

TEST(EntityRulesTest, TheLateIsFollowedByAPerson) {
  const Article a = Extracted({"고 박지선의 빈소에는 조문객이 이어졌다."});
  EXPECT_TRUE(HasEntity(a, "박지선", kPerson));
}

TEST(EntityRulesTest, PlaceInsideACompound) {
  const Article a = Extracted(
      {"인천행 여객기는 한국시간 새벽에 출발했고 충남지역 학교는 문을 "
       "닫았다."});
  EXPECT_TRUE(HasEntity(a, "인천", kLocation));
  EXPECT_TRUE(HasEntity(a, "충남", kLocation));
}

TEST(EntityRulesTest, OfficeAndCourtEndings) {
  const Article a = Extracted(
      {"대전지검은 창원시청 직원을 불러 조사했고 한빛학원 원장도 "
       "소환했다.",
       "아동복지법 개정안과 입시학원 규제는 다음 달 논의된다."});
  EXPECT_TRUE(HasEntity(a, "대전지검", kOrg));
  EXPECT_TRUE(HasEntity(a, "창원시청", kOrg));
  EXPECT_TRUE(HasEntity(a, "한빛학원", kOrg));
  EXPECT_EQ(FindNamed(a, "아동복지법"), nullptr);
  EXPECT_EQ(FindNamed(a, "입시학원"), nullptr);
}

TEST(EntityRulesTest, GeneralKnowledgeLexicon) {
  const Article a = Extracted(
      {"새누리당은 만델라 전 대통령의 업적을 기리는 행사에 참석했다."});
  EXPECT_TRUE(HasEntity(a, "새누리당", kOrg));
  EXPECT_TRUE(HasEntity(a, "만델라", kPerson));
}

TEST(EntityRulesTest, CountryBetweenNameAndRole) {
  const Article a = Extracted(
      {"앞서 하미드 알사이드 이집트 외무장관은 회담을 제안했다."});
  EXPECT_TRUE(HasEntity(a, "하미드 알사이드", kPerson));
  EXPECT_TRUE(HasEntity(a, "이집트", kLocation));
}

TEST(EntityRulesTest, StageNameAndRealName) {
  const Article a = Extracted(
      {"어제 루미(본명 한소율)가 새 앨범을 냈다."});
  EXPECT_TRUE(HasEntity(a, "루미", kPerson));
  EXPECT_TRUE(HasEntity(a, "한소율", kPerson));
}

TEST(EntityRulesTest, ForeignNameEndingLikeAParticleStaysWhole) {
  const Article a = Extracted(
      {"이번 시즌에는 에릭 마나(스웨덴)가 합류했다.",
       "제니 올리비아는 다큐멘터리 촬영을 마쳤다."});
  EXPECT_TRUE(HasEntity(a, "에릭 마나", kPerson));
  EXPECT_EQ(FindNamed(a, "에릭 마"), nullptr);
}

TEST(EntityRulesTest, JapaneseFamilyNameFirst) {
  const Article a = Extracted(
      {"선발 등판한 다카하시 미노루의 호투로 팀이 이겼다."});
  EXPECT_TRUE(HasEntity(a, "다카하시 미노루", kPerson));
  EXPECT_EQ(FindNamed(a, "다카하시 미노"), nullptr);
}

}  // namespace
}  // namespace gisa::ingest
