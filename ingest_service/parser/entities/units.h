// The pieces of an article the entity rules read: each heading and
// paragraph as a unit of text, cut into words with their particles.
//
//   std::vector<TextUnit> units = SplitIntoUnits(article);
//   units[0].paragraph;          // -1: the title (section 0's heading)
//   units[1].words[0].stem;      // "미국" of "미국의"
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITIES_UNITS_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITIES_UNITS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

// One way to read a word as name + ending: the first `length` bytes of the
// word, and their MatchKey.
struct WordReading {
  int32_t length = 0;
  std::string key;
};

// One word of a unit: byte offsets into the unit's text, the word as
// written, and its stem and particle (text::SplitParticle).
struct UnitWord {
  int32_t begin = 0;
  int32_t end = 0;
  absl::string_view text;
  absl::string_view stem;
  absl::string_view particle;
  bool all_hangul = false;   // the stem is Hangul syllables only
  int syllables = 0;         // code points of the stem
  // The whole word first, then each particle reading (text::ParticleReadings)
  // and each of those without a noun suffix (들, 측, 발, 산, 형, 전), longest
  // first. Lookups take the first reading they know.
  std::vector<WordReading> readings;
};

// A heading (paragraph == -1) or a paragraph of a section. `text` views the
// article, which must outlive the unit.
struct TextUnit {
  int section = 0;
  int paragraph = -1;
  gisa::v1::SectionKind kind = gisa::v1::SECTION_KIND_UNSPECIFIED;
  absl::string_view text;
  std::vector<UnitWord> words;

  // The text between word i-1 and word i (before word 0 for i == 0, after
  // the last word for i == words.size()).
  absl::string_view Gap(size_t i) const;
  // True when words i-1 and i are separated by white space only.
  bool SpaceBetween(size_t i) const;
};

// Units of every section in reading order: heading, then its paragraphs.
std::vector<TextUnit> SplitIntoUnits(const gisa::v1::Article& article);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITIES_UNITS_H_
