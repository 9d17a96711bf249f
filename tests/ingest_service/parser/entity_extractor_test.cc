#include "ingest_service/parser/entity_extractor.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tests/ingest_service/parser/entity_test_support.h"

namespace gisa::ingest {
namespace {

using namespace entity_testing;  // NOLINT: test helpers

// One body section: the heading, then one paragraph per string.
Article MakeArticle(const std::string& heading,
                    const std::vector<std::string>& paragraphs) {
  Article a;
  gisa::v1::Section* s = a.add_sections();
  s->set_heading(heading);
  s->set_kind(gisa::v1::SECTION_KIND_BODY);
  for (const std::string& p : paragraphs) s->add_paragraphs()->set_text(p);
  return a;
}

Article Extracted(Article a) {
  Extractor().Extract(&a);
  return a;
}

const Entity* Find(const Article& a, const std::string& name) {
  for (const Entity& e : a.entities()) {
    if (e.name() == name) return &e;
  }
  return nullptr;
}

std::vector<std::string> Names(const Article& a) {
  std::vector<std::string> names;
  for (const Entity& e : a.entities()) names.push_back(e.name());
  return names;
}

bool HasAlias(const Entity& e, const std::string& alias) {
  for (const std::string& a : e.aliases()) {
    if (a == alias) return true;
  }
  return false;
}

#define EXPECT_ENTITY(article, entity_name, entity_type)         \
  do {                                                           \
    const Entity* found = Find(article, entity_name);            \
    ASSERT_NE(found, nullptr) << "no entity " << entity_name;    \
    EXPECT_EQ(found->type(), entity_type) << entity_name;        \
  } while (0)

TEST(EntityExtractorTest, LexiconNamesLoseTheirParticles) {
  const Article a = Extracted(MakeArticle(
      "반도체 수출 동향",
      {"엔비디아가 새 칩을 내놓자 삼성전자와 TSMC의 주가가 함께 올랐다. "
       "베트남에서는 공장 증설이 이어졌다."}));
  EXPECT_ENTITY(a, "엔비디아", kOrg);
  EXPECT_ENTITY(a, "삼성전자", kOrg);
  EXPECT_ENTITY(a, "TSMC", kOrg);
  EXPECT_ENTITY(a, "베트남", kLocation);
}

TEST(EntityExtractorTest, GenericNounsAreNotEntities) {
  const Article a = Extracted(MakeArticle(
      "AI 반도체 경쟁",
      {"정부는 AI 반도체 기업과 투자자를 위한 지원책을 내놓았다. 대표팀과 "
       "업계는 환영했다."}));
  for (const char* generic : {"AI", "반도체", "정부", "기업", "투자자",
                              "대표팀", "업계"}) {
    EXPECT_EQ(Find(a, generic), nullptr) << generic;
  }
}

TEST(EntityExtractorTest, OrganisationAndPlaceEndings) {
  const Article a = Extracted(MakeArticle(
      "지역 경제 소식",
      {"한빛전자와 누리금융그룹은 다온대학교, 새봄병원과 손잡았다. "
       "미래에너지협회는 해솔인재진흥원과 함께 행사를 열었다."}));
  EXPECT_ENTITY(a, "한빛전자", kOrg);
  EXPECT_ENTITY(a, "누리금융그룹", kOrg);
  EXPECT_ENTITY(a, "다온대학교", kOrg);
  EXPECT_ENTITY(a, "새봄병원", kOrg);
  EXPECT_ENTITY(a, "미래에너지협회", kOrg);
  EXPECT_ENTITY(a, "해솔인재진흥원", kOrg);
}

TEST(EntityExtractorTest, GenericCompoundsWithEndingsStayOut) {
  const Article a = Extracted(MakeArticle(
      "의료 현장",
      {"대학병원과 데이터센터, 중앙은행이 모두 긴장했다."}));
  EXPECT_TRUE(a.entities().empty()) << Names(a).size();
}

TEST(EntityExtractorTest, RoleAfterName) {
  const Article a = Extracted(MakeArticle(
      "인터뷰",
      {"한빛전자의 남궁민수 부사장은 계획을 설명했다. 다온대학교 화학과 "
       "윤채린 교수는 우려를 나타냈다. 최도윤 발사운영단장은 자신감을 "
       "보였다."}));
  EXPECT_ENTITY(a, "남궁민수", kPerson);
  EXPECT_ENTITY(a, "윤채린", kPerson);
  EXPECT_ENTITY(a, "최도윤", kPerson);
  // The role word is not part of the name.
  EXPECT_EQ(Find(a, "윤채린 교수"), nullptr);
}

TEST(EntityExtractorTest, RoleBeforeName) {
  const Article a = Extracted(MakeArticle(
      "스타트업 소식",
      {"스타트업 루모스의 창업자 하오밍은 투자 유치를 밝혔다. 베테랑 "
       "애널리스트 엘레나 포드는 신중론을 폈다."}));
  EXPECT_ENTITY(a, "하오밍", kPerson);
  EXPECT_ENTITY(a, "엘레나 포드", kPerson);
  // The employer of a founder, announced by 스타트업, is an organisation.
  EXPECT_ENTITY(a, "루모스", kOrg);
}

TEST(EntityExtractorTest, HonorificWholeWordIsTheName) {
  // 나 and 도 end these names; they are no particles before 씨.
  const Article a = Extracted(MakeArticle(
      "방송", {"가수 김하나 씨와 방송인 이수도 씨가 출연했다."}));
  EXPECT_ENTITY(a, "김하나", kPerson);
  EXPECT_ENTITY(a, "이수도", kPerson);
}

TEST(EntityExtractorTest, ForeignGivenNameAndSurname) {
  const Article a = Extracted(MakeArticle(
      "실리콘밸리", {"회사를 이끄는 마이클 번스는 인력을 늘리겠다고 했다."}));
  EXPECT_ENTITY(a, "마이클 번스", kPerson);
}

TEST(EntityExtractorTest, LatinGlossBecomesAlias) {
  const Article a = Extracted(MakeArticle(
      "해외 언론",
      {"파이낸셜타임스(FT)에 따르면 노바랩스(Novalabs)는 새 모델을 "
       "공개했다. FT는 후속 보도를 예고했다."}));
  const Entity* ft = Find(a, "파이낸셜타임스");
  ASSERT_NE(ft, nullptr);
  EXPECT_TRUE(HasAlias(*ft, "FT"));
  // Both spellings are mentions of one entity.
  EXPECT_EQ(ft->mentions_size(), 3);
  const Entity* nova = Find(a, "노바랩스");
  ASSERT_NE(nova, nullptr);
  EXPECT_EQ(nova->type(), kOrg);
  EXPECT_TRUE(HasAlias(*nova, "Novalabs"));
}

TEST(EntityExtractorTest, HangulAbbreviationInParenthesesAndLater) {
  const Article a = Extracted(MakeArticle(
      "정책",
      {"해양환경보전협회(해보협)는 조사를 시작했다. 해보협은 결과를 곧 "
       "발표한다. 한국해운물류협회 관계자는 물류협회 차원의 대응을 "
       "예고했다."}));
  const Entity* first = Find(a, "해양환경보전협회");
  ASSERT_NE(first, nullptr);
  EXPECT_TRUE(HasAlias(*first, "해보협"));
  EXPECT_EQ(first->mentions_size(), 3);
  const Entity* second = Find(a, "한국해운물류협회");
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(HasAlias(*second, "물류협회"));
}

TEST(EntityExtractorTest, QuotedNameWithProductCue) {
  const Article a = Extracted(MakeArticle(
      "신제품",
      {"한빛전자는 차세대 칩 '오로라'를 공개했다. 누리금융그룹의 "
       "'하늘페이'(Haneulpay)도 주목받았다. 업계에서는 이른바 '소버린 "
       "반도체' 경쟁이 시작됐다는 말이 나온다."}));
  EXPECT_ENTITY(a, "오로라", kProduct);
  const Entity* pay = Find(a, "하늘페이");
  ASSERT_NE(pay, nullptr);
  EXPECT_EQ(pay->type(), kProduct);
  EXPECT_TRUE(HasAlias(*pay, "Haneulpay"));
  // A quoted phrase without product evidence is no entity.
  EXPECT_EQ(Find(a, "소버린 반도체"), nullptr);
}

TEST(EntityExtractorTest, NameQuotedTwiceIsAProduct) {
  const Article a = Extracted(MakeArticle(
      "전시",
      {"이번 전시의 대표작은 '분청 철화 물고기 항아리'이다.",
       "관람객들은 '분청 철화 물고기 항아리' 앞에 오래 머물렀다."}));
  EXPECT_ENTITY(a, "분청 철화 물고기 항아리", kProduct);
}

TEST(EntityExtractorTest, CompanyNamesFromTheirParts) {
  const Article a = Extracted(MakeArticle(
      "바이오 업계",
      {"GC백신연구소와 네이버헬스케어가 협약을 맺었다. 하이브리드 차량도 "
       "늘었다."}));
  EXPECT_ENTITY(a, "GC백신연구소", kOrg);      // Latin group + Hangul
  EXPECT_ENTITY(a, "네이버헬스케어", kOrg);    // known company + more
  EXPECT_EQ(Find(a, "하이브리드"), nullptr);  // 하이브 + 리드 is a word
}

TEST(EntityExtractorTest, NamesByShapeAgeAndLists) {
  const Article a = Extracted(MakeArticle(
      "경기 결과",
      {"결승골은 박준혁이 넣었다. 방송인 한지민(34) 씨도 경기장을 찾았고, "
       "정우진, 김태희도 응원했다. 고려하는 방안은 많다."}));
  EXPECT_ENTITY(a, "박준혁", kPerson);   // surname + given name + particle
  EXPECT_ENTITY(a, "한지민", kPerson);   // name and age
  EXPECT_ENTITY(a, "정우진", kPerson);   // a list of names
  EXPECT_ENTITY(a, "김태희", kPerson);
  EXPECT_EQ(Find(a, "고려하"), nullptr);  // a verb stem, not 고 + 려하
}

TEST(EntityExtractorTest, QuotedNameAfterACompanyOrBeforeAProductVerb) {
  const Article a = Extracted(MakeArticle(
      "신작", {"카카오 '모아'는 인기를 끌었다. 한빛전자는 '누리온'을 출시했다."}));
  EXPECT_ENTITY(a, "모아", kProduct);
  EXPECT_ENTITY(a, "누리온", kProduct);
}

TEST(EntityExtractorTest, AddressPartsAfterAPlace) {
  const Article a = Extracted(MakeArticle(
      "행사", {"행사는 부산 해운대구 우동에서 열렸고 인제군에서도 열린다."}));
  EXPECT_ENTITY(a, "부산", kLocation);
  EXPECT_ENTITY(a, "해운대구", kLocation);
  EXPECT_ENTITY(a, "우동", kLocation);
  EXPECT_ENTITY(a, "인제군", kLocation);
}

TEST(EntityExtractorTest, MentionsAreByteOffsetsIntoTheParagraph) {
  const Article a = Extracted(MakeArticle(
      "엔비디아의 반격", {"올해 엔비디아는 성장했다.", "엔비디아의 '루빈' 칩."}));
  const Entity* nvidia = Find(a, "엔비디아");
  ASSERT_NE(nvidia, nullptr);
  ASSERT_EQ(nvidia->mentions_size(), 3);
  for (const gisa::v1::Mention& m : nvidia->mentions()) {
    const gisa::v1::Section& s = a.sections(m.section());
    const std::string& text =
        m.paragraph() < 0 ? s.heading() : s.paragraphs(m.paragraph()).text();
    EXPECT_EQ(text.substr(m.begin(), m.end() - m.begin()), m.text());
    EXPECT_EQ(m.text(), "엔비디아");  // the particle is not part of it
  }
  // The heading mention has no paragraph.
  EXPECT_EQ(nvidia->mentions(0).paragraph(), -1);
  EXPECT_EQ(nvidia->mentions(1).paragraph(), 0);
  EXPECT_EQ(nvidia->mentions(1).begin(), 7);  // after "올해 "
}

TEST(EntityExtractorTest, CanonicalNameIsTheFirstWrittenForm) {
  const Article a = Extracted(MakeArticle(
      "연준", {"연준은 금리를 동결했다. 연방준비제도(Fed)의 결정은 예상대로였다."}));
  ASSERT_EQ(a.entities_size(), 1);
  const Entity& fed = a.entities(0);
  EXPECT_EQ(fed.name(), "연준");
  EXPECT_TRUE(HasAlias(fed, "연방준비제도"));
  EXPECT_TRUE(HasAlias(fed, "Fed"));
}

TEST(EntityExtractorTest, OneWordOfAFullNameLaterIsTheSamePerson) {
  const Article a = Extracted(MakeArticle(
      "영화제",
      {"개막작은 와타나베 료헤이 감독의 신작이다. 와타나베 감독은 관객과 "
       "만났다.",
       "주연은 제니퍼 콜린스가 맡았다. 콜린스는 소감을 밝혔다."}));
  const Entity* watanabe = FindNamed(a, "와타나베 료헤이");
  ASSERT_NE(watanabe, nullptr);
  EXPECT_EQ(watanabe->mentions_size(), 2);
  EXPECT_EQ(FindNamed(a, "와타나베"), watanabe);
  const Entity* collins = FindNamed(a, "제니퍼 콜린스");
  ASSERT_NE(collins, nullptr);
  EXPECT_EQ(collins->mentions_size(), 2);
  EXPECT_EQ(FindNamed(a, "콜린스"), collins);
  EXPECT_EQ(a.entities_size(), 2);
}

TEST(EntityExtractorTest, FirstWordOfAForeignCompanyStandsForIt) {
  const Article a = Extracted(MakeArticle(
      "제약", {"판권은 미국 제약사 그린포트 파마(Greenport Pharma)가 샀다. "
               "그린포트는 하반기 허가를 신청한다."}));
  const Entity* company = FindNamed(a, "그린포트 파마");
  ASSERT_NE(company, nullptr) << a.ShortDebugString();
  EXPECT_EQ(company->type(), kOrg);
  EXPECT_EQ(FindNamed(a, "그린포트"), company);
}

TEST(EntityExtractorTest, SyllableAbbreviationOfAnOrganisation) {
  const Article a = Extracted(MakeArticle(
      "연구", {"한국천문연구원은 결과를 냈다. 천문연이 분석을 맡았다. "
               "천문연은 후속 연구도 한다."}));
  // 천문연 is also shaped like a personal name (천 + 문연).
  ASSERT_EQ(a.entities_size(), 1) << a.ShortDebugString();
  EXPECT_EQ(a.entities(0).name(), "한국천문연구원");
  EXPECT_TRUE(HasAlias(a.entities(0), "천문연"));
  EXPECT_EQ(a.entities(0).mentions_size(), 3);
}

TEST(EntityExtractorTest, CaseAndWidthVariantsAreOneEntity) {
  const Article a = Extracted(MakeArticle(
      "보도", {"WSJ는 보도했다. ｗｓｊ 역시 후속 기사를 냈다."}));
  ASSERT_EQ(a.entities_size(), 1);
  EXPECT_EQ(a.entities(0).mentions_size(), 2);
}

TEST(EntityExtractorTest, OrderAndSalience) {
  const Article a = Extracted(MakeArticle(
      "카카오의 새 전략",
      {"카카오는 일본 시장을 겨냥한다. 카카오는 서비스를 넓힌다.",
       "카카오의 경쟁자는 구글이다."}));
  ASSERT_EQ(Names(a), (std::vector<std::string>{"카카오", "일본", "구글"}));
  EXPECT_DOUBLE_EQ(a.entities(0).salience(), 1.0);
  for (const Entity& e : a.entities()) {
    EXPECT_GT(e.salience(), 0.0);
    EXPECT_LE(e.salience(), 1.0);
  }
  EXPECT_GT(a.entities(1).salience(), a.entities(2).salience());
}

TEST(EntityExtractorTest, ReplacesEntitiesAndReadsOnlySections) {
  Article a = MakeArticle("소식", {"네이버는 성장했다."});
  a.add_entities()->set_name("낡은 값");
  gisa::v1::RelatedArticle* r = a.add_related();
  r->set_title("구글과 애플의 경쟁");
  Extractor().Extract(&a);
  EXPECT_EQ(Names(a), (std::vector<std::string>{"네이버"}));
}

TEST(EntityExtractorTest, EmptyArticleHasNoEntities) {
  Article a;
  Extractor().Extract(&a);
  EXPECT_TRUE(a.entities().empty());
}

TEST(EntityExtractorTest, LongParagraphIsHandled) {
  std::string paragraph;
  for (int i = 0; i < 3000; ++i) {
    paragraph += "삼성전자와 '하늘페이'(Haneulpay) 그리고 김태오 교수는 서울 "
                 "용산구에서 만났다. ";
  }
  const Article a = Extracted(MakeArticle("긴 글", {paragraph}));
  const Entity* samsung = Find(a, "삼성전자");
  ASSERT_NE(samsung, nullptr);
  EXPECT_EQ(samsung->mentions_size(), 3000);
}

TEST(EntityExtractorTest, ExtractIsThreadSafe) {
  const Article input = MakeArticle(
      "동시 처리", {"네이버와 카카오, 구글이 서울에서 만났다. 김태오 교수가 "
                "발표했다."});
  const Article expected = Extracted(input);
  std::vector<std::thread> threads;
  std::vector<Article> results(4, input);
  for (Article& r : results) {
    threads.emplace_back([&r] { Extractor().Extract(&r); });
  }
  for (std::thread& t : threads) t.join();
  for (const Article& r : results) {
    EXPECT_EQ(r.SerializeAsString(), expected.SerializeAsString());
  }
}

TEST(EntityExtractorTest, LoadNamesAMissingFolder) {
  auto missing = EntityExtractor::Load("/nonexistent/lexicons");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/lexicons"),
            std::string::npos);
}

}  // namespace
}  // namespace gisa::ingest
