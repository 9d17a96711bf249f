#include "shared/text/josa.h"

#include "absl/strings/match.h"

namespace gisa::text {

// Placeholder until the entity work lands: the commonest particles only.
absl::string_view StripParticle(absl::string_view word) {
  for (absl::string_view p : {"에서는", "으로", "에서", "은", "는", "이", "가",
                              "을", "를", "의", "와", "과", "도", "로", "에"}) {
    if (word.size() > p.size() && absl::EndsWith(word, p)) {
      return word.substr(0, word.size() - p.size());
    }
  }
  return word;
}

}  // namespace gisa::text
