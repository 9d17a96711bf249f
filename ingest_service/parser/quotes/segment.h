// Sentences and words of a paragraph, as byte ranges.
//
// Sentences come from ICU's sentence break rules (locale ko); a break that
// falls inside a quotation, or between two characters with no space (“…다.”
// 라고), is no sentence end for our purposes and is dropped. Words are runs
// between white space, except that a short parenthesised gloss stays with
// its word: "마틴(Sophie Martin)은" is one word.
//
//   SentenceSplitter splitter;             // one per thread
//   auto sentences = splitter.Split(paragraph, FindQuoteSpans(paragraph));
//   auto words = SplitWords(paragraph, sentences[0].begin, sentences[0].end);
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTES_SEGMENT_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTES_SEGMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "ingest_service/parser/quotes/marks.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace gisa::ingest::quotes {

struct ByteRange {
  int begin = 0;
  int end = 0;
};

class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Sentences of `text` (UTF-8) covering all of it, in order. Breaks inside
  // `quotes` are dropped. Falls back to one sentence if ICU fails. Not
  // thread-safe (the ICU iterator has state): use one splitter per thread.
  std::vector<ByteRange> Split(absl::string_view text,
                               absl::Span<const QuoteSpan> quotes);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// One word of a paragraph.
struct Word {
  // The word as written.
  int begin = 0;
  int end = 0;
  // The word without leading and trailing punctuation (brackets, quotation
  // marks, commas, periods); may be empty.
  int core_begin = 0;
  int core_end = 0;
  // Punctuation after the core: "," or ";" or ":" ends a clause, ". ! ?" a
  // sentence.
  bool clause_end = false;
  bool sentence_end = false;
};

// The words of text[begin, end). Thread-safe.
std::vector<Word> SplitWords(absl::string_view text, int begin, int end);

// `core` without a parenthesised gloss: "월스트리트저널(WSJ)의" ->
// "월스트리트저널의"; the gloss ("WSJ") goes to `*gloss` when given.
std::string WithoutGloss(absl::string_view core, std::string* gloss = nullptr);

}  // namespace gisa::ingest::quotes

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTES_SEGMENT_H_
