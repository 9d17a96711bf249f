// The rules that find places and bodies by their parts: administrative
// endings, address chains, name endings, bodies of countries, court
// branches, kinds of land, company and Latin group prefixes, descriptors.
#include "ingest_service/parser/entities/internal/rules.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/entities/word_classes.h"
#include "shared/text/hangul.h"

namespace gisa::ingest::entity_rules {

bool Rules::PlaceThenNoun(const LexiconName& entry,
                          const UnitWord& first) const {
  const LexiconName* place = lex_.FindName(first.readings[0].key);
  if (place == nullptr || place->type != kLocation) return false;
  if (absl::StrContains(entry.name, ' ')) return false;
  for (const std::string& alias : entry.aliases) {
    if (absl::StrContains(alias, ' ')) return false;
  }
  return true;
}

void Rules::RegionAndChainRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i < unit.words.size(); ++i) {
    if (covered_[u][i] != kUnspecified) continue;
    const UnitWord& w = unit.words[i];
    if (!w.all_hangul || w.syllables < 2) continue;
    // 부산시, 인제군: a known place and an administrative ending.
    bool region = false;
    for (absl::string_view ending : kRegionEndings) {
      absl::string_view head = w.stem;
      if (!absl::ConsumeSuffix(&head, ending) || head.empty()) continue;
      const LexiconName* place = lex_.FindName(Key(head));
      if (place != nullptr && place->type == kLocation) {
        Add("region", u, i, i, w.stem, kLocation, kRegionStrength);
        region = true;
      }
      break;
    }
    if (region) continue;
    // 서울 용산구 / 서울 강서구 화곡동: address parts after a place, here
    // or (팔달구 인계동) named a place earlier in the article.
    if (i == 0 || !unit.SpaceBetween(i) ||
        (covered_[u][i - 1] != kLocation &&
         !places_.contains(Key(unit.words[i - 1].stem))) ||
        !unit.words[i - 1].particle.empty() || w.syllables > 5 ||
        Stop(w.stem)) {
      continue;
    }
    // 일본 총리: a role, not a village (…리); 한국 여자배구: a sport,
    // not a district (…구).
    if (ShortDistrictWithoutDirection(w.stem) ||
        lex_.MatchRole(w.stem) != nullptr || EndsInStopword(w.stem, 3)) {
      continue;
    }
    for (absl::string_view ending : kAddressEndings) {
      if (absl::EndsWith(w.stem, ending)) {
        Add("chain", u, i, i, w.stem, kLocation, kChainStrength);
        break;
      }
    }
  }
}

void Rules::ProvinceBeforePlaceRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    const UnitWord& w = unit.words[i];
    if (w.text == "경기" && covered_[u][i] == kUnspecified &&
        unit.SpaceBetween(i + 1) && covered_[u][i + 1] == kLocation) {
      Add("region", u, i, i, w.text, kLocation, kRegionStrength);
      out_.back().only_here = true;
    }
  }
}

void Rules::EndingRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i < unit.words.size(); ++i) {
    if (covered_[u][i] != kUnspecified) continue;
    const UnitWord& w = unit.words[i];
    const char32_t first = text::FirstCodePoint(w.stem);
    if (!w.all_hangul && !(first < 0x80 && absl::ascii_isalpha(first))) {
      continue;
    }
    if (!text::IsHangulSyllable(text::LastCodePoint(w.stem))) continue;
    // 동해고속도로: the ending takes in what read as a particle (로).
    absl::string_view stem = w.stem;
    if (const SuffixRule* whole = lex_.MatchSuffix(w.text);
        whole != nullptr && whole->suffix.size() > w.particle.size() &&
        !w.particle.empty() && text::IsAllHangul(w.text)) {
      stem = w.text;
    }
    const SuffixRule* rule = lex_.MatchSuffix(stem);
    if (rule == nullptr || EndsInStopword(stem, rule->suffix.size()) ||
        lex_.CueType(Key(stem)) != kUnspecified) {
      continue;
    }
    absl::string_view head = stem;
    absl::ConsumeSuffix(&head, rule->suffix);
    if (Stop(head)) continue;
    // 정하린 수석연구원: a role after a name, not an institute; and a
    // role that explains more of the word than the ending (비례대표의원).
    if (const RoleWord* role = lex_.MatchRole(stem)) {
      if (role->word.size() > rule->suffix.size()) continue;
      if (i > 0 && unit.SpaceBetween(i) &&
          KoreanNameShape(unit.words[i - 1].text)) {
        continue;
      }
    }
    // 이대호, 신격호: a personal name, not a craft named …호.
    if (rule->type == kProduct && KoreanNameShape(stem)) continue;
    Add("suffix", u, i, i, stem, rule->type, kSuffixStrength);
  }
}

void Rules::CountryBodyRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    const UnitWord& place = unit.words[i];
    const LexiconName* entry = LexiconWord(u, i);
    if (covered_[u][i] != kLocation || !place.particle.empty() ||
        entry == nullptr || !entry->country || !unit.SpaceBetween(i + 1) ||
        !PublicBody(u, i + 1)) {
      continue;
    }
    Add("country-body", u, i, i + 1, NameText(u, i, i + 1), kOrg,
        kCountryBodyStrength);
  }
}

void Rules::CourtBranchRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    const UnitWord& court = unit.words[i];
    absl::string_view town = unit.words[i + 1].stem;
    if (covered_[u][i] != kOrg || !court.particle.empty() ||
        !unit.SpaceBetween(i + 1) ||
        !(absl::EndsWith(court.stem, "법원") ||
          absl::EndsWith(court.stem, "지법")) ||
        !absl::ConsumeSuffix(&town, "지원")) {
      continue;
    }
    const LexiconName* place = lex_.FindName(Key(town));
    if (place == nullptr || place->type != kLocation) continue;
    Add("court-branch", u, i, i + 1, NameText(u, i, i + 1), kOrg,
        kCountryBodyStrength);
  }
}

void Rules::GeographicNounRule(size_t u) {
  static constexpr absl::string_view kLand[] = {
      "사막", "산맥", "해협", "반도", "호수", "고원", "분지",
      "열도", "제도", "평원", "계곡", "폭포", "빙하", "운하"};
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    const UnitWord& name = unit.words[i];
    const absl::string_view land = unit.words[i + 1].stem;
    if (!name.particle.empty() || !name.all_hangul || name.syllables < 2 ||
        !unit.SpaceBetween(i + 1) || Stop(name.stem) ||
        std::find(std::begin(kLand), std::end(kLand), land) ==
            std::end(kLand)) {
      continue;
    }
    // Known places, or names no Hanja reading makes (not 인공 호수).
    const bool place =
        covered_[u][i] == kLocation ||
        (covered_[u][i] == kUnspecified &&
         text::HasNonSinoSyllable(name.stem) && !EndsLikeCommonWord(name.stem));
    if (!place) continue;
    Add("land", u, i, i + 1, NameText(u, i, i + 1), kLocation,
        kCountryBodyStrength);
  }
}

bool Rules::PublicBody(size_t u, size_t j) const {
  static constexpr absl::string_view kBodies[] = {
      "정부",   "의회",     "경찰",   "당국",     "법원", "검찰",      "백악관",
      "대사관", "총영사관", "영사관", "연방정부", "내각", "국방위원회"};
  const absl::string_view stem = units_[u].words[j].stem;
  for (absl::string_view b : kBodies) {
    if (stem == b) return true;
  }
  // 외무부, 국무부: ministries other countries have are in no lexicon.
  const int syllables = text::CodePointCount(stem);
  if (syllables > 6 || !units_[u].words[j].all_hangul ||
      (covered_[u][j] != kOrg &&
       (covered_[u][j] != kUnspecified || syllables < 3 || Stop(stem)))) {
    return false;
  }
  for (absl::string_view e : {"부", "청", "처", "국", "성"}) {
    if (absl::EndsWith(stem, e)) return true;
  }
  return false;
}

void Rules::CompanyPrefixRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i < unit.words.size(); ++i) {
    const UnitWord& w = unit.words[i];
    if (covered_[u][i] != kUnspecified || w.syllables < 4 || Stop(w.stem)) {
      continue;
    }
    // Try heads of two to four syllables (Hangul is three bytes each).
    // The rest has three syllables or more: 하이브+리드 is no company.
    for (size_t head = 12; head >= 6; head -= 3) {
      if (head + 9 > w.stem.size()) continue;
      const LexiconName* company = lex_.FindName(Key(w.stem.substr(0, head)));
      const absl::string_view rest = w.stem.substr(head);
      // A two-syllable company name needs a long rest: 한화+에어로스페이스,
      // not 메타+플랜트.
      if (company == nullptr || company->type != kOrg ||
          !text::IsAllHangul(rest) ||
          (head < 9 && text::CodePointCount(rest) < 4)) {
        continue;
      }
      Add("company", u, i, i, w.stem, kOrg, kCompanyPrefixStrength);
      break;
    }
  }
}

bool Rules::EndsInStopword(absl::string_view word, size_t min_bytes) const {
  if (Stop(word)) return true;
  for (size_t at = 3; at + min_bytes < word.size(); at += 3) {
    if (!text::IsHangulSyllable(text::FirstCodePoint(word.substr(at)))) {
      continue;
    }
    if (text::CodePointCount(word.substr(at)) >= 2 && Stop(word.substr(at))) {
      // 국립장수의료연구센터, 전국금속노동조합: a generic ending after a
      // public qualifier of its own is a body's name.
      return !PublicQualifier(word.substr(0, at));
    }
  }
  return false;
}

bool Rules::PublicQualifier(absl::string_view head) const {
  // 용인소방서, 서울시의회: a known place.
  const LexiconName* place = lex_.FindName(Key(head));
  if (place != nullptr && place->type == kLocation) return true;
  if (text::CodePointCount(head) < 3) return false;
  for (absl::string_view q :
       {"국립", "한국", "국제", "세계", "중앙", "대한", "전국", "국가"}) {
    if (absl::StartsWith(head, q)) return true;
  }
  return false;
}

void Rules::LatinGroupRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i < unit.words.size(); ++i) {
    if (covered_[u][i] != kUnspecified) continue;
    const absl::string_view stem = unit.words[i].stem;
    size_t caps = 0;
    while (caps < stem.size() && absl::ascii_isupper(stem[caps])) ++caps;
    if (caps < 2 || caps > 4) continue;
    const absl::string_view hangul = stem.substr(caps);
    if (text::CodePointCount(hangul) < 2 || !text::IsAllHangul(hangul) ||
        Stop(stem.substr(0, caps)) || Stop(hangul) || Stop(stem)) {
      continue;
    }
    Add("latin", u, i, i, stem, kOrg, kLatinGroupStrength);
  }
}

void Rules::CueRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    const UnitWord& cue = unit.words[i];
    if (!cue.particle.empty() || !unit.SpaceBetween(i + 1)) continue;
    const EntityType type = lex_.CueType(cue.readings[0].key);
    if (type != kOrg && type != kLocation) continue;
    const UnitWord& w = unit.words[i + 1];
    if (w.syllables < 2 || w.syllables > 8 || Stop(w.stem) ||
        covered_[u][i + 1] != kUnspecified ||
        lex_.CueType(Key(w.stem)) != kUnspecified ||
        lex_.MatchRole(w.stem) != nullptr) {
      continue;
    }
    if (lex_.IsNamePrefix(cue.readings[0].key)) {
      Add("cue", u, i, i + 1, NameText(u, i, i + 1), type, kNamePrefixStrength);
    } else {
      // 반도체 기업 한빛세미콘이: a word no Hanja reading makes, or a long
      // one, is a name by its cue alone; 기업 가치 is no name.
      const bool name_like =
          w.all_hangul && !EndsLikeCommonWord(w.stem) &&
          (text::HasNonSinoSyllable(w.stem) || w.syllables >= 4);
      Add("cue", u, i + 1, i + 1, w.stem, type,
          name_like ? kNameLikeCueStrength : kCueStrength);
    }
  }
}

}  // namespace gisa::ingest::entity_rules
