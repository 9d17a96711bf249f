#include "query_service/store/query_match.h"

namespace gisa::query {

text::TextTerms PrepareMatchText(absl::string_view text) {
  return text::Analyzer::Default().TermsOf(text);
}

QueryTerms::QueryTerms(absl::string_view query)
    : matcher_(text::Analyzer::Default(), query) {}

bool MatchesQuery(const QueryTerms& query, const text::TextTerms& terms) {
  return query.matcher_.Matches(terms);
}

}  // namespace gisa::query
