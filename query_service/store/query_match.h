// Matching a quote's words against a reader's query (ListQuotes.query),
// through the same analyzer as SearchFaq (shared/text/analyzer.h).
//
// The text side is prepared once, when an article is applied; the query side
// once per request; MatchesQuery is the one place that decides.
//
//   const text::TextTerms terms = PrepareMatchText("규제가 반도체 업황을 흔든다");
//   const QueryTerms query("반도체는 업황");
//   MatchesQuery(query, terms);  // true: 반도체 and 업황 both occur
#ifndef GISA_QUERY_SERVICE_STORE_QUERY_MATCH_H_
#define GISA_QUERY_SERVICE_STORE_QUERY_MATCH_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "shared/text/analyzer.h"

namespace gisa::query {

// `text` in the form MatchesQuery compares against. Thread-safe.
text::TextTerms PrepareMatchText(absl::string_view text);

// The words of a query as the analyzer reads them. Immutable once made; may
// be shared between threads.
class QueryTerms {
 public:
  explicit QueryTerms(absl::string_view query);
  QueryTerms(const QueryTerms&) = delete;
  QueryTerms& operator=(const QueryTerms&) = delete;

  // True for a query without words: it matches every text.
  bool empty() const { return matcher_.empty(); }
  // Folded, particle-stripped words, in query order (for fingerprints).
  const std::vector<std::string>& words() const { return matcher_.words(); }

 private:
  friend bool MatchesQuery(const QueryTerms& query,
                           const text::TextTerms& terms);
  text::WordMatcher matcher_;
};

// Whether every word of `query` occurs in the text `terms` were prepared
// from, as a word, through all its Hangul bigrams (spacing variants) or as
// the Latin form of a spelled abbreviation. Thread-safe.
bool MatchesQuery(const QueryTerms& query, const text::TextTerms& terms);

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_QUERY_MATCH_H_
