#include "ingest_service/parser/quote_extractor.h"

namespace gisa::ingest {

void QuoteExtractor::Extract(gisa::v1::Article* article) const {
  article->clear_quotes();
}

}  // namespace gisa::ingest
