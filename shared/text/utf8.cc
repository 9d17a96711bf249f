#include "shared/text/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

#include "absl/strings/str_format.h"

namespace gisa::text {

absl::Status CheckUtf8(absl::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int line = 1;
  int32_t line_start = 0;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || c == 0) {
      // Columns count characters, as an editor shows them.
      int column = 1;
      for (int32_t j = line_start; j < start;) {
        UChar32 ignored;
        U8_NEXT(s, j, start, ignored);
        (void)ignored;
        ++column;
      }
      return absl::InvalidArgumentError(absl::StrFormat(
          "content is not valid UTF-8 text: %s 0x%02x at byte offset %d "
          "(line %d, column %d)",
          c == 0 ? "NUL byte" : "byte", s[start], start, line, column));
    }
    if (c == '\n') {
      ++line;
      line_start = i;
    }
  }
  return absl::OkStatus();
}

absl::string_view StripBom(absl::string_view bytes) {
  constexpr absl::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  return bytes;
}

bool AnyCodePoint(absl::string_view utf8,
                  absl::FunctionRef<bool(char32_t)> pred) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (pred(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c))) return true;
  }
  return false;
}

}  // namespace gisa::text
