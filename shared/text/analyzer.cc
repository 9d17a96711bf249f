#include "shared/text/analyzer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "shared/text/josa.h"
#include "shared/text/normalize.h"
#include "shared/text/sound_key.h"
#include "shared/text/utf8.h"
#include "shared/text/word_spans.h"

namespace gisa::text {

namespace analyzer_internal {

// Letters and digits fall in three classes; a word is split where the class
// changes (팰컨9 -> 팰컨 | 9). Anything else is kOther and dropped.
enum class CharClass { kSyllabic, kLetter, kDigit, kOther };

struct Run {
  std::string text;
  CharClass cls = CharClass::kLetter;
};

}  // namespace analyzer_internal

using analyzer_internal::CharClass;
using analyzer_internal::Run;

// A word (eojeol): adjacent words of SplitWords with nothing between them,
// particle stripped.
struct Analyzer::Word {
  std::vector<Run> runs;
  std::string whole;
  // The previous word exists and only white space separates the two.
  bool space_before = false;
};

namespace {

CharClass ClassOf(UChar32 c) {
  if (u_isdigit(c)) return CharClass::kDigit;
  if (!u_isalpha(c)) return CharClass::kOther;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HANGUL:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return CharClass::kSyllabic;
    default:
      return CharClass::kLetter;
  }
}

// The code points of `utf8`, each as a view into it.
std::vector<absl::string_view> Chars(absl::string_view utf8) {
  std::vector<absl::string_view> chars;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    chars.push_back(utf8.substr(start, i - start));
  }
  return chars;
}

// A trailing Hangul run after Latin or digits ("AI를", "9의") is a particle
// when StripParticle removes it from a stem of either final sound.
bool IsParticle(absl::string_view run) {
  for (absl::string_view stem : {"가", "각", "갈"}) {
    const std::string word = absl::StrCat(stem, run);
    if (StripParticle(word) == stem) return true;
  }
  return false;
}

// Korean names of Latin letters, as readers spell abbreviations (더블유비씨
// for WBC). `distinctive` names are rarely ordinary syllables of a word.
struct LetterName {
  absl::string_view hangul;
  char latin;
  bool distinctive;
};
constexpr LetterName kLetterNames[] = {
    {"에이치", 'h', true}, {"더블유", 'w', true}, {"에이", 'a', true},
    {"에치", 'h', true},   {"에프", 'f', true},   {"아이", 'i', true},
    {"제이", 'j', true},   {"케이", 'k', true},   {"에스", 's', true},
    {"브이", 'v', true},   {"엑스", 'x', true},   {"와이", 'y', true},
    {"제트", 'z', true},   {"엘", 'l', true},     {"엠", 'm', true},
    {"엔", 'n', true},     {"알", 'r', true},     {"큐", 'q', true},
    {"씨", 'c', true},     {"쥐", 'g', true},     {"비", 'b', false},
    {"시", 'c', false},    {"디", 'd', false},    {"이", 'e', false},
    {"지", 'g', false},    {"오", 'o', false},    {"피", 'p', false},
    {"티", 't', false},    {"유", 'u', false},
};

// Spells `rest` as letter names into `latin`; true when it all decomposes.
bool SpellLetters(absl::string_view rest, std::string* latin,
                  bool* distinctive) {
  if (rest.empty()) return true;
  for (const LetterName& name : kLetterNames) {
    if (!absl::StartsWith(rest, name.hangul)) continue;
    latin->push_back(name.latin);
    const bool was = *distinctive;
    *distinctive = was || name.distinctive;
    if (SpellLetters(rest.substr(name.hangul.size()), latin, distinctive)) {
      return true;
    }
    latin->pop_back();
    *distinctive = was;
  }
  return false;
}

// The abbreviation a Hangul word spells letter by letter ("엘엘엠" -> "llm"),
// or "" when it is no such spelling. At least two letters, one of them with
// a name that is rarely an ordinary syllable (이유 is no "eu").
std::string LatinFromLetterNames(absl::string_view word) {
  if (word.size() > 3 * 16) return "";
  std::string latin;
  bool distinctive = false;
  if (!SpellLetters(word, &latin, &distinctive) || latin.size() < 2 ||
      !distinctive) {
    return "";
  }
  return latin;
}

// One word of SplitWords split into runs of one class (팰컨9 -> 팰컨 | 9).
// A separator SplitWords keeps inside a number (3.5, 1,470) stays in it.
std::vector<Run> SplitRuns(absl::string_view word) {
  std::vector<Run> runs;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    CharClass cls = c < 0 ? CharClass::kOther : ClassOf(c);
    if (cls == CharClass::kOther) {
      if (runs.empty() || runs.back().cls != CharClass::kDigit) continue;
      cls = CharClass::kDigit;
    }
    if (runs.empty() || runs.back().cls != cls) runs.push_back({"", cls});
    runs.back().text.append(word.data() + at, i - at);
  }
  return runs;
}

// Strips the particle of a word: the last run of Hangul, or the whole run
// when it follows Latin or digits and is a particle itself.
void StripWordParticle(std::vector<Run>* runs) {
  if (runs->empty() || runs->back().cls != CharClass::kSyllabic) return;
  if (runs->size() > 1 && IsParticle(runs->back().text)) {
    runs->pop_back();
    return;
  }
  Run& last = runs->back();
  last.text = std::string(StripParticle(last.text));
}

std::string FoldEntry(absl::string_view entry) {
  return std::string(TrimSpace(FoldForMatch(entry)));
}

// Reads a lexicon file into its non-empty, comment-free lines; a missing file
// gives none.
absl::StatusOr<std::vector<std::string>> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  if (!in) return lines;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (absl::Status utf8 = CheckUtf8(line); !utf8.ok()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s line %d: %s", path, number, utf8.message()));
    }
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    const absl::string_view trimmed = TrimSpace(line);
    if (!trimmed.empty()) lines.emplace_back(trimmed);
  }
  return lines;
}

// The kind a line of search_question_words.txt names.
std::optional<QuestionKind> KindNamed(absl::string_view name) {
  static constexpr std::pair<absl::string_view, QuestionKind> kNames[] = {
      {"where", QuestionKind::kWhere}, {"when", QuestionKind::kWhen},
      {"who", QuestionKind::kWho},     {"amount", QuestionKind::kAmount},
      {"why", QuestionKind::kWhy},     {"how", QuestionKind::kHow},
      {"what", QuestionKind::kWhat},
  };
  for (const auto& [n, kind] : kNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

// A term's key as TextTerms holds it.
uint64_t KeyHash(const Term& term) {
  return absl::Hash<std::string>{}(term.Key());
}

}  // namespace

std::string Term::Key() const {
  return absl::StrCat(std::string(1, static_cast<char>(kind)), text);
}

Analyzer::Analyzer(const SearchLexicon& lexicon) {
  for (const std::vector<std::string>& group : lexicon.synonym_groups) {
    const int id = static_cast<int>(group_names_.size());
    bool named = false;
    for (const std::string& raw : group) {
      const bool prefix = absl::EndsWith(raw, "*");
      std::string entry =
          FoldEntry(prefix ? absl::string_view(raw).substr(0, raw.size() - 1)
                           : absl::string_view(raw));
      if (entry.empty()) continue;
      if (!named) {
        group_names_.push_back(entry);
        named = true;
      }
      std::vector<int>& ids = prefix ? prefixes_[entry] : exact_[entry];
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
      }
    }
  }
  for (const std::string& word : lexicon.stop_words) {
    std::string folded = FoldEntry(word);
    if (!folded.empty()) stop_words_.insert(std::move(folded));
  }
  for (const SearchLexicon::QuestionWords& line : lexicon.question_words) {
    for (const std::string& raw : line.words) {
      const bool prefix = absl::EndsWith(raw, "*");
      std::string entry =
          FoldEntry(prefix ? absl::string_view(raw).substr(0, raw.size() - 1)
                           : absl::string_view(raw));
      if (entry.empty()) continue;
      (prefix ? question_prefixes_ : question_exact_)[entry] |=
          KindBit(line.kind);
    }
  }
}

Analyzer::~Analyzer() = default;

absl::StatusOr<std::unique_ptr<Analyzer>> Analyzer::Load(
    const std::string& lexicon_dir) {
  SearchLexicon lexicon;
  absl::StatusOr<std::vector<std::string>> synonyms =
      ReadLines(lexicon_dir + "/search_synonyms.txt");
  if (!synonyms.ok()) return synonyms.status();
  for (const std::string& line : *synonyms) {
    std::vector<std::string> group =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    lexicon.synonym_groups.push_back(std::move(group));
  }
  absl::StatusOr<std::vector<std::string>> stops =
      ReadLines(lexicon_dir + "/search_stopwords.txt");
  if (!stops.ok()) return stops.status();
  for (const std::string& line : *stops) {
    for (absl::string_view word :
         absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty())) {
      lexicon.stop_words.emplace_back(word);
    }
  }
  const std::string questions_path =
      lexicon_dir + "/search_question_words.txt";
  absl::StatusOr<std::vector<std::string>> questions =
      ReadLines(questions_path);
  if (!questions.ok()) return questions.status();
  for (const std::string& line : *questions) {
    std::vector<std::string> words =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    std::optional<QuestionKind> kind = KindNamed(words.front());
    if (!kind.has_value()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: unknown question kind \"%s\"", questions_path, words.front()));
    }
    words.erase(words.begin());
    lexicon.question_words.push_back({*kind, std::move(words)});
  }
  return std::make_unique<Analyzer>(lexicon);
}

const Analyzer& Analyzer::Default() {
  static const Analyzer* analyzer = [] {
    const char* env = std::getenv("GISA_LEXICON_DIR");
    const std::string dir =
        env != nullptr && *env != '\0' ? env : GISA_DEFAULT_LEXICON_DIR;
    absl::StatusOr<std::unique_ptr<Analyzer>> loaded = Load(dir);
    if (loaded.ok()) return loaded->release();
    return new Analyzer(SearchLexicon{});
  }();
  return *analyzer;
}

std::vector<Analyzer::Word> Analyzer::Segment(absl::string_view text) const {
  const std::string folded = FoldForMatch(text);
  const absl::string_view view(folded);
  std::vector<Word> words;
  int32_t previous_end = -1;
  for (const WordSpan& span : SplitWords(view)) {
    std::vector<Run> runs =
        SplitRuns(view.substr(span.begin, span.end - span.begin));
    if (runs.empty()) continue;
    const bool spaced =
        previous_end >= 0 &&
        TrimSpace(view.substr(previous_end, span.begin - previous_end)).empty();
    const bool glued = span.begin == previous_end;
    previous_end = span.end;
    if (glued && !words.empty()) {
      for (Run& run : runs) words.back().runs.push_back(std::move(run));
      continue;
    }
    // "'누리호'는": a particle after a closing quote or bracket belongs to
    // the word before it.
    if (!spaced && !words.empty() && runs.size() == 1 &&
        runs[0].cls == CharClass::kSyllabic && IsParticle(runs[0].text)) {
      continue;
    }
    words.push_back(Word{std::move(runs), "", spaced && !words.empty()});
  }
  for (Word& word : words) {
    StripWordParticle(&word.runs);
    for (const Run& run : word.runs) word.whole += run.text;
  }
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const Word& w) { return w.whole.empty(); }),
              words.end());
  return words;
}

std::vector<std::string> Analyzer::Words(absl::string_view text) const {
  std::vector<std::string> out;
  for (Word& word : Segment(text)) out.push_back(std::move(word.whole));
  return out;
}

std::pair<QuestionKinds, size_t> Analyzer::QuestionEntry(
    absl::string_view key, size_t min_prefix) const {
  std::pair<QuestionKinds, size_t> best{0, 0};
  auto found = question_exact_.find(key);
  if (found != question_exact_.end()) best = {found->second, key.size()};
  for (absl::string_view c : Chars(key)) {
    const size_t end = static_cast<size_t>(c.data() + c.size() - key.data());
    if (end < min_prefix || end <= best.second) continue;
    auto prefix = question_prefixes_.find(key.substr(0, end));
    if (prefix != question_prefixes_.end()) best = {prefix->second, end};
  }
  return best;
}

QuestionKinds Analyzer::Asks(absl::string_view text) const {
  if (question_exact_.empty() && question_prefixes_.empty()) return 0;
  // Words as written: StripParticle would take 누가 for 누 + 가.
  const std::string folded = FoldForMatch(text);
  std::vector<absl::string_view> words;
  for (const WordSpan& span : SplitWords(folded)) {
    words.push_back(
        absl::string_view(folded).substr(span.begin, span.end - span.begin));
  }
  QuestionKinds kinds = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    // 몇 시: the pair must reach into the second word to count.
    if (i + 1 < words.size()) {
      const auto [pair_kinds, length] = QuestionEntry(
          absl::StrCat(words[i], words[i + 1]), words[i].size() + 1);
      if (length > words[i].size()) {
        kinds |= pair_kinds;
        ++i;
        continue;
      }
    }
    auto [word_kinds, length] = QuestionEntry(words[i], 0);
    if (length == 0) {
      word_kinds = QuestionEntry(StripParticle(words[i]), 0).first;
    }
    kinds |= word_kinds;
  }
  return kinds;
}

void Analyzer::AddGroups(absl::string_view key, size_t min_prefix,
                         std::vector<int>* groups) const {
  auto found = exact_.find(key);
  if (found != exact_.end()) {
    groups->insert(groups->end(), found->second.begin(), found->second.end());
  }
  if (prefixes_.empty()) return;
  // Every leading run of whole characters of `key` that is long enough.
  for (absl::string_view c : Chars(key)) {
    const size_t end = static_cast<size_t>(c.data() + c.size() - key.data());
    if (end < min_prefix) continue;
    auto prefix = prefixes_.find(key.substr(0, end));
    if (prefix != prefixes_.end()) {
      groups->insert(groups->end(), prefix->second.begin(),
                     prefix->second.end());
    }
  }
}

void Analyzer::AddConcepts(absl::string_view word, bool syllabic, int index,
                           std::vector<Term>* terms) const {
  std::vector<int> groups;
  AddGroups(word, 0, &groups);
  // A compound of two known words (발사횟수, 무료관람): each half counts.
  if (groups.empty() && syllabic) {
    const std::vector<absl::string_view> chars = Chars(word);
    for (size_t cut = 2; cut + 2 <= chars.size(); ++cut) {
      const size_t bytes = chars[cut].data() - word.data();
      for (absl::string_view half : {word.substr(0, bytes), word.substr(bytes)}) {
        auto found = exact_.find(half);
        if (found == exact_.end()) continue;
        groups.insert(groups.end(), found->second.begin(), found->second.end());
      }
    }
  }
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  for (int id : groups) {
    terms->push_back({group_names_[id], TermKind::kConcept, false, index});
  }
  if (syllabic) {
    std::string latin = LatinFromLetterNames(word);
    if (!latin.empty()) {
      terms->push_back({std::move(latin), TermKind::kWord, false, index});
    }
  }
}

void Analyzer::AddWordTerms(const Word& word, int index,
                            std::vector<Term>* terms) const {
  const size_t first = terms->size();
  terms->push_back({word.whole, TermKind::kWord, false, index});
  const bool single_run = word.runs.size() == 1;
  AddConcepts(word.whole, single_run && word.runs[0].cls == CharClass::kSyllabic,
              index, terms);
  for (const Run& run : word.runs) {
    const bool syllabic = run.cls == CharClass::kSyllabic;
    if (!single_run) {
      terms->push_back({run.text, TermKind::kWord, false, index});
      AddConcepts(run.text, syllabic, index, terms);
    }
    if (!syllabic) continue;
    const std::vector<absl::string_view> chars = Chars(run.text);
    for (size_t i = 0; i < chars.size(); ++i) {
      terms->push_back({std::string(chars[i]), TermKind::kUnigram, false, index});
      if (i + 1 < chars.size()) {
        terms->push_back({absl::StrCat(chars[i], chars[i + 1]),
                          TermKind::kBigram, false, index});
      }
    }
  }
  if (stop_words_.contains(word.whole)) {
    for (size_t i = first; i < terms->size(); ++i) (*terms)[i].stop = true;
  }
}

void Analyzer::AddSoundKeys(const Word* previous, const Word& word, int index,
                            std::vector<Term>* terms) const {
  auto add = [&](std::string key, TermKind kind) {
    if (key.empty()) return;
    for (size_t i = terms->size(); i > 0 && (*terms)[i - 1].word == index; --i) {
      if ((*terms)[i - 1].kind == kind && (*terms)[i - 1].text == key) return;
    }
    terms->push_back({std::move(key), kind, false, index});
  };
  auto add_latin = [&](const std::string& latin) {
    add(SoundKeyOfLatin(latin), TermKind::kSoundOfLatin);
    add(SoundKeyOfLatin(latin, /*sounded_r=*/true), TermKind::kSoundOfLatin);
  };
  for (const Run& run : word.runs) {
    if (run.cls == CharClass::kLetter) add_latin(run.text);
    if (run.cls == CharClass::kSyllabic) {
      add(SoundKeyOfHangul(run.text), TermKind::kSoundOfHangul);
    }
  }
  // British Museum, read as one word: 브리티시뮤지엄.
  if (previous != nullptr && word.space_before && previous->runs.size() == 1 &&
      word.runs.size() == 1 && previous->runs[0].cls == CharClass::kLetter &&
      word.runs[0].cls == CharClass::kLetter) {
    add_latin(absl::StrCat(previous->whole, word.whole));
  }
}

std::vector<Term> Analyzer::Analyze(absl::string_view text) const {
  const std::vector<Word> words = Segment(text);
  std::vector<Term> terms;
  terms.reserve(words.size() * 8);
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& word = words[i];
    const int index = static_cast<int>(i);
    // 고성능 칩 meets 고성능칩: a bigram across the space.
    if (i > 0 && word.space_before) {
      const Run& left = words[i - 1].runs.back();
      const Run& right = word.runs.front();
      if (left.cls == CharClass::kSyllabic &&
          right.cls == CharClass::kSyllabic) {
        const std::vector<absl::string_view> l = Chars(left.text);
        const std::vector<absl::string_view> r = Chars(right.text);
        terms.push_back({absl::StrCat(l.back(), r.front()), TermKind::kBigram,
                         false, index});
        // Lexicon entries written as one word match two: 더위 먹었을 meets
        // 더위먹*.
        if (words[i - 1].runs.size() == 1 && word.runs.size() == 1) {
          std::vector<int> groups;
          // A prefix must reach into the second word: 몇 경기 is no 몇*.
          const std::string& first = words[i - 1].whole;
          AddGroups(absl::StrCat(first, word.whole), first.size() + 1,
                    &groups);
          std::sort(groups.begin(), groups.end());
          groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
          for (int id : groups) {
            terms.push_back({group_names_[id], TermKind::kConcept, false, index});
          }
        }
      }
    }
    AddWordTerms(word, index, &terms);
    AddSoundKeys(i > 0 ? &words[i - 1] : nullptr, word, index, &terms);
  }
  return terms;
}

TextTerms Analyzer::TermsOf(absl::string_view text) const {
  TextTerms terms;
  for (const Term& term : Analyze(text)) terms.push_back(KeyHash(term));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

WordMatcher::WordMatcher(const Analyzer& analyzer, absl::string_view query)
    : analyzer_(analyzer) {
  for (const Analyzer::Word& word : analyzer.Segment(query)) {
    if (analyzer.stop_words_.contains(word.whole)) continue;
    QueryWord q;
    query_words_.push_back(word.whole);
    q.alternatives.push_back({KeyHash(Term{word.whole, TermKind::kWord})});
    std::vector<uint64_t> runs;
    std::vector<uint64_t> grams;
    for (const Run& run : word.runs) {
      runs.push_back(KeyHash(Term{run.text, TermKind::kWord}));
      if (run.cls != CharClass::kSyllabic) continue;
      const std::vector<absl::string_view> chars = Chars(run.text);
      for (size_t i = 0; i + 1 < chars.size(); ++i) {
        grams.push_back(KeyHash(
            Term{absl::StrCat(chars[i], chars[i + 1]), TermKind::kBigram}));
      }
    }
    // Every script run as a word (팰컨9 in "팰컨 9"), and every bigram of a
    // Hangul word (칩부족 in "칩 부족").
    if (runs.size() > 1) q.alternatives.push_back(std::move(runs));
    if (word.runs.size() == 1 && !grams.empty()) {
      q.alternatives.push_back(std::move(grams));
    } else if (word.runs.size() == 1 &&
               word.runs[0].cls == CharClass::kSyllabic) {
      q.alternatives.push_back({KeyHash(Term{word.whole, TermKind::kUnigram})});
    }
    std::vector<Term> concepts;
    analyzer.AddConcepts(word.whole,
                         word.runs.size() == 1 &&
                             word.runs[0].cls == CharClass::kSyllabic,
                         0, &concepts);
    // Synonyms widen a ranking, not a filter: only the Latin form of a
    // spelled abbreviation (더블유비씨 -> wbc) counts here.
    for (const Term& term : concepts) {
      if (term.kind == TermKind::kWord) q.alternatives.push_back({KeyHash(term)});
    }
    words_.push_back(std::move(q));
  }
}

bool WordMatcher::Matches(absl::string_view text) const {
  return Matches(analyzer_.TermsOf(text));
}

bool WordMatcher::Matches(const TextTerms& terms) const {
  auto present = [&terms](uint64_t key) {
    return std::binary_search(terms.begin(), terms.end(), key);
  };
  for (const QueryWord& word : words_) {
    const bool found = std::any_of(
        word.alternatives.begin(), word.alternatives.end(),
        [&](const std::vector<uint64_t>& all) {
          return std::all_of(all.begin(), all.end(), present);
        });
    if (!found) return false;
  }
  return true;
}

}  // namespace gisa::text
