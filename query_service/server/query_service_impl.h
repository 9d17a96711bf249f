// The gisa.v1.QueryService methods, answered from an ArticleStore with the
// gRPC callback API.
//
// Every request may carry min_sequence: when the store has not applied it
// yet, the call waits for it on a ThreadPool thread, never on a reactor
// thread, bounded by Options::max_wait and the call's deadline. The query
// itself then runs against the store and its errors map 1:1 to gRPC codes.
//
//   ArticleStore store;
//   LogFollower follower(&store, {...});
//   ThreadPool waiters(8);
//   QueryServiceImpl service(&store, &follower, &waiters, {});
//   builder.RegisterService(&service);
#ifndef GISA_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_
#define GISA_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_

#include <atomic>
#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gisa/v1/query_service.grpc.pb.h"
#include "query_service/follower/log_follower.h"
#include "query_service/store/article_store.h"
#include "shared/concurrency/call_gate.h"
#include "shared/concurrency/thread_pool.h"

namespace gisa::query {

class QueryServiceImpl final : public gisa::v1::QueryService::CallbackService {
 public:
  struct Options {
    // Longest a call waits for its min_sequence before UNAVAILABLE.
    absl::Duration max_wait = absl::Seconds(10);
  };

  // Borrows everything; all must outlive the service. `follower` may be
  // null (GetStats then reports not following); `waiters` runs the waits.
  QueryServiceImpl(const ArticleStore* store, const LogFollower* follower,
                   ThreadPool* waiters, Options options);

  // From now on, calls waiting for a sequence give up at once with
  // UNAVAILABLE instead of holding up a graceful shutdown. Thread-safe.
  void BeginShutdown();

  // Waits until no call of this service is in flight (started and not yet
  // finished); false when `deadline` came first. Thread-safe.
  bool WaitForCallsToFinish(absl::Time deadline) const;

  grpc::ServerUnaryReactor* GetArticle(grpc::CallbackServerContext* context,
                                       const gisa::v1::GetArticleRequest* request,
                                       gisa::v1::Article* response) override;
  grpc::ServerUnaryReactor* ListArticles(
      grpc::CallbackServerContext* context,
      const gisa::v1::ListArticlesRequest* request,
      gisa::v1::ListArticlesResponse* response) override;
  grpc::ServerUnaryReactor* ListEntities(
      grpc::CallbackServerContext* context,
      const gisa::v1::ListEntitiesRequest* request,
      gisa::v1::ListEntitiesResponse* response) override;
  grpc::ServerUnaryReactor* GetEntity(grpc::CallbackServerContext* context,
                                      const gisa::v1::GetEntityRequest* request,
                                      gisa::v1::GetEntityResponse* response) override;
  grpc::ServerUnaryReactor* ListQuotes(
      grpc::CallbackServerContext* context,
      const gisa::v1::ListQuotesRequest* request,
      gisa::v1::ListQuotesResponse* response) override;
  grpc::ServerUnaryReactor* SearchFaq(grpc::CallbackServerContext* context,
                                      const gisa::v1::SearchFaqRequest* request,
                                      gisa::v1::SearchFaqResponse* response) override;
  grpc::ServerUnaryReactor* GetStats(grpc::CallbackServerContext* context,
                                     const gisa::v1::GetStatsRequest* request,
                                     gisa::v1::GetStatsResponse* response) override;

 private:
  // Runs `query` (request -> StatusOr<response>) once min_sequence is
  // applied and finishes the call with its answer.
  template <typename Request, typename Response, typename Query>
  grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context,
                                  const Request* request, Response* response,
                                  Query query);

  // Blocks until `sequence` is applied; OK, or why the call that arrived
  // at `arrived` must give up.
  absl::Status WaitForSequence(const grpc::CallbackServerContext& context,
                               uint64_t sequence, absl::Time arrived) const;

  gisa::v1::GetStatsResponse Stats() const;

  // Every call goes through these: counted from start to Finish.
  grpc::ServerUnaryReactor* StartCall(grpc::CallbackServerContext* context);
  void Finish(grpc::ServerUnaryReactor* reactor, const grpc::Status& status);

  const ArticleStore* const store_;
  const LogFollower* const follower_;
  ThreadPool* const waiters_;
  const Options options_;
  std::atomic<bool> shutting_down_{false};
  // Calls started and not yet finished; never closed, so that shutdown
  // answers waiting calls itself (shutting_down_) rather than refusing them.
  CallGate calls_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_SERVER_QUERY_SERVICE_IMPL_H_
