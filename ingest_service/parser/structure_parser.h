// The structure of an article: title, sections, summary, FAQ, related posts,
// category and language (SPEC.md section 1), without entities or quotes.
//
//   absl::StatusOr<gisa::v1::Article> a = ParseStructure(nfc_text, "text/plain");
//   a->title();            // "AI 칩 전쟁: ..."
//   a->sections(0).kind(); // SECTION_KIND_BODY
#ifndef GISA_INGEST_SERVICE_PARSER_STRUCTURE_PARSER_H_
#define GISA_INGEST_SERVICE_PARSER_STRUCTURE_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

// Parses `text` (valid UTF-8 in NFC, BOM removed) of media type `media_type`
// ("text/plain", "text/markdown" or "text/html"). Fills title, language,
// category, sections, summary, faq and related. Errors: INVALID_ARGUMENT for
// an unknown media type or text with no recognisable article (naming the
// line where it helps). Thread-safe.
absl::StatusOr<gisa::v1::Article> ParseStructure(absl::string_view text,
                                                 absl::string_view media_type);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_STRUCTURE_PARSER_H_
