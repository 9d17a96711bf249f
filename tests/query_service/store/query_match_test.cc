#include "query_service/store/query_match.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace gisa::query {
namespace {

TEST(QueryMatchTest, EveryWordMustOccur) {
  const text::TextTerms text =
      PrepareMatchText("올해 반도체 수출이 회복세로 돌아설 것으로 본다");
  EXPECT_TRUE(MatchesQuery(QueryTerms("반도체 수출"), text));
  EXPECT_TRUE(MatchesQuery(QueryTerms("수출 반도체"), text));
  EXPECT_FALSE(MatchesQuery(QueryTerms("반도체 내수"), text));
  EXPECT_FALSE(MatchesQuery(QueryTerms("반도체"), PrepareMatchText("")));
}

TEST(QueryMatchTest, ParticlesPunctuationCaseAndWidthDoNotMatter) {
  const text::TextTerms text = PrepareMatchText("AI 투자가 늘어난다는 전망이다");
  EXPECT_TRUE(MatchesQuery(QueryTerms("전망은?"), text));
  EXPECT_TRUE(MatchesQuery(QueryTerms("ａｉ, 투자"), text));
}

TEST(QueryMatchTest, SpacingVariantsMeet) {
  // The same analyzer as SearchFaq: Hangul bigrams join compounds.
  EXPECT_TRUE(MatchesQuery(QueryTerms("칩부족"),
                           PrepareMatchText("고성능 칩 부족이 길어진다")));
  EXPECT_TRUE(MatchesQuery(QueryTerms("칩 부족"),
                           PrepareMatchText("고성능칩부족 사태가 이어진다")));
  EXPECT_FALSE(MatchesQuery(QueryTerms("칩부족"),
                            PrepareMatchText("부족한 칩 설계 인력")));
}

TEST(QueryMatchTest, AQueryWithoutWordsMatchesEverything) {
  const QueryTerms none(" ?! ");
  EXPECT_TRUE(none.empty());
  EXPECT_TRUE(MatchesQuery(none, PrepareMatchText("아무 글")));
  EXPECT_EQ(QueryTerms("  환율, 금리 ").words(),
            (std::vector<std::string>{"환율", "금리"}));
}

}  // namespace
}  // namespace gisa::query
