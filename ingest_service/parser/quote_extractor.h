// Quotes of an article with their speakers: direct quotes and Korean
// reported speech.
//
//   QuoteExtractor quotes;
//   quotes.Extract(&article);  // after EntityExtractor: fills article.quotes
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTE_EXTRACTOR_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTE_EXTRACTOR_H_

#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

class QuoteExtractor {
 public:
  // Replaces article->quotes with the quotes found in its body and summary
  // sections (never FAQ answers or related posts). Speakers resolve to
  // article->entities where they match one, so run it after entities.
  // Thread-safe.
  void Extract(gisa::v1::Article* article) const;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTE_EXTRACTOR_H_
