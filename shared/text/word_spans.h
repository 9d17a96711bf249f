// Words of a text and where they sit: ICU word segmentation with UTF-8 byte
// offsets, split further at punctuation inside a word.
//
// A Korean word (어절) is a space-free run such as "엔비디아가" or
// "SK하이닉스의"; its particle stays attached (see josa.h). Where ICU breaks
// inside such a run (between scripts: SK|하이닉스, 오픈|AI), the pieces are
// joined again. Quote marks,
// middle dots and other punctuation always end a word, so "'루빈'을" gives
// 루빈 and 을, and "네이버·카카오" gives 네이버 and 카카오; separators inside a
// number (1,470 and 3.5) do not.
//
//   std::vector<gisa::text::WordSpan> words =
//       gisa::text::SplitWords("엔비디아가 '루빈'을 발표");
//   // {0,15} 엔비디아가, {17,23} 루빈, {24,27} 을, {28,34} 발표
#ifndef GISA_SHARED_TEXT_WORD_SPANS_H_
#define GISA_SHARED_TEXT_WORD_SPANS_H_

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace gisa::text {

// One word: UTF-8 byte offsets [begin, end) into the text it came from.
struct WordSpan {
  int32_t begin = 0;
  int32_t end = 0;
};

// The words of UTF-8 `text` in order: letters, digits and ideographs;
// white space and punctuation are left out. Runs in time linear in the
// length of the text. Thread-safe.
std::vector<WordSpan> SplitWords(absl::string_view text);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_WORD_SPANS_H_
