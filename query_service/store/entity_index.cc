#include "query_service/store/entity_index.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace gisa::query {

namespace entity_internal {

// Where an entity sorts in ListEntities: most mentioned first, then by name;
// type and the smallest key make the order total and the same on every
// replica, whatever the order articles were applied in.
struct Rank {
  int64_t mentions = 0;
  std::string name;
  int type = 0;
  std::string min_fold;

  bool operator<(const Rank& other) const {
    return std::forward_as_tuple(other.mentions, name, type, min_fold) <
           std::forward_as_tuple(mentions, other.name, other.type,
                                 other.min_fold);
  }
};

// One key: a folded name or alias of one type.
struct KeyNode {
  std::string fold;
  int type = 0;
  EntityGroup* group = nullptr;
  // Article entities whose canonical name has this key, per article.
  absl::flat_hash_map<const ArticleSlot*, int> occurrences;
  int64_t mention_count = 0;  // of those article entities
  int64_t quote_count = 0;    // quotes attributed to them
  // Written forms with this key: canonical names and aliases, with counts.
  absl::btree_map<std::string, int> names;
  absl::btree_map<std::string, int> aliases;
  // Keys linked to this one by an article entity (name <-> alias), with the
  // number of article entities linking them. Symmetric.
  absl::flat_hash_map<KeyNode*, int> links;

  bool Unused() const {
    return occurrences.empty() && links.empty() && names.empty() &&
           aliases.empty();
  }
  int64_t NameCount() const {
    int64_t n = 0;
    for (const auto& [name, count] : names) n += count;
    return n;
  }
};

// The keys of one article entity.
struct OccurrenceKeys {
  KeyNode* name = nullptr;  // null: the entity is not indexed
  std::vector<KeyNode*> aliases;
};

// Unattributed quotes (speaker names no entity of their article) of one
// folded speaker.
struct SpeakerQuotes {
  absl::btree_map<Recency, int> articles;
  int64_t count = 0;
};

}  // namespace entity_internal

using entity_internal::KeyNode;
using entity_internal::OccurrenceKeys;
using entity_internal::Rank;
using entity_internal::SpeakerQuotes;

// A store entity: a connected set of keys and what their article entities
// add up to. Invariant: articles[slot] is the number of the slot's article
// entities with a name key in `keys`, and `recency` holds (sequence of the
// slot's current version, slot) for each slot in `articles`.
struct EntityGroup {
  std::vector<KeyNode*> keys;
  EntityIndex::ArticlesById articles;
  absl::btree_set<Recency> recency;
  int64_t mention_count = 0;
  int64_t quote_count = 0;  // attributed in-article
  // A link was removed: the keys may no longer be connected.
  bool check_split = false;
  // Changed since `rank` and `aliases` were computed; not in the rankings.
  bool dirty = false;
  Rank rank;
  std::vector<std::string> aliases;

  size_t Weight() const { return keys.size() + articles.size(); }
};

namespace {

constexpr size_t kMaxAliases = 20;
// Rough bytes per structure, for GetStats.
constexpr int64_t kKeyBytes = 320;
constexpr int64_t kGroupBytes = 256;
constexpr int64_t kOccurrenceBytes = 96;

struct KeyId {
  std::string fold;
  int type;
};
struct KeyView {
  absl::string_view fold;
  int type;
};

struct KeyLess {
  using is_transparent = void;
  static KeyView View(const KeyView& k) { return k; }
  static KeyView View(const KeyId& k) { return {k.fold, k.type}; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    const KeyView x = View(a);
    const KeyView y = View(b);
    return x.fold != y.fold ? x.fold < y.fold : x.type < y.type;
  }
};

struct ByRank {
  using is_transparent = void;
  static const Rank& Of(const EntityGroup* g) { return g->rank; }
  static const Rank& Of(const Rank& r) { return r; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return Of(a) < Of(b);
  }
};

using Ranking = absl::btree_set<const EntityGroup*, ByRank>;

template <typename Map, typename Key>
void Decrement(Map& map, const Key& key, int by = 1) {
  auto it = map.find(key);
  if (it == map.end()) return;
  it->second -= by;
  if (it->second <= 0) map.erase(it);
}

std::vector<std::string> RankParts(const Rank& rank) {
  return {absl::StrCat(rank.mentions), rank.name, absl::StrCat(rank.type),
          rank.min_fold};
}

std::optional<Rank> RankFromParts(const std::vector<std::string>& parts) {
  Rank rank;
  if (parts.size() != 4 || !absl::SimpleAtoi(parts[0], &rank.mentions) ||
      !absl::SimpleAtoi(parts[2], &rank.type)) {
    return std::nullopt;
  }
  rank.name = parts[1];
  rank.min_fold = parts[3];
  return rank;
}

// The written form of a key shown for it: its most frequent, then smallest.
template <typename... Maps>
std::pair<std::string, int> MostFrequent(const Maps&... maps) {
  std::pair<std::string, int> best{"", 0};
  auto consider = [&best](const absl::btree_map<std::string, int>& forms) {
    for (const auto& [form, count] : forms) {
      if (count > best.second || (count == best.second && form < best.first)) {
        best = {form, count};
      }
    }
  };
  (consider(maps), ...);
  return best;
}

}  // namespace

struct EntityIndex::State {
  absl::btree_map<KeyId, std::unique_ptr<KeyNode>, KeyLess> keys;
  absl::flat_hash_map<const EntityGroup*, std::unique_ptr<EntityGroup>> groups;
  Ranking ranking;
  absl::flat_hash_map<int, Ranking> ranking_by_type;
  // Per article: the keys of each of its entities, aligned with them.
  absl::flat_hash_map<const ArticleSlot*, std::vector<OccurrenceKeys>>
      article_keys;
  absl::flat_hash_map<std::string, SpeakerQuotes> unattributed;
  int64_t occurrence_count = 0;

  // Work of the Replace in progress.
  absl::flat_hash_set<EntityGroup*> dirty;
  std::vector<KeyNode*> maybe_unused;

  // --- Changes -------------------------------------------------------------

  EntityGroup* NewGroup() {
    auto group = std::make_unique<EntityGroup>();
    EntityGroup* raw = group.get();
    raw->dirty = true;
    dirty.insert(raw);
    groups.emplace(raw, std::move(group));
    return raw;
  }

  void DeleteGroup(EntityGroup* group) {
    dirty.erase(group);
    groups.erase(group);
  }

  // Takes the group out of the rankings until Settle puts it back.
  void Touch(EntityGroup* group) {
    if (group->dirty) return;
    ranking.erase(group);
    ranking_by_type[group->rank.type].erase(group);
    group->dirty = true;
    dirty.insert(group);
  }

  KeyNode* GetOrAddKey(const std::string& fold, int type) {
    auto it = keys.find(KeyView{fold, type});
    if (it != keys.end()) return it->second.get();
    auto node = std::make_unique<KeyNode>();
    KeyNode* raw = node.get();
    raw->fold = fold;
    raw->type = type;
    keys.emplace(KeyId{fold, type}, std::move(node));
    raw->group = NewGroup();
    raw->group->keys.push_back(raw);
    return raw;
  }

  static void Link(KeyNode* a, KeyNode* b, int delta) {
    if (delta > 0) {
      a->links[b] += delta;
      b->links[a] += delta;
    } else {
      Decrement(a->links, b, -delta);
      Decrement(b->links, a, -delta);
    }
  }

  // Moves the lighter group into the heavier; returns the survivor.
  EntityGroup* Merge(EntityGroup* a, EntityGroup* b) {
    if (a == b) return a;
    Touch(a);
    Touch(b);
    if (a->Weight() < b->Weight()) std::swap(a, b);
    for (KeyNode* key : b->keys) {
      key->group = a;
      a->keys.push_back(key);
    }
    for (const Recency& r : b->recency) {
      auto [it, inserted] = a->articles.try_emplace(r.slot, 0);
      it->second += b->articles.at(r.slot);
      if (inserted) a->recency.insert(r);
    }
    a->mention_count += b->mention_count;
    a->quote_count += b->quote_count;
    a->check_split = a->check_split || b->check_split;
    DeleteGroup(b);
    return a;
  }

  OccurrenceKeys AddOccurrence(const ArticleSlot* slot, uint64_t sequence,
                               const PreparedEntity& entity) {
    OccurrenceKeys occurrence;
    KeyNode* name = GetOrAddKey(entity.name_fold, entity.type);
    occurrence.name = name;
    ++name->occurrences[slot];
    name->mention_count += entity.mention_count;
    name->quote_count += entity.quote_count;
    ++name->names[entity.name];
    EntityGroup* group = name->group;
    Touch(group);
    for (size_t i = 0; i < entity.alias_folds.size(); ++i) {
      KeyNode* alias = GetOrAddKey(entity.alias_folds[i], entity.type);
      occurrence.aliases.push_back(alias);
      ++alias->aliases[entity.alias_names[i]];
      Link(name, alias, +1);
      group = Merge(group, alias->group);
    }
    group->mention_count += entity.mention_count;
    group->quote_count += entity.quote_count;
    auto [it, inserted] = group->articles.try_emplace(slot, 0);
    ++it->second;
    if (inserted) group->recency.insert(Recency{sequence, slot});
    ++occurrence_count;
    return occurrence;
  }

  void RemoveOccurrence(const ArticleSlot* slot, uint64_t sequence,
                        const PreparedEntity& entity,
                        const OccurrenceKeys& occurrence) {
    KeyNode* name = occurrence.name;
    EntityGroup* group = name->group;
    Touch(group);
    Decrement(name->occurrences, slot);
    name->mention_count -= entity.mention_count;
    name->quote_count -= entity.quote_count;
    Decrement(name->names, entity.name);
    maybe_unused.push_back(name);
    for (size_t i = 0; i < occurrence.aliases.size(); ++i) {
      KeyNode* alias = occurrence.aliases[i];
      Decrement(alias->aliases, entity.alias_names[i]);
      Link(name, alias, -1);
      group->check_split = true;
      maybe_unused.push_back(alias);
    }
    group->mention_count -= entity.mention_count;
    group->quote_count -= entity.quote_count;
    auto it = group->articles.find(slot);
    if (it != group->articles.end() && --it->second <= 0) {
      group->articles.erase(it);
      group->recency.erase(Recency{sequence, slot});
    }
    --occurrence_count;
  }

  void AddQuotes(const ArticleSlot* slot, const StoredArticle& version) {
    for (const PreparedQuote& quote : version.quotes) {
      if (quote.entity >= 0 || quote.speaker_fold.empty()) continue;
      SpeakerQuotes& quotes = unattributed[quote.speaker_fold];
      ++quotes.articles[Recency{version.sequence, slot}];
      ++quotes.count;
    }
  }

  void RemoveQuotes(const ArticleSlot* slot, const StoredArticle& version) {
    for (const PreparedQuote& quote : version.quotes) {
      if (quote.entity >= 0 || quote.speaker_fold.empty()) continue;
      auto it = unattributed.find(quote.speaker_fold);
      if (it == unattributed.end()) continue;
      Decrement(it->second.articles, Recency{version.sequence, slot});
      if (--it->second.count <= 0) unattributed.erase(it);
    }
  }

  void Index(const ArticleSlot* slot, const StoredArticle& version) {
    std::vector<OccurrenceKeys> occurrences(version.entities.size());
    for (size_t i = 0; i < version.entities.size(); ++i) {
      if (version.entities[i].name_fold.empty()) continue;
      occurrences[i] =
          AddOccurrence(slot, version.sequence, version.entities[i]);
    }
    article_keys[slot] = std::move(occurrences);
    AddQuotes(slot, version);
  }

  void Unindex(const ArticleSlot* slot, const StoredArticle& version) {
    auto it = article_keys.find(slot);
    if (it != article_keys.end()) {
      const std::vector<OccurrenceKeys>& occurrences = it->second;
      for (size_t i = 0; i < occurrences.size(); ++i) {
        if (occurrences[i].name == nullptr) continue;
        RemoveOccurrence(slot, version.sequence, version.entities[i],
                         occurrences[i]);
      }
      article_keys.erase(it);
    }
    RemoveQuotes(slot, version);
  }

  // The group's keys in connected sets (by links).
  static std::vector<std::vector<KeyNode*>> Components(
      const EntityGroup& group) {
    std::vector<std::vector<KeyNode*>> components;
    absl::flat_hash_set<KeyNode*> seen;
    for (KeyNode* start : group.keys) {
      if (!seen.insert(start).second) continue;
      std::vector<KeyNode*> component{start};
      for (size_t i = 0; i < component.size(); ++i) {
        for (const auto& [next, count] : component[i]->links) {
          if (seen.insert(next).second) component.push_back(next);
        }
      }
      components.push_back(std::move(component));
    }
    return components;
  }

  // Regroups a group whose keys are no longer connected: one group per
  // connected set, rebuilt from the keys' article entities.
  void SplitIfDisconnected(EntityGroup* group) {
    std::vector<std::vector<KeyNode*>> components = Components(*group);
    if (components.size() <= 1) return;
    for (const std::vector<KeyNode*>& component : components) {
      EntityGroup* part = NewGroup();
      for (KeyNode* key : component) {
        key->group = part;
        part->keys.push_back(key);
        part->mention_count += key->mention_count;
        part->quote_count += key->quote_count;
        for (const auto& [slot, count] : key->occurrences) {
          auto [it, inserted] = part->articles.try_emplace(slot, 0);
          it->second += count;
          if (inserted) {
            part->recency.insert(Recency{slot->current->sequence, slot});
          }
        }
      }
    }
    DeleteGroup(group);
  }

  void Refresh(EntityGroup* group) {
    KeyNode* best = nullptr;
    int64_t best_count = -1;
    for (KeyNode* key : group->keys) {
      const int64_t count = key->NameCount();
      if (count > best_count ||
          (count == best_count && key->fold < best->fold)) {
        best = key;
        best_count = count;
      }
    }
    Rank rank;
    rank.mentions = group->mention_count;
    rank.type = best->type;
    rank.name = best->names.empty() ? MostFrequent(best->aliases).first
                                    : MostFrequent(best->names).first;
    rank.min_fold = best->fold;
    std::vector<std::pair<int, std::string>> aliases;
    for (KeyNode* key : group->keys) {
      rank.min_fold = std::min(rank.min_fold, key->fold);
      if (key == best) continue;
      auto [form, count] = MostFrequent(key->names, key->aliases);
      aliases.emplace_back(-count, std::move(form));
    }
    std::sort(aliases.begin(), aliases.end());
    if (aliases.size() > kMaxAliases) aliases.resize(kMaxAliases);
    group->aliases.clear();
    for (auto& alias : aliases)
      group->aliases.push_back(std::move(alias.second));
    group->rank = std::move(rank);
  }

  // Finishes a Replace: drops unused keys and empty groups, splits groups
  // that lost a link, and puts every changed group back in the rankings.
  void Settle() {
    std::sort(maybe_unused.begin(), maybe_unused.end());
    maybe_unused.erase(std::unique(maybe_unused.begin(), maybe_unused.end()),
                       maybe_unused.end());
    for (KeyNode* key : maybe_unused) {
      if (!key->Unused()) continue;
      EntityGroup* group = key->group;
      Touch(group);
      group->keys.erase(std::find(group->keys.begin(), group->keys.end(), key));
      keys.erase(keys.find(KeyView{key->fold, key->type}));
    }
    maybe_unused.clear();

    const std::vector<EntityGroup*> changed(dirty.begin(), dirty.end());
    for (EntityGroup* group : changed) {
      if (group->keys.empty()) {
        DeleteGroup(group);
      } else if (group->check_split) {
        group->check_split = false;
        SplitIfDisconnected(group);
      }
    }
    for (EntityGroup* group : dirty) {
      Refresh(group);
      group->dirty = false;
      ranking.insert(group);
      ranking_by_type[group->rank.type].insert(group);
    }
    dirty.clear();
  }

  // --- Lookups -------------------------------------------------------------

  // The best ranked entity with a key of this fold, any type.
  const EntityGroup* Best(absl::string_view fold) const {
    const EntityGroup* best = nullptr;
    for (auto it = keys.lower_bound(KeyView{fold, -1});
         it != keys.end() && it->first.fold == fold; ++it) {
      const EntityGroup* group = it->second->group;
      if (best == nullptr || group->rank < best->rank) best = group;
    }
    return best;
  }

  const EntityGroup* Resolve(const std::vector<std::string>& folds) const {
    for (const std::string& fold : folds) {
      if (const EntityGroup* group = Best(fold)) return group;
    }
    return nullptr;
  }

  // The folds of `group` under which unattributed quotes count for it.
  template <typename Fn>
  void ForEachSpeakerFold(const EntityGroup& group, Fn fn) const {
    for (const KeyNode* key : group.keys) {
      auto it = unattributed.find(key->fold);
      if (it != unattributed.end() && Best(key->fold) == &group) {
        fn(it->second, key->fold);
      }
    }
  }

  bool InGroup(const ArticleSlot* slot, int entity,
               const EntityGroup& group) const {
    auto it = article_keys.find(slot);
    if (it == article_keys.end() || entity < 0 ||
        entity >= static_cast<int>(it->second.size())) {
      return false;
    }
    const KeyNode* name = it->second[entity].name;
    return name != nullptr && name->group == &group;
  }
};

EntityIndex::EntityIndex() : state_(std::make_unique<State>()) {}
EntityIndex::~EntityIndex() = default;

void EntityIndex::Replace(const ArticleSlot* slot,
                          const StoredArticle* previous) {
  if (previous != nullptr) state_->Unindex(slot, *previous);
  state_->Index(slot, *slot->current);
  state_->Settle();
}

const EntityGroup* EntityIndex::Resolve(absl::string_view name) const {
  return state_->Resolve(LookupFolds(name));
}

gisa::v1::EntitySummary EntityIndex::Summary(const EntityGroup& entity) const {
  gisa::v1::EntitySummary summary;
  summary.set_name(entity.rank.name);
  summary.set_type(static_cast<gisa::v1::EntityType>(entity.rank.type));
  for (const std::string& alias : entity.aliases) summary.add_aliases(alias);
  summary.set_article_count(static_cast<int32_t>(entity.articles.size()));
  summary.set_mention_count(static_cast<int32_t>(entity.mention_count));
  int64_t quotes = entity.quote_count;
  state_->ForEachSpeakerFold(
      entity, [&quotes](const SpeakerQuotes& q, const std::string&) {
        quotes += q.count;
      });
  summary.set_quote_count(static_cast<int32_t>(quotes));
  return summary;
}

const EntityIndex::ArticlesById& EntityIndex::Articles(
    const EntityGroup& entity) const {
  return entity.articles;
}

absl::StatusOr<EntityIndex::ListPage> EntityIndex::List(
    const ListFilter& filter,
    const std::optional<std::vector<std::string>>& after,
    int32_t page_size) const {
  std::optional<Rank> cursor;
  if (after.has_value()) {
    cursor = RankFromParts(*after);
    if (!cursor.has_value()) {
      return absl::InvalidArgumentError("page_token is not valid");
    }
  }
  const State& s = *state_;
  auto wanted = [&filter](const EntityGroup* group) {
    if (filter.type != 0 && group->rank.type != filter.type) return false;
    if (filter.name_prefix_fold.empty()) return true;
    return std::any_of(
        group->keys.begin(), group->keys.end(), [&filter](const KeyNode* key) {
          return absl::StartsWith(key->fold, filter.name_prefix_fold);
        });
  };

  ListPage page;
  // Fills the page from [begin, end), ranked; notes where the next starts.
  auto take = [this, &page, page_size](auto begin, auto end) {
    for (auto it = begin; it != end; ++it) {
      if (static_cast<int32_t>(page.entities.size()) == page_size) {
        page.next_after = RankParts((*std::prev(it))->rank);
        return;
      }
      page.entities.push_back(Summary(**it));
    }
  };

  if (!filter.by_article && filter.name_prefix_fold.empty()) {
    // The whole ranking (of one type): no need to collect candidates.
    static const Ranking kEmpty;
    const Ranking* ranking = &s.ranking;
    if (filter.type != 0) {
      auto it = s.ranking_by_type.find(filter.type);
      ranking = it == s.ranking_by_type.end() ? &kEmpty : &it->second;
    }
    page.total_size = static_cast<int32_t>(ranking->size());
    take(cursor ? ranking->upper_bound(*cursor) : ranking->begin(),
         ranking->end());
    return page;
  }

  std::vector<const EntityGroup*> candidates;
  absl::flat_hash_set<const EntityGroup*> seen;
  auto consider = [&](const EntityGroup* group) {
    if (seen.insert(group).second && wanted(group)) candidates.push_back(group);
  };
  if (filter.by_article) {
    auto it = filter.article ? s.article_keys.find(filter.article)
                             : s.article_keys.end();
    if (it != s.article_keys.end()) {
      for (const OccurrenceKeys& occurrence : it->second) {
        if (occurrence.name != nullptr) consider(occurrence.name->group);
      }
    }
  } else {
    for (auto it = s.keys.lower_bound(KeyView{filter.name_prefix_fold, -1});
         it != s.keys.end() &&
         absl::StartsWith(it->first.fold, filter.name_prefix_fold);
         ++it) {
      consider(it->second->group);
    }
  }
  std::sort(candidates.begin(), candidates.end(), ByRank());
  page.total_size = static_cast<int32_t>(candidates.size());
  take(cursor ? std::upper_bound(candidates.begin(), candidates.end(), *cursor,
                                 ByRank())
              : candidates.begin(),
       candidates.end());
  return page;
}

std::vector<EntityIndex::ArticleEntities> EntityIndex::NewestArticles(
    const EntityGroup& entity, size_t max_mentions) const {
  std::vector<ArticleEntities> result;
  size_t mentions = 0;
  for (const Recency& r : entity.recency) {
    if (mentions >= max_mentions) break;
    ArticleEntities found{r.slot->current, {}};
    const std::vector<PreparedEntity>& entities = found.article->entities;
    for (size_t i = 0; i < entities.size(); ++i) {
      if (!state_->InGroup(r.slot, static_cast<int>(i), entity)) continue;
      found.entities.push_back(static_cast<int>(i));
      mentions += static_cast<size_t>(entities[i].mention_count);
    }
    if (!found.entities.empty()) result.push_back(std::move(found));
  }
  return result;
}

std::vector<gisa::v1::CooccurringEntity> EntityIndex::Cooccurring(
    const EntityGroup& entity, size_t limit) const {
  absl::flat_hash_map<const EntityGroup*, int> shared;
  size_t scanned = 0;
  for (const Recency& r : entity.recency) {
    if (scanned++ == kCooccurrenceScanArticles) break;
    auto it = state_->article_keys.find(r.slot);
    if (it == state_->article_keys.end()) continue;
    std::vector<const EntityGroup*> in_article;
    for (const OccurrenceKeys& occurrence : it->second) {
      if (occurrence.name == nullptr) continue;
      const EntityGroup* other = occurrence.name->group;
      if (other == &entity || std::find(in_article.begin(), in_article.end(),
                                        other) != in_article.end()) {
        continue;
      }
      in_article.push_back(other);
      ++shared[other];
    }
  }
  std::vector<std::pair<int, const EntityGroup*>> ranked;
  ranked.reserve(shared.size());
  for (const auto& [group, count] : shared) ranked.emplace_back(count, group);
  const size_t n = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end(),
                    [](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return a.second->rank < b.second->rank;
                    });
  std::vector<gisa::v1::CooccurringEntity> result;
  for (size_t i = 0; i < n; ++i) {
    gisa::v1::CooccurringEntity& c = result.emplace_back();
    c.set_name(ranked[i].second->rank.name);
    c.set_type(static_cast<gisa::v1::EntityType>(ranked[i].second->rank.type));
    c.set_article_count(ranked[i].first);
  }
  return result;
}

std::vector<EntityIndex::ArticleQuotes> EntityIndex::QuotesBySpeaker(
    absl::string_view name) const {
  const State& s = *state_;
  const std::vector<std::string> folds = LookupFolds(name);
  absl::btree_map<Recency, std::vector<int>> picked;
  // Unattributed quotes of one folded speaker.
  auto add_unattributed = [&picked](const SpeakerQuotes& quotes,
                                    const std::string& fold) {
    for (const auto& [r, count] : quotes.articles) {
      const std::vector<PreparedQuote>& all = r.slot->current->quotes;
      for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].entity < 0 && all[i].speaker_fold == fold) {
          picked[r].push_back(static_cast<int>(i));
        }
      }
    }
  };

  if (const EntityGroup* entity = s.Resolve(folds)) {
    for (const Recency& r : entity->recency) {
      const std::vector<PreparedQuote>& all = r.slot->current->quotes;
      for (size_t i = 0; i < all.size(); ++i) {
        if (s.InGroup(r.slot, all[i].entity, *entity)) {
          picked[r].push_back(static_cast<int>(i));
        }
      }
    }
    s.ForEachSpeakerFold(*entity, add_unattributed);
  } else {
    for (const std::string& fold : folds) {
      auto it = s.unattributed.find(fold);
      if (it == s.unattributed.end()) continue;
      add_unattributed(it->second, fold);
      break;
    }
  }

  std::vector<ArticleQuotes> result;
  result.reserve(picked.size());
  for (auto& [r, quotes] : picked) {
    std::sort(quotes.begin(), quotes.end());
    quotes.erase(std::unique(quotes.begin(), quotes.end()), quotes.end());
    result.push_back(ArticleQuotes{r.slot->current, std::move(quotes)});
  }
  return result;
}

size_t EntityIndex::size() const { return state_->groups.size(); }

int64_t EntityIndex::ApproximateBytes() const {
  return static_cast<int64_t>(state_->keys.size()) * kKeyBytes +
         static_cast<int64_t>(state_->groups.size()) * kGroupBytes +
         state_->occurrence_count * kOccurrenceBytes;
}

}  // namespace gisa::query
