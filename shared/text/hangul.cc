#include "shared/text/hangul.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "shared/text/utf8.h"

namespace gisa::text {
namespace {

constexpr char32_t kFirstSyllable = 0xAC00;
constexpr char32_t kLastSyllable = 0xD7A3;
constexpr int kFinalCount = 28;  // 27 final consonants and "none"
constexpr int kFinalRieul = 8;
constexpr int kMedialCount = 21;

// Jamo indices in the order of the Unicode syllable block.
enum Initial { kKiyeok = 0, kSsangKiyeok = 1, kNieun = 2, kTikeut = 3,
               kSsangTikeut = 4, kRieul = 5, kMieum = 6, kPieup = 7,
               kSsangPieup = 8, kSios = 9, kCieuc = 12, kSsangCieuc = 13,
               kKhieukh = 15, kThieuth = 16, kPhieuph = 17 };
enum Medial { kEo = 4, kE = 5, kWe = 15, kEu = 18 };

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
  // A malformed byte comes as U+FFFD, which is no Hangul either.
  return !utf8.empty() &&
         !AnyCodePoint(utf8, [](char32_t c) { return !IsHangulSyllable(c); });
}

bool IsNonSinoSyllable(char32_t c) {
  if (!IsHangulSyllable(c)) return false;
  const int index = static_cast<int>(c - kFirstSyllable);
  const int initial = index / (kMedialCount * kFinalCount);
  const int medial = (index / kFinalCount) % kMedialCount;
  const int final = index % kFinalCount;
  // Hanja readings close only in ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ (or nothing).
  static constexpr int kSinoFinals[] = {0, 1, 4, 8, 16, 17, 21};
  if (std::find(std::begin(kSinoFinals), std::end(kSinoFinals), final) ==
      std::end(kSinoFinals)) {
    return true;
  }
  // No reading starts with ㄲ ㄸ ㅃ ㅉ ㅋ (쾌 aside); ㅆ is left alone for 씨.
  if (initial == kSsangKiyeok || initial == kSsangTikeut ||
      initial == kSsangPieup || initial == kSsangCieuc ||
      (initial == kKhieukh && c != U'쾌')) {
    return true;
  }
  switch (medial) {
    case kEu:  // 스, 트, 르: ㅡ in a reading always has a final (은, 증)
      return final == 0;
    case kE:  // 세, 제 and 게 are readings; 메, 테, 레 are not
      return initial != kKiyeok && initial != kSios && initial != kCieuc;
    case kEo:  // 거, 서, 저, 처, 허 are readings; 러, 버, 터 are not
      return final == 0 &&
             (initial == kNieun || initial == kTikeut || initial == kRieul ||
              initial == kMieum || initial == kPieup || initial == kThieuth ||
              initial == kPhieuph);
    case kWe:  // 궤 and 훼 only
      return c != U'궤' && c != U'훼';
    default:
      return false;
  }
}

bool HasNonSinoSyllable(absl::string_view utf8) {
  return AnyCodePoint(utf8, IsNonSinoSyllable);
}

}  // namespace gisa::text
