#include "ingest_service/parser/entities/lexicon.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace gisa::ingest {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// The rule files every lexicon has, here nearly empty.
Files RuleFiles() {
  return {
      {"rules/stopwords.txt", "# generic\nAI 반도체\n정부\n"},
      {"rules/suffixes.tsv", "전자\tORGANIZATION\t3\n연구원\tORG\t5\n부\tORG\t4\n"},
      {"rules/roles.tsv", "교수\teither\n단장\tafter\n창립자\tbefore\n"},
      {"rules/surnames.txt", "김 이 남궁\n"},
      {"rules/given_name_syllables.txt", "태 오 민 수\n"},
      {"rules/foreign_given_names.txt", "저스틴\n"},
      {"rules/cues.tsv", "칩\tPRODUCT\n스타트업\tORGANIZATION\n"},
  };
}

TEST(MatchKeyTest, FoldsCaseWidthAndSpaces) {
  EXPECT_EQ(MatchKey("WSJ"), MatchKey("ｗｓｊ"));
  EXPECT_EQ(MatchKey("WSJ"), MatchKey("wsj"));
  EXPECT_EQ(MatchKey("삼성 라이온즈"), MatchKey("삼성라이온즈"));
  EXPECT_NE(MatchKey("삼성"), MatchKey("삼성전자"));
}

TEST(EntityLexiconTest, NamesAndAliasesShareAnEntry) {
  Files files = RuleFiles();
  files.emplace_back("entities/media.tsv",
                     "# media\n월스트리트저널\tORGANIZATION\tWSJ|Wall Street "
                     "Journal\n\n미국 항공우주국\tORG\tNASA\n");
  auto lex = EntityLexicon::FromFiles(files);
  ASSERT_TRUE(lex.ok()) << lex.status();
  const LexiconName* wsj = (*lex)->FindName(MatchKey("ｗｓｊ"));
  ASSERT_NE(wsj, nullptr);
  EXPECT_EQ(wsj->name, "월스트리트저널");
  EXPECT_EQ(wsj->type, gisa::v1::ENTITY_TYPE_ORGANIZATION);
  EXPECT_EQ((*lex)->FindName(MatchKey("wall street journal")), wsj);
  EXPECT_NE((*lex)->FindName(MatchKey("미국항공우주국")), nullptr);
  EXPECT_EQ((*lex)->max_name_words(), 3);  // "Wall Street Journal"
  EXPECT_EQ((*lex)->FindName(MatchKey("블룸버그")), nullptr);
}

TEST(EntityLexiconTest, AnAddedFileExtendsTheLexicon) {
  Files files = RuleFiles();
  files.emplace_back("entities/base.tsv", "네이버\tORGANIZATION\n");
  files.emplace_back("entities/zz_local.tsv",
                     "# a user's own names\n해솔시\tLOCATION\n");
  auto lex = EntityLexicon::FromFiles(files);
  ASSERT_TRUE(lex.ok()) << lex.status();
  EXPECT_NE((*lex)->FindName(MatchKey("네이버")), nullptr);
  const LexiconName* added = (*lex)->FindName(MatchKey("해솔시"));
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->type, gisa::v1::ENTITY_TYPE_LOCATION);
}

TEST(EntityLexiconTest, MalformedLinesAreNamedByFileAndLine) {
  Files files = RuleFiles();
  files.emplace_back("entities/bad.tsv", "네이버\tORGANIZATION\n카카오\tCOMPANY\n");
  auto lex = EntityLexicon::FromFiles(files);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(lex.status().message().find("entities/bad.tsv line 2"),
            std::string::npos)
      << lex.status();

  Files no_type = RuleFiles();
  no_type.emplace_back("entities/bad.tsv", "네이버\n");
  EXPECT_FALSE(EntityLexicon::FromFiles(no_type).ok());

  Files bad_role = RuleFiles();
  bad_role[2].second = "교수\tsomewhere\n";
  auto role = EntityLexicon::FromFiles(bad_role);
  ASSERT_FALSE(role.ok());
  EXPECT_NE(role.status().message().find("rules/roles.tsv line 1"),
            std::string::npos);
}

TEST(EntityLexiconTest, StopwordsAreFolded) {
  auto lex = EntityLexicon::FromFiles(RuleFiles());
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE((*lex)->IsStopword(MatchKey("ai")));
  EXPECT_TRUE((*lex)->IsStopword(MatchKey("정부")));
  EXPECT_FALSE((*lex)->IsStopword(MatchKey("엔비디아")));
}

TEST(EntityLexiconTest, SuffixRulesTakeTheLongestEndingAndAMinimum) {
  auto lex = EntityLexicon::FromFiles(RuleFiles());
  ASSERT_TRUE(lex.ok());
  const SuffixRule* rule = (*lex)->MatchSuffix("한빛전자");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->suffix, "전자");
  // Too short for the rule, or nothing before the ending.
  EXPECT_EQ((*lex)->MatchSuffix("전자"), nullptr);
  EXPECT_EQ((*lex)->MatchSuffix("국방부"), nullptr);  // 부 needs 4 syllables
  EXPECT_NE((*lex)->MatchSuffix("산업통상부"), nullptr);
}

TEST(EntityLexiconTest, RolesMatchWholeOrAsTheEndOfACompound) {
  auto lex = EntityLexicon::FromFiles(RuleFiles());
  ASSERT_TRUE(lex.ok());
  const RoleWord* professor = (*lex)->MatchRole("교수");
  ASSERT_NE(professor, nullptr);
  EXPECT_EQ(professor->side, RoleSide::kEither);
  const RoleWord* compound = (*lex)->MatchRole("발사관리단장");
  ASSERT_NE(compound, nullptr);
  EXPECT_EQ(compound->word, "단장");
  // 장 alone is no role; 임+신부 style one-syllable heads do not count.
  EXPECT_EQ((*lex)->MatchRole("시장"), nullptr);
  EXPECT_EQ((*lex)->MatchRole("대단장"), nullptr);
  EXPECT_EQ((*lex)->MatchRole("창립자")->side, RoleSide::kBeforeName);
}

TEST(EntityLexiconTest, NameListsAndCues) {
  auto lex = EntityLexicon::FromFiles(RuleFiles());
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE((*lex)->IsSurname("남궁"));
  EXPECT_FALSE((*lex)->IsSurname("탕"));
  EXPECT_TRUE((*lex)->IsGivenNameSyllable("민"));
  EXPECT_TRUE((*lex)->IsForeignGivenName(MatchKey("저스틴")));
  EXPECT_EQ((*lex)->CueType(MatchKey("칩")), gisa::v1::ENTITY_TYPE_PRODUCT);
  EXPECT_EQ((*lex)->CueType(MatchKey("스타트업")),
            gisa::v1::ENTITY_TYPE_ORGANIZATION);
  EXPECT_EQ((*lex)->CueType(MatchKey("사과")),
            gisa::v1::ENTITY_TYPE_UNSPECIFIED);
}

TEST(EntityLexiconTest, LoadReadsTheShippedFiles) {
  auto lex =
      EntityLexicon::Load(std::string(GISA_SOURCE_DIR) + "/data/lexicons");
  ASSERT_TRUE(lex.ok()) << lex.status();
  const LexiconName* seoul = (*lex)->FindName(MatchKey("서울특별시"));
  ASSERT_NE(seoul, nullptr);
  EXPECT_EQ(seoul->name, "서울");
  EXPECT_TRUE((*lex)->IsStopword(MatchKey("반도체")));
}

TEST(EntityLexiconTest, LoadNamesAMissingRuleFile) {
  auto lex = EntityLexicon::Load("/nonexistent");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace gisa::ingest
