// Finds the quotes of one paragraph: direct quotes in quotation marks,
// Korean reported speech (…다고 말했다, …다는 점을 지적하며, …로 예측하며,
// …라는 게 X의 설명이다), attributions to a source (X에 따르면 …), and
// English "…," said X.
//
// Each sentence is read left to right as words and quoted spans. A cue (the
// attribution word) closes a clause; the speaker is the first subject in the
// clause that names an entity (X는, X가, X 측은, "린 총괄은" for 저스틴 린),
// else a pronoun or no subject at all carries the previous speaker of the
// section (그는 …, 이어 …), else the subject as written.
//
//   SpeakerIndex index(article);
//   SectionState state;
//   SentenceSplitter splitter;
//   std::vector<FoundQuote> found =
//       ScanParagraph(index, {section, paragraph, text}, &splitter, &state);
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTES_SCANNER_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTES_SCANNER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"
#include "ingest_service/parser/quotes/segment.h"
#include "ingest_service/parser/quotes/speakers.h"

namespace gisa::ingest::quotes {

struct ParagraphRef {
  int section = 0;
  int paragraph = 0;
  absl::string_view text;
};

// What carries from one sentence to the next within a section.
struct SectionState {
  // The speaker of the last quote, and the paragraph it was in: a clause
  // with no subject continues it only within that paragraph, a pronoun or
  // a connective (그는, 이어) anywhere in the section.
  std::optional<Speaker> last_speaker;
  int last_paragraph = -1;
  // A person a later sentence named as its subject without quoting them
  // ("강도윤은 기자회견에 나섰다."): a pronoun after it means them.
  std::optional<Speaker> last_person;
  bool last_person_is_newer = false;
};

struct FoundQuote {
  gisa::v1::QuoteKind kind = gisa::v1::QUOTE_KIND_UNSPECIFIED;
  Speaker speaker;
  // The attribution word as written ("말했다", "따르면"); empty for a quote
  // a subject introduces with no attribution word ('X는 “…”.').
  std::string cue;
  // Bytes of the reported content in the paragraph.
  ByteRange text;
};

// The quotes of `paragraph`, in order. Reads and updates `state`. Linear in
// the paragraph's length. Thread-compatible (`splitter` and `state` belong
// to the caller).
std::vector<FoundQuote> ScanParagraph(const SpeakerIndex& index,
                                      const ParagraphRef& paragraph,
                                      SentenceSplitter* splitter,
                                      SectionState* state);

}  // namespace gisa::ingest::quotes

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTES_SCANNER_H_
