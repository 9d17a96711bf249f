// The query replica's in-memory store: every applied article, indexed, and
// the answers to the QueryService methods.
//
// One writer (the log follower) applies records; any number of readers query
// at once. Readers see a consistent state and hold the lock only briefly:
// index work for a record is prepared before the write lock is taken.
//
//   ArticleStore store;
//   store.Apply(record);                         // follower thread
//   absl::StatusOr<gisa::v1::Article> a = store.GetArticle(id);  // any thread
#ifndef GISA_QUERY_SERVICE_STORE_ARTICLE_STORE_H_
#define GISA_QUERY_SERVICE_STORE_ARTICLE_STORE_H_

#include <cstdint>
#include <memory>
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

  // Inserts the record's article or replaces the stored version of its id.
  // A record whose sequence is <= last_applied_sequence() is ignored, so
  // re-delivery is harmless. Errors: INVALID_ARGUMENT for a record without
  // an article id (nothing changes). Thread-safe.
  absl::Status Apply(const gisa::v1::LogRecord& record);

  // Highest sequence applied; 0 when none. Thread-safe.
  uint64_t last_applied_sequence() const;

  // Waits until last_applied_sequence() >= sequence or `timeout` passes;
  // true when reached. Thread-safe.
  bool WaitForSequence(uint64_t sequence, absl::Duration timeout) const;

  // The query methods: the request/response messages of query_service.proto
  // (min_sequence is the server's concern, not the store's). Errors:
  // NOT_FOUND for an unknown id or name, INVALID_ARGUMENT for a negative
  // page size, a page token that is not ours or belongs to another request,
  // a blank search query. Thread-safe.
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
  // Counts, memory and checksum; replication fields are left for the caller.
  gisa::v1::GetStatsResponse GetStats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_ARTICLE_STORE_H_
