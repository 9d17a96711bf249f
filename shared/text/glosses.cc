#include "shared/text/glosses.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "shared/text/normalize.h"
#include "shared/text/utf8.h"

namespace gisa::text {
namespace {

constexpr size_t kMaxInside = 120;  // bytes between the parentheses
constexpr size_t kMaxQuoted = 90;   // bytes of a quoted head
constexpr int kMaxWords = 4;        // words of one form

// The code point ending at byte `end` of `s`, and where it starts.
UChar32 Before(absl::string_view s, int32_t end, int32_t* start) {
  int32_t i = end;
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  *start = i;
  return c;
}

bool IsClosingQuote(UChar32 c) {
  return c == '\'' || c == '"' || c == 0x2019 || c == 0x201D || c == 0x300D ||
         c == 0x300F;
}

bool IsOpeningQuote(UChar32 c) {
  return c == '\'' || c == '"' || c == 0x2018 || c == 0x201C || c == 0x300C ||
         c == 0x300E;
}

bool HasLetter(absl::string_view s) {
  return AnyCodePoint(s, [](char32_t c) { return u_isalpha(c) != 0; });
}

// The name just before byte `open` of `text`: a quoted name, or the word.
absl::string_view Head(absl::string_view text, int32_t open) {
  if (open <= 0) return {};
  int32_t start;
  const UChar32 last = Before(text, open, &start);
  if (IsClosingQuote(last)) {
    const int32_t end = start;
    int32_t i = end;
    while (i > 0 && static_cast<size_t>(end - i) <= kMaxQuoted) {
      int32_t prev;
      const UChar32 c = Before(text, i, &prev);
      if (IsOpeningQuote(c)) return text.substr(i, end - i);
      i = prev;
    }
    return {};
  }
  int32_t i = open;
  while (i > 0) {
    int32_t prev;
    const UChar32 c = Before(text, i, &prev);
    if (c < 0 || !(u_isalnum(c) || c == '-' || c == '+')) break;
    i = prev;
  }
  return text.substr(i, open - i);
}

void AddForms(absl::string_view inside, absl::string_view head, Gloss* gloss) {
  // ByAnyChar takes bytes: bring the multi-byte separators to ',' first.
  const std::string separated =
      absl::StrReplaceAll(inside, {{"·", ","}, {"、", ","}});
  for (absl::string_view part :
       absl::StrSplit(separated, absl::ByAnyChar(",/;"))) {
    part = TrimSpace(part);
    if (part.empty() || part == head || !HasLetter(part)) continue;
    const std::vector<absl::string_view> words =
        absl::StrSplit(part, ' ', absl::SkipEmpty());
    if (static_cast<int>(words.size()) > kMaxWords) return;  // a sentence
    gloss->forms.emplace_back(part);
  }
}

}  // namespace

std::vector<Gloss> FindGlosses(absl::string_view text) {
  std::vector<Gloss> glosses;
  for (size_t open = text.find('('); open != absl::string_view::npos;
       open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open + 1);
    if (close == absl::string_view::npos) break;
    const absl::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.size() > kMaxInside || inside.find('(') != inside.npos) {
      continue;
    }
    const absl::string_view head =
        TrimSpace(Head(text, static_cast<int32_t>(open)));
    if (head.empty() || !HasLetter(head)) continue;
    Gloss gloss{std::string(head), {}};
    AddForms(inside, head, &gloss);
    if (!gloss.forms.empty()) glosses.push_back(std::move(gloss));
  }
  return glosses;
}

}  // namespace gisa::text
