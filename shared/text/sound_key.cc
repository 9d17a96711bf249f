#include "shared/text/sound_key.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace gisa::text {
namespace {

constexpr size_t kMinKey = 3;

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
         c == 'y' || c == 'w';
}

// Appends a class letter unless it repeats the last one.
void Push(char cls, std::string* key) {
  if (key->empty() || key->back() != cls) key->push_back(cls);
}

std::string Finish(std::string key) {
  return key.size() < kMinKey ? "" : key;
}

// Classes of the initial consonants ㄱ..ㅎ ('-' for the silent ㅇ) and of the
// finals (none, ㄱ..ㅎ) as loanwords use them: a final ㅅ is a t (넷 = net),
// a final ㅇ an ng.
constexpr char kInitial[] = "KKNTTLMPPSS-SSSKTPH";
constexpr char kFinal[] = "-KKKNNNTLLMLLLPLMPPTTNTTKTPT";

}  // namespace

std::string SoundKeyOfLatin(absl::string_view w, bool sounded_r) {
  std::string key;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if (c < 'a' || c > 'z') return "";
    if (IsVowel(c)) continue;
    switch (c) {
      case 'b': case 'f': case 'p': case 'v':
        Push('P', &key);
        if (c == 'p' && next == 'h') ++i;
        break;
      case 'd': case 't':
        Push('T', &key);
        if (next == 'h') ++i;
        break;
      case 'k': case 'q':
        Push('K', &key);
        break;
      case 'g':
        if (next == 'h') {  // night, 나이트
          ++i;
          break;
        }
        Push('K', &key);
        break;
      case 'c':
        if (next == 'h') {
          Push('S', &key);
          ++i;
        } else {
          Push(next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K', &key);
          if (next == 'k') ++i;
        }
        break;
      case 's': case 'z': case 'j':
        Push('S', &key);
        if (next == 'h') ++i;
        break;
      case 'x':
        Push('K', &key);
        Push('S', &key);
        break;
      case 'l':
        Push('L', &key);
        break;
      case 'r':
        if (sounded_r || (IsVowel(next) && next != 'w')) Push('L', &key);
        break;
      case 'm':
        Push('M', &key);
        break;
      case 'n':
        Push('N', &key);
        if (next == 'g') ++i;
        break;
      case 'h':
        Push('H', &key);
        break;
    }
  }
  return Finish(std::move(key));
}

std::string SoundKeyOfHangul(absl::string_view word) {
  std::string key;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0xAC00 || c > 0xD7A3) return "";
    const int syllable = c - 0xAC00;
    const char initial = kInitial[syllable / 588];
    const char final = kFinal[syllable % 28];
    if (initial != '-') Push(initial, &key);
    if (final != '-') Push(final, &key);
  }
  return Finish(std::move(key));
}

}  // namespace gisa::text
