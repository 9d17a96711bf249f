#include "shared/text/hangul.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace gisa::text {
namespace {

constexpr char32_t kFirstSyllable = 0xAC00;
constexpr char32_t kLastSyllable = 0xD7A3;
constexpr int kFinalCount = 28;  // 27 final consonants and "none"
constexpr int kFinalRieul = 8;

}  // namespace

bool IsHangulSyllable(char32_t c) {
  return c >= kFirstSyllable && c <= kLastSyllable;
}

bool HasFinalConsonant(char32_t c) {
  return IsHangulSyllable(c) && (c - kFirstSyllable) % kFinalCount != 0;
}

bool HasFinalRieul(char32_t c) {
  return IsHangulSyllable(c) &&
         static_cast<int>((c - kFirstSyllable) % kFinalCount) == kFinalRieul;
}

char32_t LastCodePoint(absl::string_view utf8) {
  if (utf8.empty()) return 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = static_cast<int32_t>(utf8.size());
  UChar32 c;
  U8_PREV(s, 0, i, c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

char32_t FirstCodePoint(absl::string_view utf8) {
  if (utf8.empty()) return 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(utf8.size()), c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

int CodePointCount(absl::string_view utf8) {
  int count = 0;
  for (char ch : utf8) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool IsAllHangul(absl::string_view utf8) {
  if (utf8.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !IsHangulSyllable(static_cast<char32_t>(c))) return false;
  }
  return true;
}

}  // namespace gisa::text
