// Identity of an article: its stable id and content hash.
//
//   std::string id = gisa::ArticleId("https://blog.example/123", text);
//   // "a-3f2c…" (the same for every version submitted with that source_uri)
#ifndef GISA_SHARED_ARTICLE_IDS_H_
#define GISA_SHARED_ARTICLE_IDS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace gisa {

// Lower-case hex SHA-256 of `bytes`. Thread-safe.
std::string Sha256Hex(absl::string_view bytes);

// Stable article id: derived from `source_uri` when it is not empty (so
// re-submissions replace earlier versions), else from `normalized_text`.
// 20 hex digits behind "a-". Thread-safe.
std::string ArticleId(absl::string_view source_uri,
                      absl::string_view normalized_text);

}  // namespace gisa

#endif  // GISA_SHARED_ARTICLE_IDS_H_
