// The text shown around an entity mention (GetEntity's mentions).
//
//   MentionSnippet("첫 문장이다. 엔비디아가 실적을 냈다. 끝.", 18, 30)
//   // "엔비디아가 실적을 냈다."
#ifndef GISA_QUERY_SERVICE_STORE_SNIPPET_H_
#define GISA_QUERY_SERVICE_STORE_SNIPPET_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace gisa::query {

// Sentences up to this many bytes are shown whole.
inline constexpr size_t kMaxSentenceSnippetBytes = 240;
// Longer sentences are cut to about this many bytes around the mention.
inline constexpr size_t kSnippetWindowBytes = 120;

// The sentence of `paragraph` holding the mention at UTF-8 byte offsets
// [begin, end), or a window of about kSnippetWindowBytes around it (marked
// with "…" where cut) when the sentence is longer than
// kMaxSentenceSnippetBytes. Cuts fall on UTF-8 character boundaries.
// Offsets out of range are clamped, never trusted. Thread-safe.
std::string MentionSnippet(absl::string_view paragraph, int begin, int end);

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_SNIPPET_H_
