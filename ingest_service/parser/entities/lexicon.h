// The data the entity extractor reads: lexicons of names and the word lists
// its rules use, loaded from a folder of text files (data/lexicons/README.md
// describes the format). Users extend them by editing or adding files; no
// recompiling.
//
//   absl::StatusOr<std::unique_ptr<EntityLexicon>> lex =
//       EntityLexicon::Load("data/lexicons");
//   const LexiconName* nvidia = (*lex)->FindName(MatchKey("엔비디아"));
//   nvidia->type;  // ENTITY_TYPE_ORGANIZATION
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITIES_LEXICON_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITIES_LEXICON_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

// The key under which two spellings of a name meet: FoldForMatch (NFKC,
// case folded) with white space removed, so "WSJ", "ｗｓｊ", "삼성 라이온즈"
// and "삼성라이온즈" each find their entry. Thread-safe.
std::string MatchKey(absl::string_view text);

// One named thing of a lexicon file, with the other names it goes by.
struct LexiconName {
  std::string name;
  gisa::v1::EntityType type = gisa::v1::ENTITY_TYPE_UNSPECIFIED;
  std::vector<std::string> aliases;
  // Listed in entities/countries.tsv: a country, continent or world region.
  bool country = false;
};

// A name ending that marks a type: 전자 -> ORGANIZATION for 삼성전자.
struct SuffixRule {
  std::string suffix;
  gisa::v1::EntityType type = gisa::v1::ENTITY_TYPE_UNSPECIFIED;
  // The whole word must have at least this many syllables.
  int min_syllables = 2;
};

// Where a role or title word stands relative to the name it describes.
// kAfterKoreanName: after a name shaped like a Korean one only (김학규 시장,
// 강계열 할머니), for role words that also follow common nouns (신흥 시장).
enum class RoleSide { kAfterName, kBeforeName, kEither, kAfterKoreanName };

struct RoleWord {
  std::string word;
  RoleSide side = RoleSide::kAfterName;
};

// Immutable once loaded; every method is const and thread-safe.
class EntityLexicon {
 public:
  // Reads `dir`/entities/*.tsv and the lists under `dir`/rules/. Errors:
  // NOT_FOUND naming a missing folder or file; INVALID_ARGUMENT naming the
  // file and line of a malformed entry.
  static absl::StatusOr<std::unique_ptr<EntityLexicon>> Load(
      const std::string& dir);

  // Builds a lexicon from file contents already in memory (tests): `files`
  // maps a relative path ("entities/x.tsv", "rules/stopwords.txt") to its
  // text. Same errors as Load.
  static absl::StatusOr<std::unique_ptr<EntityLexicon>> FromFiles(
      const std::vector<std::pair<std::string, std::string>>& files);

  // The entry that has `key` (a MatchKey) as its name or an alias.
  const LexiconName* FindName(absl::string_view key) const;
  // Most words in a lexicon name ("미국 항공우주국" has 2).
  int max_name_words() const { return max_name_words_; }

  // A generic noun that is never an entity by itself (AI, 반도체, 정부).
  bool IsStopword(absl::string_view key) const;
  // The longest suffix rule `word` ends with that leaves a non-empty head.
  const SuffixRule* MatchSuffix(absl::string_view word) const;
  // `word` is itself a name ending (홀딩스, 그룹): a part of a name written
  // apart, never a name alone.
  bool IsEnding(absl::string_view word) const;
  // The role word `word` is, or for compound roles (발사관리단장) ends with;
  // an ordinal before it (2차관) or 님 after it (경장님) is allowed.
  const RoleWord* MatchRole(absl::string_view word) const;
  // `syllables` (one or two) is a Korean surname.
  bool IsSurname(absl::string_view syllables) const;
  // `syllable` is common in Korean given names.
  bool IsGivenNameSyllable(absl::string_view syllable) const;
  // `key` is a foreign given name as written in Hangul (저스틴, 소피).
  bool IsForeignGivenName(absl::string_view key) const;
  // The type a descriptor word announces for the name next to it (칩 ->
  // PRODUCT for '루빈', 스타트업 -> ORGANIZATION), or UNSPECIFIED.
  gisa::v1::EntityType CueType(absl::string_view key) const;
  // A descriptor that is part of the name it announces: a legal form
  // (법무법인 율촌, 사단법인 한국음악협회). Marked "prefix" in cues.tsv.
  bool IsNamePrefix(absl::string_view key) const;
  // CueType of `word`, or of a descriptor of two syllables or more that it
  // ends with (가면극단 -> 극단, 시장조사업체 -> 업체).
  gisa::v1::EntityType CompoundCueType(absl::string_view word) const;

 private:
  EntityLexicon() = default;
  absl::Status AddFile(absl::string_view path, absl::string_view text);

  std::vector<std::unique_ptr<LexiconName>> names_;
  absl::flat_hash_map<std::string, const LexiconName*> by_key_;
  int max_name_words_ = 1;
  absl::flat_hash_set<std::string> endings_;  // every suffix rule's suffix
  absl::flat_hash_set<std::string> stopwords_;
  std::vector<SuffixRule> suffixes_;  // longest first
  absl::flat_hash_map<std::string, RoleWord> roles_;
  int max_role_bytes_ = 0;
  absl::flat_hash_set<std::string> surnames_;
  absl::flat_hash_set<std::string> given_syllables_;
  absl::flat_hash_set<std::string> foreign_given_names_;
  absl::flat_hash_map<std::string, gisa::v1::EntityType> cues_;
  absl::flat_hash_set<std::string> name_prefixes_;
};

// Parses a type column: PERSON, ORGANIZATION, LOCATION, PRODUCT, OTHER (also
// ORG, LOC and the ENTITY_TYPE_ forms). UNSPECIFIED when unknown.
gisa::v1::EntityType ParseEntityType(absl::string_view text);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITIES_LEXICON_H_
