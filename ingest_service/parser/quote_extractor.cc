#include "ingest_service/parser/quote_extractor.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "ingest_service/parser/quotes/scanner.h"
#include "ingest_service/parser/quotes/segment.h"
#include "ingest_service/parser/quotes/speakers.h"

namespace gisa::ingest {

void QuoteExtractor::Extract(gisa::v1::Article* article) const {
  article->clear_quotes();
  const quotes::SpeakerIndex index(*article);
  // The ICU iterator has state, so each call gets its own.
  quotes::SentenceSplitter splitter;
  // A summary restating a quote word for word adds no quote.
  absl::flat_hash_set<std::pair<std::string, std::string>> seen;
  for (int s = 0; s < article->sections_size(); ++s) {
    const gisa::v1::Section& section = article->sections(s);
    // FAQ answers are the blog's own words, not anyone's quote.
    if (section.kind() == gisa::v1::SECTION_KIND_FAQ) continue;
    quotes::SectionState state;
    for (int p = 0; p < section.paragraphs_size(); ++p) {
      const quotes::ParagraphRef ref{s, p, section.paragraphs(p).text()};
      for (quotes::FoundQuote& f :
           quotes::ScanParagraph(index, ref, &splitter, &state)) {
        // The speaker is an entity of the article (spec section 2); words
        // from 전문가들 or 일부 감독들 are nobody's to look up.
        if (f.speaker.entity < 0) continue;
        std::string text(
            ref.text.substr(f.text.begin, f.text.end - f.text.begin));
        if (!seen.emplace(f.speaker.name, text).second) continue;
        gisa::v1::Quote& q = *article->add_quotes();
        q.set_speaker(std::move(f.speaker.name));
        q.set_speaker_description(std::move(f.speaker.description));
        q.set_text(std::move(text));
        q.set_kind(f.kind);
        q.set_cue(std::move(f.cue));
        q.set_section(s);
        q.set_paragraph(p);
        q.set_begin(f.text.begin);
        q.set_end(f.text.end);
      }
    }
  }
}

}  // namespace gisa::ingest
