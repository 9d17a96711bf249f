#include "ingest_service/parser/quotes/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace gisa::ingest::quotes {
namespace {

// A gloss in parentheses longer than this is prose, not part of a word.
constexpr int kMaxGlossBytes = 80;

bool IsSpace(UChar32 c) { return c >= 0 && u_isUWhiteSpace(c); }

// Punctuation that may surround a word's core. Parentheses count only when
// they do not close a gloss inside the word.
bool IsTrimmable(UChar32 c) {
  return c >= 0 && (u_ispunct(c) || c == '<' || c == '>' || c == '|' ||
                    c == '~' || c == '`' || c == '^');
}

bool IsClausePunct(UChar32 c) {
  return c == ',' || c == ';' || c == ':' || c == 0xFF0C || c == 0x3001;
}

bool IsSentencePunct(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F;
}

UChar32 CodePointBefore(const uint8_t* s, int32_t start, int32_t at) {
  if (at <= start) return -1;
  UChar32 c;
  U8_PREV(s, start, at, c);
  return c;
}

// Where the ')' that closes the '(' at `open` is, if it comes within
// kMaxGlossBytes with no other '(' in between; -1 otherwise.
int GlossClose(absl::string_view text, int open, int end) {
  const int limit = std::min(end, open + kMaxGlossBytes);
  for (int i = open + 1; i < limit; ++i) {
    if (text[i] == '(') return -1;
    if (text[i] == ')') return i;
  }
  return -1;
}

Word MakeWord(absl::string_view text, int begin, int end) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  Word w;
  w.begin = begin;
  w.end = end;
  int32_t core_begin = begin;
  while (core_begin < end) {
    int32_t next = core_begin;
    UChar32 c;
    U8_NEXT(s, next, end, c);
    if (!IsTrimmable(c) || c == '(') break;
    core_begin = next;
  }
  int32_t core_end = end;
  bool open_gloss = false;  // a '(' in the core that a final ')' closes
  for (int32_t i = core_begin; i < end; ++i) {
    if (text[i] == '(') open_gloss = true;
  }
  while (core_end > core_begin) {
    int32_t prev = core_end;
    UChar32 c;
    U8_PREV(s, core_begin, prev, c);
    if (!IsTrimmable(c)) break;
    if (c == ')' && open_gloss) break;
    if (IsClausePunct(c)) w.clause_end = true;
    if (IsSentencePunct(c)) w.sentence_end = true;
    core_end = prev;
  }
  w.core_begin = core_begin;
  w.core_end = core_end;
  return w;
}

}  // namespace

SentenceSplitter::SentenceSplitter() {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("ko"), status));
  if (U_FAILURE(status)) iterator_.reset();
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<ByteRange> SentenceSplitter::Split(
    absl::string_view text, absl::Span<const QuoteSpan> quotes) {
  const int32_t length = static_cast<int32_t>(text.size());
  std::vector<ByteRange> out;
  if (length == 0) return out;
  if (iterator_ == nullptr) return {{0, length}};
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());

  // ICU speaks UTF-16; remember the byte offset of every UTF-16 index.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), length));
  std::vector<int32_t> byte_at(u.length() + 1, length);
  {
    int32_t i = 0;
    int32_t u16 = 0;
    while (i < length && u16 < u.length()) {
      byte_at[u16] = i;
      UChar32 c;
      U8_NEXT(s, i, length, c);
      const int32_t units = (c >= 0 && c > 0xFFFF) ? 2 : 1;
      if (units == 2 && u16 + 1 < u.length()) byte_at[u16 + 1] = i;
      u16 += units;
    }
  }

  iterator_->setText(u);
  size_t q = 0;
  int32_t start = 0;
  for (int32_t b = iterator_->next(); b != icu::BreakIterator::DONE;
       b = iterator_->next()) {
    const int32_t at = byte_at[std::min<int32_t>(b, u.length())];
    if (at >= length) break;
    while (q < quotes.size() && quotes[q].close_end <= at) ++q;
    const bool in_quote = q < quotes.size() && quotes[q].open < at;
    if (in_quote || !IsSpace(CodePointBefore(s, 0, at))) continue;
    if (at > start) out.push_back({start, at});
    start = at;
  }
  out.push_back({start, length});
  return out;
}

std::vector<Word> SplitWords(absl::string_view text, int begin, int end) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  std::vector<Word> words;
  int32_t i = begin;
  int word_begin = -1;
  int gloss_close = -1;  // inside a gloss until this byte
  while (i < end) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, end, c);
    if (c == '(' && word_begin >= 0 && gloss_close < at) {
      gloss_close = GlossClose(text, at, end);
    }
    if (IsSpace(c) && at > gloss_close) {
      if (word_begin >= 0) words.push_back(MakeWord(text, word_begin, at));
      word_begin = -1;
    } else if (word_begin < 0) {
      word_begin = at;
    }
  }
  if (word_begin >= 0) words.push_back(MakeWord(text, word_begin, end));
  return words;
}

std::string WithoutGloss(absl::string_view core, std::string* gloss) {
  const size_t open = core.find('(');
  if (open == absl::string_view::npos) return std::string(core);
  const size_t close = core.find(')', open);
  if (close == absl::string_view::npos) return std::string(core);
  if (gloss != nullptr) {
    *gloss = std::string(core.substr(open + 1, close - open - 1));
  }
  return absl::StrCat(core.substr(0, open), core.substr(close + 1));
}

}  // namespace gisa::ingest::quotes
