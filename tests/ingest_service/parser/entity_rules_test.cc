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

TEST(EntityRulesTest, ForeignNameEndsBeforeARoleOrABody) {
  const Article a = Extracted(
      {"제니퍼 콜먼 영국 재무부 차관은 이날 회의에 불참했다.",
       "브루스 핸슨 전 장관이 회고록을 냈다.",
       "대회에는 에드워드 피셔 총독도 참석했다."});
  EXPECT_TRUE(HasEntity(a, "제니퍼 콜먼", kPerson));
  EXPECT_TRUE(HasEntity(a, "브루스 핸슨", kPerson));
  EXPECT_TRUE(HasEntity(a, "에드워드 피셔", kPerson));
}

TEST(EntityRulesTest, ForeignNameOfThreeWords) {
  const Article a = Extracted(
      {"결승골은 루카스 마리아노 베르톨리에게서 나왔다.",
       "리처드 헤이스 주니어, 켈리 오브라이언이 나란히 섰다.",
       "이번 공연은 스티븐 그레이엄 전시와 함께 열린다."});
  EXPECT_TRUE(HasEntity(a, "루카스 마리아노 베르톨리", kPerson));
  EXPECT_TRUE(HasEntity(a, "리처드 헤이스 주니어", kPerson));
  // 전시 is an exhibition after the name, not a third part of it.
  EXPECT_TRUE(HasEntity(a, "스티븐 그레이엄", kPerson));
  EXPECT_TRUE(NoEntity(a, "스티븐 그레이엄 전시"));
}

TEST(EntityRulesTest, ForeignNameKeepsItsFinalRo) {
  const Article a = Extracted(
      {"주연은 마크 카스텔로, 조연은 애덤 리베로는 아니었다.",
       "상은 니콜 파브리로에게 돌아갔다."});
  EXPECT_TRUE(HasEntity(a, "마크 카스텔로", kPerson));
  EXPECT_TRUE(HasEntity(a, "애덤 리베로", kPerson));
  EXPECT_TRUE(HasEntity(a, "니콜 파브리로", kPerson));
}

TEST(EntityRulesTest, StationsJunctionsAndMountains) {
  const Article a = Extracted(
      {"사고는 오전 7시 합정역 인근에서 일어났다.",
       "차량 정체는 판교분기점부터 서초나들목까지 이어졌다.",
       "등산객들은 관악산 정상에서 해돋이를 봤다.",
       "이 지역에서는 생산과 예산, 현역 입대 문제가 논의됐다."});
  EXPECT_TRUE(HasEntity(a, "합정역", kLocation));
  EXPECT_TRUE(HasEntity(a, "판교분기점", kLocation));
  EXPECT_TRUE(HasEntity(a, "서초나들목", kLocation));
  EXPECT_TRUE(HasEntity(a, "관악산", kLocation));
  EXPECT_EQ(a.entities_size(), 4) << a.ShortDebugString();
}

TEST(EntityRulesTest, CommitteesByShortName) {
  const Article a = Extracted(
      {"국회 법제사법위는 이날 개정안을 의결했다.",
       "정보통신심의위는 불법 행위와 최하위 순위 문제도 다뤘다."});
  EXPECT_TRUE(HasEntity(a, "법제사법위", kOrg));
  EXPECT_TRUE(HasEntity(a, "정보통신심의위", kOrg));
  EXPECT_TRUE(NoEntity(a, "최하위"));
}

TEST(EntityRulesTest, CourtWithoutItsPanel) {
  // The court is the entity users look up; 형사11부 names no body alone.
  const Article a = Extracted(
      {"대구지법 형사11부는 피고인에게 징역 3년을 선고했다.",
       "대법원 3부(주심 한정우 대법관)는 상고를 기각했다."});
  EXPECT_TRUE(HasEntity(a, "대구지법", kOrg));
  EXPECT_TRUE(HasEntity(a, "대법원", kOrg));
  EXPECT_TRUE(HasEntity(a, "한정우", kPerson));
  EXPECT_TRUE(NoEntity(a, "징역"));
}

TEST(EntityRulesTest, RolesThatAreAlsoCommonNouns) {
  const Article a = Extracted(
      {"그는 소속사와 재계약 의사를 밝히지 않았다.",
       "입국자는 공항에서 코로나 검사를 받았다.",
       "하타노 유키 일본 총리는 담화를 냈다.",
       "조현석 서울남부지검장이 사의를 밝혔다."});
  EXPECT_TRUE(NoEntity(a, "재계약"));
  EXPECT_TRUE(NoEntity(a, "코로나"));
  EXPECT_TRUE(NoEntity(a, "총리"));
  EXPECT_TRUE(HasEntity(a, "일본", kLocation));
  EXPECT_TRUE(HasEntity(a, "조현석", kPerson));
  const Article sport = Extracted({"한국 여자배구는 태국에 졌다."});
  EXPECT_TRUE(NoEntity(sport, "여자배구"));
}

TEST(EntityRulesTest, BodyNamedByItsCountryIsOneOrganisation) {
  const Article a = Extracted(
      {"프랑스 재무부는 새 예산안을 발표했다.",
       "법무부는 별도로 입장을 냈고, 캐나다 정부도 협상에 나섰다.",
       "프랑스 관광객은 지난해 두 배로 늘었다."});
  EXPECT_TRUE(HasEntity(a, "프랑스 재무부", kOrg));
  EXPECT_TRUE(HasEntity(a, "캐나다 정부", kOrg));
  // The 법무부 of the second sentence is not France's.
  EXPECT_TRUE(HasEntity(a, "법무부", kOrg));
  EXPECT_NE(FindNamed(a, "법무부"), FindNamed(a, "프랑스 재무부"));
  EXPECT_TRUE(HasEntity(a, "프랑스", kLocation));
  EXPECT_TRUE(NoEntity(a, "캐나다"));
}

TEST(EntityRulesTest, RolesWithOrdinalsRanksAndHonorifics) {
  const Article a = Extracted(
      {"회의는 문태경 1차관 주재로 열렸다.",
       "대국에서 한승오 9단은 초반부터 앞서 나갔다.",
       "시민들은 순찰을 돌던 유재혁 경장님께 감사 편지를 보냈다.",
       "나윤석 감독은 새 시즌 구상을 밝혔다."});
  EXPECT_TRUE(HasEntity(a, "문태경", kPerson));
  EXPECT_TRUE(HasEntity(a, "한승오", kPerson));
  EXPECT_TRUE(HasEntity(a, "유재혁", kPerson));
  EXPECT_TRUE(HasEntity(a, "나윤석", kPerson));
}

TEST(EntityRulesTest, KoreanNameWithBodyBeforeANarrowRole) {
  const Article a = Extracted(
      {"행사에는 한도윤 두산베어스 구단주도 참석했다.",
       "신흥 시장 구단주 모임은 따로 열렸다."});
  EXPECT_TRUE(HasEntity(a, "한도윤", kPerson));
  EXPECT_TRUE(NoEntity(a, "신흥"));
}

TEST(EntityRulesTest, NamesJoinedByAnd) {
  const Article a = Extracted(
      {"결승에 오른 박상길과 김태환은 서로를 격려했다.",
       "경찰은 해당 여교사와 유치원 원장을 불러 조사했다."});
  EXPECT_TRUE(HasEntity(a, "박상길", kPerson));
  EXPECT_TRUE(HasEntity(a, "김태환", kPerson));
  EXPECT_TRUE(NoEntity(a, "여교사"));
  EXPECT_TRUE(NoEntity(a, "유치원"));
}

TEST(EntityRulesTest, ForeignGivenNameThatEndsLikeAParticle) {
  // 하세가와 and 에두아르도 end like the particles 와 and 도.
  const Article a = Extracted(
      {"무대에는 하세가와 겐타가 올랐다.",
       "결승골은 에두아르도 페레이라가 넣었다."});
  EXPECT_TRUE(HasEntity(a, "하세가와 겐타", kPerson));
  EXPECT_TRUE(HasEntity(a, "에두아르도 페레이라", kPerson));
  EXPECT_TRUE(NoEntity(a, "하세가"));
}

TEST(EntityRulesTest, NameEndingsAndNounsBeforeRolesAreNoPeople) {
  const Article a = Extracted(
      {"투자는 한빛 홀딩스 부사장이 맡았다.",
       "프랜차이즈 음식점 CEO 출신 방송인이 화제다."});
  EXPECT_TRUE(NoEntity(a, "홀딩스"));
  EXPECT_TRUE(NoEntity(a, "음식점"));
}

TEST(EntityRulesTest, ClubsOfTheMajorLeagues) {
  const Article a = Extracted(
      {"그는 시카고 컵스와 1년 계약을 맺었다.",
       "뉴캐슬은 홈에서 에버턴을 2-0으로 꺾었다."});
  EXPECT_TRUE(HasEntity(a, "시카고 컵스", kOrg));
  EXPECT_TRUE(NoEntity(a, "시카고"));
  EXPECT_TRUE(HasEntity(a, "뉴캐슬", kOrg));
  EXPECT_TRUE(HasEntity(a, "에버턴", kOrg));
}

TEST(EntityRulesTest, LegalFormIsPartOfTheName) {
  const Article a = Extracted(
      {"피해자들은 법무법인 한결을 통해 소송을 냈다.",
       "사단법인 한국수필가협회는 성명을 냈다."});
  EXPECT_TRUE(HasEntity(a, "법무법인 한결", kOrg));
  EXPECT_TRUE(NoEntity(a, "한결"));
}

TEST(EntityRulesTest, GyeonggiIsAProvinceOnlyBeforeAPlace) {
  const Article a = Extracted(
      {"사고는 경기 안산시 단원구에서 났다.",
       "이날 경기는 비로 취소됐다."});
  EXPECT_TRUE(HasEntity(a, "경기", kLocation));
  EXPECT_TRUE(HasEntity(a, "안산시", kLocation));
  const Entity* gyeonggi = FindNamed(a, "경기");
  ASSERT_NE(gyeonggi, nullptr);
  EXPECT_EQ(gyeonggi->mentions_size(), 1);
}

TEST(EntityRulesTest, AddressPartAfterAPlaceNamedEarlier) {
  const Article a = Extracted(
      {"현장은 부산시 해운대구 일대다.",
       "피해는 해운대구 우동과 좌동에 몰렸다."});
  EXPECT_TRUE(HasEntity(a, "우동", kLocation));
}

TEST(EntityRulesTest, VillagesByTheirEnding) {
  const Article a = Extracted(
      {"관광객들은 양동마을을 둘러봤다.", "산간마을 주민들은 대피했다."});
  EXPECT_TRUE(HasEntity(a, "양동마을", kLocation));
  EXPECT_TRUE(NoEntity(a, "산간마을"));
}

TEST(EntityRulesTest, TermGlossedInLowerCaseIsNoName) {
  const Article a = Extracted(
      {"이른바 '디지털 디톡스'(digital detox)가 유행이다.",
       "앱 '슬립노트'(SleepNote)는 무료다."});
  EXPECT_TRUE(NoEntity(a, "디지털 디톡스"));
  EXPECT_TRUE(HasEntity(a, "슬립노트", kProduct));
}

TEST(EntityRulesTest, CapitalGlossAfterADescriptor) {
  const Article a = Extracted(
      {"4인조 보이그룹 네온빛(NEONBIT)이 컴백했다.",
       "시상식 아시아 뮤직 어워드(AMA)가 열렸다."});
  EXPECT_TRUE(HasEntity(a, "네온빛", kOrg));
  EXPECT_TRUE(NoEntity(a, "어워드"));
}

TEST(EntityRulesTest, QuotedNameAfterADescriptorEndingAWord) {
  const Article a = Extracted(
      {"인형극단 '파랑새 놀이터'가 무대에 올랐다."});
  EXPECT_TRUE(HasEntity(a, "파랑새 놀이터", kOrg));
}

TEST(EntityRulesTest, ForeignMinistryNamedWithItsCountry) {
  const Article a = Extracted(
      {"이탈리아 외무부는 성명을 냈다.",
       "미국 북동부에는 폭설이 내렸다."});
  EXPECT_TRUE(HasEntity(a, "이탈리아 외무부", kOrg));
  EXPECT_TRUE(NoEntity(a, "미국 북동부"));
  EXPECT_TRUE(HasEntity(a, "미국", kLocation));
}

TEST(EntityRulesTest, CourtAndItsBranchAreOneCourt) {
  const Article a = Extracted(
      {"사건은 대전지방법원 천안지원에서 다뤄진다.", "법원 지원 예산도 늘었다."});
  EXPECT_TRUE(HasEntity(a, "대전지방법원 천안지원", kOrg));
  EXPECT_TRUE(NoEntity(a, "지원"));
}

TEST(EntityRulesTest, ForeignPlaceAndTheKindOfLand) {
  const Article a = Extracted(
      {"탐사대는 캐나다를 지나 로키 산맥에 닿았다.",
       "시는 인공 호수를 새로 만들었다."});
  EXPECT_TRUE(HasEntity(a, "로키 산맥", kLocation));
  EXPECT_TRUE(NoEntity(a, "인공 호수"));
}

TEST(EntityRulesTest, EndingThatTakesInAParticleLikeSyllable) {
  const Article a = Extracted({"정체는 서해안고속도로 상행선에서 심했다."});
  EXPECT_TRUE(HasEntity(a, "서해안고속도로", kLocation));
}

TEST(EntityRulesTest, PluralsAndWordsThatJoinNamesAreNoPeople) {
  const Article a = Extracted(
      {"감독과 대표 선수들은 미디어데이에 참석했다.",
       "배우 섭외 등이 늦어졌다."});
  EXPECT_TRUE(NoEntity(a, "선수들"));
  EXPECT_TRUE(NoEntity(a, "섭외 등"));
  EXPECT_EQ(a.entities_size(), 0) << a.ShortDebugString();
}

TEST(EntityRulesTest, BareRoAfterAForeignNameIsAParticle) {
  const Article a = Extracted(
      {"구단은 외국인 투수 다카기 료타를 영입했다.",
       "선발진은 다카기 료타로 채웠고, 벤치에는 카를로스 몬테로, 리카르도 "
       "페로가 앉았다."});
  EXPECT_TRUE(HasEntity(a, "다카기 료타", kPerson));
  EXPECT_TRUE(NoEntity(a, "다카기 료타로"));
  EXPECT_TRUE(HasEntity(a, "카를로스 몬테로", kPerson));
}

TEST(EntityRulesTest, NameBeforeAGenericBodyAndARole) {
  const Article a = Extracted(
      {"한석진 노조 지부장은 출정식에서 발언했다.",
       "좌완 문채민은 시범경기에서 호투했다.",
       "빈자리는 우완 서정호로 메운다."});
  EXPECT_TRUE(HasEntity(a, "한석진", kPerson));
  EXPECT_TRUE(HasEntity(a, "문채민", kPerson));
  EXPECT_TRUE(HasEntity(a, "서정호", kPerson));
}

TEST(EntityRulesTest, MakersAndFactoriesByEnding) {
  const Article a = Extracted(
      {"해림식품은 제품을 회수했다.", "파업은 창원공장으로 번졌다.",
       "냉동식품과 자동차공장 수요가 늘었다."});
  EXPECT_TRUE(HasEntity(a, "해림식품", kOrg));
  const Article funds = Extracted(
      {"사업은 아시아녹색기금이 맡고, 장학기금과 발전기금은 따로 쓴다."});
  EXPECT_TRUE(HasEntity(funds, "아시아녹색기금", kOrg));
  EXPECT_TRUE(NoEntity(funds, "장학기금"));
  EXPECT_TRUE(NoEntity(funds, "발전기금"));
  EXPECT_TRUE(HasEntity(a, "창원공장", kLocation));
  EXPECT_TRUE(NoEntity(a, "냉동식품"));
  EXPECT_TRUE(NoEntity(a, "자동차공장"));
}

TEST(EntityRulesTest, DescriptorBeforeANameLikeWord) {
  const Article a = Extracted(
      {"반도체 기업 누리세미콘이 새 칩을 냈다.",
       "투자자들은 기업 가치가 낮다고 봤다."});
  EXPECT_TRUE(HasEntity(a, "누리세미콘", kOrg));
  EXPECT_TRUE(NoEntity(a, "가치"));
}

TEST(EntityRulesTest, ForeignNameBeforeAnAffiliationAndARole) {
  const Article a = Extracted(
      {"전시를 기획한 에밀리 웨스턴 동양미술 큐레이터는 소감을 밝혔다.",
       "왕슈린 생태환경부 부부장은 회견을 열었다."});
  EXPECT_TRUE(HasEntity(a, "에밀리 웨스턴", kPerson));
  EXPECT_TRUE(NoEntity(a, "웨스턴 동양미술"));
  EXPECT_TRUE(NoEntity(a, "동양미술"));
  EXPECT_TRUE(HasEntity(a, "왕슈린", kPerson));
}

TEST(EntityRulesTest, GlossHeadStopsAtShortWordsAndLongTransliterations) {
  const Article a = Extracted(
      {"전시는 이어진 뒤 보스턴 미술관(Museum of Fine Arts Boston)으로 "
       "옮겨 간다.",
       "회사는 스카이라이트엔진(Skylight Engine)을 인수했다."});
  EXPECT_TRUE(HasEntity(a, "보스턴 미술관", kOrg));
  EXPECT_TRUE(HasEntity(a, "스카이라이트엔진", kOrg));
  EXPECT_TRUE(NoEntity(a, "회사는 스카이라이트엔진"));
}

TEST(EntityRulesTest, TwoWordGlossIsAPersonUnlessItNamesABody) {
  const Article a = Extracted(
      {"논문은 네이처 케미스트리(Nature Chemistry)에 실렸다.",
       "공동 저자인 클라라 호프만(Clara Hoffmann) 박사가 설명했다.",
       "판권은 블루웨일 스튜디오(Bluewhale Studios)가 샀다."});
  EXPECT_TRUE(HasEntity(a, "네이처 케미스트리", kOrg));
  EXPECT_TRUE(HasEntity(a, "클라라 호프만", kPerson));
  EXPECT_TRUE(HasEntity(a, "블루웨일 스튜디오", kOrg));
}

TEST(EntityRulesTest, AgenciesCampusesAndLocalMedia) {
  const Article a = Extracted(
      {"계약은 한별스포츠매니지먼트가 맡았다.",
       "국가바이오개발사업단과 강원투데이가 발표했다.",
       "생산은 평택캠퍼스에서 한다."});
  EXPECT_TRUE(HasEntity(a, "한별스포츠매니지먼트", kOrg));
  EXPECT_TRUE(HasEntity(a, "국가바이오개발사업단", kOrg));
  EXPECT_TRUE(HasEntity(a, "강원투데이", kOrg));
  EXPECT_TRUE(HasEntity(a, "평택캠퍼스", kLocation));
}

TEST(EntityRulesTest, BandMembersByTheirRoles) {
  const Article a = Extracted(
      {"리더 한서진은 각오를 밝혔다.", "보컬 도이안과 멤버 서하람도 나섰다."});
  EXPECT_TRUE(HasEntity(a, "한서진", kPerson));
  EXPECT_TRUE(HasEntity(a, "도이안", kPerson));
  EXPECT_TRUE(HasEntity(a, "서하람", kPerson));
}

TEST(EntityRulesTest, GenericEndingAfterAPublicQualifierIsAName) {
  const Article a = Extracted(
      {"국립해양생물연구센터와 전국화학섬유노동조합이 참여했다.",
       "시내 연구센터와 노동조합도 함께했다."});
  EXPECT_TRUE(HasEntity(a, "국립해양생물연구센터", kOrg));
  const Article places = Extracted(
      {"용인소방서와 서울시의회가 대책을 내놨다.", "지방의회 권한도 논의됐다."});
  EXPECT_TRUE(HasEntity(places, "용인소방서", kOrg));
  EXPECT_TRUE(HasEntity(places, "서울시의회", kOrg));
  EXPECT_TRUE(NoEntity(places, "지방의회"));
  EXPECT_TRUE(HasEntity(a, "전국화학섬유노동조합", kOrg));
  EXPECT_TRUE(NoEntity(a, "연구센터"));
  EXPECT_TRUE(NoEntity(a, "노동조합"));
}

TEST(EntityRulesTest, OnlyCountriesNameTheirBodies) {
  const Article a = Extracted(
      {"변호인은 서울 서초구 법원 앞에서 입장을 밝혔다.",
       "일본 정부는 유감을 표했다."});
  EXPECT_TRUE(NoEntity(a, "서초구 법원"));
  EXPECT_TRUE(HasEntity(a, "서초구", kLocation));
  EXPECT_TRUE(HasEntity(a, "일본 정부", kOrg));
}

TEST(EntityRulesTest, DescriptorsAreNoEntities) {
  const Article a = Extracted(
      {"'라면'이 수출 효자로 떠올랐다.", "라면 수출은 늘었고 라면 값도 올랐다."});
  EXPECT_TRUE(NoEntity(a, "라면"));
}

TEST(EntityRulesTest, PeaksSheltersTaxOfficesAndPortals) {
  const Article a = Extracted(
      {"등산객은 천왕봉을 지나 장터목대피소에 닿았다.",
       "강남세무서는 조사를 마쳤고, 허진영 세무사는 설명했다.",
       "국내 포털 누리온이 새 서비스를 냈다. 포털 누리온은 가입자를 "
       "늘렸다."});
  EXPECT_TRUE(HasEntity(a, "천왕봉", kLocation));
  EXPECT_TRUE(HasEntity(a, "장터목대피소", kLocation));
  EXPECT_TRUE(HasEntity(a, "강남세무서", kOrg));
  EXPECT_TRUE(HasEntity(a, "허진영", kPerson));
  EXPECT_TRUE(HasEntity(a, "누리온", kOrg));
}

TEST(EntityRulesTest, DivisionsAndBranchesAreLeftToTheirParent) {
  const Article a = Extracted(
      {"한빛중공업 상선사업부를 이끄는 문태오 부사장이 밝혔다.",
       "전국교사노동조합 경기지부와 한빛대 건설환경공학부도 참여했다."});
  EXPECT_TRUE(HasEntity(a, "한빛중공업", kOrg));
  EXPECT_TRUE(NoEntity(a, "상선사업부"));
  EXPECT_TRUE(NoEntity(a, "경기지부"));
  EXPECT_TRUE(NoEntity(a, "건설환경공학부"));
}

TEST(EntityRulesTest, KoreanNameBeforeAnUnknownAffiliationAndARole) {
  const Article a = Extracted(
      {"곽은채 그린루프 대표는 투자 유치를 설명했다.",
       "이번 행사 대표는 따로 정했다."});
  EXPECT_TRUE(HasEntity(a, "곽은채", kPerson));
  EXPECT_TRUE(NoEntity(a, "그린루프"));
  EXPECT_TRUE(NoEntity(a, "행사"));
}

TEST(EntityRulesTest, HyphenInsideLatinNames) {
  const Article a = Extracted(
      {"V-리그 결승에 이어 FA-50 수출 소식이 전해졌다.",
       "LG-삼성 경쟁과 한-미 협의도 이어졌다."});
  EXPECT_TRUE(HasEntity(a, "V-리그", kOrg));
  EXPECT_TRUE(HasEntity(a, "FA-50", kProduct));
  EXPECT_TRUE(HasEntity(a, "LG", kOrg));
  EXPECT_TRUE(HasEntity(a, "삼성", kOrg));
}

}  // namespace
}  // namespace gisa::ingest
