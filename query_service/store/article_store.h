// The query replica's in-memory store: every applied article, indexed, and
// the answers to the QueryService methods.
//
// One writer (the log follower) applies records; any number of readers query
// at once. Readers see a consistent state and hold the lock only briefly:
// the costly work for a record (folding, keys, checksum, FAQ analysis) is
// done before the write lock is taken, and a query copies shared pointers to
// immutable article versions under a read lock and builds its response after
// releasing it.
//
//   ArticleStore store;
//   store.Apply(record);                         // follower thread
//   absl::StatusOr<gisa::v1::Article> a = store.GetArticle(id);  // any thread
//
// Entities: the articles' Entity records with the same canonical name and
// type, or linked by an alias, are one store entity (see entity_index.h).
// A name given by a reader (GetEntity.name, ListArticles.entity,
// ListQuotes.speaker) is looked up as written, then without its particle,
// by name or alias, case and width insensitive.
#ifndef GISA_QUERY_SERVICE_STORE_ARTICLE_STORE_H_
#define GISA_QUERY_SERVICE_STORE_ARTICLE_STORE_H_

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.pb.h"
#include "gisa/v1/query_service.pb.h"

namespace gisa::query {

class ArticleStore {
 public:
  ArticleStore();
  ~ArticleStore();
  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // Inserts the record's article or replaces the stored version of its id
  // (the old version's index entries go with it). A record whose sequence is
  // <= last_applied_sequence() is ignored, so re-delivery is harmless.
  // Errors: INVALID_ARGUMENT for a record without an article id (nothing
  // changes). Thread-safe.
  absl::Status Apply(const gisa::v1::LogRecord& record);

  // Highest sequence applied; 0 when none. Thread-safe.
  uint64_t last_applied_sequence() const;

  // Waits until last_applied_sequence() >= sequence or `timeout` passes;
  // true when reached. Thread-safe.
  bool WaitForSequence(uint64_t sequence, absl::Duration timeout) const;

  // The query methods: the request/response messages of query_service.proto
  // (min_sequence is the server's concern, not the store's). All are
  // thread-safe. Common errors: INVALID_ARGUMENT for a negative page size
  // ("page_size ..."), a page token that is not ours or belongs to a request
  // with other filters ("page_token ..."). Page sizes: 0 is the default, over
  // the maximum is the maximum (lists 20/100, SearchFaq 10/50, GetEntity's
  // max_mentions 50/500). Tokens stay valid across replicas and restarts.
  //
  // GetArticle: NOT_FOUND "article <id> not found"; INVALID_ARGUMENT for an
  //   empty id.
  // ListArticles: by id; filters category (exact after NFC), language,
  //   entity (a name as above).
  // ListEntities: most mentioned first, ties by name; filters type,
  //   name_prefix (of a name or alias, folded), article_id.
  // GetEntity: NOT_FOUND when no entity matches, INVALID_ARGUMENT for a blank
  //   name; mentions newest article first, with the sentence around each;
  //   the 10 entities sharing most articles with it.
  // ListQuotes: newest article first, then in article order; filters
  //   speaker (a name as above; where no entity matches, the speaker as
  //   written), article_id, query (every word must occur in the quote).
  // SearchFaq: INVALID_ARGUMENT "query is blank"; best first.
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
  // The store's content as the records that put it there: each article's
  // current version with the sequence that applied it, sequences increasing,
  // and last_applied_sequence. Applying `records` in order to an empty store
  // rebuilds this one (snapshots). Holds the read lock only to copy shared
  // pointers. Thread-safe.
  struct Contents {
    uint64_t last_applied_sequence = 0;
    std::vector<std::pair<uint64_t, std::shared_ptr<const gisa::v1::Article>>>
        records;
  };
  Contents Export() const;

  // Counts, approximate memory, last_applied_sequence and content_checksum:
  // 16 hex digits, the sum (mod 2^64) over the stored articles of the first
  // 8 bytes of SHA-256 of each one's deterministic serialization, so that
  // replicas holding the same latest versions agree whatever the order they
  // applied them in. ingest_last_sequence and following are left for the
  // caller. Thread-safe.
  gisa::v1::GetStatsResponse GetStats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_ARTICLE_STORE_H_
