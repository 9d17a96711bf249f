// Korean particles (josa): telling a word from the particle that follows it.
//
// Used by the entity extractor when it reads names, and by every lookup, so
// that "엔비디아가", "엔비디아의" and "엔비디아" find one entity.
//
//   gisa::text::StripParticle("엔비디아가") == "엔비디아"
//   gisa::text::StripParticle("한국은행")  == "한국은행"  // 행 is no particle
#ifndef GISA_SHARED_TEXT_JOSA_H_
#define GISA_SHARED_TEXT_JOSA_H_

#include "absl/strings/string_view.h"

namespace gisa::text {

// `word` (one space-free token, NFC) without a trailing particle, including
// compound ones (에서는, 으로부터, 조차도). A particle is only removed where
// it agrees with the final consonant (받침) of what precedes it and leaves a
// stem of at least one syllable. Returns a view into `word`. Thread-safe.
absl::string_view StripParticle(absl::string_view word);

}  // namespace gisa::text

#endif  // GISA_SHARED_TEXT_JOSA_H_
