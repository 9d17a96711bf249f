// The search analyzer: text in, index terms out. One analyzer serves both
// sides of every search (FAQ entries when they are indexed, questions when
// they arrive, quotes for ListQuotes' word filter), so the two always agree.
//
// What it does, in order:
//   - NFKC case folding (FoldForMatch): "ＷＢＣ", "wbc" and "WBC" meet;
//   - ICU word segmentation; a word (eojeol) is a run of adjacent ICU words,
//     so "팰컨9의" is one word made of the script runs 팰컨 | 9 | 의;
//   - particle stripping (StripParticle), also after Latin or digits
//     ("ChatGPT를" -> "chatgpt");
//   - terms: each word whole and each of its script runs (kWord); Hangul
//     character bigrams, also across a space (kBigram), so that 고성능칩 and
//     고성능 칩 share 고성, 성능, 능칩; single syllables (kUnigram);
//   - concepts (kConcept): words of one group of the synonym lexicon
//     (언제/시기/날짜, 얼마/가격/요금, ChatGPT/챗GPT ...) share one term, and
//     a Korean spelling of an abbreviation (더블유비씨) yields its Latin form
//     (wbc);
//   - sound keys (kSoundOfLatin, kSoundOfHangul): the consonant skeleton of
//     a name, shared by a Latin spelling and its transliteration (falcon,
//     팰컨);
//   - stop words are marked, never dropped: a query made only of them still
//     finds something, and a longer one weighs them down.
// Apart from the terms, Asks reads what kind of answer a question seeks
// from its question words (어디서 -> kWhere, 언제 -> kWhen).
//
//   const gisa::text::Analyzer& analyzer = gisa::text::Analyzer::Default();
//   std::vector<gisa::text::Term> terms = analyzer.Analyze("고성능칩 부족");
//   // kWord 고성능칩, 부족; kBigram 고성, 성능, 능칩, 칩부, 부족; kUnigram ...
//
//   gisa::text::WordMatcher matcher(analyzer, "칩 부족");
//   matcher.Matches("고성능 칩부족이 이어졌다");  // true
#ifndef GISA_SHARED_TEXT_ANALYZER_H_
#define GISA_SHARED_TEXT_ANALYZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gisa::text {

enum class TermKind : uint8_t {
  // A whole word or one script run of it, folded, particle stripped.
  kWord = 1,
  // Two adjacent Hangul (or Han, kana) characters.
  kBigram = 2,
  // One Hangul (or Han, kana) character.
  kUnigram = 3,
  // A synonym group of the lexicon, or the Latin form of a Korean spelling
  // of an abbreviation.
  kConcept = 4,
  // The consonant skeleton (sound_key.h) of a Latin word or of two Latin
  // words read as one, and of a Hangul word. A search looks a Latin query
  // word up among kSoundOfHangul and a Hangul one among kSoundOfLatin, so
  // that Falcon finds 팰컨 and 브리티시뮤지엄 finds British Museum.
  kSoundOfLatin = 5,
  kSoundOfHangul = 6,
};

// The kind of answer a question word asks for. Bits of a QuestionKinds set.
enum class QuestionKind : uint8_t {
  kWhere = 0,
  kWhen = 1,
  kWho = 2,
  kAmount = 3,
  kWhy = 4,
  // Open kinds: their answers may give a place, a date or a number too.
  kHow = 5,
  kWhat = 6,
};
using QuestionKinds = uint8_t;  // bit (1 << kind) per QuestionKind
constexpr QuestionKinds KindBit(QuestionKind kind) {
  return static_cast<QuestionKinds>(1u << static_cast<unsigned>(kind));
}
// The specific kinds (all but kHow and kWhat).
constexpr QuestionKinds kSpecificKinds =
    KindBit(QuestionKind::kWhere) | KindBit(QuestionKind::kWhen) |
    KindBit(QuestionKind::kWho) | KindBit(QuestionKind::kAmount) |
    KindBit(QuestionKind::kWhy);

struct Term {
  std::string text;  // folded (NFKC case folded)
  TermKind kind = TermKind::kWord;
  // From a word of the stop list (무엇, 있나요, 이번 ...): worth little in a
  // long question, but kept.
  bool stop = false;
  // Index of the word (eojeol) of the text it comes from, 0-based; a bigram
  // across a space counts for the second word.
  int word = 0;

  // The term as one string, kind included: the key of an index.
  std::string Key() const;

  friend bool operator==(const Term& a, const Term& b) {
    return a.text == b.text && a.kind == b.kind && a.stop == b.stop &&
           a.word == b.word;
  }
};

// The lexicons the analyzer reads (files in the lexicon folder, UTF-8, one
// entry per line, `#` starts a comment):
//   search_synonyms.txt: a group of words that mean the same, separated by
//     white space; a trailing `*` matches every word that starts with it
//     (어디* matches 어디서, 어딘가요). Latin spellings belong here too
//     (챗gpt chatgpt 챗지피티).
//   search_stopwords.txt: words that carry little meaning in a question.
//   search_question_words.txt: a kind (where when who amount why how what)
//     then its question words, `*` as above (언제* 몇시* 시기).
struct SearchLexicon {
  struct QuestionWords {
    QuestionKind kind;
    std::vector<std::string> words;
  };
  std::vector<std::vector<std::string>> synonym_groups;
  std::vector<std::string> stop_words;
  std::vector<QuestionWords> question_words;
};

// The distinct terms of a text in compact form (sorted hashes of their
// keys), for WordMatcher: made once per text, matched against many queries.
// Hashes are per process; never store them.
using TextTerms = std::vector<uint64_t>;

class Analyzer {
 public:
  // An analyzer with the given lexicon (entries are folded here).
  explicit Analyzer(const SearchLexicon& lexicon);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Reads search_synonyms.txt, search_stopwords.txt and
  // search_question_words.txt from `lexicon_dir`; a missing file counts as
  // empty. Errors: INVALID_ARGUMENT naming the file and line of an entry
  // that is not valid UTF-8, or of an unknown question kind.
  static absl::StatusOr<std::unique_ptr<Analyzer>> Load(
      const std::string& lexicon_dir);

  // The process-wide analyzer, loaded once on first use from
  // $GISA_LEXICON_DIR, else from the folder the build was configured with;
  // without a readable lexicon it analyzes with empty tables. Thread-safe.
  static const Analyzer& Default();

  // The terms of `text` (any UTF-8; invalid bytes count as U+FFFD), in text
  // order, duplicates kept (their count is the term frequency). Thread-safe.
  std::vector<Term> Analyze(absl::string_view text) const;

  // The distinct terms of `text` for WordMatcher. Thread-safe.
  TextTerms TermsOf(absl::string_view text) const;

  // The folded, particle-stripped words of `text`, in order: what Analyze
  // reads its terms from. Thread-safe.
  std::vector<std::string> Words(absl::string_view text) const;

  // The kinds of answer `text` asks for, read from its question words: a
  // word as written or without its particle (누가, 이유는), or two adjacent
  // words read as one (몇 시); the longest lexicon entry that matches a word
  // decides its kind (몇시 is kWhen, not kAmount). 0 when it has none.
  // Thread-safe.
  QuestionKinds Asks(absl::string_view text) const;

 private:
  struct Word;
  void AddWordTerms(const Word& word, int index,
                    std::vector<Term>* terms) const;
  void AddSoundKeys(const Word* previous, const Word& word, int index,
                    std::vector<Term>* terms) const;
  // The synonym groups of `key`: its exact entry, and entries `key` starts
  // with that are at least `min_prefix` bytes long.
  void AddGroups(absl::string_view key, size_t min_prefix,
                 std::vector<int>* groups) const;
  void AddConcepts(absl::string_view word, bool syllabic, int index,
                   std::vector<Term>* terms) const;
  std::vector<Word> Segment(absl::string_view text) const;
  friend class WordMatcher;

  // Folded word -> synonym group ids; prefix entries (어디*) apart.
  absl::flat_hash_map<std::string, std::vector<int>> exact_;
  absl::flat_hash_map<std::string, std::vector<int>> prefixes_;
  std::vector<std::string> group_names_;
  absl::flat_hash_set<std::string> stop_words_;
  // Folded question word -> its kinds; prefix entries (어디*) apart.
  absl::flat_hash_map<std::string, QuestionKinds> question_exact_;
  absl::flat_hash_map<std::string, QuestionKinds> question_prefixes_;
  // The kinds of the longest question word entry `key` matches, and that
  // entry's length in bytes (0 for none); a prefix entry must be at least
  // `min_prefix` bytes.
  std::pair<QuestionKinds, size_t> QuestionEntry(absl::string_view key,
                                                 size_t min_prefix) const;
};

// Whether a text holds every word of a query, as the analyzer sees words:
// each query word must appear as a word, or (Hangul) with all its bigrams,
// or through its synonym group. "칩 부족" matches "고성능 칩부족". A query
// without words matches everything. Used by ListQuotes' `query` filter.
class WordMatcher {
 public:
  // `analyzer` must outlive the matcher.
  WordMatcher(const Analyzer& analyzer, absl::string_view query);

  // True when the query had no words.
  bool empty() const { return words_.empty(); }
  // The query's words as the matcher reads them (for page-token
  // fingerprints and logs).
  const std::vector<std::string>& words() const { return query_words_; }
  // Thread-safe (const).
  bool Matches(absl::string_view text) const;
  // Same, for terms made once by Analyzer::TermsOf. Thread-safe.
  bool Matches(const TextTerms& terms) const;

 private:
  struct QueryWord {
    // Any of these alternatives suffices; each is a set of term keys (as
    // TextTerms hashes) that must all be present.
    std::vector<std::vector<uint64_t>> alternatives;
  };
  const Analyzer& analyzer_;
  std::vector<QueryWord> words_;
  std::vector<std::string> query_words_;
};

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_ANALYZER_H_
