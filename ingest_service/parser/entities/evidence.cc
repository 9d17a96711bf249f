#include "ingest_service/parser/entities/evidence.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/entities/internal/rules.h"
#include "ingest_service/parser/entities/word_classes.h"
#include "shared/text/hangul.h"

namespace gisa::ingest {
namespace entity_rules {

std::vector<Evidence> Rules::Run() {
  for (size_t u = 0; u < units_.size(); ++u) LexiconRule(u);
  for (size_t u = 0; u < units_.size(); ++u) {
    RegionAndChainRule(u);
    ProvinceBeforePlaceRule(u);
    EndingRule(u);
    CountryBodyRule(u);
    CourtBranchRule(u);
    GeographicNounRule(u);
    LatinGroupRule(u);
    CompanyPrefixRule(u);
    RoleRule(u);
    ForeignNameRule(u);
    AgeRule(u);
    LateRule(u);
    RealNameRule(u);
    NameShapeRule(u);
    CueRule(u);
    QuoteRule(u);
    GlossRule(u);
  }
  RepeatedQuoteRule();
  DropPartsOfGlosses();
  DropTerms();
  return std::move(out_);
}

absl::string_view Rules::NameText(size_t u, size_t first, size_t last) const {
  const TextUnit& unit = units_[u];
  const int32_t begin = unit.words[first].begin;
  const int32_t end = unit.words[last].begin +
                      static_cast<int32_t>(unit.words[last].stem.size());
  return unit.text.substr(begin, end - begin);
}

void Rules::Add(const char* rule, size_t u, size_t first, size_t last,
                absl::string_view name, EntityType type, int strength,
                const LexiconName* entry, absl::string_view alias) {
  Evidence e;
  e.rule = rule;
  e.unit = static_cast<int>(u);
  e.first_word = static_cast<int>(first);
  e.last_word = static_cast<int>(last);
  e.name = std::string(name);
  e.type = type;
  e.strength = strength;
  e.entry = entry;
  e.alias = std::string(alias);
  out_.push_back(std::move(e));
  if (strength >= kChainStrength && type != kUnspecified) {
    for (size_t i = first; i <= last; ++i) covered_[u][i] = type;
    span_start_[{u, last}] = first;
    if (type == kLocation) places_.insert(Key(name));
  }
}

const LexiconName* Rules::LexiconWord(size_t u, size_t i) const {
  for (const WordReading& r : W(u, i).readings) {
    if (const LexiconName* n = lex_.FindName(r.key)) return n;
  }
  return nullptr;
}

bool Rules::KoreanNameShape(absl::string_view stem) const {
  if (!text::IsAllHangul(stem)) return false;
  // Two-syllable names are rare and look like too many common words
  // (선발, 신임); they are found by other rules or not at all.
  const int n = text::CodePointCount(stem);
  if (n < 3 || n > 4) return false;
  if (n == 4) return lex_.IsSurname(stem.substr(0, 6));
  if (!lex_.IsSurname(stem.substr(0, 3))) return false;
  // Every given-name syllable must be one that names use.
  for (size_t b = 3; b < stem.size(); b += 3) {
    if (!lex_.IsGivenNameSyllable(stem.substr(b, 3))) return false;
  }
  // 김모, 이모: anonymised, not a name.
  return !absl::EndsWith(stem, "모");
}

bool Rules::FreeForPerson(absl::string_view stem) const {
  if (stem.empty() || Stop(stem) || lex_.IsEnding(stem)) return false;
  // 선수들, 기업들: a plural is never a personal name.
  if (text::CodePointCount(stem) >= 3 && absl::EndsWith(stem, "들")) {
    return false;
  }
  if (lex_.MatchRole(stem) != nullptr) return false;
  if (const LexiconName* n = lex_.FindName(Key(stem))) {
    return n->type == kPerson;
  }
  // 미국인, 외국인: a nationality, not a name.
  absl::string_view place = stem;
  if (absl::ConsumeSuffix(&place, "인") && !place.empty()) {
    const LexiconName* n = lex_.FindName(Key(place));
    if (Stop(place) || (n != nullptr && n->type == kLocation)) return false;
  }
  // 일본어, 중국어: a country and 어 is a language, not a name.
  absl::string_view country = stem;
  if (absl::ConsumeSuffix(&country, "어") && !country.empty()) {
    const LexiconName* n = lex_.FindName(Key(country));
    if (n != nullptr && n->type == kLocation) return false;
  }
  if (IsAdverb(stem)) return false;
  // 이대호 ends like a craft (누리호) but is shaped like a name.
  const SuffixRule* rule = lex_.MatchSuffix(stem);
  return rule == nullptr || (rule->type == kProduct && KoreanNameShape(stem));
}

bool Rules::MarkedCommonWord(const UnitWord& w) const {
  static constexpr absl::string_view kNeverName[] = {
      "을", "를", "가", "는", "에", "께", "의",
      "한", "된", "던", "될", "할", "난"};
  for (absl::string_view e : kNeverName) {
    if (absl::EndsWith(w.text, e)) return true;
  }
  // 부인인, 장관은, 경장이: a generic noun or a role and a particle or
  // copula.
  for (absl::string_view e : {"인", "이", "은", "도", "와", "과", "만"}) {
    absl::string_view head = w.text;
    if (absl::ConsumeSuffix(&head, e) && !head.empty() &&
        (Stop(head) || lex_.MatchRole(head) != nullptr)) {
      return true;
    }
  }
  return (!w.particle.empty() &&
          (Stop(w.stem) || lex_.MatchRole(w.stem) != nullptr));
}

bool Rules::PersonWord(const UnitWord& w, int min_syllables) const {
  return w.all_hangul && w.syllables >= min_syllables && w.syllables <= 4 &&
         FreeForPerson(w.stem);
}

bool Rules::PlainAfter(size_t u, size_t i) const {
  return units_[u].SpaceBetween(i + 1);
}

bool Rules::EndsName(size_t u, size_t i) const {
  const TextUnit& unit = units_[u];
  if (!unit.words[i].particle.empty()) return true;
  if (i + 1 >= unit.words.size()) return true;
  return !unit.SpaceBetween(i + 1);
}

void Rules::LexiconRule(size_t u) {
  const TextUnit& unit = units_[u];
  const size_t n = unit.words.size();
  for (size_t i = 0; i < n;) {
    size_t matched = 0;
    const size_t max_k = std::min<size_t>(lex_.max_name_words(), n - i);
    for (size_t k = max_k; k >= 1 && matched == 0; --k) {
      // Inner words must be written whole and apart by spaces only.
      std::string prefix;
      bool ok = true;
      for (size_t j = i; j + 1 < i + k; ++j) {
        if (!unit.SpaceBetween(j + 1)) {
          ok = false;
          break;
        }
        prefix += unit.words[j].readings[0].key;
      }
      if (!ok) continue;
      const UnitWord& last = unit.words[i + k - 1];
      for (const WordReading& r : last.readings) {
        const LexiconName* entry = lex_.FindName(prefix + r.key);
        if (entry == nullptr) continue;
        if (k > 1 && PlaceThenNoun(*entry, unit.words[i])) continue;
        const int32_t begin = unit.words[i].begin;
        const int32_t end = last.begin + r.length;
        Add("lexicon", u, i, i + k - 1, unit.text.substr(begin, end - begin),
            entry->type, kLexiconStrength, entry);
        matched = k;
        break;
      }
    }
    i += matched == 0 ? 1 : matched;
  }
}

}  // namespace entity_rules

std::vector<Evidence> CollectEvidence(const EntityLexicon& lexicon,
                                      const std::vector<TextUnit>& units) {
  return entity_rules::Rules(lexicon, units).Run();
}

}  // namespace gisa::ingest
