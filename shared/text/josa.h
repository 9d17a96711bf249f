// Korean particles (josa): telling a word from the particle that follows it.
//
// Used by the entity extractor when it reads names, and by every lookup, so
// that "엔비디아가", "엔비디아의" and "엔비디아" find one entity.
//
//   gisa::text::StripParticle("엔비디아가") == "엔비디아"
//   gisa::text::StripParticle("한국은행")  == "한국은행"  // 행 is no particle
//   gisa::text::StripParticle("서울에서는") == "서울"      // compound particle
//   gisa::text::StripParticle("대가")      == "대가"      // a noun, not 대 + 가
//
// A particle is taken off only where it agrees with the last syllable of what
// precedes it: 은/이/을/과/으로 follow a final consonant (받침), 는/가/를/와/로
// follow a vowel (로 also follows ㄹ: 서울로), the rest follow either. After a
// Latin letter or a digit (SK하이닉스는, WSJ가, 팰컨9은) either form is
// accepted, since the pronunciation is unknown. A short built-in list keeps
// common nouns that merely end like a particle whole (국가, 정도, 회의, 결과,
// 인도, 대만, 함께 ...).
#ifndef GISA_SHARED_TEXT_JOSA_H_
#define GISA_SHARED_TEXT_JOSA_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace gisa::text {

// A word cut into its stem and the particle that follows it; `particle` is
// empty when there is none. Both are views into the word.
struct ParticleSplit {
  absl::string_view stem;
  absl::string_view particle;
};

// `word` (one space-free token, NFC) without a trailing particle, including
// compound ones (에서는, 으로부터, 조차도). A particle is only removed where
// it agrees with the final consonant (받침) of what precedes it and leaves a
// stem of at least one syllable. Returns a view into `word`. Thread-safe.
absl::string_view StripParticle(absl::string_view word);

// Like StripParticle, and also says which particle was removed.
// Thread-safe.
ParticleSplit SplitParticle(absl::string_view word);

// Every reading of `word` as stem + particle that agrees with 받침, the
// whole word first, then longer stems before shorter ones. Callers that know
// more (a lexicon of names) pick the first reading they recognise; the
// built-in list of nouns is not consulted here. Thread-safe.
std::vector<ParticleSplit> ParticleReadings(absl::string_view word);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_JOSA_H_
