#include "query_service/store/article_store.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/btree_map.h"
#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "query_service/store/entity_index.h"
#include "query_service/store/faq_index.h"
#include "query_service/store/page_token.h"
#include "query_service/store/query_match.h"
#include "query_service/store/snippet.h"
#include "query_service/store/stored_article.h"
#include "shared/text/normalize.h"

namespace gisa::query {
namespace {

constexpr PageSpec kArticlePages{20, 100};
constexpr PageSpec kEntityPages{20, 100};
constexpr PageSpec kQuotePages{20, 100};
constexpr PageSpec kFaqResults{10, 50};
constexpr PageSpec kEntityMentions{50, 500};
constexpr size_t kCooccurringEntities = 10;
// Rough bytes per article of the store's own indexes, for GetStats.
constexpr int64_t kArticleIndexBytes = 256;

using SlotSet = absl::btree_set<const ArticleSlot*, SlotById>;

absl::Status BadToken() {
  return absl::InvalidArgumentError("page_token is not valid");
}

// Where a quote sorts in ListQuotes: newest article first, then in article
// order.
struct QuotePosition {
  uint64_t sequence = 0;
  int index = 0;
  bool Before(uint64_t other_sequence, int other_index) const {
    return sequence != other_sequence ? sequence > other_sequence
                                      : index < other_index;
  }
};

std::optional<QuotePosition> QuotePositionFromKey(
    const std::vector<std::string>& key) {
  QuotePosition position;
  if (key.size() != 2 || !absl::SimpleAtoi(key[0], &position.sequence) ||
      !absl::SimpleAtoi(key[1], &position.index)) {
    return std::nullopt;
  }
  return position;
}

// Quotes to page through: an article version and which of its quotes
// passed the filters checked so far.
struct QuoteCandidate {
  std::shared_ptr<const StoredArticle> article;
  bool all = false;
  std::vector<int> quotes;  // ascending; unused when `all`
};
// Newest article first.
using QuoteCandidates = std::vector<QuoteCandidate>;

struct QuotePage {
  std::vector<std::pair<std::shared_ptr<const StoredArticle>, int>> quotes;
  int32_t total_size = 0;
  bool more = false;
};

// Pages through `candidates` keeping the quotes that match `terms`: counts
// every match, returns up to `size` after `after`.
QuotePage PageQuotes(const QuoteCandidates& candidates,
                     const std::optional<QuotePosition>& after,
                     const QueryTerms& terms, int32_t size) {
  QuotePage page;
  auto consider = [&](const std::shared_ptr<const StoredArticle>& article,
                      int index) {
    if (!MatchesQuery(terms, article->quotes[index].match_text)) return;
    ++page.total_size;
    if (after && !after->Before(article->sequence, index)) return;
    if (static_cast<int32_t>(page.quotes.size()) < size) {
      page.quotes.emplace_back(article, index);
    } else {
      page.more = true;
    }
  };
  for (const QuoteCandidate& candidate : candidates) {
    if (!candidate.all) {
      for (int index : candidate.quotes) consider(candidate.article, index);
      continue;
    }
    const int n = static_cast<int>(candidate.article->quotes.size());
    for (int index = 0; index < n; ++index) consider(candidate.article, index);
  }
  return page;
}

// The mentions of the given article entities in reading order.
std::vector<const gisa::v1::Mention*> MentionsInOrder(
    const gisa::v1::Article& article, const std::vector<int>& entities) {
  std::vector<const gisa::v1::Mention*> mentions;
  for (int e : entities) {
    for (const gisa::v1::Mention& m : article.entities(e).mentions()) {
      mentions.push_back(&m);
    }
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const gisa::v1::Mention* a, const gisa::v1::Mention* b) {
              return std::make_tuple(a->section(), a->paragraph(), a->begin(),
                                     a->end()) <
                     std::make_tuple(b->section(), b->paragraph(), b->begin(),
                                     b->end());
            });
  return mentions;
}

std::string SnippetFor(const gisa::v1::Article& article,
                       const gisa::v1::Mention& mention) {
  if (mention.section() < 0 || mention.section() >= article.sections_size()) {
    return mention.text();
  }
  const gisa::v1::Section& section = article.sections(mention.section());
  if (mention.paragraph() < 0 ||
      mention.paragraph() >= section.paragraphs_size()) {
    return mention.text();
  }
  return MentionSnippet(section.paragraphs(mention.paragraph()).text(),
                        mention.begin(), mention.end());
}

}  // namespace

class ArticleStore::Impl {
 public:
  absl::Status Apply(const gisa::v1::LogRecord& record);
  uint64_t last_applied_sequence() const;
  bool WaitForSequence(uint64_t sequence, absl::Duration timeout) const;
  absl::StatusOr<gisa::v1::Article> GetArticle(
      const gisa::v1::GetArticleRequest& request) const;
  absl::StatusOr<gisa::v1::ListArticlesResponse> ListArticles(
      const gisa::v1::ListArticlesRequest& request) const;
  absl::StatusOr<gisa::v1::ListEntitiesResponse> ListEntities(
      const gisa::v1::ListEntitiesRequest& request) const;
  absl::StatusOr<gisa::v1::GetEntityResponse> GetEntity(
      const gisa::v1::GetEntityRequest& request) const;
  absl::StatusOr<gisa::v1::ListQuotesResponse> ListQuotes(
      const gisa::v1::ListQuotesRequest& request) const;
  absl::StatusOr<gisa::v1::SearchFaqResponse> SearchFaq(
      const gisa::v1::SearchFaqRequest& request) const;
  gisa::v1::GetStatsResponse GetStats() const;
  Contents Export() const;

 private:
  // Adds (sign +1) or removes (-1) a version in the article-level indexes
  // and totals.
  void UpdateArticleIndexes(const ArticleSlot* slot,
                            const StoredArticle& version, int sign)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  const ArticleSlot* FindSlot(absl::string_view id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  // Every article by id; slots are never removed.
  absl::btree_map<std::string, std::unique_ptr<ArticleSlot>> articles_
      ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, SlotSet> by_category_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, SlotSet> by_language_ ABSL_GUARDED_BY(mu_);
  // Articles with at least one quote, newest first.
  absl::btree_set<Recency> with_quotes_ ABSL_GUARDED_BY(mu_);
  EntityIndex entities_ ABSL_GUARDED_BY(mu_);
  FaqIndex faq_ ABSL_GUARDED_BY(mu_);
  const text::Analyzer& faq_analyzer_ = faq_.analyzer();
  uint64_t last_applied_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t quote_count_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t faq_count_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t space_used_ ABSL_GUARDED_BY(mu_) = 0;
  // Sum (mod 2^64) of the articles' checksums: independent of order.
  uint64_t checksum_ ABSL_GUARDED_BY(mu_) = 0;
};

// --- Writing -----------------------------------------------------------------

absl::Status ArticleStore::Impl::Apply(const gisa::v1::LogRecord& record) {
  if (!record.has_article() || record.article().id().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("log record ", record.sequence(), " has no article id"));
  }
  {
    absl::ReaderMutexLock lock(&mu_);
    if (record.sequence() <= last_applied_) return absl::OkStatus();
  }
  // The expensive part, outside the lock. The FAQ index's analyzer is fixed
  // when the index is made, so reading it needs no lock.
  std::shared_ptr<const StoredArticle> version = PrepareArticle(record);
  std::shared_ptr<const FaqIndex::Prepared> faq =
      FaqIndex::Prepare(*version->article, faq_analyzer_);
  // Declared before the lock so that the old version is freed after it.
  std::shared_ptr<const StoredArticle> previous;

  absl::MutexLock lock(&mu_);
  if (record.sequence() <= last_applied_) return absl::OkStatus();
  std::unique_ptr<ArticleSlot>& owned = articles_[record.article().id()];
  if (owned == nullptr) {
    owned = std::make_unique<ArticleSlot>(record.article().id());
  }
  ArticleSlot* slot = owned.get();
  previous = std::move(slot->current);
  if (previous != nullptr) UpdateArticleIndexes(slot, *previous, -1);
  slot->current = version;
  UpdateArticleIndexes(slot, *version, +1);
  entities_.Replace(slot, previous.get());
  faq_.Put(*faq);
  last_applied_ = record.sequence();
  return absl::OkStatus();
}

void ArticleStore::Impl::UpdateArticleIndexes(const ArticleSlot* slot,
                                              const StoredArticle& version,
                                              int sign) {
  auto update = [slot, sign](absl::flat_hash_map<std::string, SlotSet>& index,
                             const std::string& key) {
    if (key.empty()) return;
    if (sign > 0) {
      index[key].insert(slot);
      return;
    }
    auto it = index.find(key);
    if (it == index.end()) return;
    it->second.erase(slot);
    if (it->second.empty()) index.erase(it);
  };
  update(by_category_, version.category);
  update(by_language_, version.language);
  if (!version.quotes.empty()) {
    if (sign > 0) {
      with_quotes_.insert(Recency{version.sequence, slot});
    } else {
      with_quotes_.erase(Recency{version.sequence, slot});
    }
  }
  quote_count_ += sign * static_cast<int64_t>(version.quotes.size());
  faq_count_ += sign * version.article->faq_size();
  space_used_ += sign * version.space_used;
  // Unsigned arithmetic wraps, so removal undoes addition exactly.
  checksum_ =
      sign > 0 ? checksum_ + version.checksum : checksum_ - version.checksum;
}

uint64_t ArticleStore::Impl::last_applied_sequence() const {
  absl::ReaderMutexLock lock(&mu_);
  return last_applied_;
}

bool ArticleStore::Impl::WaitForSequence(uint64_t sequence,
                                         absl::Duration timeout) const {
  absl::ReaderMutexLock lock(&mu_);
  auto reached = [this, sequence]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return last_applied_ >= sequence;
  };
  return mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
}

// --- Reading -----------------------------------------------------------------
//
// Each query copies what it needs (shared pointers to immutable versions)
// under a read lock and builds its response after releasing it.

const ArticleSlot* ArticleStore::Impl::FindSlot(absl::string_view id) const {
  auto it = articles_.find(id);
  return it == articles_.end() ? nullptr : it->second.get();
}

absl::StatusOr<gisa::v1::Article> ArticleStore::Impl::GetArticle(
    const gisa::v1::GetArticleRequest& request) const {
  if (text::TrimSpace(request.id()).empty()) {
    return absl::InvalidArgumentError("id is empty");
  }
  std::shared_ptr<const StoredArticle> version;
  {
    absl::ReaderMutexLock lock(&mu_);
    if (const ArticleSlot* slot = FindSlot(request.id())) {
      version = slot->current;
    }
  }
  if (version == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("article ", request.id(), " not found"));
  }
  return *version->article;
}

absl::StatusOr<gisa::v1::ListArticlesResponse> ArticleStore::Impl::ListArticles(
    const gisa::v1::ListArticlesRequest& request) const {
  const std::string category = text::ToNfc(text::TrimSpace(request.category()));
  const std::string language =
      absl::AsciiStrToLower(text::TrimSpace(request.language()));
  const absl::string_view entity = text::TrimSpace(request.entity());
  const std::string entity_fold = text::FoldForMatch(entity);
  const std::string fingerprint =
      FilterFingerprint("ListArticles", {category, language, entity_fold});
  absl::StatusOr<PageRequest> page = ParsePage(
      request.page_size(), request.page_token(), fingerprint, kArticlePages);
  if (!page.ok()) return page.status();
  if (page->after && page->after->size() != 1) return BadToken();

  gisa::v1::ListArticlesResponse response;
  std::vector<std::shared_ptr<const StoredArticle>> found;
  bool more = false;
  {
    absl::ReaderMutexLock lock(&mu_);
    const EntityGroup* group = nullptr;
    const EntityIndex::ArticlesById* of_entity = nullptr;
    if (!entity.empty()) {
      group = entities_.Resolve(entity);
      if (group == nullptr) return response;  // no such entity: no articles
      of_entity = &entities_.Articles(*group);
    }
    auto wanted = [&](const ArticleSlot* slot) {
      const StoredArticle& v = *slot->current;
      return (category.empty() || v.category == category) &&
             (language.empty() || v.language == language) &&
             (of_entity == nullptr || of_entity->contains(slot));
    };
    const int filters =
        !category.empty() + !language.empty() + (of_entity != nullptr);
    // Walks the smallest index that applies, in id order.
    auto walk = [&](const auto& index, auto slot_of) {
      auto it =
          page->after ? index.upper_bound(page->after->front()) : index.begin();
      for (; it != index.end(); ++it) {
        const ArticleSlot* slot = slot_of(*it);
        if (!wanted(slot)) continue;
        if (static_cast<int32_t>(found.size()) == page->size) {
          more = true;
          break;
        }
        found.push_back(slot->current);
      }
      int64_t total = static_cast<int64_t>(index.size());
      if (filters > 1) {
        total = std::count_if(index.begin(), index.end(), [&](const auto& e) {
          return wanted(slot_of(e));
        });
      }
      response.set_total_size(static_cast<int32_t>(total));
    };
    auto key_slot = [](const auto& entry) -> const ArticleSlot* {
      return entry.first;
    };
    auto set_slot = [](const ArticleSlot* slot) { return slot; };
    static const SlotSet kNone;
    if (of_entity != nullptr) {
      walk(*of_entity, key_slot);
    } else if (!category.empty()) {
      auto it = by_category_.find(category);
      walk(it == by_category_.end() ? kNone : it->second, set_slot);
    } else if (!language.empty()) {
      auto it = by_language_.find(language);
      walk(it == by_language_.end() ? kNone : it->second, set_slot);
    } else {
      walk(articles_, [](const auto& entry) -> const ArticleSlot* {
        return entry.second.get();
      });
    }
  }
  for (const auto& version : found) {
    *response.add_articles() = *version->article;
  }
  if (more) {
    response.set_next_page_token(
        MakePageToken(fingerprint, {found.back()->article->id()}));
  }
  return response;
}

absl::StatusOr<gisa::v1::ListEntitiesResponse> ArticleStore::Impl::ListEntities(
    const gisa::v1::ListEntitiesRequest& request) const {
  if (!gisa::v1::EntityType_IsValid(request.type())) {
    return absl::InvalidArgumentError(
        absl::StrCat("type ", request.type(), " is not an EntityType"));
  }
  EntityIndex::ListFilter filter;
  filter.type = request.type();
  filter.name_prefix_fold =
      text::FoldForMatch(text::TrimSpace(request.name_prefix()));
  filter.by_article = !request.article_id().empty();
  const std::string fingerprint = FilterFingerprint(
      "ListEntities", {absl::StrCat(filter.type), filter.name_prefix_fold,
                       request.article_id()});
  absl::StatusOr<PageRequest> page = ParsePage(
      request.page_size(), request.page_token(), fingerprint, kEntityPages);
  if (!page.ok()) return page.status();

  absl::StatusOr<EntityIndex::ListPage> listed;
  {
    absl::ReaderMutexLock lock(&mu_);
    if (filter.by_article) filter.article = FindSlot(request.article_id());
    listed = entities_.List(filter, page->after, page->size);
  }
  if (!listed.ok()) return listed.status();
  gisa::v1::ListEntitiesResponse response;
  for (gisa::v1::EntitySummary& entity : listed->entities) {
    *response.add_entities() = std::move(entity);
  }
  response.set_total_size(listed->total_size);
  if (listed->next_after) {
    response.set_next_page_token(
        MakePageToken(fingerprint, *listed->next_after));
  }
  return response;
}

absl::StatusOr<gisa::v1::GetEntityResponse> ArticleStore::Impl::GetEntity(
    const gisa::v1::GetEntityRequest& request) const {
  if (text::TrimSpace(request.name()).empty()) {
    return absl::InvalidArgumentError("name is blank");
  }
  if (request.max_mentions() < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_mentions must not be negative (got ",
                     request.max_mentions(), ")"));
  }
  const auto max_mentions = static_cast<size_t>(
      *EffectivePageSize(request.max_mentions(), kEntityMentions));

  gisa::v1::GetEntityResponse response;
  std::vector<EntityIndex::ArticleEntities> newest;
  {
    absl::ReaderMutexLock lock(&mu_);
    const EntityGroup* entity = entities_.Resolve(request.name());
    if (entity == nullptr) {
      return absl::NotFoundError(
          absl::StrCat("entity \"", request.name(), "\" not found"));
    }
    *response.mutable_entity() = entities_.Summary(*entity);
    newest = entities_.NewestArticles(*entity, max_mentions);
    for (gisa::v1::CooccurringEntity& c :
         entities_.Cooccurring(*entity, kCooccurringEntities)) {
      *response.add_cooccurring() = std::move(c);
    }
  }
  for (const EntityIndex::ArticleEntities& found : newest) {
    const gisa::v1::Article& article = *found.article->article;
    for (const gisa::v1::Mention* mention :
         MentionsInOrder(article, found.entities)) {
      if (static_cast<size_t>(response.mentions_size()) == max_mentions) {
        return response;
      }
      gisa::v1::EntityMention* out = response.add_mentions();
      out->set_article_id(article.id());
      out->set_article_title(article.title());
      *out->mutable_mention() = *mention;
      out->set_snippet(SnippetFor(article, *mention));
    }
  }
  return response;
}

absl::StatusOr<gisa::v1::ListQuotesResponse> ArticleStore::Impl::ListQuotes(
    const gisa::v1::ListQuotesRequest& request) const {
  const absl::string_view speaker = text::TrimSpace(request.speaker());
  const QueryTerms terms(request.query());
  const std::string fingerprint = FilterFingerprint(
      "ListQuotes", {text::FoldForMatch(speaker), request.article_id(),
                     absl::StrJoin(terms.words(), " ")});
  absl::StatusOr<PageRequest> page = ParsePage(
      request.page_size(), request.page_token(), fingerprint, kQuotePages);
  if (!page.ok()) return page.status();
  std::optional<QuotePosition> after;
  if (page->after) {
    after = QuotePositionFromKey(*page->after);
    if (!after) return BadToken();
  }

  QuoteCandidates candidates;
  std::optional<int32_t> total;  // known without counting
  {
    absl::ReaderMutexLock lock(&mu_);
    if (!speaker.empty()) {
      for (EntityIndex::ArticleQuotes& found :
           entities_.QuotesBySpeaker(speaker)) {
        if (!request.article_id().empty() &&
            found.article->article->id() != request.article_id()) {
          continue;
        }
        candidates.push_back(
            {std::move(found.article), false, std::move(found.quotes)});
      }
    } else if (!request.article_id().empty()) {
      if (const ArticleSlot* slot = FindSlot(request.article_id())) {
        candidates.push_back({slot->current, true, {}});
      }
    } else if (terms.empty()) {
      // Every quote: only the page is needed, from the cursor on.
      total = static_cast<int32_t>(quote_count_);
      auto it =
          after ? with_quotes_.lower_bound(Recency{after->sequence, nullptr})
                : with_quotes_.begin();
      // One quote past the page tells whether another page follows.
      int64_t gathered = 0;
      for (; it != with_quotes_.end() && gathered <= page->size; ++it) {
        const StoredArticle& version = *it->slot->current;
        candidates.push_back({it->slot->current, true, {}});
        gathered += static_cast<int64_t>(version.quotes.size());
        if (after && version.sequence == after->sequence) {
          gathered -= after->index + 1;  // quotes already returned
        }
      }
    } else {
      candidates.reserve(with_quotes_.size());
      for (const Recency& r : with_quotes_) {
        candidates.push_back({r.slot->current, true, {}});
      }
    }
  }

  const QuotePage quotes = PageQuotes(candidates, after, terms, page->size);
  gisa::v1::ListQuotesResponse response;
  for (const auto& [version, index] : quotes.quotes) {
    gisa::v1::QuoteResult* out = response.add_quotes();
    *out->mutable_quote() = version->article->quotes(index);
    out->set_article_id(version->article->id());
    out->set_article_title(version->article->title());
  }
  response.set_total_size(total.value_or(quotes.total_size));
  if (quotes.more) {
    const auto& [version, index] = quotes.quotes.back();
    response.set_next_page_token(MakePageToken(
        fingerprint, {absl::StrCat(version->sequence), absl::StrCat(index)}));
  }
  return response;
}

absl::StatusOr<gisa::v1::SearchFaqResponse> ArticleStore::Impl::SearchFaq(
    const gisa::v1::SearchFaqRequest& request) const {
  if (text::TrimSpace(request.query()).empty()) {
    return absl::InvalidArgumentError("query is blank");
  }
  absl::StatusOr<int32_t> size =
      EffectivePageSize(request.page_size(), kFaqResults);
  if (!size.ok()) return size.status();

  std::vector<std::pair<FaqIndex::Hit, std::shared_ptr<const StoredArticle>>>
      hits;
  {
    absl::ReaderMutexLock lock(&mu_);
    for (FaqIndex::Hit& hit :
         faq_.Search(request.query(), static_cast<size_t>(*size))) {
      if (const ArticleSlot* slot = FindSlot(hit.article_id)) {
        hits.emplace_back(std::move(hit), slot->current);
      }
    }
  }
  gisa::v1::SearchFaqResponse response;
  for (const auto& [hit, version] : hits) {
    const gisa::v1::Article& article = *version->article;
    if (hit.faq_index < 0 || hit.faq_index >= article.faq_size()) continue;
    gisa::v1::FaqResult* out = response.add_results();
    out->set_question(article.faq(hit.faq_index).question());
    out->set_answer(article.faq(hit.faq_index).answer());
    out->set_article_id(article.id());
    out->set_article_title(article.title());
    out->set_score(hit.score);
    out->set_faq_index(hit.faq_index);
  }
  return response;
}

gisa::v1::GetStatsResponse ArticleStore::Impl::GetStats() const {
  gisa::v1::GetStatsResponse stats;
  absl::ReaderMutexLock lock(&mu_);
  stats.set_article_count(static_cast<int64_t>(articles_.size()));
  stats.set_entity_count(static_cast<int64_t>(entities_.size()));
  stats.set_quote_count(quote_count_);
  stats.set_faq_count(faq_count_);
  stats.set_last_applied_sequence(last_applied_);
  stats.set_memory_bytes(space_used_ + entities_.ApproximateBytes() +
                         static_cast<int64_t>(faq_.memory_bytes()) +
                         static_cast<int64_t>(articles_.size()) *
                             kArticleIndexBytes);
  stats.set_content_checksum(absl::StrFormat("%016x", checksum_));
  return stats;
}

ArticleStore::Contents ArticleStore::Impl::Export() const {
  Contents contents;
  {
    absl::ReaderMutexLock lock(&mu_);
    contents.last_applied_sequence = last_applied_;
    contents.records.reserve(articles_.size());
    for (const auto& [id, slot] : articles_) {
      contents.records.emplace_back(slot->current->sequence,
                                    slot->current->article);
    }
  }
  std::sort(contents.records.begin(), contents.records.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return contents;
}

// --- ArticleStore ------------------------------------------------------------

ArticleStore::ArticleStore() : impl_(std::make_unique<Impl>()) {}
ArticleStore::~ArticleStore() = default;

absl::Status ArticleStore::Apply(const gisa::v1::LogRecord& record) {
  return impl_->Apply(record);
}
uint64_t ArticleStore::last_applied_sequence() const {
  return impl_->last_applied_sequence();
}
bool ArticleStore::WaitForSequence(uint64_t sequence,
                                   absl::Duration timeout) const {
  return impl_->WaitForSequence(sequence, timeout);
}
absl::StatusOr<gisa::v1::Article> ArticleStore::GetArticle(
    const gisa::v1::GetArticleRequest& request) const {
  return impl_->GetArticle(request);
}
absl::StatusOr<gisa::v1::ListArticlesResponse> ArticleStore::ListArticles(
    const gisa::v1::ListArticlesRequest& request) const {
  return impl_->ListArticles(request);
}
absl::StatusOr<gisa::v1::ListEntitiesResponse> ArticleStore::ListEntities(
    const gisa::v1::ListEntitiesRequest& request) const {
  return impl_->ListEntities(request);
}
absl::StatusOr<gisa::v1::GetEntityResponse> ArticleStore::GetEntity(
    const gisa::v1::GetEntityRequest& request) const {
  return impl_->GetEntity(request);
}
absl::StatusOr<gisa::v1::ListQuotesResponse> ArticleStore::ListQuotes(
    const gisa::v1::ListQuotesRequest& request) const {
  return impl_->ListQuotes(request);
}
absl::StatusOr<gisa::v1::SearchFaqResponse> ArticleStore::SearchFaq(
    const gisa::v1::SearchFaqRequest& request) const {
  return impl_->SearchFaq(request);
}
gisa::v1::GetStatsResponse ArticleStore::GetStats() const {
  return impl_->GetStats();
}
ArticleStore::Contents ArticleStore::Export() const { return impl_->Export(); }

}  // namespace gisa::query
