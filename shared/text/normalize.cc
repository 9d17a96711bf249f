#include "shared/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace gisa::text {
namespace {

std::string Normalize(const icu::Normalizer2* normalizer,
                      absl::string_view utf8) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = normalizer->normalize(in, status);
  std::string result;
  if (U_FAILURE(status)) return std::string(utf8);
  out.toUTF8String(result);
  return result;
}

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return nfc;
}

const icu::Normalizer2* NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* fold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  return fold;
}

}  // namespace

std::string ToNfc(absl::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const auto piece =
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()));
  // Most text is already NFC; skip the round trip through UTF-16 then.
  if (Nfc()->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return std::string(utf8);
  }
  return Normalize(Nfc(), utf8);
}

std::string FoldForMatch(absl::string_view utf8) {
  return Normalize(NfkcCasefold(), utf8);
}

absl::string_view TrimSpace(absl::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t begin = 0;
  int32_t end = static_cast<int32_t>(utf8.size());
  while (begin < end) {
    int32_t next = begin;
    UChar32 c;
    U8_NEXT(s, next, end, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    begin = next;
  }
  while (end > begin) {
    int32_t prev = end;
    UChar32 c;
    U8_PREV(s, begin, prev, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = prev;
  }
  return utf8.substr(begin, end - begin);
}

}  // namespace gisa::text
