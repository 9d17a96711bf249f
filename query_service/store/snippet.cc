#include "query_service/store/snippet.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "absl/strings/str_cat.h"
#include "shared/text/normalize.h"

namespace gisa::query {
namespace {

// A cut this close to a space moves to the space, so words stay whole.
constexpr size_t kWordSnapBytes = 16;

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

size_t StartOfChar(absl::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && IsContinuationByte(text[pos])) --pos;
  return pos;
}

size_t EndOfChar(absl::string_view text, size_t pos) {
  while (pos < text.size() && IsContinuationByte(text[pos])) ++pos;
  return pos;
}

// One sentence break iterator per thread: creating one loads ICU's rules.
icu::BreakIterator* SentenceBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getKorean(),
                                                   status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  return breaker.get();
}

// Bounds [*start, *end) of the sentence holding [begin, end); the whole
// paragraph when ICU cannot tell.
void SentenceBounds(absl::string_view paragraph, size_t begin, size_t end,
                    size_t* start, size_t* stop) {
  *start = 0;
  *stop = paragraph.size();
  icu::BreakIterator* breaker = SentenceBreaker();
  if (breaker == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, paragraph.data(),
                 static_cast<int64_t>(paragraph.size()), &status);
  breaker->setText(&text, status);
  if (U_SUCCESS(status)) {
    // With UTF-8 UText the boundaries are byte offsets.
    const auto b = static_cast<int32_t>(begin);
    const int32_t s = breaker->isBoundary(b) ? b : breaker->preceding(b);
    const int32_t last = static_cast<int32_t>(std::max(begin, end - 1));
    const int32_t e = breaker->following(last);
    if (s != icu::BreakIterator::DONE) *start = static_cast<size_t>(s);
    if (e != icu::BreakIterator::DONE) *stop = static_cast<size_t>(e);
  }
  utext_close(&text);
}

}  // namespace

std::string MentionSnippet(absl::string_view paragraph, int begin, int end) {
  if (paragraph.empty()) return "";
  // Offsets come from the parser; clamp them onto character boundaries.
  size_t b =
      std::min(static_cast<size_t>(std::max(begin, 0)), paragraph.size() - 1);
  size_t e = std::min(static_cast<size_t>(std::max(end, 0)), paragraph.size());
  b = StartOfChar(paragraph, b);
  e = EndOfChar(paragraph, std::max(e, b));

  size_t s_begin, s_end;
  SentenceBounds(paragraph, b, e, &s_begin, &s_end);
  const absl::string_view sentence = paragraph.substr(s_begin, s_end - s_begin);
  if (sentence.size() <= kMaxSentenceSnippetBytes) {
    return std::string(text::TrimSpace(sentence));
  }

  // A window of `want` bytes, the mention in the middle where the sentence
  // allows it.
  const size_t want = std::max(kSnippetWindowBytes, e - b);
  const size_t left = (want - (e - b)) / 2;
  size_t w_begin = b - std::min(left, b - s_begin);
  size_t w_end = std::min(s_end, w_begin + want);
  if (w_end == s_end)
    w_begin = std::max(s_begin, s_end - std::min(s_end, want));
  w_begin = std::min(EndOfChar(paragraph, w_begin), b);
  w_end = std::max(StartOfChar(paragraph, w_end), e);

  if (w_begin > s_begin) {
    const size_t space = paragraph.find(' ', w_begin);
    if (space != absl::string_view::npos && space < b &&
        space - w_begin <= kWordSnapBytes) {
      w_begin = space + 1;
    }
  }
  if (w_end < s_end) {
    const size_t space = paragraph.rfind(' ', w_end - 1);
    if (space != absl::string_view::npos && space >= e &&
        w_end - space <= kWordSnapBytes) {
      w_end = space;
    }
  }
  return absl::StrCat(
      w_begin > s_begin ? "…" : "",
      text::TrimSpace(paragraph.substr(w_begin, w_end - w_begin)),
      w_end < s_end ? "…" : "");
}

}  // namespace gisa::query
