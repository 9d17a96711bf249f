// Checking that bytes are UTF-8 text, and saying where they are not.
//
//   absl::Status s = gisa::text::CheckUtf8(content);
//   // INVALID_ARGUMENT "content is not valid UTF-8: byte 0xff at offset 17
//   // (line 2, column 5)"
#ifndef GISA_SHARED_TEXT_UTF8_H_
#define GISA_SHARED_TEXT_UTF8_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace gisa::text {

// OK when `bytes` is well-formed UTF-8 without NUL bytes; otherwise
// INVALID_ARGUMENT naming the byte offset, line and column of the first
// offending byte. Thread-safe.
absl::Status CheckUtf8(absl::string_view bytes);

// `bytes` without a leading UTF-8 byte-order mark.
absl::string_view StripBom(absl::string_view bytes);

// True when `pred` holds for some code point of UTF-8 `utf8`; a malformed
// byte is seen as U+FFFD. Thread-safe if `pred` is.
//
//   gisa::text::AnyCodePoint("SK하이닉스", [](char32_t c) { return c < 0x80; });
bool AnyCodePoint(absl::string_view utf8,
                  absl::FunctionRef<bool(char32_t)> pred);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_UTF8_H_
