// Matching a quote's words against a reader's query (ListQuotes.query).
//
// The text side is prepared once, when an article is applied; the query side
// once per request; MatchesQuery is the one place that decides.
//
//   const std::string text = PrepareMatchText("규제가 반도체 업황을 흔든다");
//   const QueryTerms terms("반도체는 업황");
//   MatchesQuery(terms, text);  // true: 반도체 and 업황 both occur
#ifndef GISA_QUERY_SERVICE_STORE_QUERY_MATCH_H_
#define GISA_QUERY_SERVICE_STORE_QUERY_MATCH_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace gisa::query {

// `text` in the form MatchesQuery compares against (folded for matching).
// Thread-safe.
std::string PrepareMatchText(absl::string_view text);

// The words of a query: folded, each without a trailing particle,
// punctuation dropped, duplicates removed; with what it takes to find them
// fast in many texts. Immutable once made; may be shared between threads.
class QueryTerms {
 public:
  explicit QueryTerms(absl::string_view query);
  QueryTerms(const QueryTerms&) = delete;
  QueryTerms& operator=(const QueryTerms&) = delete;

  // True for a query without words: it matches every text.
  bool empty() const { return words_.empty(); }
  const std::vector<std::string>& words() const { return words_; }

 private:
  friend bool MatchesQuery(const QueryTerms& terms,
                           absl::string_view prepared_text);
  using Searcher = std::boyer_moore_horspool_searcher<const char*>;

  std::vector<std::string> words_;
  // One per word, over the word's bytes.
  std::vector<Searcher> searchers_;
};

// Whether every word of `terms` occurs in `prepared_text` (from
// PrepareMatchText). Thread-safe.
bool MatchesQuery(const QueryTerms& terms, absl::string_view prepared_text);

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_QUERY_MATCH_H_
