// Checking that bytes are UTF-8 text, and saying where they are not.
//
//   absl::Status s = gisa::text::CheckUtf8(content);
//   // INVALID_ARGUMENT "content is not valid UTF-8: byte 0xff at offset 17
//   // (line 2, column 5)"
#ifndef GISA_SHARED_TEXT_UTF8_H_
#define GISA_SHARED_TEXT_UTF8_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace gisa::text {

// OK when `bytes` is well-formed UTF-8 without NUL bytes; otherwise
// INVALID_ARGUMENT naming the byte offset, line and column of the first
// offending byte. Thread-safe.
absl::Status CheckUtf8(absl::string_view bytes);

// `bytes` without a leading UTF-8 byte-order mark.
absl::string_view StripBom(absl::string_view bytes);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_UTF8_H_
