// Hangul syllables: what a Korean word ends in, and how long it is.
//
// Korean particles and name rules depend on whether a syllable closes with a
// consonant (받침): 한국은 but 엔비디아는.
//
//   gisa::text::LastCodePoint("한국") == U'국'
//   gisa::text::HasFinalConsonant(U'국')  // true
//   gisa::text::HasFinalConsonant(U'아')  // false
#ifndef GISA_SHARED_TEXT_HANGUL_H_
#define GISA_SHARED_TEXT_HANGUL_H_

#include "absl/strings/string_view.h"

namespace gisa::text {

// True for a precomposed Hangul syllable (U+AC00..U+D7A3).
bool IsHangulSyllable(char32_t c);

// True when `c` is a Hangul syllable with a final consonant (받침).
bool HasFinalConsonant(char32_t c);

// True when `c` is a Hangul syllable whose final consonant is ㄹ, which takes
// the particles of a vowel-final word in some places (서울로, not 서울으로).
bool HasFinalRieul(char32_t c);

// The last code point of UTF-8 `utf8`, or 0 when it is empty or malformed.
char32_t LastCodePoint(absl::string_view utf8);

// The first code point of UTF-8 `utf8`, or 0 when it is empty or malformed.
char32_t FirstCodePoint(absl::string_view utf8);

// Number of code points in UTF-8 `utf8` (a Hangul word's syllable count).
int CodePointCount(absl::string_view utf8);

// True when every code point of non-empty `utf8` is a Hangul syllable.
bool IsAllHangul(absl::string_view utf8);

// True when `c` is a Hangul syllable that no Sino-Korean (Hanja) reading
// has: 스, 트, 켈, 텡, 러. Such syllables mark a transliterated foreign word
// (코스톨로, 보아텡) or a native Korean one, never a word built from Hanja.
// Conservative: many transliterated syllables (마, 리) are Sino-Korean too.
bool IsNonSinoSyllable(char32_t c);

// True when some syllable of UTF-8 `utf8` is one IsNonSinoSyllable accepts.
bool HasNonSinoSyllable(absl::string_view utf8);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_HANGUL_H_
