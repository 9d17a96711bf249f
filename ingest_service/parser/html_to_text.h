// The article text of an HTML page, as lines the plain-text structure parser
// reads.
//
// The body is taken from the page's first <article>, else <main>, else
// <body>, else the whole page (the first of these that holds any text).
// Scripts, styles, navigation, headers (but an <article>'s own), footers,
// asides and forms are dropped. Block elements (p, div, li, dt, dd, tr, br,
// h1-h6, ...) end lines; h1-h6 become "# " .. "###### " lines, list items
// "- " lines and table rows "| cell | cell |" lines. Character references
// (the common named ones and all numeric ones) are decoded, runs of white
// space collapse to one space, and the result is NFC.
//
//   HtmlToText("<main><h1>제목</h1><p>첫&nbsp;문단</p></main>")
//   // == "# 제목\n첫 문단\n"
//
// A small tag scanner, not a full HTML parser: it reads any input in linear
// time and never fails; malformed markup only costs text. Thread-safe.
#ifndef GISA_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_
#define GISA_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace gisa::ingest {

// The article text of `html` (valid UTF-8), one block per line.
std::string HtmlToText(absl::string_view html);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_HTML_TO_TEXT_H_
