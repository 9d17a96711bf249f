// Sound keys: the consonant skeleton of a name, the same for a Latin
// spelling and its Korean transliteration, so that a reader who types one
// finds the other even where the article gives no gloss.
//
//   SoundKeyOfLatin("falcon") == SoundKeyOfHangul("팰컨")     // "PLKN"
//   SoundKeyOfLatin("netflix") == SoundKeyOfHangul("넷플릭스")  // "NTPLKS"
//
// Consonants fall in classes that Korean loanword spelling keeps apart (P:
// b p f v, T: d t, K: g k c q, S: s z j ch sh, L: l r, M, N, H); vowels and
// repeats are dropped, and r before a consonant is silent (서버, 스타십).
// Keys are coarse: they are for ranking, never for exact lookups.
#ifndef GISA_SHARED_TEXT_SOUND_KEY_H_
#define GISA_SHARED_TEXT_SOUND_KEY_H_

#include <string>

#include "absl/strings/string_view.h"

namespace gisa::text {

// Key of a word of lower-case ASCII letters; "" for other input or a key of
// fewer than three consonants (too common to tell words apart). Korean
// spells an r before a consonant either way (스타십 but 아르테미스):
// `sounded_r` picks the second.
std::string SoundKeyOfLatin(absl::string_view word, bool sounded_r = false);

// Key of a word of Hangul syllables (UTF-8); "" for other input or a key of
// fewer than three consonants.
std::string SoundKeyOfHangul(absl::string_view word);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_SOUND_KEY_H_
