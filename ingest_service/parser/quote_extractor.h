// Quotes of an article with their speakers: direct quotes and Korean
// reported speech (SPEC.md section 2, Quote).
//
// What counts as a quote:
//   - words in quotation marks (“”, "", ‘’, '', 「」, 『』) with an
//     attribution ("…”라고 말했다", "…"라며", "…," said X) or introduced by
//     their speaker ('X는 “…”.'), or named after them ("“…” X의 설명이다");
//   - reported speech: a clause in -다고/-라고/-냐고/-자고 (or -다며, -다는
//     점을 …) before a verb of saying or judging, in the -다 and -습니다
//     registers (말했다, 밝혔습니다, 강조하며, 내다봤다 ...);
//   - attributions to a source: "X에 따르면 …(고 한다)", "…라고 X가
//     보도했다".
// Quotation marks around a name or a term, a -다고 clause with no verb of
// saying, and FAQ answers are no quotes.
//
//   QuoteExtractor quotes;
//   quotes.Extract(&article);  // after EntityExtractor: fills article.quotes
//   article.quotes(0).speaker();  // "탕제" (an Entity.name)
//   article.quotes(0).cue();      // "강조했습니다"
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTE_EXTRACTOR_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTE_EXTRACTOR_H_

#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

class QuoteExtractor {
 public:
  // Replaces article->quotes with the quotes found in its body and summary
  // sections (never FAQ answers or related posts), in reading order, each
  // once per speaker and text. Speakers resolve to article->entities (by
  // mention, name, alias, or part of a person's name with a role: "린
  // 총괄은"), so run it after entities; a pronoun or a subjectless clause
  // continues the previous speaker; an unknown speaker is the subject as
  // written without its particle. Offsets are UTF-8 byte offsets of `text`
  // in its paragraph. Time linear in the text. Thread-safe.
  void Extract(gisa::v1::Article* article) const;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTE_EXTRACTOR_H_
