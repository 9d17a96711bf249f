// Unicode normalisation used across gisa, all through ICU.
//
// Stored text is NFC (ToNfc). Lookups compare keys made by FoldForMatch, so
// that "WSJ", "wsj" and "ｗｓｊ" meet:
//
//   gisa::text::FoldForMatch("ｗｓｊ") == gisa::text::FoldForMatch("WSJ")
#ifndef GISA_SHARED_TEXT_NORMALIZE_H_
#define GISA_SHARED_TEXT_NORMALIZE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace gisa::text {

// `utf8` in Unicode Normalization Form C. Input must be valid UTF-8 (see
// CheckUtf8); invalid sequences become U+FFFD. Thread-safe.
std::string ToNfc(absl::string_view utf8);

// NFKC with case folding and default-ignorable characters removed: the key
// under which two spellings of a name count as one. Thread-safe.
std::string FoldForMatch(absl::string_view utf8);

// `utf8` with Unicode white space (including U+00A0 and U+3000) removed from
// both ends. Thread-safe.
absl::string_view TrimSpace(absl::string_view utf8);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_NORMALIZE_H_
