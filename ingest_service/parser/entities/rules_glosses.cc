// The rules that read glosses in parentheses and names in quotation marks.
#include "ingest_service/parser/entities/internal/rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "ingest_service/parser/entities/word_classes.h"
#include "shared/text/hangul.h"
#include "shared/text/normalize.h"

namespace gisa::ingest::entity_rules {

void Rules::DropTerms() {
  if (terms_.empty()) return;
  out_.erase(std::remove_if(out_.begin(), out_.end(),
                            [&](const Evidence& e) {
                              return e.entry == nullptr &&
                                     terms_.contains(Key(e.name));
                            }),
             out_.end());
}

void Rules::DropPartsOfGlosses() {
  if (glosses_.empty()) return;
  std::vector<Evidence> kept;
  kept.reserve(out_.size());
  for (Evidence& e : out_) {
    if (!InsideOtherGloss(e)) kept.push_back(std::move(e));
  }
  out_ = std::move(kept);
}

bool Rules::BareWordBefore(size_t u, size_t i) const {
  if (i == 0 || !units_[u].SpaceBetween(i)) return false;
  const UnitWord& prev = units_[u].words[i - 1];
  return prev.all_hangul && prev.particle.empty() &&
         lex_.CompoundCueType(prev.stem) == kUnspecified;
}

void Rules::GlossRule(size_t u) {
  const TextUnit& unit = units_[u];
  const size_t n = unit.words.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!OpensParen(unit.Gap(i + 1))) continue;
    const int32_t open =
        static_cast<int32_t>(unit.Gap(i + 1).rfind('(') + unit.words[i].end);
    const size_t close = unit.text.find(')', open);
    if (close == absl::string_view::npos || close - open > 64) continue;
    const absl::string_view gloss =
        text::TrimSpace(unit.text.substr(open + 1, close - open - 1));
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
             lex_.CompoundCueType(unit.words[first - 1].stem) == kUnspecified &&
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

bool Rules::InsideOtherGloss(const Evidence& e) const {
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

size_t Rules::CoveredStart(size_t u, size_t last) const {
  auto it = span_start_.find(std::make_pair(u, last));
  return it == span_start_.end() ? last : it->second;
}

size_t Rules::QuotedStart(size_t u, size_t last) const {
  auto it = quote_start_.find(std::make_pair(u, last));
  return it == quote_start_.end() ? last : it->second;
}

std::vector<std::pair<size_t, size_t>> Rules::QuotedSpans(size_t u) const {
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
    const bool opens =
        IsQuoteChar(ch) && ch != 0x2019 && ch != 0x201D && !u_isalnum(previous);
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
      if (d < 0 || d == '.' || d == '?' || d == '!' || d == ',' || d == '\n') {
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

bool Rules::ReadsAsClause(const TextUnit& unit, size_t first, size_t last) {
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

bool Rules::NameLikeQuote(size_t u, size_t first, size_t last) const {
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
    if (p == "을" || p == "를" || p == "에" || p == "에서" || p == "에게" ||
        p == "으로" || p == "로") {
      return false;
    }
  }
  return end != 0;
}

void Rules::QuoteRule(size_t u) {
  const TextUnit& unit = units_[u];
  const size_t n = unit.words.size();
  for (const auto& [first, last] : QuotedSpans(u)) {
    if (!NameLikeQuote(u, first, last)) continue;
    const absl::string_view text =
        unit.text.substr(unit.words[first].begin,
                         unit.words[last].end - unit.words[first].begin);
    quotes_.push_back({u, first, last, Key(text)});
    quote_start_[{u, last}] = first;
    if (covered_[u][first] != kUnspecified && first == last) continue;
    EntityType type = kUnspecified;
    int strength = 0;
    // A gloss right after: '큐원'(Qwen).
    // (Four words or more and only a gloss read as a term explained,
    // '탄도형 달 전이 궤적'(BLT), unless a cue below names it.)
    if (last + 1 < n && OpensParen(unit.Gap(last + 1)) && last - first < 3) {
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
    if (last + 1 < n &&
        lex_.CueType(Key(unit.words[last + 1].stem)) == kProduct) {
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

void Rules::RepeatedQuoteRule() {
  absl::flat_hash_map<std::string, int> count;
  for (const Quoted& q : quotes_) ++count[q.key];
  absl::flat_hash_map<std::string, bool> done;
  for (const Quoted& q : quotes_) {
    if (count[q.key] < 2 || done[q.key]) continue;
    done[q.key] = true;
    if (lex_.FindName(q.key) != nullptr) continue;
    const TextUnit& unit = units_[q.unit];
    const absl::string_view text =
        unit.text.substr(unit.words[q.first].begin,
                         unit.words[q.last].end - unit.words[q.first].begin);
    Add("repeated-quote", q.unit, q.first, q.last, text, kProduct, 3);
  }
}

}  // namespace gisa::ingest::entity_rules
