#include "ingest_service/parser/entities/units.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/entities/lexicon.h"
#include "shared/text/hangul.h"
#include "shared/text/josa.h"
#include "shared/text/normalize.h"
#include "shared/text/word_spans.h"

namespace gisa::ingest {
namespace {

// Endings that attach to a name before its particle: 기업들, 엔비디아 측은,
// 중국발, 중국산, 한국형, 일본전, 인천행, 한국시간, 충남지역, 런던올림픽,
// 부산출신, 이현도씨. A reading without them is looked up only as a known name.
constexpr absl::string_view kNounSuffixes[] = {
    "들",   "측",   "발",   "산",     "형",   "전",   "행",   "시간",
    "시각", "지역", "출신", "올림픽", "전역", "시내", "일대", "현지",
    "씨"};

std::vector<WordReading> Readings(absl::string_view word) {
  std::vector<WordReading> readings;
  std::vector<text::ParticleSplit> splits = text::ParticleReadings(word);
  for (const text::ParticleSplit& split : splits) {
    readings.push_back({static_cast<int32_t>(split.stem.size()),
                        MatchKey(split.stem)});
  }
  for (const text::ParticleSplit& split : splits) {
    for (absl::string_view suffix : kNounSuffixes) {
      absl::string_view stem = split.stem;
      if (absl::ConsumeSuffix(&stem, suffix) &&
          text::CodePointCount(stem) >= 2) {
        readings.push_back({static_cast<int32_t>(stem.size()),
                            MatchKey(stem)});
      }
    }
  }
  return readings;
}

// V-리그, K-팝, FA-50, KF-21: a hyphen after a single Latin letter, or
// between Latin and digits, is inside a name; 한-미 and LG-삼성 are two.
std::vector<text::WordSpan> JoinHyphenatedNames(
    absl::string_view text, std::vector<text::WordSpan> spans) {
  std::vector<text::WordSpan> out;
  for (const text::WordSpan& span : spans) {
    if (!out.empty() && span.begin == out.back().end + 1 &&
        text[out.back().end] == '-') {
      const absl::string_view left =
          text.substr(out.back().begin, out.back().end - out.back().begin);
      const absl::string_view right =
          text.substr(span.begin, span.end - span.begin);
      const bool letter = left.size() == 1 && absl::ascii_isalpha(left[0]);
      const bool digits = std::all_of(right.begin(), right.end(), [](char c) {
        return absl::ascii_isdigit(static_cast<unsigned char>(c));
      });
      const bool model = absl::ascii_isalpha(left.back()) && digits;
      if (letter || model) {
        out.back().end = span.end;
        continue;
      }
    }
    out.push_back(span);
  }
  return out;
}

TextUnit MakeUnit(int section, int paragraph, gisa::v1::SectionKind kind,
                  absl::string_view text) {
  TextUnit unit;
  unit.section = section;
  unit.paragraph = paragraph;
  unit.kind = kind;
  unit.text = text;
  for (const text::WordSpan& span :
       JoinHyphenatedNames(text, text::SplitWords(text))) {
    UnitWord w;
    w.begin = span.begin;
    w.end = span.end;
    w.text = text.substr(span.begin, span.end - span.begin);
    // No particle stands before a parenthesis: 루미나(LUMINA) is whole, not
    // 루미 + 나.
    const bool before_paren =
        static_cast<size_t>(span.end) < text.size() && text[span.end] == '(';
    const text::ParticleSplit split =
        before_paren ? text::ParticleSplit{w.text, {}}
                     : text::SplitParticle(w.text);
    w.stem = split.stem;
    w.particle = split.particle;
    w.all_hangul = text::IsAllHangul(w.stem);
    w.syllables = text::CodePointCount(w.stem);
    w.readings = Readings(w.text);
    unit.words.push_back(w);
  }
  return unit;
}

}  // namespace

absl::string_view TextUnit::Gap(size_t i) const {
  const int32_t from = i == 0 ? 0 : words[i - 1].end;
  const int32_t to =
      i < words.size() ? words[i].begin : static_cast<int32_t>(text.size());
  return text.substr(from, to - from);
}

bool TextUnit::SpaceBetween(size_t i) const {
  if (i == 0 || i >= words.size()) return false;
  const absl::string_view gap = Gap(i);
  return !gap.empty() && text::TrimSpace(gap).empty();
}

std::vector<TextUnit> SplitIntoUnits(const gisa::v1::Article& article) {
  std::vector<TextUnit> units;
  for (int s = 0; s < article.sections_size(); ++s) {
    const gisa::v1::Section& section = article.sections(s);
    if (!section.heading().empty()) {
      units.push_back(MakeUnit(s, -1, section.kind(), section.heading()));
    }
    for (int p = 0; p < section.paragraphs_size(); ++p) {
      units.push_back(
          MakeUnit(s, p, section.kind(), section.paragraphs(p).text()));
    }
  }
  return units;
}

}  // namespace gisa::ingest
