// One stored article version with everything the store's indexes need,
// computed before the store takes its write lock.
//
//   std::shared_ptr<const StoredArticle> v = PrepareArticle(record);
//   // v->entities[i].name_fold, v->checksum, ... ; then, under the lock,
//   // the store indexes v and points the article's slot at it.
#ifndef GISA_QUERY_SERVICE_STORE_STORED_ARTICLE_H_
#define GISA_QUERY_SERVICE_STORE_STORED_ARTICLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"
#include "gisa/v1/ingest_service.pb.h"
#include "shared/text/analyzer.h"

namespace gisa::query {

// An article's Entity as the entity index sees it.
struct PreparedEntity {
  // FoldForMatch of the trimmed canonical name; empty: not indexed.
  std::string name_fold;
  // The trimmed canonical name as written.
  std::string name;
  int type = 0;  // gisa::v1::EntityType
  // Folded aliases, distinct and different from name_fold, with the written
  // form of each.
  std::vector<std::string> alias_folds;
  std::vector<std::string> alias_names;
  int mention_count = 0;
  // Quotes of the article attributed to this entity (PreparedQuote::entity).
  int quote_count = 0;
};

// An article's Quote as the quote listing sees it.
struct PreparedQuote {
  // Index into the article's entities of the speaker, or -1 when the speaker
  // names none of them.
  int entity = -1;
  // FoldForMatch of the trimmed speaker; empty when there is none.
  std::string speaker_fold;
  // The quote text as MatchesQuery wants it.
  text::TextTerms match_text;
};

// An immutable article version. Readers copy the shared_ptr under the
// store's lock and read it after releasing the lock.
struct StoredArticle {
  std::shared_ptr<const gisa::v1::Article> article;
  // Log sequence at which this version was applied; newer is larger.
  uint64_t sequence = 0;
  // ToNfc of the category; lower-cased language tag.
  std::string category;
  std::string language;
  // Aligned with article->entities() and article->quotes().
  std::vector<PreparedEntity> entities;
  std::vector<PreparedQuote> quotes;
  // First 8 bytes of SHA-256 of the deterministic serialization.
  uint64_t checksum = 0;
  // Approximate bytes held by this version.
  int64_t space_used = 0;
};

// Everything the indexes need from `record`, whose article must have an id.
// Pure: no store state is read. Thread-safe.
std::shared_ptr<const StoredArticle> PrepareArticle(
    const gisa::v1::LogRecord& record);

// The folded keys a name written by a reader may be stored under, most
// literal first: the name as is, then without the particle StripParticle
// finds on its last word ("엔비디아가" -> "엔비디아"), then the word's other
// readings as stem + particle. Distinct; empty for a blank name.
// Thread-safe.
std::vector<std::string> LookupFolds(absl::string_view name);

// The article's id, stable across its versions, and the version the store
// currently holds. Slots are never freed while the store lives, so indexes
// may hold pointers to them.
struct ArticleSlot {
  explicit ArticleSlot(std::string article_id) : id(std::move(article_id)) {}
  const std::string id;
  std::shared_ptr<const StoredArticle> current;
};

// Orders slots by article id; lookups may also pass an id.
struct SlotById {
  using is_transparent = void;
  bool operator()(const ArticleSlot* a, const ArticleSlot* b) const {
    return a->id < b->id;
  }
  bool operator()(const ArticleSlot* a, absl::string_view b) const {
    return a->id < b;
  }
  bool operator()(absl::string_view a, const ArticleSlot* b) const {
    return a < b->id;
  }
};

// An article version's place in "newest first" order.
struct Recency {
  uint64_t sequence;
  const ArticleSlot* slot;
  // Newest first; a sequence belongs to one version, so it decides.
  bool operator<(const Recency& other) const {
    return sequence > other.sequence;
  }
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_STORED_ARTICLE_H_
