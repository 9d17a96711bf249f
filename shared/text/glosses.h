// Glosses: the other spellings an article gives for a name in parentheses,
// for search. "부산국제영화제(BIFF)", "'섀도캠'(ShadowCam)", "연방준비제도(Fed·연준)"
// tie each name to its Latin form or abbreviation, so that a reader who
// types either finds the other.
//
//   std::vector<gisa::text::Gloss> g =
//       gisa::text::FindGlosses("미국 연방준비제도(Fed·연준)가 금리를");
//   // g[0].head == "연방준비제도", g[0].forms == {"Fed", "연준"}
#ifndef GISA_SHARED_TEXT_GLOSSES_H_
#define GISA_SHARED_TEXT_GLOSSES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace gisa::text {

struct Gloss {
  // The word or quoted name just before the parenthesis, as written.
  std::string head;
  // The names inside, split at '·', ',', '/' and ';', trimmed.
  std::vector<std::string> forms;
};

// Every gloss in `text` (UTF-8, NFC). A parenthesis counts when it is short
// (a few words), holds a letter, and follows a word or a quoted name
// directly; comment counts "(5)", years and sentences in parentheses do not.
// Thread-safe.
std::vector<Gloss> FindGlosses(absl::string_view text);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_GLOSSES_H_
