#include "ingest_service/parser/structure_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

// The code point starting at byte `i` of `s` (advancing `i`); -1 where the
// bytes are not UTF-8 (the parser only sees checked text, but stays safe).
UChar32 NextCodePoint(absl::string_view s, size_t* i) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(*i);
  UChar32 c;
  U8_NEXT(bytes, pos, static_cast<int32_t>(s.size()), c);
  *i = static_cast<size_t>(pos);
  return c;
}

// The last code point of `s` and its byte length; -1 for empty text.
UChar32 LastCodePoint(absl::string_view s, size_t* length) {
  if (s.empty()) {
    *length = 0;
    return -1;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t pos = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(bytes, 0, pos, c);
  *length = s.size() - static_cast<size_t>(pos);
  return c;
}

bool IsHangulSyllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

bool ConsumePrefix(absl::string_view* s, absl::string_view prefix) {
  if (!absl::StartsWith(*s, prefix)) return false;
  s->remove_prefix(prefix.size());
  return true;
}

// Strips `open`...`close` around the whole of `*s` when the inside is not
// empty and holds neither marker again ("**A** and **B**" stays).
bool StripWrapping(absl::string_view* s, absl::string_view open,
                   absl::string_view close) {
  if (s->size() <= open.size() + close.size()) return false;
  if (!absl::StartsWith(*s, open) || !absl::EndsWith(*s, close)) return false;
  absl::string_view inner =
      s->substr(open.size(), s->size() - open.size() - close.size());
  if (absl::StrContains(inner, open) || absl::StrContains(inner, close)) {
    return false;
  }
  inner = text::TrimSpace(inner);
  if (inner.empty()) return false;
  *s = inner;
  return true;
}

// "1. " / "1) " / "12.제목" but not "1.5배" or "2026. 3.".
bool StripNumber(absl::string_view* s, char* style) {
  size_t digits = 0;
  while (digits < s->size() && digits < 3 && absl::ascii_isdigit((*s)[digits])) {
    ++digits;
  }
  if (digits == 0 || digits > 2 || digits >= s->size()) return false;
  const char mark = (*s)[digits];
  if (mark != '.' && mark != ')') return false;
  if (mark == '.' && digits + 1 < s->size() &&
      absl::ascii_isdigit((*s)[digits + 1])) {
    return false;
  }
  absl::string_view rest = text::TrimSpace(s->substr(digits + 1));
  if (rest.empty()) return false;
  *s = rest;
  *style = mark;
  return true;
}

bool StripBracket(absl::string_view* s) {
  for (auto [open, close] :
       {std::pair<absl::string_view, absl::string_view>{"[", "]"},
        {"【", "】"}}) {
    if (StripWrapping(s, open, close)) return true;
  }
  return false;
}

// Marker punctuation after Q/A and 질문/답변.
bool ConsumeMarkerMark(absl::string_view* s, bool allow_period) {
  for (absl::string_view mark : {":", ")", "：", "）"}) {
    if (ConsumePrefix(s, mark)) return true;
  }
  if (allow_period) {
    for (absl::string_view mark : {".", "．"}) {
      if (ConsumePrefix(s, mark)) return true;
    }
  }
  return false;
}

// `letters` ("Q"/"Ｑ"), then digits, then a mark: "Q.", "Q1)", "Ｑ：".
bool ConsumeLetterMarker(absl::string_view* s,
                         std::initializer_list<absl::string_view> letters) {
  for (absl::string_view letter : letters) {
    absl::string_view rest = *s;
    if (!ConsumePrefix(&rest, letter)) continue;
    while (!rest.empty() && absl::ascii_isdigit(rest[0])) rest.remove_prefix(1);
    if (ConsumeMarkerMark(&rest, /*allow_period=*/true)) {
      *s = rest;
      return true;
    }
  }
  return false;
}

// A word marker ("질문:", "답변 :", "Question:").
bool ConsumeWordMarker(absl::string_view* s, absl::string_view word,
                       bool allow_period) {
  absl::string_view rest = *s;
  if (!absl::StartsWithIgnoreCase(rest, word)) return false;
  rest.remove_prefix(word.size());
  while (!rest.empty() && absl::ascii_isdigit(rest[0])) rest.remove_prefix(1);
  rest = absl::StripLeadingAsciiWhitespace(rest);
  if (!ConsumeMarkerMark(&rest, allow_period)) return false;
  *s = rest;
  return true;
}

QaMarker ConsumeQaMarker(absl::string_view* s) {
  if (ConsumeLetterMarker(s, {"Q", "Ｑ"}) ||
      ConsumeWordMarker(s, "질문", true) ||
      ConsumeWordMarker(s, "Question", false) ||
      ConsumeWordMarker(s, "문", false)) {
    return QaMarker::kQuestion;
  }
  if (ConsumeLetterMarker(s, {"A", "Ａ"}) ||
      ConsumeWordMarker(s, "답변", true) ||
      ConsumeWordMarker(s, "Answer", false) ||
      ConsumeWordMarker(s, "답", false)) {
    return QaMarker::kAnswer;
  }
  return QaMarker::kNone;
}

// `folded` (FoldForMatch form) without leading symbols, emoji and spaces.
absl::string_view SkipLeadingSymbols(absl::string_view folded) {
  size_t i = 0;
  while (i < folded.size()) {
    size_t next = i;
    const UChar32 c = NextCodePoint(folded, &next);
    if (c >= 0 && u_isalnum(c)) break;
    i = next;
  }
  return folded.substr(i);
}

// True when `rest`, what follows a keyword, ends the word: nothing, a
// non-letter, or a verb ending that keeps the meaning (요약하면, 정리하자면).
bool EndsKeyword(absl::string_view rest) {
  if (rest.empty()) return true;
  if (absl::StartsWith(rest, "하면") || absl::StartsWith(rest, "하자면")) {
    return true;
  }
  size_t i = 0;
  const UChar32 c = NextCodePoint(rest, &i);
  return c < 0 || !u_isalnum(c);
}

}  // namespace

std::vector<SourceLine> SplitLines(absl::string_view text) {
  std::vector<SourceLine> lines;
  int number = 1;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find_first_of("\r\n", start);
    if (end == absl::string_view::npos) {
      lines.push_back({text::TrimSpace(text.substr(start)), number});
      return lines;
    }
    lines.push_back({text::TrimSpace(text.substr(start, end - start)), number});
    ++number;
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') {
      ++start;
    }
  }
}

HeadingShape ReadHeadingShape(absl::string_view line) {
  HeadingShape shape;
  absl::string_view s = text::TrimSpace(line);
  size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 &&
      (hashes == s.size() || s[hashes] == ' ' || s[hashes] == '\t')) {
    s = text::TrimSpace(s.substr(hashes));
    // An ATX heading may close with hashes: "## 제목 ##".
    size_t end = s.size();
    while (end > 0 && s[end - 1] == '#') --end;
    if (end < s.size() && (end == 0 || s[end - 1] == ' ')) {
      s = text::TrimSpace(s.substr(0, end));
    }
    shape.decoration = Decoration::kHash;
    shape.level = static_cast<int>(hashes);
  }
  auto mark = [&shape](Decoration d) {
    if (shape.decoration == Decoration::kNone) shape.decoration = d;
  };
  if (StripWrapping(&s, "**", "**") || StripWrapping(&s, "__", "__")) {
    mark(Decoration::kBold);
  }
  if (StripBracket(&s)) mark(Decoration::kBracket);
  char style = 0;
  if (StripNumber(&s, &style)) {
    mark(Decoration::kNumber);
    shape.number_style = style;
  }
  shape.text = s;
  return shape;
}

bool IsListItem(absl::string_view line) {
  for (absl::string_view bullet :
       {"-", "*", "+", "•", "·", "▪", "◦", "‣", "∙"}) {
    absl::string_view rest = line;
    if (ConsumePrefix(&rest, bullet) && !rest.empty() &&
        (rest[0] == ' ' || rest[0] == '\t')) {
      return !text::TrimSpace(rest).empty();
    }
  }
  return false;
}

bool IsTableRow(absl::string_view line) {
  return !line.empty() && line[0] == '|';
}

bool IsRule(absl::string_view line) {
  size_t i = 0;
  UChar32 first = -1;
  int count = 0;
  while (i < line.size()) {
    const UChar32 c = NextCodePoint(line, &i);
    if (c == ' ' || c == '\t') continue;
    if (first < 0) {
      switch (c) {
        case '-': case '*': case '_': case '=':
        case 0x2500: case 0x2501: case 0x2550:  // ─ ━ ═
          first = c;
          break;
        default:
          return false;
      }
    } else if (c != first) {
      return false;
    }
    ++count;
  }
  return count >= 3;
}

bool IsHashtagLine(absl::string_view line) {
  bool any = false;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    if (line[i] != '#' || i + 1 >= line.size() || line[i + 1] == '#' ||
        line[i + 1] == ' ') {
      return false;
    }
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    any = true;
  }
  return any;
}

QaLine ReadQaMarker(absl::string_view line) {
  QaLine result;
  absl::string_view s = text::TrimSpace(line);
  if (IsListItem(s)) s = text::TrimSpace(s.substr(s.find_first_of(" \t")));
  const bool bold = ConsumePrefix(&s, "**");
  const QaMarker marker = ConsumeQaMarker(&s);
  if (marker == QaMarker::kNone) return result;
  s = text::TrimSpace(s);
  if (bold) {
    // "**Q.** 질문" or "**Q. 질문**".
    if (!ConsumePrefix(&s, "**") && absl::EndsWith(s, "**")) {
      s.remove_suffix(2);
    }
    s = text::TrimSpace(s);
  }
  result.marker = marker;
  result.rest = s;
  return result;
}

bool ReadsAsSentence(absl::string_view text) {
  absl::string_view s = text;
  // Closing quotes and brackets do not hide a final period: "…했다.”".
  for (;;) {
    size_t length = 0;
    const UChar32 c = LastCodePoint(s, &length);
    switch (c) {
      case '"': case '\'': case ')': case ']': case '*': case '_':
      case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0x300B:
      case 0x3009: case 0xFF09:
        s.remove_suffix(length);
        continue;
      default:
        break;
    }
    break;
  }
  if (absl::EndsWith(s, "。")) return true;
  if (absl::EndsWith(s, ".") && !absl::EndsWith(s, "..")) return true;
  // A sentence end inside: "…했다. 이어…", "… said. The …".
  UChar32 prev = -1;
  int lower_run = 0;
  size_t i = 0;
  while (i < s.size()) {
    const UChar32 c = NextCodePoint(s, &i);
    if (c == 0x3002 && i < s.size()) return true;  // 。 mid-line
    if (c == '.' && i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
      if (IsHangulSyllable(prev)) return true;
      if (lower_run >= 3) {
        size_t j = i;
        while (j < s.size() && s[j] == ' ') ++j;
        if (j < s.size() && absl::ascii_isupper(s[j])) return true;
      }
    }
    lower_run = (c >= 'a' && c <= 'z') ? lower_run + 1 : 0;
    prev = c;
  }
  return false;
}

bool HasLetter(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = NextCodePoint(text, &i);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

size_t CountCodePoints(absl::string_view text, size_t limit) {
  size_t count = 0;
  size_t i = 0;
  while (i < text.size() && count < limit) {
    NextCodePoint(text, &i);
    ++count;
  }
  return count;
}

bool IsSummaryHeading(absl::string_view heading) {
  const std::string folded = text::FoldForMatch(heading);
  const absl::string_view s = SkipLeadingSymbols(folded);
  for (absl::string_view keyword :
       {"핵심 요약", "핵심요약", "핵심 정리", "요약", "한눈에 보기", "한눈에 보는", "한눈에 정리",
        "정리", "총정리", "한 줄 요약", "한줄 요약", "세 줄 요약", "세줄 요약",
        "3줄 요약", "summary", "key takeaways", "key takeaway", "takeaways",
        "tl;dr", "tldr", "in summary", "at a glance"}) {
    if (absl::StartsWith(s, keyword) &&
        EndsKeyword(s.substr(keyword.size()))) {
      return true;
    }
  }
  return false;
}

bool IsFaqHeading(absl::string_view heading) {
  const std::string folded = text::FoldForMatch(heading);
  for (absl::string_view keyword :
       {"자주 묻는 질문", "자주묻는 질문", "자주 묻는질문", "자주묻는질문",
        "자주 하는 질문", "faq", "q&a", "q & a", "묻고 답하기", "묻고답하기",
        "frequently asked"}) {
    if (absl::StrContains(folded, keyword)) return true;
  }
  return false;
}

}  // namespace gisa::ingest
