#include "query_service/store/query_match.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "shared/text/josa.h"
#include "shared/text/normalize.h"

namespace gisa::query {
namespace {

// One word break iterator per thread: creating one loads ICU's rules.
icu::BreakIterator* WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createWordInstance(icu::Locale::getKorean(),
                                               status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return breaker.get();
}

}  // namespace

std::string PrepareMatchText(absl::string_view text) {
  return text::FoldForMatch(text);
}

QueryTerms::QueryTerms(absl::string_view query) {
  const std::string folded = text::FoldForMatch(text::TrimSpace(query));
  icu::BreakIterator* breaker = WordBreaker();
  if (breaker == nullptr || folded.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, folded.data(), static_cast<int64_t>(folded.size()),
                 &status);
  breaker->setText(&text, status);
  if (U_FAILURE(status)) {
    utext_close(&text);
    return;
  }
  // With UTF-8 UText the boundaries are byte offsets into `folded`.
  int32_t begin = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       begin = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;  // space, punct
    const absl::string_view word = text::StripParticle(
        absl::string_view(folded).substr(begin, end - begin));
    if (word.empty()) continue;
    if (std::find(words_.begin(), words_.end(), word) == words_.end()) {
      words_.emplace_back(word);
    }
  }
  utext_close(&text);
  // words_ no longer changes, so the searchers may point into it.
  searchers_.reserve(words_.size());
  for (const std::string& word : words_) {
    searchers_.emplace_back(word.data(), word.data() + word.size());
  }
}

bool MatchesQuery(const QueryTerms& terms, absl::string_view prepared_text) {
  const char* begin = prepared_text.data();
  const char* end = begin + prepared_text.size();
  for (const QueryTerms::Searcher& searcher : terms.searchers_) {
    if (searcher(begin, end).first == end) return false;
  }
  return true;
}

}  // namespace gisa::query
