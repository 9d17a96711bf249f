#include "ingest_service/parser/script_language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace gisa::ingest {
namespace {

const char* LanguageOfScript(int script) {
  switch (script) {
    case USCRIPT_HANGUL: return "ko";
    case USCRIPT_LATIN: return "en";
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: return "ja";
    case USCRIPT_HAN: return "zh";
    case USCRIPT_CYRILLIC: return "ru";
    case USCRIPT_GREEK: return "el";
    case USCRIPT_ARABIC: return "ar";
    case USCRIPT_HEBREW: return "he";
    case USCRIPT_THAI: return "th";
    case USCRIPT_DEVANAGARI: return "hi";
    case USCRIPT_GEORGIAN: return "ka";
    case USCRIPT_ARMENIAN: return "hy";
    default: return "und";
  }
}

}  // namespace

void ScriptCounter::Add(absl::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON ||
        script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN) {
      continue;
    }
    ++letters_[script];
  }
}

std::string ScriptCounter::Language() const {
  int best = USCRIPT_INVALID_CODE;
  size_t best_count = 0;
  for (const auto& [script, count] : letters_) {
    // Ties go to the lower script code, so the answer never depends on the
    // map's iteration order.
    if (count > best_count || (count == best_count && script < best)) {
      best = script;
      best_count = count;
    }
  }
  if (best_count == 0) return "und";
  if (best == USCRIPT_HAN) {
    // Japanese writes Han with kana; Chinese without.
    auto kana = [this](int script) {
      auto it = letters_.find(script);
      return it == letters_.end() ? 0 : it->second;
    };
    if (kana(USCRIPT_HIRAGANA) + kana(USCRIPT_KATAKANA) > 0) return "ja";
  }
  return LanguageOfScript(best);
}

}  // namespace gisa::ingest
