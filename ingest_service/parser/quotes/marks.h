// Pairs of quotation marks in a paragraph: “…”, ‘…’, "…", '…', 「…」, 『…』
// and «…».
//
// One linear pass with a bounded stack, so stray, unmatched or nested marks
// cost nothing extra: a mark that never closes is ignored, and a quote inside
// a quote is part of the outer one.
//
//   std::vector<QuoteSpan> spans = FindQuoteSpans("그는 “좋다”고 말했다.");
//   // spans[0]: content "좋다", closing mark followed by "고"
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTES_MARKS_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTES_MARKS_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace gisa::ingest::quotes {

// Byte offsets of one quoted stretch of text.
struct QuoteSpan {
  int open = 0;           // the opening mark
  int content_begin = 0;  // just after it
  int content_end = 0;    // the closing mark
  int close_end = 0;      // just after the closing mark
};

// Quotes longer than this many bytes are taken for stray marks.
inline constexpr int kMaxQuoteBytes = 4000;

// The outermost quoted spans of `text` (UTF-8), in order, not overlapping.
// Thread-safe.
std::vector<QuoteSpan> FindQuoteSpans(absl::string_view text);

}  // namespace gisa::ingest::quotes

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTES_MARKS_H_
