#include "shared/text/word_spans.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace gisa::text {
namespace {

// A break iterator per thread: creating one loads rules, and an iterator is
// not safe to share.
icu::BreakIterator* ThreadWordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(),
                                               status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

bool IsDigit(UChar32 c) { return u_charType(c) == U_DECIMAL_DIGIT_NUMBER; }

bool IsWordChar(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || IsDigit(c) ||
         u_charType(c) == U_NON_SPACING_MARK;
}

// ICU ends a word where the script changes (SK|하이닉스, 오픈|AI, 1,470|원대);
// a Korean word runs on until a space or punctuation, so touching pieces
// join.
void Push(WordSpan piece, std::vector<WordSpan>* out) {
  if (!out->empty() && out->back().end == piece.begin) {
    out->back().end = piece.end;
  } else {
    out->push_back(piece);
  }
}

// Appends the pieces of ICU word [begin, end) split at punctuation that ICU
// keeps inside words (apostrophes, middle dots, colons, periods), except a
// separator between two digits.
void AppendPieces(const uint8_t* s, int32_t begin, int32_t end,
                  std::vector<WordSpan>* out) {
  int32_t piece_begin = -1;
  UChar32 previous = 0;
  for (int32_t i = begin; i < end;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, end, c);
    bool inside = c >= 0 && IsWordChar(c);
    if (!inside && c >= 0 && IsDigit(previous) && i < end) {
      int32_t j = i;
      UChar32 next;
      U8_NEXT(s, j, end, next);
      inside = next >= 0 && IsDigit(next);
    }
    if (inside) {
      if (piece_begin < 0) piece_begin = at;
    } else if (piece_begin >= 0) {
      Push({piece_begin, at}, out);
      piece_begin = -1;
    }
    previous = c;
  }
  if (piece_begin >= 0) Push({piece_begin, end}, out);
}

// Fallback when ICU cannot give an iterator: words are runs of word chars.
void SplitByCharacters(absl::string_view text, std::vector<WordSpan>* out) {
  AppendPieces(reinterpret_cast<const uint8_t*>(text.data()), 0,
               static_cast<int32_t>(text.size()), out);
}

}  // namespace

std::vector<WordSpan> SplitWords(absl::string_view text) {
  std::vector<WordSpan> words;
  icu::BreakIterator* it = ThreadWordIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = it == nullptr ? nullptr
                            : utext_openUTF8(nullptr, text.data(),
                                             static_cast<int64_t>(text.size()),
                                             &status);
  if (ut == nullptr || U_FAILURE(status)) {
    if (ut != nullptr) utext_close(ut);
    SplitByCharacters(text, &words);
    return words;
  }
  it->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    SplitByCharacters(text, &words);
    return words;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
       begin = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      AppendPieces(s, begin, end, &words);
    }
  }
  // The iterator's own shallow clone of `ut` is not read again before the
  // next setText on this thread.
  utext_close(ut);
  return words;
}

}  // namespace gisa::text
