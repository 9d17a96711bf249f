// The closed word classes that quote extraction reads: verbs of saying and
// judging, quotative endings, role nouns and speaker pronouns.
//
// Compiled in: these are grammar of Korean (and a little English), not
// knowledge about the world, so they do not vary with the lexicon folder.
//
//   CueClassOf("강조했습니다") & kCueSpeech   // != 0
//   QuotativeOf("한다고")                   // {kQuotativeGo, strip "고"}
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTES_LEXICON_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTES_LEXICON_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace gisa::ingest::quotes {

// What a verb form can do as an attribution word (bit set).
enum CueClass : uint8_t {
  kCueNone = 0,
  // Verb of saying or judging after a quotative clause: 말했다, 밝혔습니다,
  // 강조하며, 내다봤다, 했다 (as in "…라고 했다").
  kCueSpeech = 1,
  // Forecast verb that also takes a "-로" complement as its content:
  // "…가능성을 20% 이하로 예측하며".
  kCueForecast = 2,
  // Verb that reports a stance noun phrase: "…다는 점을 지적하며",
  // "…다는 전망을 내놓았다" (speech verbs and a few more).
  kCueStance = 4,
  // English reporting verb: said, says, added, told.
  kCueEnglish = 8,
  // A verb of saying that modifies a noun ("…다고 주장하는 동영상", "…라고
  // 밝힌 자료"): the clause belongs to the noun, not to a speaker.
  kCueAdnominal = 16,
  // A verb of thinking rather than saying (생각합니다, 본다, 믿는다): with
  // no subject it is the writer's own opinion, not the last speaker's.
  kCueJudgement = 32,
};

// The classes of `word` (one space-free word, punctuation removed).
uint8_t CueClassOf(absl::string_view word);

// How a word ends a reported clause.
enum QuotativeKind {
  kNotQuotative,
  // -다고, -라고, -냐고, -자고: the clause a verb of saying takes.
  kQuotativeGo,
  // -다며, -라며, -다면서, -냐며: "said that …, and".
  kQuotativeMyeo,
  // -다는, -라는: a clause that modifies a stance noun (점, 입장, 전망).
  kQuotativeNeun,
};

struct Quotative {
  QuotativeKind kind = kNotQuotative;
  // Bytes to drop from the end of the word to leave the reported content:
  // "한다고" -> "한다" (1 syllable), "차별점이라고" -> "차별점" (3).
  int strip_bytes = 0;
};

// Classifies the end of `word` (punctuation removed). Words of one syllable
// more than the ending are required, so "라고" alone is no clause.
Quotative QuotativeOf(absl::string_view word);

// The ending a quotation mark's tail starts with: "라고", "이라고", "고",
// "라며", "하고" ... (`tail` is the word glued to the closing mark). Sets
// `*is_myeo` for the -며 forms, whose ending is itself the cue.
bool IsQuoteTail(absl::string_view tail, bool* is_myeo);

// A noun a -다는 clause modifies when a stance is reported, with its object
// particle: "점을", "입장을", "전망을", "우려를".
bool IsStanceObject(absl::string_view word);

// "…다는 게 X의 설명이다": the subject-marked head ("게", "것이") and the
// predicate noun ("설명이다", "분석입니다").
bool IsThingSubject(absl::string_view word);
bool IsStancePredicate(absl::string_view word);

// A predicate noun that holds its subject's stance: "X는 …라는
// 입장이다" (입장, 방침, 생각, 견해 + copula). Unlike 분석이다 or 평가다,
// which news writes with no one behind them.
bool IsHolderPredicate(absl::string_view word);

// A noun naming a role that follows or precedes a name: 감독, 교수,
// 수석연구원 (matched as a suffix), 관계자, 측, CEO.
bool IsRoleNoun(absl::string_view stem);

// A noun for an organisation's office that speaks for it: 사무국, 측,
// 관계자, 대변인 (so "MLB 사무국" speaks for MLB), or a branch (제주점).
bool IsOfficeNoun(absl::string_view stem);

// A generic noun that is no person's name: 업계, 정부, 당국, and nouns
// for kinds of organisation (증권사, 운용사, 연구소).
bool IsGenericNoun(absl::string_view stem);

// A noun for a document rather than who wrote it ("보도에 따르면", "자료에
// 따르면"): no speaker on its own.
bool IsDocumentNoun(absl::string_view stem);

// A verb form that ends a clause of its own inside a sentence: "…않았으나",
// "…잡았고", "…했지만". A subject after it starts a new clause.
bool EndsClause(absl::string_view word);

// True when `word`, written before a comma, ends a clause with a connective
// (부족해, 좁아, 늦어서, 밝히고): "하회마을은 주차 공간이 부족해, 안동시는
// …". Callers rule out names (엔비디아, 구글은) themselves.
bool EndsClauseBeforeComma(absl::string_view word);

// A noun that refers back to an organisation already named: 회사, 업체,
// 그룹, 구단 ("회사 측은", "이 회사는").
bool IsOrganizationAnaphor(absl::string_view stem);

// A personal pronoun that carries the previous speaker: 그, 그녀.
bool IsSpeakerPronoun(absl::string_view stem);

// A word that opens a sentence or clause but belongs to no noun phrase: a
// date or time ("23일", "지난해"), a discourse adverb (이날, 한편, 앞서,
// 현재) or a connective verb form (제기되자).
bool IsAdverbial(absl::string_view word);

// A verb form that makes the word before it a clause, not a noun: the word
// ends in an adnominal or connective ending (이끄는, 열린, 있는, 하고).
bool EndsLikeVerb(absl::string_view word);

}  // namespace gisa::ingest::quotes

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTES_LEXICON_H_
