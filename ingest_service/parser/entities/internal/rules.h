// The rules of evidence.h as one class over an article's units, shared by
// the files that hold them: evidence.cc (the run, shared helpers and the
// lexicon rule), rules_people.cc, rules_places.cc and rules_glosses.cc.
// Internal to ingest_service/parser/entities: include evidence.h instead.
//
//   std::vector<Evidence> evidence =
//       entity_rules::Rules(lexicon, units).Run();
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITIES_INTERNAL_RULES_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITIES_INTERNAL_RULES_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"
#include "ingest_service/parser/entities/evidence.h"
#include "ingest_service/parser/entities/lexicon.h"
#include "ingest_service/parser/entities/units.h"

namespace gisa::ingest::entity_rules {

using gisa::v1::EntityType;
inline constexpr EntityType kPerson = gisa::v1::ENTITY_TYPE_PERSON;
inline constexpr EntityType kOrg = gisa::v1::ENTITY_TYPE_ORGANIZATION;
inline constexpr EntityType kLocation = gisa::v1::ENTITY_TYPE_LOCATION;
inline constexpr EntityType kProduct = gisa::v1::ENTITY_TYPE_PRODUCT;
inline constexpr EntityType kUnspecified = gisa::v1::ENTITY_TYPE_UNSPECIFIED;

inline constexpr int kLexiconStrength = 10;
inline constexpr int kRegionStrength = 8;
inline constexpr int kRoleStrength = 6;
inline constexpr int kSuffixStrength = 5;
inline constexpr int kForeignNameStrength = 5;
inline constexpr int kCountryBodyStrength = 6;
inline constexpr int kNamePrefixStrength = 6;
inline constexpr int kNameLikeCueStrength = 3;
inline constexpr int kCapitalGlossStrength = 2;
inline constexpr int kChainStrength = 4;
inline constexpr int kLatinGroupStrength = 4;
inline constexpr int kCompanyPrefixStrength = 3;
inline constexpr int kGlossStrength = 4;
inline constexpr int kNameShapeStrength = 3;
inline constexpr int kCueStrength = 2;
inline constexpr int kAffiliationStrength = 2;

// Verbs that take a product as object right after a quoted name: '루빈'을
// 발표하면서.
inline constexpr absl::string_view kProductVerbs[] = {
    "발표", "출시", "공개", "선보", "내놓", "탑재", "개발", "앞세", "도입",
    "적용", "판매", "론칭", "공급", "접종", "복용", "처방", "발사"};

// Last syllables that end a clause rather than a name: a quote ending in
// them is speech, not a name.
inline constexpr absl::string_view kClauseEndings[] = {
    "했다", "한다", "된다", "있다", "없다", "이다", "였다", "었다",
    "았다", "겠다", "는다", "니다", "싶다", "같다", "요",   "죠",
    "까",   "냐",   "니",   "며",   "면",   "게",   "네"};

// Address parts that follow a place: 서울 용산구, 부산시 사하구 하단동.
// (Not 길: 순방길, 출근길.)
inline constexpr absl::string_view kAddressEndings[] = {"구", "군", "동", "읍",
                                                        "면", "리", "로"};

// A known place plus one of these is a place: 부산시, 사이타마현, 광둥성,
// 울산공장, 부산항.
inline constexpr absl::string_view kRegionEndings[] = {
    "시", "군", "구", "도", "현", "주", "성", "읍", "면", "공장", "항"};

// Everything the rules share for one article. Not thread-safe: one per
// article, used once.
class Rules {
 public:
  Rules(const EntityLexicon& lexicon, const std::vector<TextUnit>& units)
      : lex_(lexicon), units_(units) {
    covered_.resize(units.size());
    for (size_t u = 0; u < units.size(); ++u) {
      covered_[u].assign(units[u].words.size(), kUnspecified);
    }
  }

  std::vector<Evidence> Run();

  // '수면 빚'(sleep debt), '캐즘'(chasm): a quoted word glossed in lower
  // case is a term being explained, not a name; quotes alone do not make
  // it one (a lexicon still may).
  void DropTerms();

  // Disney in 디즈니플러스(Disney+) is part of the gloss, not a name of its
  // own: evidence inside a gloss stands only for the whole gloss.
  void DropPartsOfGlosses();

 private:
  // --- helpers -------------------------------------------------------------

  const UnitWord& W(size_t u, size_t i) const { return units_[u].words[i]; }

  std::string Key(absl::string_view s) const { return MatchKey(s); }

  bool Stop(absl::string_view s) const { return lex_.IsStopword(Key(s)); }

  // The unit text of words [first, last], the last without its particle.
  absl::string_view NameText(size_t u, size_t first, size_t last) const;

  void Add(const char* rule, size_t u, size_t first, size_t last,
           absl::string_view name, EntityType type, int strength,
           const LexiconName* entry = nullptr, absl::string_view alias = {});

  // A lexicon name of the given type (any type for UNSPECIFIED) that the
  // stem of word i is, read with its particle.
  const LexiconName* LexiconWord(size_t u, size_t i) const;

  // Korean personal name: a surname of one syllable and a given name of one
  // or two, or a two-syllable surname and a given name of two (남궁민수).
  bool KoreanNameShape(absl::string_view stem) const;

  // A stem that may be a name at all: not a generic noun, not a role, not a
  // known non-person, not an organisation or place by its ending.
  bool FreeForPerson(absl::string_view stem) const;

  // A word before a role that reads as a case-marked common word, not a
  // name: 방송을 기자, 반응을 보인, 동생인 배우, 조사한 결과. Names
  // seldom end in these syllables, and a known generic noun with a
  // particle is no name (부인인, 남편인).
  bool MarkedCommonWord(const UnitWord& w) const;

  bool PersonWord(const UnitWord& w, int min_syllables) const;

  // True when nothing but white space separates word i from the next.
  bool PlainAfter(size_t u, size_t i) const;

  // The name part ends here: a particle, punctuation or the unit's end.
  bool EndsName(size_t u, size_t i) const;

  // --- lexicon -------------------------------------------------------------

  void LexiconRule(size_t u);

  // 한국 경제 is the Korean economy, not the paper 한국경제: a name the
  // lexicon writes only without spaces, read over a place and another word,
  // is a place and a common noun. (삼성 라이온즈 and 미국 연방준비제도
  // stay: the first word is no place or the lexicon writes the space.)
  bool PlaceThenNoun(const LexiconName& entry, const UnitWord& first) const;

  // --- places --------------------------------------------------------------

  void RegionAndChainRule(size_t u);

  // 경기 수원시: 경기 is a province only before a place (else a game).
  void ProvinceBeforePlaceRule(size_t u);

  // --- organisation and place endings --------------------------------------

  void EndingRule(size_t u);

  // 미국 법무부, 일본 정부, 홍콩 경찰: a body that every country has is
  // named by its country, as 미국 항공우주국 is (and is not the 법무부 of
  // another sentence). Only countries (countries.tsv): 서초구 법원 is a
  // court in a district.
  void CountryBodyRule(size_t u);

  // 춘천지방법원 강릉지원: a court and its branch in another town are one
  // court.
  void CourtBranchRule(size_t u);

  // 아타카마 사막, 알프스 산맥: a foreign name and the kind of land it is.
  void GeographicNounRule(size_t u);

  // A government body by its generic name: 정부, 의회, 경찰, or a ministry
  // or agency found by its ending (법무부, 기상청, 지질조사국, 외무성).
  bool PublicBody(size_t u, size_t j) const;

  // 네이버클라우드, 한화에어로스페이스: a known company's name and more.
  void CompanyPrefixRule(size_t u);

  // True when `word`, or an ending of it longer than `min_bytes`, is a stop
  // word: 데이터센터, 대형데이터센터, 지방정부.
  bool EndsInStopword(absl::string_view word, size_t min_bytes) const;

  // The head of a public body's name: 국립, 한국, 전국 … and more words
  // after them (국립장수의료), or a known place (부산 + 연구센터).
  bool PublicQualifier(absl::string_view head) const;

  // SK바이오사이언스, GC녹십자, LG에너지솔루션: a Latin group name and Hangul.
  void LatinGroupRule(size_t u);

  // --- people --------------------------------------------------------------

  void AddPerson(size_t u, size_t first, size_t last);

  void Affiliation(size_t u, size_t chain_start);

  void RoleRule(size_t u);

  // 세르게이 라브로프 러시아 외무장관, 이하윤 한빛전자 대표: a country or
  // an organisation between the name and the role.
  bool NameBeforeDescribedRole(size_t u, size_t r);

  // 솔지 씨, 우드 씨: 씨 follows people only, so a short word before it is
  // a name even when it is not shaped like a Korean one.
  void HonorificRule(size_t u, size_t r);

  // The name part of 이현도씨 or 솔지 씨: a Korean name, or any Hangul word
  // of two to four syllables that is no generic noun (아저씨, 솜씨 and
  // 날씨 are words, not names).
  bool HonorificName(absl::string_view bare) const;

  // 김태오 교수, 서민규 발사관리단장, 이도현 하이퍼스케일 AI 총괄,
  // 프랑크 베옌스 박사.
  // A name right before a role word carries no particle (the particle goes
  // on the role), so the whole word is the name: 배두나 씨, 이현도 씨 (not
  // 배두 + 나, 이현 + 도).
  bool NameBeforeRole(size_t u, size_t r);

  void AddWholePerson(size_t u, size_t first, size_t last);

  // 창립자 탕제는, 투자자 알리사 리는, 투수 오승민입니다.
  bool NameAfterRole(size_t u, size_t r);

  // 서경석(43) 씨, 황보연(62·구속기소): a Korean name and an age.
  void AgeRule(size_t u);

  // A Hangul word of two to five syllables that may be a foreign name.
  bool PlainNameWord(const UnitWord& w) const;

  // Word i starts with an age of one to three digits closed by ), · or ,.
  bool AgeInParens(size_t u, size_t i) const;

  // The stem of word i is followed right away by ), · or ,.
  bool ClosesGloss(size_t u, size_t i) const;

  // 최강창민(본명 심창민), 소희(본명 이소희·30): a stage name and the
  // real one are both a person's.
  void RealNameRule(size_t u);

  // 고 신해철, 고 한주호 준위: 고 (the late) stands before a person only.
  void LateRule(size_t u);

  // 유승민, 주호영, 윤상현: names listed with commas or middle dots.
  bool InNameList(size_t u, size_t i) const;

  // Word i alone in parentheses: 강모연 팀장(송혜교), the actor who plays a
  // part.
  bool Parenthesised(size_t u, size_t i) const;

  // 오승민은, 한재원이: a word shaped like a Korean name (surname and given
  // name syllables) before a particle that people take. Weak: a name seen
  // this way once is kept; the ending and stop lists keep common words out.
  void NameShapeRule(size_t u);

  // 저스틴 린, 마크 저커버그: a known foreign given name and one more word,
  // or two where the first is bare (케빈 프린스 보아텡에게).
  void ForeignNameRule(size_t u);

  // Word j may be part of a foreign name: a Hangul word that is no role,
  // no stop word and not already taken.
  bool ForeignNamePart(size_t u, size_t j) const;

  // The name ends at word j: a particle or punctuation follows, or a role
  // (수전 라이스 미국 백악관 보좌관, 리언 패네타 전 장관), a former-title
  // word or a known country or body.
  bool ForeignNameEnds(size_t u, size_t j) const;

  // The name as written, without the particle of its last word.
  absl::string_view ForeignNameText(size_t u, size_t first, size_t last) const;

  // --- descriptors ---------------------------------------------------------

  // 스타트업 즈푸, 도시 X: a descriptor that announces an organisation or a
  // place (products are the quote rule's).
  void CueRule(size_t u);

  // --- glosses -------------------------------------------------------------

  // Word i follows a Hangul word with no particle that is no descriptor.
  bool BareWordBefore(size_t u, size_t i) const;

  void GlossRule(size_t u);

  // --- quotes --------------------------------------------------------------

  struct Quoted {
    size_t unit;
    size_t first, last;  // words inside the marks
    std::string key;
  };

  // The gloss whose parentheses hold all of `e`, if `e` is not that gloss.
  bool InsideOtherGloss(const Evidence& e) const;

  // First word of the strong evidence that ends at word `last`.
  size_t CoveredStart(size_t u, size_t last) const;

  // First word of the quoted span that ends at word `last`.
  size_t QuotedStart(size_t u, size_t last) const;

  // Short quoted spans of unit u as word ranges.
  std::vector<std::pair<size_t, size_t>> QuotedSpans(size_t u) const;

  // A quote that describes rather than names: an adverb in it ('올여름
  // 역대 가장 더울 수도'), a verb modifying a later word ('함께 경험하는
  // 행사'), or a bound noun after a verb (더울 수, 오를 것).
  static bool ReadsAsClause(const TextUnit& unit, size_t first, size_t last);

  bool NameLikeQuote(size_t u, size_t first, size_t last) const;

  void QuoteRule(size_t u);

  // A name quoted twice or more is a title or product: '청자 어룡형 주자'.
  void RepeatedQuoteRule();

  const EntityLexicon& lex_;
  const std::vector<TextUnit>& units_;
  // The type a strong rule already gave each word, per unit.
  std::vector<std::vector<EntityType>> covered_;
  std::vector<Quoted> quotes_;
  // Parenthesised glosses by unit: byte offsets of ( and ), and the key.
  struct Gloss {
    int32_t open;
    int32_t close;
    std::string key;
  };
  absl::flat_hash_map<int, std::vector<Gloss>> glosses_;
  absl::flat_hash_set<std::string> terms_;   // keys of glossed terms
  absl::flat_hash_set<std::string> places_;  // keys of places found so far
  // First word of a strong span / of a quote, by (unit, last word).
  absl::flat_hash_map<std::pair<size_t, size_t>, size_t> span_start_;
  absl::flat_hash_map<std::pair<size_t, size_t>, size_t> quote_start_;
  std::vector<Evidence> out_;
};

}  // namespace gisa::ingest::entity_rules

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITIES_INTERNAL_RULES_H_
