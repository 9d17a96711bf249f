#include "ingest_service/parser/entities/evidence.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/entities/word_classes.h"
#include "shared/text/hangul.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

using gisa::v1::EntityType;
constexpr EntityType kPerson = gisa::v1::ENTITY_TYPE_PERSON;
constexpr EntityType kOrg = gisa::v1::ENTITY_TYPE_ORGANIZATION;
constexpr EntityType kLocation = gisa::v1::ENTITY_TYPE_LOCATION;
constexpr EntityType kProduct = gisa::v1::ENTITY_TYPE_PRODUCT;
constexpr EntityType kUnspecified = gisa::v1::ENTITY_TYPE_UNSPECIFIED;

constexpr int kLexiconStrength = 10;
constexpr int kRegionStrength = 8;
constexpr int kRoleStrength = 6;
constexpr int kSuffixStrength = 5;
constexpr int kForeignNameStrength = 5;
constexpr int kCountryBodyStrength = 6;
constexpr int kNamePrefixStrength = 6;
constexpr int kNameLikeCueStrength = 3;
constexpr int kCapitalGlossStrength = 2;
constexpr int kChainStrength = 4;
constexpr int kLatinGroupStrength = 4;
constexpr int kCompanyPrefixStrength = 3;
constexpr int kGlossStrength = 4;
constexpr int kNameShapeStrength = 3;
constexpr int kCueStrength = 2;
constexpr int kAffiliationStrength = 2;

// Verbs that take a product as object right after a quoted name: '루빈'을
// 발표하면서.
constexpr absl::string_view kProductVerbs[] = {
    "발표", "출시", "공개", "선보", "내놓", "탑재", "개발", "앞세", "도입",
    "적용", "판매", "론칭", "공급", "접종", "복용", "처방", "발사"};

// Last syllables that end a clause rather than a name: a quote ending in
// them is speech, not a name.
constexpr absl::string_view kClauseEndings[] = {
    "했다", "한다", "된다", "있다", "없다", "이다", "였다", "었다", "았다",
    "겠다", "는다", "니다", "싶다", "같다", "요", "죠", "까", "냐", "니",
    "며", "면", "게", "네"};

// Address parts that follow a place: 서울 용산구, 부산시 사하구 하단동.
// (Not 길: 순방길, 출근길.)
constexpr absl::string_view kAddressEndings[] = {"구", "군", "동", "읍", "면",
                                                 "리", "로"};

// A known place plus one of these is a place: 부산시, 사이타마현, 광둥성,
// 울산공장, 부산항.
constexpr absl::string_view kRegionEndings[] = {
    "시", "군", "구", "도", "현", "주", "성", "읍", "면", "공장", "항"};

// Everything the rules share for one article.
class Rules {
 public:
  Rules(const EntityLexicon& lexicon, const std::vector<TextUnit>& units)
      : lex_(lexicon), units_(units) {
    covered_.resize(units.size());
    for (size_t u = 0; u < units.size(); ++u) {
      covered_[u].assign(units[u].words.size(), kUnspecified);
    }
  }

  std::vector<Evidence> Run() {
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

  // '수면 빚'(sleep debt), '캐즘'(chasm): a quoted word glossed in lower
  // case is a term being explained, not a name; quotes alone do not make
  // it one (a lexicon still may).
  void DropTerms() {
    if (terms_.empty()) return;
    out_.erase(std::remove_if(out_.begin(), out_.end(),
                              [&](const Evidence& e) {
                                return e.entry == nullptr &&
                                       terms_.contains(Key(e.name));
                              }),
               out_.end());
  }

  // Disney in 디즈니플러스(Disney+) is part of the gloss, not a name of its
  // own: evidence inside a gloss stands only for the whole gloss.
  void DropPartsOfGlosses() {
    if (glosses_.empty()) return;
    std::vector<Evidence> kept;
    kept.reserve(out_.size());
    for (Evidence& e : out_) {
      if (!InsideOtherGloss(e)) kept.push_back(std::move(e));
    }
    out_ = std::move(kept);
  }

 private:
  // --- helpers -------------------------------------------------------------

  const UnitWord& W(size_t u, size_t i) const { return units_[u].words[i]; }

  std::string Key(absl::string_view s) const { return MatchKey(s); }

  bool Stop(absl::string_view s) const { return lex_.IsStopword(Key(s)); }

  // The unit text of words [first, last], the last without its particle.
  absl::string_view NameText(size_t u, size_t first, size_t last) const {
    const TextUnit& unit = units_[u];
    const int32_t begin = unit.words[first].begin;
    const int32_t end = unit.words[last].begin +
                        static_cast<int32_t>(unit.words[last].stem.size());
    return unit.text.substr(begin, end - begin);
  }

  void Add(const char* rule, size_t u, size_t first, size_t last,
           absl::string_view name, EntityType type, int strength,
           const LexiconName* entry = nullptr, absl::string_view alias = {}) {
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

  // A lexicon name of the given type (any type for UNSPECIFIED) that the
  // stem of word i is, read with its particle.
  const LexiconName* LexiconWord(size_t u, size_t i) const {
    for (const WordReading& r : W(u, i).readings) {
      if (const LexiconName* n = lex_.FindName(r.key)) return n;
    }
    return nullptr;
  }

  // Korean personal name: a surname of one syllable and a given name of one
  // or two, or a two-syllable surname and a given name of two (남궁민수).
  bool KoreanNameShape(absl::string_view stem) const {
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

  // A stem that may be a name at all: not a generic noun, not a role, not a
  // known non-person, not an organisation or place by its ending.
  bool FreeForPerson(absl::string_view stem) const {
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
    return rule == nullptr ||
           (rule->type == kProduct && KoreanNameShape(stem));
  }

  // A word before a role that reads as a case-marked common word, not a
  // name: 방송을 기자, 반응을 보인, 동생인 배우, 조사한 결과. Names
  // seldom end in these syllables, and a known generic noun with a
  // particle is no name (부인인, 남편인).
  bool MarkedCommonWord(const UnitWord& w) const {
    static constexpr absl::string_view kNeverName[] = {
        "을", "를", "가", "는", "에", "께", "의", "한", "된", "던", "될", "할",
        "난"};
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
    return
           (!w.particle.empty() &&
            (Stop(w.stem) || lex_.MatchRole(w.stem) != nullptr));
  }

  bool PersonWord(const UnitWord& w, int min_syllables) const {
    return w.all_hangul && w.syllables >= min_syllables && w.syllables <= 4 &&
           FreeForPerson(w.stem);
  }

  // True when nothing but white space separates word i from the next.
  bool PlainAfter(size_t u, size_t i) const {
    return units_[u].SpaceBetween(i + 1);
  }

  // The name part ends here: a particle, punctuation or the unit's end.
  bool EndsName(size_t u, size_t i) const {
    const TextUnit& unit = units_[u];
    if (!unit.words[i].particle.empty()) return true;
    if (i + 1 >= unit.words.size()) return true;
    return !unit.SpaceBetween(i + 1);
  }

  // --- lexicon -------------------------------------------------------------

  void LexiconRule(size_t u) {
    const TextUnit& unit = units_[u];
    const size_t n = unit.words.size();
    for (size_t i = 0; i < n;) {
      size_t matched = 0;
      const size_t max_k =
          std::min<size_t>(lex_.max_name_words(), n - i);
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

  // 한국 경제 is the Korean economy, not the paper 한국경제: a name the
  // lexicon writes only without spaces, read over a place and another word,
  // is a place and a common noun. (삼성 라이온즈 and 미국 연방준비제도
  // stay: the first word is no place or the lexicon writes the space.)
  bool PlaceThenNoun(const LexiconName& entry, const UnitWord& first) const {
    const LexiconName* place = lex_.FindName(first.readings[0].key);
    if (place == nullptr || place->type != kLocation) return false;
    if (absl::StrContains(entry.name, ' ')) return false;
    for (const std::string& alias : entry.aliases) {
      if (absl::StrContains(alias, ' ')) return false;
    }
    return true;
  }

  // --- places --------------------------------------------------------------

  void RegionAndChainRule(size_t u) {
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

  // 경기 수원시: 경기 is a province only before a place (else a game).
  void ProvinceBeforePlaceRule(size_t u) {
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

  // --- organisation and place endings --------------------------------------

  void EndingRule(size_t u) {
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

  // 미국 법무부, 일본 정부, 홍콩 경찰: a body that every country has is
  // named by its country, as 미국 항공우주국 is (and is not the 법무부 of
  // another sentence). Only countries (countries.tsv): 서초구 법원 is a
  // court in a district.
  void CountryBodyRule(size_t u) {
    const TextUnit& unit = units_[u];
    for (size_t i = 0; i + 1 < unit.words.size(); ++i) {
      const UnitWord& place = unit.words[i];
      const LexiconName* entry = LexiconWord(u, i);
      if (covered_[u][i] != kLocation || !place.particle.empty() ||
          entry == nullptr || !entry->country ||
          !unit.SpaceBetween(i + 1) || !PublicBody(u, i + 1)) {
        continue;
      }
      Add("country-body", u, i, i + 1, NameText(u, i, i + 1), kOrg,
          kCountryBodyStrength);
    }
  }

  // 춘천지방법원 강릉지원: a court and its branch in another town are one
  // court.
  void CourtBranchRule(size_t u) {
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

  // 아타카마 사막, 알프스 산맥: a foreign name and the kind of land it is.
  void GeographicNounRule(size_t u) {
    static constexpr absl::string_view kLand[] = {
        "사막", "산맥", "해협", "반도", "호수", "고원", "분지", "열도",
        "제도", "평원", "계곡", "폭포", "빙하", "운하"};
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
      const bool place = covered_[u][i] == kLocation ||
                         (covered_[u][i] == kUnspecified &&
                          text::HasNonSinoSyllable(name.stem) &&
                          !EndsLikeCommonWord(name.stem));
      if (!place) continue;
      Add("land", u, i, i + 1, NameText(u, i, i + 1), kLocation,
          kCountryBodyStrength);
    }
  }

  // A government body by its generic name: 정부, 의회, 경찰, or a ministry
  // or agency found by its ending (법무부, 기상청, 지질조사국, 외무성).
  bool PublicBody(size_t u, size_t j) const {
    static constexpr absl::string_view kBodies[] = {
        "정부", "의회", "경찰", "당국", "법원", "검찰", "백악관", "대사관",
        "총영사관", "영사관", "연방정부", "내각", "국방위원회"};
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

  // 네이버클라우드, 한화에어로스페이스: a known company's name and more.
  void CompanyPrefixRule(size_t u) {
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

  // True when `word`, or an ending of it longer than `min_bytes`, is a stop
  // word: 데이터센터, 대형데이터센터, 지방정부.
  bool EndsInStopword(absl::string_view word, size_t min_bytes) const {
    if (Stop(word)) return true;
    for (size_t at = 3; at + min_bytes < word.size(); at += 3) {
      if (!text::IsHangulSyllable(text::FirstCodePoint(word.substr(at)))) {
        continue;
      }
      if (text::CodePointCount(word.substr(at)) >= 2 &&
          Stop(word.substr(at))) {
        // 국립장수의료연구센터, 전국금속노동조합: a generic ending after a
        // public qualifier of its own is a body's name.
        return !PublicQualifier(word.substr(0, at));
      }
    }
    return false;
  }

  // The head of a public body's name: 국립, 한국, 전국 … and more words
  // after them (국립장수의료), or a known place (부산 + 연구센터).
  bool PublicQualifier(absl::string_view head) const {
    if (text::CodePointCount(head) < 3) return false;
    for (absl::string_view q : {"국립", "한국", "국제", "세계", "중앙", "대한",
                                "전국", "국가"}) {
      if (absl::StartsWith(head, q)) return true;
    }
    return false;
  }

  // SK바이오사이언스, GC녹십자, LG에너지솔루션: a Latin group name and Hangul.
  void LatinGroupRule(size_t u) {
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

  // --- people --------------------------------------------------------------

  void AddPerson(size_t u, size_t first, size_t last) {
    Add("role", u, first, last, NameText(u, first, last), kPerson, kRoleStrength);
    // 즈푸의 창립자 탕제, 카카오의 박서윤 리더: the X의 before is where they
    // work. Evidence only; it needs another rule to stand.
  }

  void Affiliation(size_t u, size_t chain_start) {
    if (chain_start == 0 || !units_[u].SpaceBetween(chain_start)) return;
    const UnitWord& w = W(u, chain_start - 1);
    if (w.particle != "의" || w.syllables < 2 || Stop(w.stem) ||
        covered_[u][chain_start - 1] != kUnspecified ||
        KoreanNameShape(w.stem) || lex_.MatchRole(w.stem) != nullptr) {
      return;
    }
    Add("affiliation", u, chain_start - 1, chain_start - 1, w.stem, kOrg,
        kAffiliationStrength);
  }

  void RoleRule(size_t u) {
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
      if (role->side != RoleSide::kBeforeName && r > 0 &&
          unit.SpaceBetween(r) && KoreanNameShape(unit.words[r - 1].text) &&
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

  // 세르게이 라브로프 러시아 외무장관, 이하윤 한빛전자 대표: a country or
  // an organisation between the name and the role.
  bool NameBeforeDescribedRole(size_t u, size_t r) {
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
        IsBodyNoun(affiliation.stem) || unknown_body ? kOrg
                                                     : covered_[u][r - 1];
    if ((between != kLocation && between != kOrg) ||
        !unit.words[r - 1].particle.empty() ||
        covered_[u][r - 2] != kUnspecified) {
      return false;
    }
    return NameBeforeRole(u, r - 1);
  }

  // 솔지 씨, 우드 씨: 씨 follows people only, so a short word before it is
  // a name even when it is not shaped like a Korean one.
  void HonorificRule(size_t u, size_t r) {
    const TextUnit& unit = units_[u];
    if (unit.words[r].stem != "씨" || r == 0 || !unit.SpaceBetween(r)) return;
    const UnitWord& prev = unit.words[r - 1];
    if (prev.particle.empty() && HonorificName(prev.text) &&
        covered_[u][r - 1] == kUnspecified) {
      AddWholePerson(u, r - 1, r - 1);
      Affiliation(u, r - 1);
    }
  }

  // The name part of 이현도씨 or 솔지 씨: a Korean name, or any Hangul word
  // of two to four syllables that is no generic noun (아저씨, 솜씨 and
  // 날씨 are words, not names).
  bool HonorificName(absl::string_view bare) const {
    if (KoreanNameShape(bare)) return true;
    const int n = text::CodePointCount(bare);
    return text::IsAllHangul(bare) && n >= 2 && n <= 4 &&
           !absl::EndsWith(bare, "모") && FreeForPerson(bare) &&
           !Stop(absl::StrCat(bare, "씨")) && !EndsLikeCommonWord(bare);
  }

  // 김태오 교수, 서민규 발사관리단장, 이도현 하이퍼스케일 AI 총괄,
  // 프랑크 베옌스 박사.
  // A name right before a role word carries no particle (the particle goes
  // on the role), so the whole word is the name: 배두나 씨, 이현도 씨 (not
  // 배두 + 나, 이현 + 도).
  bool NameBeforeRole(size_t u, size_t r) {
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
          KoreanNameShape(whole) && (CommonSurname(whole.substr(0, 3)) ||
                                     !EndsLikeCommonWord(whole));
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
      const bool foreign =
          !korean && covered_[u][r - 1] == kUnspecified && syllables >= 3 &&
          !EndsLikeCommonWord(whole) && !after_korean_name &&
          (syllables < 4 || text::HasNonSinoSyllable(whole));
      // 벨라 바자리아 최고콘텐츠책임자: a plain word before a foreign
      // surname is the given name.
      if (foreign && r >= 2 && unit.SpaceBetween(r - 1)) {
        const UnitWord& given = unit.words[r - 2];
        if (given.particle.empty() && given.all_hangul &&
            given.syllables <= 4 && covered_[u][r - 2] == kUnspecified &&
            !KoreanNameShape(given.text) && !EndsLikeCommonWord(given.text) &&
            FreeForPerson(given.text) && lex_.CueType(Key(given.text)) ==
                                             kUnspecified) {
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

  void AddWholePerson(size_t u, size_t first, size_t last) {
    const TextUnit& unit = units_[u];
    const int32_t begin = unit.words[first].begin;
    Add("role", u, first, last,
        unit.text.substr(begin, unit.words[last].end - begin), kPerson,
        kRoleStrength);
  }

  // 창립자 탕제는, 투자자 알리사 리는, 투수 오승민입니다.
  bool NameAfterRole(size_t u, size_t r) {
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
        p.empty() || ((p == "나" || p == "도" || p == "만" || p == "랑" ||
                       p == "로") &&
                      !KoreanNameShape(w.stem));
    if (whole_first && j + 1 < n && unit.SpaceBetween(j + 1)) {
      const UnitWord& next = unit.words[j + 1];
      const absl::string_view first = w.text;
      // A second word closes a foreign name: 알리사 리는, 소피 마틴(...).
      if (next.all_hangul && next.syllables >= 1 && next.syllables <= 4 &&
          EndsName(u, j + 1) && PersonParticle(next.particle) &&
          lex_.MatchRole(next.stem) == nullptr && !Stop(next.stem) &&
          !TwoCommonNouns(first, next.stem) &&
          text::CodePointCount(first) <= 4 && !KoreanNameShape(first) &&
          !EndsLikeCommonWord(first) && FreeForPerson(first)) {
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

  // 서경석(43) 씨, 황보연(62·구속기소): a Korean name and an age.
  void AgeRule(size_t u) {
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

  // A Hangul word of two to five syllables that may be a foreign name.
  bool PlainNameWord(const UnitWord& w) const {
    const int n = text::CodePointCount(w.text);
    // (김모, 이모: anonymised, no name.)
    return text::IsAllHangul(w.text) && n >= 2 && n <= 5 &&
           !absl::EndsWith(w.text, "모") &&
           !EndsLikeCommonWord(w.text) && !Stop(w.text) &&
           lex_.MatchRole(w.text) == nullptr;
  }

  // Word i starts with an age of one to three digits closed by ), · or ,.
  bool AgeInParens(size_t u, size_t i) const {
    const absl::string_view t = units_[u].text.substr(units_[u].words[i].begin);
    size_t digits = 0;
    while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
    if (digits == 0 || digits > 3 || digits == t.size()) return false;
    return t[digits] == ')' || t[digits] == ',' ||
           absl::StartsWith(t.substr(digits), "·") ||
           absl::StartsWith(t.substr(digits), "세");
  }

  // The stem of word i is followed right away by ), · or ,.
  bool ClosesGloss(size_t u, size_t i) const {
    const UnitWord& w = units_[u].words[i];
    if (!w.particle.empty()) return false;
    const absl::string_view t =
        units_[u].text.substr(w.begin + w.stem.size());
    return absl::StartsWith(t, ")") || absl::StartsWith(t, ",") ||
           absl::StartsWith(t, "·");
  }


  // 최강창민(본명 심창민), 소희(본명 이소희·30): a stage name and the
  // real one are both a person's.
  void RealNameRule(size_t u) {
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

  // 고 신해철, 고 한주호 준위: 고 (the late) stands before a person only.
  void LateRule(size_t u) {
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

  // 유승민, 주호영, 윤상현: names listed with commas or middle dots.
  bool InNameList(size_t u, size_t i) const {
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

  // Word i alone in parentheses: 강모연 팀장(송혜교), the actor who plays a
  // part.
  bool Parenthesised(size_t u, size_t i) const {
    const TextUnit& unit = units_[u];
    return i > 0 && absl::EndsWith(unit.Gap(i), "(") &&
           i + 1 <= unit.words.size() &&
           absl::StartsWith(unit.Gap(i + 1), ")");
  }

  // 오승민은, 한재원이: a word shaped like a Korean name (surname and given
  // name syllables) before a particle that people take. Weak: a name seen
  // this way once is kept; the ending and stop lists keep common words out.
  void NameShapeRule(size_t u) {
    const TextUnit& unit = units_[u];
    for (size_t i = 0; i < unit.words.size(); ++i) {
      const UnitWord& w = unit.words[i];
      if (covered_[u][i] != kUnspecified) continue;
      // 정재만은, 배두나는: the longest particle (만은, 나는) ate the
      // name's last syllable; a shorter one (은, 는) leaves the name.
      absl::string_view stem = w.stem, particle = w.particle;
      if (w.syllables == 2 && (absl::StartsWith(particle, "만") ||
                               absl::StartsWith(particle, "나") ||
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

  // 저스틴 린, 마크 저커버그: a known foreign given name and one more word,
  // or two where the first is bare (케빈 프린스 보아텡에게).
  void ForeignNameRule(size_t u) {
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

  // Word j may be part of a foreign name: a Hangul word that is no role,
  // no stop word and not already taken.
  bool ForeignNamePart(size_t u, size_t j) const {
    const UnitWord& w = units_[u].words[j];
    // (나시르 of 모하메드 나시르 환경장관 may already be a person.)
    return w.all_hangul && w.syllables <= 6 &&
           lex_.MatchRole(w.stem) == nullptr && !Stop(w.stem) &&
           (covered_[u][j] == kUnspecified || covered_[u][j] == kPerson);
  }

  // The name ends at word j: a particle or punctuation follows, or a role
  // (수전 라이스 미국 백악관 보좌관, 리언 패네타 전 장관), a former-title
  // word or a known country or body.
  bool ForeignNameEnds(size_t u, size_t j) const {
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

  // The name as written, without the particle of its last word.
  absl::string_view ForeignNameText(size_t u, size_t first,
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

  // --- descriptors ---------------------------------------------------------

  // 스타트업 즈푸, 도시 X: a descriptor that announces an organisation or a
  // place (products are the quote rule's).
  void CueRule(size_t u) {
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
        Add("cue", u, i, i + 1, NameText(u, i, i + 1), type,
            kNamePrefixStrength);
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

  // --- glosses -------------------------------------------------------------

  // Word i follows a Hangul word with no particle that is no descriptor.
  bool BareWordBefore(size_t u, size_t i) const {
    if (i == 0 || !units_[u].SpaceBetween(i)) return false;
    const UnitWord& prev = units_[u].words[i - 1];
    return prev.all_hangul && prev.particle.empty() &&
           lex_.CompoundCueType(prev.stem) == kUnspecified;
  }

  void GlossRule(size_t u) {
    const TextUnit& unit = units_[u];
    const size_t n = unit.words.size();
    for (size_t i = 0; i + 1 < n; ++i) {
      if (!OpensParen(unit.Gap(i + 1))) continue;
      const int32_t open = static_cast<int32_t>(
          unit.Gap(i + 1).rfind('(') + unit.words[i].end);
      const size_t close = unit.text.find(')', open);
      if (close == absl::string_view::npos || close - open > 64) continue;
      const absl::string_view gloss = text::TrimSpace(
          unit.text.substr(open + 1, close - open - 1));
      const GlossKind kind = ClassifyGloss(gloss);
      if (kind == GlossKind::kNone) continue;
      if (kind == GlossKind::kHangul &&
          (gloss.find(' ') != absl::string_view::npos ||
           text::CodePointCount(gloss) > 6 || Stop(gloss))) {
        continue;
      }
      if (Stop(gloss) && kind == GlossKind::kLatin) continue;
      const UnitWord& head = unit.words[i];
      if (head.syllables < 1 || text::CodePointCount(head.text) < 2) continue;
      // The head: the quoted name, a lexicon name, or as many Hangul words as
      // a proper Latin gloss has words (소피 마틴(Sophie Martin)).
      const bool quoted = IsQuoteChar(text::FirstCodePoint(unit.Gap(i + 1)));
      size_t first = i;
      if (quoted) {
        first = QuotedStart(u, i);
      } else if (covered_[u][i] != kUnspecified) {
        first = CoveredStart(u, i);
      } else if (kind == GlossKind::kLatin && ProperLatin(gloss)) {
        const size_t gloss_words =
            std::count(gloss.begin(), gloss.end(), ' ') + 1;
        // 스타얼라이언스(Star Alliance): one long word may write every word
        // of the gloss; 마틴(Sophie Martin) cannot. After a long one, only
        // words that look transliterated join (네이처 케미스트리, not 직전
        // 스타얼라이언스).
        const bool long_head =
            head.syllables >= 2 * static_cast<int>(gloss_words);
        // (A word of one syllable ends the run: 이어진 뒤 시카고 미술관.)
        while (i - first + 1 < gloss_words && first > 0 &&
               unit.SpaceBetween(first) &&
               (!long_head ||
                text::HasNonSinoSyllable(unit.words[first - 1].stem)) &&
               unit.words[first - 1].syllables >= 2 &&
               unit.words[first - 1].particle.empty() &&
               unit.words[first - 1].all_hangul &&
               lex_.MatchRole(unit.words[first - 1].stem) == nullptr &&
               lex_.CompoundCueType(unit.words[first - 1].stem) ==
                   kUnspecified &&
               !Stop(unit.words[first - 1].stem)) {
          --first;
        }
      }
      if (Stop(NameText(u, first, i))) continue;
      // 김재범(한국마사회): a person and the body they belong to are two
      // things, not a name and its gloss.
      if (kind == GlossKind::kHangul &&
          (covered_[u][i] == kPerson ||
           (first == i && KoreanNameShape(head.text))) &&
          (covered_[u][i + 1] == kOrg || covered_[u][i + 1] == kLocation)) {
        continue;
      }
      // Whole words: the head of a gloss carries no particle.
      const absl::string_view name = unit.text.substr(
          unit.words[first].begin, head.end - unit.words[first].begin);
      if (quoted && kind == GlossKind::kLatin && LowerCaseWords(gloss)) {
        terms_.insert(Key(name));
        continue;
      }
      EntityType type = kUnspecified;
      int strength = 0;
      // 루미나(LUMINA): capitals alone also gloss abbreviations (KAIST), so
      // they need a descriptor or more to make a name.
      // The head must stand alone: in 유럽 뮤직 어워드(EMA) the name began
      // words earlier, where capitals cannot tell.
      const bool capitals = kind == GlossKind::kLatin && Capitals(gloss) &&
                            first == i && !BareWordBefore(u, i);
      if (kind == GlossKind::kLatin && (ProperLatin(gloss) || capitals)) {
        strength = capitals ? kCapitalGlossStrength : kGlossStrength;
        const size_t head_words = i - first + 1;
        // 소피 마틴(Sophie Martin) is a person; 네이처 에너지(Nature Energy)
        // a journal: a word of an organisation's name tells them apart.
        if (quoted) {
          type = kProduct;
        } else if (head_words >= 2 &&
                   std::count(gloss.begin(), gloss.end(), ' ') + 1 ==
                       static_cast<long>(head_words) &&
                   !HasOrganisationWord(gloss)) {
          type = kPerson;
        } else {
          type = kOrg;
        }
      }
      glosses_[static_cast<int>(u)].push_back(
          Gloss{open, static_cast<int32_t>(close), Key(gloss)});
      Add("gloss", u, first, i, name, type, strength, nullptr, gloss);
    }
  }

  // --- quotes --------------------------------------------------------------

  struct Quoted {
    size_t unit;
    size_t first, last;  // words inside the marks
    std::string key;
  };

  // The gloss whose parentheses hold all of `e`, if `e` is not that gloss.
  bool InsideOtherGloss(const Evidence& e) const {
    auto it = glosses_.find(e.unit);
    if (it == glosses_.end()) return false;
    const std::vector<Gloss>& glosses = it->second;  // in text order
    const UnitWord& first = units_[e.unit].words[e.first_word];
    // The last gloss that opens before the evidence starts.
    auto g = std::upper_bound(
        glosses.begin(), glosses.end(), first.begin,
        [](int32_t at, const Gloss& gloss) { return at <= gloss.open; });
    if (g == glosses.begin()) return false;
    --g;
    return units_[e.unit].words[e.last_word].end <= g->close &&
           MatchKey(e.name) != g->key;
  }

  // First word of the strong evidence that ends at word `last`.
  size_t CoveredStart(size_t u, size_t last) const {
    auto it = span_start_.find(std::make_pair(u, last));
    return it == span_start_.end() ? last : it->second;
  }

  // First word of the quoted span that ends at word `last`.
  size_t QuotedStart(size_t u, size_t last) const {
    auto it = quote_start_.find(std::make_pair(u, last));
    return it == quote_start_.end() ? last : it->second;
  }

  // Short quoted spans of unit u as word ranges.
  std::vector<std::pair<size_t, size_t>> QuotedSpans(size_t u) const {
    std::vector<std::pair<size_t, size_t>> spans;
    const TextUnit& unit = units_[u];
    const auto* s = reinterpret_cast<const uint8_t*>(unit.text.data());
    const int32_t n = static_cast<int32_t>(unit.text.size());
    char32_t previous = ' ';
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) break;
      const char32_t ch = static_cast<char32_t>(c);
      const bool opens = IsQuoteChar(ch) && ch != 0x2019 && ch != 0x201D &&
                         !u_isalnum(previous);
      previous = ch;
      if (!opens) continue;
      // The closing mark within 30 code points.
      const char32_t closer = Closer(ch);
      int32_t j = i;
      int count = 0;
      int32_t close_at = -1;
      while (j < n && count <= 30) {
        const int32_t at = j;
        UChar32 d;
        U8_NEXT(s, j, n, d);
        if (d < 0 || d == '.' || d == '?' || d == '!' || d == ',' ||
            d == '\n') {
          break;
        }
        if (static_cast<char32_t>(d) == closer ||
            (closer == '\'' && d == 0x2019)) {
          close_at = at;
          break;
        }
        ++count;
      }
      if (close_at < 0) continue;
      // Words are in order: the first one starting inside the marks, and
      // those after it that end before the closing mark.
      const auto inside = std::lower_bound(
          unit.words.begin(), unit.words.end(), i,
          [](const UnitWord& w, int32_t at) { return w.begin < at; });
      size_t first = inside - unit.words.begin();
      size_t last = first;
      while (last < unit.words.size() && unit.words[last].end <= close_at) {
        ++last;
      }
      if (last > first && last - first <= 5) {
        spans.emplace_back(first, last - 1);
      }
      i = j;  // past the closing mark
      previous = closer;
    }
    return spans;
  }

  // A quote that describes rather than names: an adverb in it ('올여름
  // 역대 가장 더울 수도'), a verb modifying a later word ('함께 경험하는
  // 행사'), or a bound noun after a verb (더울 수, 오를 것).
  static bool ReadsAsClause(const TextUnit& unit, size_t first, size_t last) {
    for (size_t w = first; w <= last; ++w) {
      const UnitWord& word = unit.words[w];
      if (IsAdverb(word.text)) return true;
      if (w < last && (absl::EndsWith(word.text, "하는") ||
                       absl::EndsWith(word.text, "되는"))) {
        return true;
      }
      if (w > first && (word.text == "수" || word.text == "수도" ||
                        word.text == "것" || word.text == "듯")) {
        return true;
      }
    }
    return false;
  }

  bool NameLikeQuote(size_t u, size_t first, size_t last) const {
    const TextUnit& unit = units_[u];
    const absl::string_view text = unit.text.substr(
        unit.words[first].begin, unit.words[last].end - unit.words[first].begin);
    if (Stop(text)) return false;
    const char32_t end = text::LastCodePoint(text);
    for (absl::string_view ending : kClauseEndings) {
      if (absl::EndsWith(text, ending)) return false;
    }
    if (ReadsAsClause(unit, first, last)) return false;
    // Inner words with case particles read as a phrase, not a name.
    for (size_t w = first; w < last; ++w) {
      const absl::string_view p = unit.words[w].particle;
      // (은 and 는 also end adjectives of titles: '검은 바다'.)
      if (p == "을" || p == "를" || p == "에" || p == "에서" ||
          p == "에게" || p == "으로" || p == "로") {
        return false;
      }
    }
    return end != 0;
  }

  void QuoteRule(size_t u) {
    const TextUnit& unit = units_[u];
    const size_t n = unit.words.size();
    for (const auto& [first, last] : QuotedSpans(u)) {
      if (!NameLikeQuote(u, first, last)) continue;
      const absl::string_view text = unit.text.substr(
          unit.words[first].begin,
          unit.words[last].end - unit.words[first].begin);
      quotes_.push_back({u, first, last, Key(text)});
      quote_start_[{u, last}] = first;
      if (covered_[u][first] != kUnspecified && first == last) continue;
      EntityType type = kUnspecified;
      int strength = 0;
      // A gloss right after: '큐원'(Qwen).
      // (Four words or more and only a gloss read as a term explained,
      // '탄도형 달 전이 궤적'(BLT), unless a cue below names it.)
      if (last + 1 < n && OpensParen(unit.Gap(last + 1)) &&
          last - first < 3) {
        type = kProduct;
        strength = 5;
      }
      // A descriptor before or after: 차세대 칩 '루빈', '블랙웰' 칩.
      for (size_t back = 1; back <= 2 && back <= first; ++back) {
        const UnitWord& w = unit.words[first - back];
        if (back == 2 && !unit.words[first - 1].particle.empty()) break;
        // 가면극단 '테아트르 뤼미에르': a descriptor may end a longer word.
        const EntityType cue = covered_[u][first - back] == kUnspecified
                                   ? lex_.CompoundCueType(w.stem)
                                   : lex_.CueType(Key(w.stem));
        if (cue != kUnspecified) {
          type = cue;
          strength = std::max(strength, 5);
          break;
        }
      }
      if (last + 1 < n && lex_.CueType(Key(unit.words[last + 1].stem)) ==
                              kProduct) {
        type = kProduct;
        strength = std::max(strength, 5);
      }
      // An organisation right before: 엔비디아 '루빈', 엔비디아의 '블랙웰'.
      if (first > 0 && (covered_[u][first - 1] == kOrg)) {
        type = type == kUnspecified ? kProduct : type;
        strength = std::max(strength, 5);
      }
      // A product verb after the object particle: '루빈'을 발표.
      if (last + 2 < n) {
        const UnitWord& particle = unit.words[last + 1];
        if (particle.text == "을" || particle.text == "를") {
          for (absl::string_view verb : kProductVerbs) {
            if (absl::StartsWith(unit.words[last + 2].text, verb)) {
              type = type == kUnspecified ? kProduct : type;
              strength = std::max(strength, 4);
              break;
            }
          }
        }
      }
      if (type == kUnspecified) {
        // Still a link for the repeated-quote rule and for glosses.
        continue;
      }
      Add("quote", u, first, last, text, type, strength);
    }
  }

  // A name quoted twice or more is a title or product: '청자 어룡형 주자'.
  void RepeatedQuoteRule() {
    absl::flat_hash_map<std::string, int> count;
    for (const Quoted& q : quotes_) ++count[q.key];
    absl::flat_hash_map<std::string, bool> done;
    for (const Quoted& q : quotes_) {
      if (count[q.key] < 2 || done[q.key]) continue;
      done[q.key] = true;
      if (lex_.FindName(q.key) != nullptr) continue;
      const TextUnit& unit = units_[q.unit];
      const absl::string_view text = unit.text.substr(
          unit.words[q.first].begin,
          unit.words[q.last].end - unit.words[q.first].begin);
      Add("repeated-quote", q.unit, q.first, q.last, text, kProduct, 3);
    }
  }

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
  absl::flat_hash_set<std::string> terms_;  // keys of glossed terms
  absl::flat_hash_set<std::string> places_;  // keys of places found so far
  // First word of a strong span / of a quote, by (unit, last word).
  absl::flat_hash_map<std::pair<size_t, size_t>, size_t> span_start_;
  absl::flat_hash_map<std::pair<size_t, size_t>, size_t> quote_start_;
  std::vector<Evidence> out_;
};

}  // namespace

std::vector<Evidence> CollectEvidence(const EntityLexicon& lexicon,
                                      const std::vector<TextUnit>& units) {
  return Rules(lexicon, units).Run();
}

}  // namespace gisa::ingest
