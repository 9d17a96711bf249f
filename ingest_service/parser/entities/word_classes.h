// Word classes the entity rules share: what a Korean word's ending, a
// particle or a parenthesised gloss says about whether a name is there.
// Pure functions of their arguments; thread-safe.
//
//   EndsLikeCommonWord("생태계");       // true: 계 ends common nouns
//   PersonParticle("은");               // true: 탕제는
//   ClassifyGloss("Bloomberg");         // GlossKind::kLatin
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITIES_WORD_CLASSES_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITIES_WORD_CLASSES_H_

#include "absl/strings/string_view.h"
#include "ingest_service/parser/entities/units.h"

namespace gisa::ingest {

enum class GlossKind { kNone, kLatin, kHangul, kHan };

// The surnames most Koreans bear: a weak rule trusts only these.
bool CommonSurname(absl::string_view syllable);

// A word whose last syllable marks a common noun (생태계, 발사체, 기업용)
// or an inflected verb (부족한, 정체돼) rather than a name.
bool EndsLikeCommonWord(absl::string_view stem);

// Last syllables of three-syllable common nouns and verb stems that a
// name seldom ends in (기업들, 고려하, 전시장, 사무국, 최종전).
bool EndsLikeCommonNoun(absl::string_view stem);

// A word of two syllables or fewer read with Hanja only (전시, 측): a
// common noun after a name rather than the last part of it (보아텡).
bool SinoCommonNoun(const UnitWord& w);

// 선수 보유 한도가: two two-syllable words, the second ending like a
// common noun, read as a noun phrase; a foreign name after a role
// seldom looks so (알리사 리, 소피 마틴).
bool TwoCommonNouns(absl::string_view first, absl::string_view second);

// Adverbs never belong to a name or a title-like quote: 반드시, 가장.
bool IsAdverb(absl::string_view word);

// A body named by a common noun that may stand between a name and its
// role: 노조, 구단, 협회 (문기석 노조 지부장).
bool IsBodyNoun(absl::string_view word);

// Districts and counties of one syllable before 구/군 are named by a
// direction (중구, 남구); 달 남극 영구 음영 is permanent, not a district.
bool ShortDistrictWithoutDirection(absl::string_view stem);

// The name part of a person after a subject, topic or copula particle, or
// with nothing after it: 탕제는, 오승민입니다, 소피 마틴(...).
bool PersonParticle(absl::string_view particle);

// After a role word the name may take any case particle: 리포터
// 김태진을, 작가 한서윤에게.
bool RoleBackedParticle(absl::string_view particle);

// The particles a name alone may carry: those of PersonParticle and the
// object and dative ones (안현수를, 한서윤에게).
bool NameShapeParticle(absl::string_view particle);

// A quotation mark, straight, curly or CJK: ' " ‘ ’ “ ” 「 」 『 』 《 》 〈 〉.
bool IsQuoteChar(char32_t c);

// The mark that closes a quote opened by `open` (“ -> ”); a straight
// mark closes itself.
char32_t Closer(char32_t open);

// True when `gap` is "(" possibly after spaces and quote marks.
bool OpensParen(absl::string_view gap);

// Which script a parenthesised gloss is written in (digits, spaces and
// . & - + may join any); kNone for an empty or long gloss, one that mixes
// scripts or has other characters.
GlossKind ClassifyGloss(absl::string_view gloss);

// Bloomberg, OpenAI, Sophie Martin, HyperCLOVA X: capitalised, with lower
// case somewhere (WSJ, HBM and LLM are abbreviations).
bool ProperLatin(absl::string_view gloss);

// LUMINA, KAIST: two letters or more, none in lower case.
bool Capitals(absl::string_view gloss);

// sleep debt, chasm: Latin words all in lower case, as a common noun is
// written.
bool LowerCaseWords(absl::string_view gloss);

// Nature Energy, Brightwell Pharma, Sky Sports: English words that name
// organisations, never people.
bool HasOrganisationWord(absl::string_view gloss);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITIES_WORD_CLASSES_H_
