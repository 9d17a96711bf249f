// The structure of an article: title, sections, summary, FAQ, related posts,
// category and language (SPEC.md section 1), without entities or quotes.
//
//   absl::StatusOr<gisa::v1::Article> a = ParseStructure(nfc_text, "text/plain");
//   a->title();            // "AI 칩 전쟁: ..."
//   a->sections(0).kind(); // SECTION_KIND_BODY
//
// How the text is read:
//  - A section is a heading line and the paragraph lines under it; a
//    paragraph is one line, trimmed and otherwise kept as written (list
//    markers and FAQ markers included). Whether a line is a heading is told
//    from the line (short, no sentence-final period, decorations `#`, `1.`,
//    `1)`, `[...]`, `**...**`, which are stripped from the heading) and from
//    its neighbours (a heading is followed by a paragraph; where blank lines
//    separate sections a heading has one before it) - see structure_parser.cc.
//  - The title is the first `# ` heading where there is one, else the first
//    heading; lines before the first heading join the first section.
//  - Summary sections (heading 핵심 요약, 요약, 한눈에 보기, 정리, Summary, Key
//    takeaways, TL;DR ...) give Article.summary: the last such section's
//    paragraphs joined by "\n". The first section is always a body section.
//  - FAQ sections (heading with 자주 묻는 질문, FAQ, Q&A, 묻고 답하기, or
//    question/answer lines under any heading) give Article.faq; an answer
//    running over several lines keeps them joined by "\n".
//  - The trailing "'<category>' 카테고리의 다른 글" line and its table give
//    category and related posts and are not part of any section.
//  - language is a BCP-47 tag told from the scripts of the letters.
//  - text/markdown adds front matter, setext headings, block quotes, images
//    and code fences; text/html is first turned into lines (html_to_text.h).
#ifndef GISA_INGEST_SERVICE_PARSER_STRUCTURE_PARSER_H_
#define GISA_INGEST_SERVICE_PARSER_STRUCTURE_PARSER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

// Parses `text` (valid UTF-8 in NFC, BOM removed) of media type `media_type`
// ("text/plain", "text/markdown" or "text/html"; parameters allowed, a
// charset other than UTF-8 is refused; empty means text/plain). Fills title,
// language, category, sections, summary, faq and related. Runs in time
// linear in the text. Errors: INVALID_ARGUMENT for an unknown media type or
// text with no recognisable article ("no recognisable article: ..." saying
// why, and naming the line where it helps). Thread-safe.
absl::StatusOr<gisa::v1::Article> ParseStructure(absl::string_view text,
                                                 absl::string_view media_type);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_STRUCTURE_PARSER_H_
