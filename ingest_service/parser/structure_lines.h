// What one line of an article looks like: the structure parser's vocabulary.
//
// Splits text into trimmed lines and tells, line by line, whether a line is
// decorated as a heading (`## `, `1. `, `1) `, `[...]`, `**...**`), a list
// item, a table row, a rule, an FAQ question or answer, or running prose.
// Nothing here looks at a line's neighbours; structure_parser.cc does that.
//
//   HeadingShape h = ReadHeadingShape("## 1. 전시 구성");
//   // h.text == "전시 구성", h.decoration == Decoration::kHash, h.level == 2
//   QaLine q = ReadQaMarker("Q1.관람료가 있나요?");
//   // q.marker == QaMarker::kQuestion, q.rest == "관람료가 있나요?"
//
// All functions are pure and thread-safe; returned views point into the
// argument.
#ifndef GISA_INGEST_SERVICE_PARSER_STRUCTURE_LINES_H_
#define GISA_INGEST_SERVICE_PARSER_STRUCTURE_LINES_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace gisa::ingest {

// One line of the source: its text trimmed of Unicode white space (the line
// break, a CR before it, and spaces at both ends) and its 1-based number.
struct SourceLine {
  absl::string_view text;
  int number = 0;
};

// `text` split into lines at LF, CRLF or a lone CR, so that text from any
// platform reads alike.
std::vector<SourceLine> SplitLines(absl::string_view text);

// How a heading line is decorated. The decoration is not part of the
// heading's text.
enum class Decoration {
  kNone,
  kHash,     // "# " .. "###### " (Markdown ATX)
  kNumber,   // "1. " or "1) "
  kBracket,  // "[...]" or "【...】" around the whole line
  kBold,     // "**...**" or "__...__" around the whole line
};

struct HeadingShape {
  // The line without its decorations, trimmed.
  absl::string_view text;
  // The outermost decoration found ("## 1. 제목" is kHash).
  Decoration decoration = Decoration::kNone;
  // 1..6 for kHash, else 0.
  int level = 0;
  // '.' or ')' when a number decoration was stripped, else 0.
  char number_style = 0;
};

// The heading text of `line` with every decoration stripped, outermost first:
// hashes, bold markers, brackets, then a "1. " / "1) " number.
HeadingShape ReadHeadingShape(absl::string_view line);

// True for a list item: "- ", "* ", "+ ", "• ", "· ", "▪ ", "◦ ", "‣ ".
bool IsListItem(absl::string_view line);

// True for a Markdown table row (the line starts with '|').
bool IsTableRow(absl::string_view line);

// True for a rule: three or more of one of - * _ = ─ ━ ═ (spaces allowed).
bool IsRule(absl::string_view line);

// True for a line made only of hashtags ("#AI #반도체").
bool IsHashtagLine(absl::string_view line);

enum class QaMarker { kNone, kQuestion, kAnswer };

struct QaLine {
  QaMarker marker = QaMarker::kNone;
  // The text after the marker, trimmed ("" when the marker stands alone).
  absl::string_view rest;
};

// Reads an FAQ marker at the start of `line`: Q. Q: Q1. Q) 질문: 문: Question:
// and A. A: A1. A) 답변: 답: Answer:, with or without a space after the
// marker, also behind a list bullet or inside **bold**.
QaLine ReadQaMarker(absl::string_view line);

// True when `text` reads as running prose rather than as a heading: it ends
// with a sentence-final period (closing quotes and brackets aside; an
// ellipsis does not count) or holds a sentence end inside (a period after a
// Hangul syllable followed by a space).
bool ReadsAsSentence(absl::string_view text);

// True when `text` holds at least one letter (any script).
bool HasLetter(absl::string_view text);

// The number of code points in `text`, counting no further than `limit`.
size_t CountCodePoints(absl::string_view text, size_t limit);

// True when a heading names a summary section: it begins with 핵심 요약, 요약,
// 한눈에 보기, 정리, 세 줄 요약, Summary, Key takeaways, TL;DR ... as a word of
// its own (정리해고 is no summary). Case and width are ignored.
bool IsSummaryHeading(absl::string_view heading);

// True when a heading names an FAQ section: it contains 자주 묻는 질문, FAQ,
// Q&A, 묻고 답하기 ... Case and width are ignored.
bool IsFaqHeading(absl::string_view heading);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_STRUCTURE_LINES_H_
