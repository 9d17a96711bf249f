// The language of a text, told from the scripts its letters are written in
// (ICU's uscript_getScript): Hangul -> "ko", Latin -> "en", Han with kana or
// kana -> "ja", Han alone -> "zh", Cyrillic -> "ru" ...
//
//   ScriptCounter counter;
//   counter.Add("중국 AI 산업은 고성능 칩 부족");
//   counter.Language();  // "ko"
#ifndef GISA_INGEST_SERVICE_PARSER_SCRIPT_LANGUAGE_H_
#define GISA_INGEST_SERVICE_PARSER_SCRIPT_LANGUAGE_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace gisa::ingest {

// Counts letters by script over any number of texts. Not thread-safe (one
// per parse).
class ScriptCounter {
 public:
  // Counts the letters of `utf8`; digits, punctuation and symbols (the
  // Common and Inherited scripts) do not count.
  void Add(absl::string_view utf8);

  // BCP-47 tag of the script most letters are written in ("und" when no
  // letter was seen or the script has no usual language here).
  std::string Language() const;

 private:
  absl::flat_hash_map<int, size_t> letters_;  // UScriptCode -> count
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_SCRIPT_LANGUAGE_H_
