// Entities across the store: the articles' Entity records merged into store
// entities, and the speakers of their quotes.
//
// Every article entity is indexed under keys (type, FoldForMatch(name)) and
// (type, FoldForMatch(alias)) for each alias. A store entity is a connected
// set of keys: two article entities are one when they share a key, i.e. the
// same canonical name and type, or a name or alias linking them. Merging and
// splitting happen incrementally as articles are applied and replaced; the
// work per Apply is proportional to the entities touched, except when a
// replaced version removes the last link between two spellings and the
// entity splits (rare: then the entity's occurrences are regrouped).
//
//   EntityIndex index;
//   index.Replace(slot, previous_version);  // under the store's write lock
//   const EntityGroup* e = index.Resolve("엔비디아가");  // under a read lock
//   gisa::v1::EntitySummary s = index.Summary(*e);
//
// Not thread-safe: the store calls Replace under its write lock and the
// const methods under (at least) its read lock.
#ifndef GISA_QUERY_SERVICE_STORE_ENTITY_INDEX_H_
#define GISA_QUERY_SERVICE_STORE_ENTITY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/query_service.pb.h"
#include "query_service/store/stored_article.h"

namespace gisa::query {

// A store entity. Opaque; valid until the next Replace.
struct EntityGroup;

class EntityIndex {
 public:
  // Articles of an entity by id, each with its number of article entities in
  // the store entity.
  using ArticlesById = absl::btree_map<const ArticleSlot*, int, SlotById>;

  // Which entities ListEntities wants; empty fields do not filter.
  struct ListFilter {
    int type = 0;  // gisa::v1::EntityType; 0: every type
    std::string name_prefix_fold;
    bool by_article = false;
    const ArticleSlot* article = nullptr;  // with by_article; null: unknown
  };

  struct ListPage {
    std::vector<gisa::v1::EntitySummary> entities;
    int32_t total_size = 0;
    // Sort key of the last entity returned when more follow.
    std::optional<std::vector<std::string>> next_after;
  };

  // An article version's entities that belong to one store entity.
  struct ArticleEntities {
    std::shared_ptr<const StoredArticle> article;
    std::vector<int> entities;  // indexes into article->entities
  };

  // An article version's quotes selected by speaker.
  struct ArticleQuotes {
    std::shared_ptr<const StoredArticle> article;
    std::vector<int> quotes;  // indexes into article->quotes, ascending
  };

  EntityIndex();
  ~EntityIndex();
  EntityIndex(const EntityIndex&) = delete;
  EntityIndex& operator=(const EntityIndex&) = delete;

  // Indexes slot->current in place of `previous` (the version the slot held
  // before; null for a new article). slot->current must already be set.
  void Replace(const ArticleSlot* slot, const StoredArticle* previous);

  // The store entity a reader's name means: the name as is, then without a
  // particle; by name or alias, case and width insensitive. Where a key has
  // entities of several types, the most mentioned. Null when none.
  const EntityGroup* Resolve(absl::string_view name) const;

  gisa::v1::EntitySummary Summary(const EntityGroup& entity) const;
  const ArticlesById& Articles(const EntityGroup& entity) const;

  // One page of entities after `after` (a next_after of an earlier page),
  // most mentioned first, ties by name. INVALID_ARGUMENT for an `after` not
  // made by this class. The order follows counts, so an entity whose count
  // changes between two pages may be skipped or seen twice.
  absl::StatusOr<ListPage> List(
      const ListFilter& filter,
      const std::optional<std::vector<std::string>>& after,
      int32_t page_size) const;

  // The entity's articles, newest first, until they hold at least
  // `max_mentions` mentions.
  std::vector<ArticleEntities> NewestArticles(const EntityGroup& entity,
                                              size_t max_mentions) const;

  // Entities sharing articles with `entity`, most shared articles first
  // (ties by rank), at most `limit`. Counted over the entity's newest
  // kCooccurrenceScanArticles articles.
  std::vector<gisa::v1::CooccurringEntity> Cooccurring(
      const EntityGroup& entity, size_t limit) const;
  static constexpr size_t kCooccurrenceScanArticles = 2000;

  // Quotes whose speaker is `name`, resolved like Resolve; where no entity
  // matches, quotes whose folded speaker is the name's. Newest article first.
  std::vector<ArticleQuotes> QuotesBySpeaker(absl::string_view name) const;

  // Store entities.
  size_t size() const;
  // Approximate bytes of the index.
  int64_t ApproximateBytes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_ENTITY_INDEX_H_
