// gisa.v1.IngestService on gRPC's callback API (SPEC.md section 3).
//
// Reactor threads only dispatch: parsing, appends (fsync) and log reads run
// on a ThreadPool, which finishes each call when its work is done.
//   ParseArticle    parse only, no side effects.
//   SubmitArticle   parse, stamp ingest_time, Append; replies once durable.
//   SubmitArticles  see submit_stream.h.
//   Follow          see follow_hub.h.
//
//   IngestServiceImpl service(&parser, &log, &pool, {});
//   builder.RegisterService(&service);
//   ...
//   service.BeginShutdown();   // ends Follow streams, refuses new calls
//   service.AwaitCallsDone(deadline);
//   server->Shutdown(...);
#ifndef GISA_INGEST_SERVICE_SERVER_INGEST_SERVICE_IMPL_H_
#define GISA_INGEST_SERVICE_SERVER_INGEST_SERVICE_IMPL_H_

#include <grpcpp/grpcpp.h>

#include "gisa/v1/ingest_service.grpc.pb.h"
#include "ingest_service/log/record_log.h"
#include "ingest_service/parser/article_parser.h"
#include "ingest_service/server/article_ingestor.h"
#include "ingest_service/server/follow_hub.h"
#include "shared/concurrency/call_gate.h"
#include "shared/concurrency/thread_pool.h"

namespace gisa::ingest {

class IngestServiceImpl final
    : public gisa::v1::IngestService::CallbackService {
 public:
  struct Options {
    FollowHub::Options follow;
  };

  // `parser`, `log` and `pool` must outlive the service. The log listener
  // for Follow is registered here.
  IngestServiceImpl(const ArticleParser* parser, RecordLog* log,
                    ThreadPool* pool, Options options);

  // The grpc::Server must have shut down first (no call still running).
  ~IngestServiceImpl() override = default;

  // Ends the Follow streams and refuses new calls (UNAVAILABLE); calls in
  // progress go on. Idempotent; thread-safe.
  void BeginShutdown();

  // Waits until the parse and submit calls in progress are done (their
  // replies sent) or `deadline` passes; true when done. Thread-safe.
  bool AwaitCallsDone(absl::Time deadline) { return calls_.AwaitIdle(deadline); }

  // Open Follow streams. Thread-safe.
  size_t follower_count() const { return follow_hub_.size(); }

  grpc::ServerUnaryReactor* ParseArticle(
      grpc::CallbackServerContext* context,
      const gisa::v1::ParseArticleRequest* request,
      gisa::v1::Article* response) override;

  grpc::ServerUnaryReactor* SubmitArticle(
      grpc::CallbackServerContext* context,
      const gisa::v1::SubmitArticleRequest* request,
      gisa::v1::SubmitArticleResponse* response) override;

  grpc::ServerReadReactor<gisa::v1::SubmitArticleRequest>* SubmitArticles(
      grpc::CallbackServerContext* context,
      gisa::v1::SubmitArticlesResponse* response) override;

  grpc::ServerWriteReactor<gisa::v1::FollowResponse>* Follow(
      grpc::CallbackServerContext* context,
      const gisa::v1::FollowRequest* request) override;

 private:
  template <typename Response, typename Work>
  grpc::ServerUnaryReactor* RunOnPool(grpc::CallbackServerContext* context,
                                      Response* response, Work work);

  const ArticleIngestor ingestor_;
  // ParseArticle, SubmitArticle and SubmitArticles calls in progress.
  CallGate calls_;
  ThreadPool* const pool_;
  FollowHub follow_hub_;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_INGEST_SERVICE_IMPL_H_
