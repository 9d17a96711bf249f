#include "ingest_service/server/ingest_service_impl.h"

#include <utility>

#include "ingest_service/server/submit_stream.h"
#include "shared/status/grpc_status.h"

namespace gisa::ingest {

IngestServiceImpl::IngestServiceImpl(const ArticleParser* parser,
                                     RecordLog* log, ThreadPool* pool,
                                     Options options)
    : ingestor_(parser, log), pool_(pool), follow_hub_(log, pool, options.follow) {}

void IngestServiceImpl::BeginShutdown() {
  calls_.Close();
  follow_hub_.StopAll();
}

namespace {

grpc::Status ShuttingDown() {
  return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                      "the ingest server is shutting down");
}

// A unary call counted in `gate` until it is done. The pool task finishes it
// as its last step; gRPC keeps the request and response alive until then.
class CountedUnaryReactor : public grpc::ServerUnaryReactor {
 public:
  explicit CountedUnaryReactor(CallGate* gate) : gate_(gate) {}
  void OnDone() override {
    gate_->Exit();
    delete this;
  }

 private:
  CallGate* const gate_;
};

}  // namespace

// Runs `work` (returning StatusOr<Response>) on the pool and finishes the
// call with its result; refuses the call while the server shuts down.
template <typename Response, typename Work>
grpc::ServerUnaryReactor* IngestServiceImpl::RunOnPool(
    grpc::CallbackServerContext* context, Response* response, Work work) {
  if (!calls_.Enter()) {
    grpc::ServerUnaryReactor* refused = context->DefaultReactor();
    refused->Finish(ShuttingDown());
    return refused;
  }
  grpc::ServerUnaryReactor* reactor = new CountedUnaryReactor(&calls_);
  pool_->Schedule([response, reactor, work = std::move(work)] {
    absl::StatusOr<Response> result = work();
    if (result.ok()) *response = *std::move(result);
    reactor->Finish(ToGrpcStatus(result.status()));
  });
  return reactor;
}

grpc::ServerUnaryReactor* IngestServiceImpl::ParseArticle(
    grpc::CallbackServerContext* context,
    const gisa::v1::ParseArticleRequest* request,
    gisa::v1::Article* response) {
  return RunOnPool(context, response, [this, request] {
    return ingestor_.parser().Parse(request->article());
  });
}

grpc::ServerUnaryReactor* IngestServiceImpl::SubmitArticle(
    grpc::CallbackServerContext* context,
    const gisa::v1::SubmitArticleRequest* request,
    gisa::v1::SubmitArticleResponse* response) {
  return RunOnPool(context, response, [this, request] {
    return ingestor_.Submit(request->article());
  });
}

grpc::ServerReadReactor<gisa::v1::SubmitArticleRequest>*
IngestServiceImpl::SubmitArticles(grpc::CallbackServerContext* /*context*/,
                                  gisa::v1::SubmitArticlesResponse* response) {
  return NewSubmitStream(&ingestor_, pool_, &calls_, response);
}

grpc::ServerWriteReactor<gisa::v1::FollowResponse>* IngestServiceImpl::Follow(
    grpc::CallbackServerContext* context,
    const gisa::v1::FollowRequest* request) {
  return follow_hub_.Open(context, request);
}

}  // namespace gisa::ingest
