// The rules that find people: role words, ages, 씨, 고 (the late), stage
// names, foreign given names and the shape of Korean names.
#include "ingest_service/parser/entities/internal/rules.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/entities/word_classes.h"
#include "shared/text/hangul.h"

namespace gisa::ingest::entity_rules {

void Rules::AddPerson(size_t u, size_t first, size_t last) {
  Add("role", u, first, last, NameText(u, first, last), kPerson, kRoleStrength);
  // 즈푸의 창립자 탕제, 카카오의 박서윤 리더: the X의 before is where they
  // work. Evidence only; it needs another rule to stand.
}

void Rules::Affiliation(size_t u, size_t chain_start) {
  if (chain_start == 0 || !units_[u].SpaceBetween(chain_start)) return;
  const UnitWord& w = W(u, chain_start - 1);
  if (w.particle != "의" || w.syllables < 2 || Stop(w.stem) ||
      covered_[u][chain_start - 1] != kUnspecified || KoreanNameShape(w.stem) ||
      lex_.MatchRole(w.stem) != nullptr) {
    return;
  }
  Add("affiliation", u, chain_start - 1, chain_start - 1, w.stem, kOrg,
      kAffiliationStrength);
}

void Rules::RoleRule(size_t u) {
  const TextUnit& unit = units_[u];
  const size_t n = unit.words.size();
  for (size_t r = 0; r < n; ++r) {
    const UnitWord& rw = unit.words[r];
    // 이현도씨: the honorific written onto the name.
    absl::string_view bare = rw.stem;
    if (absl::ConsumeSuffix(&bare, "씨") && HonorificName(bare)) {
      Add("role", u, r, r, bare, kPerson, kRoleStrength);
      continue;
    }

    const RoleWord* role = lex_.MatchRole(rw.stem);
    if (role == nullptr) continue;
    const bool after_ok = (role->side == RoleSide::kBeforeName ||
                           role->side == RoleSide::kEither) &&
                          rw.particle.empty() && r + 1 < n &&
                          unit.SpaceBetween(r + 1);
    // A Korean name right before the role is the surest reading; then a
    // name after the role (오른손 투수 오승민); then anything before it.
    if (role->side != RoleSide::kBeforeName && r > 0 && unit.SpaceBetween(r) &&
        KoreanNameShape(unit.words[r - 1].text) &&
        (role->side != RoleSide::kAfterKoreanName ||
         CommonSurname(unit.words[r - 1].text.substr(0, 3))) &&
        NameBeforeRole(u, r)) {
      continue;
    }
    if (role->side == RoleSide::kAfterKoreanName) {
      // 신동인 롯데자이언츠 구단주: a body between the name and the role.
      if (r >= 2 && KoreanNameShape(unit.words[r - 2].text) &&
          CommonSurname(unit.words[r - 2].text.substr(0, 3))) {
        NameBeforeDescribedRole(u, r);
      }
      continue;
    }
    if (after_ok && NameAfterRole(u, r)) continue;
    if (role->side != RoleSide::kBeforeName && !NameBeforeRole(u, r) &&
        !NameBeforeDescribedRole(u, r)) {
      HonorificRule(u, r);
    }
  }
}

bool Rules::NameBeforeDescribedRole(size_t u, size_t r) {
  const TextUnit& unit = units_[u];
  if (r < 2 || !unit.SpaceBetween(r) || !unit.SpaceBetween(r - 1)) {
    return false;
  }
  // 문기석 노조 지부장: a body named by a common noun also stands there;
  // 곽은비 그린루프 대표: so does any name after a Korean personal name.
  const UnitWord& affiliation = unit.words[r - 1];
  const UnitWord& name = unit.words[r - 2];
  const bool unknown_body =
      covered_[u][r - 1] == kUnspecified && affiliation.syllables >= 2 &&
      !Stop(affiliation.stem) && lex_.MatchRole(affiliation.stem) == nullptr &&
      name.particle.empty() && KoreanNameShape(name.text) &&
      CommonSurname(name.text.substr(0, 3)) && FreeForPerson(name.text) &&
      !EndsLikeCommonWord(name.text);
  const EntityType between =
      IsBodyNoun(affiliation.stem) || unknown_body ? kOrg : covered_[u][r - 1];
  if ((between != kLocation && between != kOrg) ||
      !unit.words[r - 1].particle.empty() ||
      covered_[u][r - 2] != kUnspecified) {
    return false;
  }
  return NameBeforeRole(u, r - 1);
}

void Rules::HonorificRule(size_t u, size_t r) {
  const TextUnit& unit = units_[u];
  if (unit.words[r].stem != "씨" || r == 0 || !unit.SpaceBetween(r)) return;
  const UnitWord& prev = unit.words[r - 1];
  if (prev.particle.empty() && HonorificName(prev.text) &&
      covered_[u][r - 1] == kUnspecified) {
    AddWholePerson(u, r - 1, r - 1);
    Affiliation(u, r - 1);
  }
}

bool Rules::HonorificName(absl::string_view bare) const {
  if (KoreanNameShape(bare)) return true;
  const int n = text::CodePointCount(bare);
  return text::IsAllHangul(bare) && n >= 2 && n <= 4 &&
         !absl::EndsWith(bare, "모") && FreeForPerson(bare) &&
         !Stop(absl::StrCat(bare, "씨")) && !EndsLikeCommonWord(bare);
}

bool Rules::NameBeforeRole(size_t u, size_t r) {
  const TextUnit& unit = units_[u];
  if (r == 0 || !unit.SpaceBetween(r)) return false;
  const UnitWord& prev = unit.words[r - 1];
  // The whole word where it is a Korean name; else the word must carry no
  // particle at all.
  const absl::string_view whole =
      (KoreanNameShape(prev.text) && !MarkedCommonWord(prev)) ||
              prev.particle.empty()
          ? prev.text
          : absl::string_view();
  const int syllables = text::CodePointCount(whole);
  if (text::IsAllHangul(whole) && syllables >= 2 && syllables <= 4 &&
      FreeForPerson(whole)) {
    // 음식점 CEO: a rare surname and a common word's ending make a noun.
    const bool korean =
        KoreanNameShape(whole) &&
        (CommonSurname(whole.substr(0, 3)) || !EndsLikeCommonWord(whole));
    if (!korean && r >= 2 && unit.SpaceBetween(r - 1) &&
        unit.words[r - 2].particle.empty() &&
        lex_.IsForeignGivenName(unit.words[r - 2].readings[0].key)) {
      AddWholePerson(u, r - 2, r - 1);
      Affiliation(u, r - 2);
      return true;
    }
    // (한국미술 큐레이터: four syllables or more, all read with Hanja,
    // make a compound noun, not a foreign name.)
    // (곽은비 그린루프 대표: after a Korean name the word is where the
    // person works.)
    const bool after_korean_name =
        r >= 2 && unit.SpaceBetween(r - 1) &&
        unit.words[r - 2].particle.empty() &&
        KoreanNameShape(unit.words[r - 2].text) &&
        CommonSurname(unit.words[r - 2].text.substr(0, 3));
    const bool foreign = !korean && covered_[u][r - 1] == kUnspecified &&
                         syllables >= 3 && !EndsLikeCommonWord(whole) &&
                         !after_korean_name &&
                         (syllables < 4 || text::HasNonSinoSyllable(whole));
    // 벨라 바자리아 최고콘텐츠책임자: a plain word before a foreign
    // surname is the given name.
    if (foreign && r >= 2 && unit.SpaceBetween(r - 1)) {
      const UnitWord& given = unit.words[r - 2];
      if (given.particle.empty() && given.all_hangul && given.syllables <= 4 &&
          covered_[u][r - 2] == kUnspecified && !KoreanNameShape(given.text) &&
          !EndsLikeCommonWord(given.text) && FreeForPerson(given.text) &&
          lex_.CueType(Key(given.text)) == kUnspecified) {
        AddWholePerson(u, r - 2, r - 1);
        Affiliation(u, r - 2);
        return true;
      }
    }
    if (korean || foreign) {
      AddWholePerson(u, r - 1, r - 1);
      Affiliation(u, r - 1);
      return true;
    }
  }
  // Descriptors between name and role: at most three, none with a particle.
  for (size_t back = 2; back <= 4 && back <= r; ++back) {
    const size_t d = r - back;
    if (!unit.SpaceBetween(d + 1)) break;
    const UnitWord& w = unit.words[d];
    // (계기로 대표: a rare surname with a particle is a noun and 로.)
    if (KoreanNameShape(w.text) && !MarkedCommonWord(w) &&
        FreeForPerson(w.text) &&
        (w.particle.empty() || CommonSurname(w.text.substr(0, 3)))) {
      AddWholePerson(u, d, d);
      Affiliation(u, d);
      return true;
    }
    if (!w.particle.empty()) break;
  }
  return false;
}

void Rules::AddWholePerson(size_t u, size_t first, size_t last) {
  const TextUnit& unit = units_[u];
  const int32_t begin = unit.words[first].begin;
  Add("role", u, first, last,
      unit.text.substr(begin, unit.words[last].end - begin), kPerson,
      kRoleStrength);
}

bool Rules::NameAfterRole(size_t u, size_t r) {
  const TextUnit& unit = units_[u];
  const size_t n = unit.words.size();
  const size_t j = r + 1;
  const UnitWord& w = unit.words[j];
  if (!text::IsAllHangul(w.text) || w.syllables < 1 ||
      (w.syllables > 4 && text::CodePointCount(w.text) > 4)) {
    return false;
  }
  // 가수 이현도 씨: before another role the whole word is the name.
  if (j + 1 < n && unit.SpaceBetween(j + 1) &&
      lex_.MatchRole(unit.words[j + 1].stem) != nullptr &&
      KoreanNameShape(w.text) && FreeForPerson(w.text)) {
    AddWholePerson(u, j, j);
    Affiliation(u, r);
    return true;
  }
  // Before another word the first word is whole (엘레나, not 엘레 + 나)
  // unless it carries a case particle.
  // (우완 서정호로, 멤버 서하람도: a Korean name takes them as particles.)
  const absl::string_view p = w.particle;
  const bool whole_first =
      p.empty() ||
      ((p == "나" || p == "도" || p == "만" || p == "랑" || p == "로") &&
       !KoreanNameShape(w.stem));
  if (whole_first && j + 1 < n && unit.SpaceBetween(j + 1)) {
    const UnitWord& next = unit.words[j + 1];
    const absl::string_view first = w.text;
    // A second word closes a foreign name: 알리사 리는, 소피 마틴(...).
    if (next.all_hangul && next.syllables >= 1 && next.syllables <= 4 &&
        EndsName(u, j + 1) && PersonParticle(next.particle) &&
        lex_.MatchRole(next.stem) == nullptr && !Stop(next.stem) &&
        !TwoCommonNouns(first, next.stem) && text::CodePointCount(first) <= 4 &&
        !KoreanNameShape(first) && !EndsLikeCommonWord(first) &&
        FreeForPerson(first)) {
      AddPerson(u, j, j + 1);
      Affiliation(u, r);
      return true;
    }
    // 가수 이현도 씨: the name, then another role.
    if (lex_.MatchRole(next.stem) == nullptr) return false;
  }
  // Other case particles only on a Korean name (리포터 김태진을), not on
  // a common noun after a role that is one too (투수 로테이션을).
  if (!(PersonParticle(w.particle) ||
        (RoleBackedParticle(w.particle) && KoreanNameShape(w.stem))) ||
      !PersonWord(w, 2)) {
    return false;
  }
  if (!KoreanNameShape(w.stem) &&
      (EndsLikeCommonWord(w.stem) || w.particle.empty())) {
    return false;
  }
  // 투자자 불안과: a two-syllable Hanja noun joined by 와/과 is a topic,
  // not a name (창립자 탕제는 stays).
  if (!KoreanNameShape(w.stem) && SinoCommonNoun(w) &&
      (w.particle == "와" || w.particle == "과")) {
    return false;
  }
  AddPerson(u, j, j);
  Affiliation(u, r);
  return true;
}

void Rules::AgeRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    const UnitWord& w = unit.words[i];
    if (covered_[u][i] != kUnspecified || !FreeForPerson(w.text) ||
        !OpensParen(unit.Gap(i + 1)) ||
        IsQuoteChar(text::FirstCodePoint(unit.Gap(i + 1)))) {
      continue;
    }
    const bool korean = KoreanNameShape(w.text);
    const char32_t next = text::FirstCodePoint(unit.words[i + 1].text);
    if (next >= '0' && next <= '9') {
      // 쑨웨이(22·중국): any short name with an age; a year or a count in
      // parentheses has more digits or a unit (기생충(2019), 대회(3회)).
      if ((korean || PlainNameWord(w)) && AgeInParens(u, i + 1)) {
        AddWholePerson(u, i, i);
      }
      continue;
    }
    // 김재범(한국마사회), 로빈 데이아나(프랑스): a name and where the
    // person belongs or comes from.
    const EntityType inside = covered_[u][i + 1];
    if ((inside != kOrg && inside != kLocation) || !ClosesGloss(u, i + 1)) {
      continue;
    }
    if (korean) {
      AddWholePerson(u, i, i);
    } else if (inside == kLocation && i > 0 && unit.SpaceBetween(i) &&
               PlainNameWord(w) && PlainNameWord(unit.words[i - 1]) &&
               unit.words[i - 1].particle.empty() &&
               covered_[u][i - 1] == kUnspecified &&
               FreeForPerson(unit.words[i - 1].text)) {
      AddWholePerson(u, i - 1, i);
    }
  }
}

bool Rules::PlainNameWord(const UnitWord& w) const {
  const int n = text::CodePointCount(w.text);
  // (김모, 이모: anonymised, no name.)
  return text::IsAllHangul(w.text) && n >= 2 && n <= 5 &&
         !absl::EndsWith(w.text, "모") && !EndsLikeCommonWord(w.text) &&
         !Stop(w.text) && lex_.MatchRole(w.text) == nullptr;
}

bool Rules::AgeInParens(size_t u, size_t i) const {
  const absl::string_view t = units_[u].text.substr(units_[u].words[i].begin);
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3 || digits == t.size()) return false;
  return t[digits] == ')' || t[digits] == ',' ||
         absl::StartsWith(t.substr(digits), "·") ||
         absl::StartsWith(t.substr(digits), "세");
}

bool Rules::ClosesGloss(size_t u, size_t i) const {
  const UnitWord& w = units_[u].words[i];
  if (!w.particle.empty()) return false;
  const absl::string_view t = units_[u].text.substr(w.begin + w.stem.size());
  return absl::StartsWith(t, ")") || absl::StartsWith(t, ",") ||
         absl::StartsWith(t, "·");
}

void Rules::RealNameRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 2 < unit.words.size(); ++i) {
    const absl::string_view cue = unit.words[i + 1].text;
    if ((cue != "본명" && cue != "한국명") || !OpensParen(unit.Gap(i + 1)) ||
        IsQuoteChar(text::FirstCodePoint(unit.Gap(i + 1)))) {
      continue;
    }
    const UnitWord& stage = unit.words[i];
    const int n = text::CodePointCount(stage.text);
    if (covered_[u][i] == kUnspecified && stage.particle.empty() && n >= 2 &&
        n <= 6 && !Stop(stage.text)) {
      AddWholePerson(u, i, i);
    }
    const UnitWord& real = unit.words[i + 2];
    if (covered_[u][i + 2] == kUnspecified && KoreanNameShape(real.stem)) {
      Add("real-name", u, i + 2, i + 2, real.stem, kPerson, kRoleStrength);
    }
  }
}

void Rules::LateRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 1; i < unit.words.size(); ++i) {
    const UnitWord& w = unit.words[i];
    if (unit.words[i - 1].text != "고" || !unit.SpaceBetween(i) ||
        covered_[u][i] != kUnspecified) {
      continue;
    }
    absl::string_view name = w.stem;
    absl::ConsumeSuffix(&name, "씨");
    if (KoreanNameShape(name) && FreeForPerson(name)) {
      Add("late", u, i, i, name, kPerson, kRoleStrength);
    }
  }
}

bool Rules::InNameList(size_t u, size_t i) const {
  const TextUnit& unit = units_[u];
  auto listed = [&](absl::string_view gap) {
    return absl::StrContains(gap, ",") || absl::StrContains(gap, "·");
  };
  auto name = [&](size_t j) {
    return KoreanNameShape(unit.words[j].stem) &&
           CommonSurname(unit.words[j].stem.substr(0, 3));
  };
  // 구본길과 김정환은: joined by 와/과 to a name that looks like no noun
  // (여교사와 유치원 원장).
  const absl::string_view p = unit.words[i].particle;
  const bool joined = (p == "와" || p == "과") && i + 1 < unit.words.size() &&
                      unit.SpaceBetween(i + 1) && name(i + 1) &&
                      !EndsLikeCommonNoun(unit.words[i + 1].stem) &&
                      FreeForPerson(unit.words[i + 1].stem);
  return joined ||
         (i + 1 < unit.words.size() && listed(unit.Gap(i + 1)) &&
          name(i + 1)) ||
         (i > 0 && listed(unit.Gap(i)) && name(i - 1));
}

bool Rules::Parenthesised(size_t u, size_t i) const {
  const TextUnit& unit = units_[u];
  return i > 0 && absl::EndsWith(unit.Gap(i), "(") &&
         i + 1 <= unit.words.size() && absl::StartsWith(unit.Gap(i + 1), ")");
}

void Rules::NameShapeRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i < unit.words.size(); ++i) {
    const UnitWord& w = unit.words[i];
    if (covered_[u][i] != kUnspecified) continue;
    // 정재만은, 배두나는: the longest particle (만은, 나는) ate the
    // name's last syllable; a shorter one (은, 는) leaves the name.
    absl::string_view stem = w.stem, particle = w.particle;
    if (w.syllables == 2 &&
        (absl::StartsWith(particle, "만") || absl::StartsWith(particle, "나") ||
         absl::StartsWith(particle, "도"))) {
      for (const WordReading& r : w.readings) {
        const absl::string_view s = w.text.substr(0, r.length);
        if (text::CodePointCount(s) == 3) {
          stem = s;
          particle = w.text.substr(r.length);
          break;
        }
      }
    }
    if ((particle.empty() && !InNameList(u, i) && !Parenthesised(u, i)) ||
        text::CodePointCount(stem) != 3 || !KoreanNameShape(stem) ||
        !CommonSurname(stem.substr(0, 3)) || !FreeForPerson(stem) ||
        !NameShapeParticle(particle) || EndsLikeCommonWord(stem) ||
        (EndsLikeCommonNoun(stem) && !InNameList(u, i))) {
      continue;
    }
    Add("name-shape", u, i, i, stem, kPerson, kNameShapeStrength);
  }
}

void Rules::ForeignNameRule(size_t u) {
  const TextUnit& unit = units_[u];
  for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
    // readings[0] is the whole word: 하세가와 is a name, not 하세가 + 와.
    const UnitWord& w = unit.words[i];
    if (!unit.SpaceBetween(i + 1) ||
        !lex_.IsForeignGivenName(w.readings[0].key) ||
        !ForeignNamePart(u, i + 1)) {
      continue;
    }
    size_t last = i + 1;
    if (!ForeignNameEnds(u, last)) {
      const bool bare = unit.words[last].particle.empty() &&
                        last + 1 < unit.words.size() &&
                        unit.SpaceBetween(last + 1);
      if (!bare) continue;
      // 스티븐 그레이엄 전시: a common noun after a foreign surname.
      if (SinoCommonNoun(unit.words[last + 1])) {
        if (!text::HasNonSinoSyllable(unit.words[last].stem)) continue;
      } else if (ForeignNamePart(u, last + 1) && EndsName(u, last + 1)) {
        ++last;
      } else {
        continue;
      }
    }
    Add("foreign", u, i, last, ForeignNameText(u, i, last), kPerson,
        kForeignNameStrength);
  }
}

bool Rules::ForeignNamePart(size_t u, size_t j) const {
  const UnitWord& w = units_[u].words[j];
  // (나시르 of 모하메드 나시르 환경장관 may already be a person.)
  return w.all_hangul && w.syllables <= 6 &&
         lex_.MatchRole(w.stem) == nullptr && !Stop(w.stem) &&
         (covered_[u][j] == kUnspecified || covered_[u][j] == kPerson);
}

bool Rules::ForeignNameEnds(size_t u, size_t j) const {
  if (EndsName(u, j)) return true;
  const TextUnit& unit = units_[u];
  const UnitWord& next = unit.words[j + 1];
  // 에밀리 하퍼 한국미술 큐레이터: one word of affiliation, then the role.
  const bool affiliation_then_role =
      next.particle.empty() && j + 2 < unit.words.size() &&
      unit.SpaceBetween(j + 2) &&
      lex_.MatchRole(unit.words[j + 2].stem) != nullptr;
  return lex_.MatchRole(next.stem) != nullptr || next.stem == "전" ||
         next.stem == "전임" || next.stem == "현" ||
         covered_[u][j + 1] == kLocation || covered_[u][j + 1] == kOrg ||
         affiliation_then_role;
}

absl::string_view Rules::ForeignNameText(size_t u, size_t first,
                                         size_t last) const {
  const TextUnit& unit = units_[u];
  const UnitWord& end = unit.words[last];
  // 에릭 바나(…), 마크 러팔로, 가네코 지히로의: 나, 아, 야 and 로 end the
  // name; a news sentence seldom says "or", calls out or says "towards"
  // after a foreign name.
  // 로 before another particle is the name's too (코스톨로는); only 로부터
  // and 로서 follow a person.
  // A bare 로 before another word is the particle: 다나카 쇼타로
  // 선발진을 (with 쇼타).
  const absl::string_view p = end.particle;
  const bool ro = absl::StartsWith(p, "로") && p != "로부터" && p != "로서" &&
                  !(p == "로" && last + 1 < unit.words.size() &&
                    unit.SpaceBetween(last + 1));
  const size_t cut = (p == "나" || p == "아" || p == "야") ? 0
                     : ro                                  ? p.size() - 3
                                                           : p.size();
  return unit.text.substr(unit.words[first].begin,
                          end.end - cut - unit.words[first].begin);
}

}  // namespace gisa::ingest::entity_rules
