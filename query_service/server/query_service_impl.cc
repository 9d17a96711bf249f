#include "query_service/server/query_service_impl.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "shared/status/grpc_status.h"

namespace gisa::query {
namespace {

// A waiting call wakes at least this often to notice that it was cancelled
// or that the server is shutting down.
constexpr absl::Duration kWaitSlice = absl::Milliseconds(50);

}  // namespace

QueryServiceImpl::QueryServiceImpl(const ArticleStore* store,
                                   const LogFollower* follower,
                                   ThreadPool* waiters, Options options)
    : store_(store), follower_(follower), waiters_(waiters), options_(options) {}

void QueryServiceImpl::BeginShutdown() { shutting_down_ = true; }

bool QueryServiceImpl::WaitForCallsToFinish(absl::Time deadline) const {
  return calls_.AwaitIdle(deadline);
}

grpc::ServerUnaryReactor* QueryServiceImpl::StartCall(
    grpc::CallbackServerContext* context) {
  calls_.Enter();  // the gate is never closed, so this always counts
  return context->DefaultReactor();
}

void QueryServiceImpl::Finish(grpc::ServerUnaryReactor* reactor,
                              const grpc::Status& status) {
  reactor->Finish(status);
  calls_.Exit();
}

template <typename Request, typename Response, typename Query>
grpc::ServerUnaryReactor* QueryServiceImpl::Serve(
    grpc::CallbackServerContext* context, const Request* request,
    Response* response, Query query) {
  grpc::ServerUnaryReactor* reactor = StartCall(context);
  auto answer = [this, reactor, request, response, query = std::move(query)] {
    absl::StatusOr<Response> result = query(*request);
    if (!result.ok()) {
      Finish(reactor, ToGrpcStatus(result.status()));
      return;
    }
    *response = *std::move(result);
    Finish(reactor, grpc::Status::OK);
  };
  const uint64_t wanted = request->min_sequence();
  const absl::Time arrived = absl::Now();
  if (wanted <= store_->last_applied_sequence()) {
    answer();
    return reactor;
  }
  waiters_->Schedule([this, context, reactor, wanted, arrived,
                      answer = std::move(answer)]() mutable {
    const absl::Status waited = WaitForSequence(*context, wanted, arrived);
    if (!waited.ok()) {
      Finish(reactor, ToGrpcStatus(waited));
      return;
    }
    answer();
  });
  return reactor;
}

absl::Status QueryServiceImpl::WaitForSequence(
    const grpc::CallbackServerContext& context, uint64_t sequence,
    absl::Time arrived) const {
  // max_wait counts from the call's arrival, not from when a waiter thread
  // became free, so that a busy pool cannot stretch it.
  const absl::Time give_up = arrived + options_.max_wait;
  const absl::Time deadline = absl::FromChrono(context.deadline());
  const absl::Time end = std::min(give_up, deadline);
  while (store_->last_applied_sequence() < sequence) {
    if (shutting_down_) {
      return absl::UnavailableError(absl::StrCat(
          "the server is shutting down; replica has applied sequence ",
          store_->last_applied_sequence(), ", waiting for ", sequence));
    }
    const absl::Time now = absl::Now();
    if (now >= end) {
      const uint64_t applied = store_->last_applied_sequence();
      if (applied >= sequence) break;
      if (deadline <= give_up) {
        return absl::DeadlineExceededError(absl::StrCat(
            "deadline passed: replica has applied sequence ", applied,
            ", waiting for ", sequence));
      }
      return absl::UnavailableError(absl::StrCat(
          "replica has applied sequence ", applied, ", waiting for ",
          sequence, " timed out after ", absl::FormatDuration(options_.max_wait)));
    }
    // A passed deadline cancels the call too; it was answered above.
    if (context.IsCancelled()) {
      return absl::CancelledError(absl::StrCat(
          "cancelled while waiting for sequence ", sequence));
    }
    store_->WaitForSequence(sequence, std::min(end - now, kWaitSlice));
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetArticle(
    grpc::CallbackServerContext* context,
    const gisa::v1::GetArticleRequest* request, gisa::v1::Article* response) {
  return Serve(context, request, response,
               [this](const gisa::v1::GetArticleRequest& r) {
                 return store_->GetArticle(r);
               });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListArticles(
    grpc::CallbackServerContext* context,
    const gisa::v1::ListArticlesRequest* request,
    gisa::v1::ListArticlesResponse* response) {
  return Serve(context, request, response,
               [this](const gisa::v1::ListArticlesRequest& r) {
                 return store_->ListArticles(r);
               });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListEntities(
    grpc::CallbackServerContext* context,
    const gisa::v1::ListEntitiesRequest* request,
    gisa::v1::ListEntitiesResponse* response) {
  return Serve(context, request, response,
               [this](const gisa::v1::ListEntitiesRequest& r) {
                 return store_->ListEntities(r);
               });
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetEntity(
    grpc::CallbackServerContext* context,
    const gisa::v1::GetEntityRequest* request,
    gisa::v1::GetEntityResponse* response) {
  return Serve(context, request, response,
               [this](const gisa::v1::GetEntityRequest& r) {
                 return store_->GetEntity(r);
               });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListQuotes(
    grpc::CallbackServerContext* context,
    const gisa::v1::ListQuotesRequest* request,
    gisa::v1::ListQuotesResponse* response) {
  return Serve(context, request, response,
               [this](const gisa::v1::ListQuotesRequest& r) {
                 return store_->ListQuotes(r);
               });
}

grpc::ServerUnaryReactor* QueryServiceImpl::SearchFaq(
    grpc::CallbackServerContext* context,
    const gisa::v1::SearchFaqRequest* request,
    gisa::v1::SearchFaqResponse* response) {
  return Serve(context, request, response,
               [this](const gisa::v1::SearchFaqRequest& r) {
                 return store_->SearchFaq(r);
               });
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetStats(
    grpc::CallbackServerContext* context,
    const gisa::v1::GetStatsRequest* /*request*/,
    gisa::v1::GetStatsResponse* response) {
  grpc::ServerUnaryReactor* reactor = StartCall(context);
  *response = Stats();
  Finish(reactor, grpc::Status::OK);
  return reactor;
}

gisa::v1::GetStatsResponse QueryServiceImpl::Stats() const {
  // The sequence is read before the counts, so the counts cover at least
  // every record up to the sequence reported: a pipeline that waits for
  // last_applied_sequence >= N and reads the counts sees record N in them.
  const uint64_t applied = store_->last_applied_sequence();
  gisa::v1::GetStatsResponse stats = store_->GetStats();
  stats.set_last_applied_sequence(applied);
  if (follower_ != nullptr) {
    const LogFollower::State state = follower_->state();
    stats.set_ingest_last_sequence(state.ingest_last_sequence);
    stats.set_following(state.connected);
  }
  return stats;
}

}  // namespace gisa::query
