// The trailing "'<category>' 카테고리의 다른 글" block of a blog export: the
// article's category and a Markdown table of related posts.
//
//   '경제' 카테고리의 다른 글
//   | 기준금리 동결 배경은? (4) | 2026.01.30 |
//   |---|---|
//
//   std::string category;
//   ReadCategoryLine("'경제' 카테고리의 다른 글", &category);  // category == "경제"
//   gisa::v1::RelatedArticle row;
//   ReadRelatedRow("| 기준금리 동결 배경은? (4) | 2026.01.30 |", &row);
//   // row: title "기준금리 동결 배경은?", comment_count 4, date "2026-01-30"
//
// Pure functions, thread-safe.
#ifndef GISA_INGEST_SERVICE_PARSER_RELATED_POSTS_H_
#define GISA_INGEST_SERVICE_PARSER_RELATED_POSTS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

// True when `line` (trimmed) is the header of a related-posts block: it ends
// with "카테고리의 다른 글" (also without the space, behind a heading
// decoration or inside table pipes). Sets `*category` to what precedes it,
// without its quotes ("" when nothing does).
bool ReadCategoryLine(absl::string_view line, std::string* category);

// True when `line` is a table row naming a post: a first cell with a title
// (a trailing "(N)" read as the comment count, a Markdown link read as its
// text) and a last cell with a date YYYY.MM.DD (also YYYY-MM-DD, YYYY/MM/DD,
// "YYYY. M. D."), stored as ISO YYYY-MM-DD. Separator rows (|---|---|) and
// header rows without a date or a count are not posts.
bool ReadRelatedRow(absl::string_view line, gisa::v1::RelatedArticle* row);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_RELATED_POSTS_H_
