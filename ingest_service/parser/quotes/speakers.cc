#include "ingest_service/parser/quotes/speakers.h"

#include <algorithm>

#include "absl/strings/str_split.h"
#include "shared/text/normalize.h"

namespace gisa::ingest::quotes {
namespace {

constexpr int kSyllable = 3;

bool IsHangulSyllables(absl::string_view s) {
  if (s.empty() || s.size() % kSyllable != 0) return false;
  for (size_t i = 0; i < s.size(); i += kSyllable) {
    // U+AC00..U+D7A3 is EA B0 80 .. ED 9E A3 in UTF-8.
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0xEA || b0 > 0xED) return false;
  }
  return true;
}

}  // namespace

SpeakerIndex::SpeakerIndex(const gisa::v1::Article& article)
    : article_(&article) {
  for (int i = 0; i < article.entities_size(); ++i) {
    const gisa::v1::Entity& e = article.entities(i);
    // The first entity to claim a spelling keeps it.
    by_name_.try_emplace(text::FoldForMatch(e.name()), i);
    for (const std::string& alias : e.aliases()) {
      by_name_.try_emplace(text::FoldForMatch(alias), i);
    }
    for (const gisa::v1::Mention& m : e.mentions()) {
      mentions_[Key(m.section(), m.paragraph())].push_back(
          {m.begin(), m.end(), i});
    }
    if (e.type() != gisa::v1::ENTITY_TYPE_PERSON) continue;
    std::vector<std::string> names = {e.name()};
    names.insert(names.end(), e.aliases().begin(), e.aliases().end());
    for (const std::string& name : names) {
      std::vector<absl::string_view> parts =
          absl::StrSplit(name, ' ', absl::SkipEmpty());
      if (parts.size() > 1) {
        for (absl::string_view part : parts) {
          by_part_[text::FoldForMatch(part)].push_back(i);
        }
      } else if (IsHangulSyllables(name) && name.size() >= 2 * kSyllable &&
                 name.size() <= 3 * kSyllable) {
        // A Korean name: surname and given name (정태윤 -> 정).
        by_part_[name.substr(0, kSyllable)].push_back(i);
      }
    }
  }
  for (auto& [key, list] : mentions_) {
    std::sort(list.begin(), list.end(),
              [](const Mention& a, const Mention& b) {
                return a.begin < b.begin;
              });
  }
  for (auto& [key, list] : by_part_) {
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

int SpeakerIndex::EntityAt(int section, int paragraph, int begin,
                           int end) const {
  auto it = mentions_.find(Key(section, paragraph));
  if (it == mentions_.end()) return -1;
  const std::vector<Mention>& list = it->second;
  // The last mentions that start before `end`; mentions of one paragraph
  // rarely nest, so looking back a few is enough.
  auto upper = std::upper_bound(
      list.begin(), list.end(), end,
      [](int value, const Mention& m) { return value <= m.begin; });
  int best = -1;
  int best_len = 0;
  for (int k = 0; k < 4 && upper != list.begin(); ++k) {
    --upper;
    if (upper->end > begin && upper->end - upper->begin > best_len) {
      best = upper->entity;
      best_len = upper->end - upper->begin;
    }
  }
  return best;
}

int SpeakerIndex::EntityNamed(absl::string_view text) const {
  if (text.empty()) return -1;
  auto it = by_name_.find(text::FoldForMatch(text));
  return it == by_name_.end() ? -1 : it->second;
}

const std::vector<int>& SpeakerIndex::PersonsWithPart(
    absl::string_view part) const {
  static const std::vector<int>* const kNone = new std::vector<int>();
  auto it = by_part_.find(IsHangulSyllables(part) && part.size() == kSyllable
                              ? std::string(part)
                              : text::FoldForMatch(part));
  return it == by_part_.end() ? *kNone : it->second;
}

std::optional<SpeakerIndex::Place> SpeakerIndex::LastMentionBefore(
    int entity, const Place& place) const {
  std::optional<Place> last;
  for (const gisa::v1::Mention& m : article_->entities(entity).mentions()) {
    const Place here{m.section(), m.paragraph(), m.begin()};
    if (here < place && (!last || *last < here)) last = here;
  }
  return last;
}

}  // namespace gisa::ingest::quotes
