// The server side of SubmitArticles: a read reactor that parses and logs the
// articles of one client stream on the thread pool.
//
// One read is in flight at a time, and reading pauses while
// kMaxArticlesInFlight articles (or kMaxBytesInFlight of content) are being
// processed, so a fast client cannot make the server buffer its stream.
// Articles are processed concurrently (their appends share fsyncs), except
// that articles with the same source_uri are processed one after the other
// in stream order, so the last version in the stream is the one that wins.
// The response goes out once the client has half-closed and every accepted
// article is durable.
//
//   grpc::ServerReadReactor<SubmitArticleRequest>* SubmitArticles(
//       grpc::CallbackServerContext*, SubmitArticlesResponse* response) {
//     return NewSubmitStream(&ingestor, &pool, &calls, response);
//   }
#ifndef GISA_INGEST_SERVICE_SERVER_SUBMIT_STREAM_H_
#define GISA_INGEST_SERVICE_SERVER_SUBMIT_STREAM_H_

#include <cstddef>

#include <grpcpp/grpcpp.h>

#include "gisa/v1/ingest_service.pb.h"
#include "ingest_service/server/article_ingestor.h"
#include "shared/concurrency/call_gate.h"
#include "shared/concurrency/thread_pool.h"

namespace gisa::ingest {

// Bounds of one stream's work in progress.
inline constexpr int kMaxArticlesInFlight = 16;
inline constexpr size_t kMaxBytesInFlight = 32 << 20;

// A SubmitArticlesResponse lists at most this many results and errors (the
// first ones in stream order); its counts always cover the whole stream.
// Clients that need every result send at most kMaxResultsPerStream articles
// per stream.
inline constexpr int kMaxResultsPerStream = 10000;
inline constexpr int kMaxErrorsPerStream = 1000;

// Starts the reactor for one SubmitArticles call, counted in `calls` until
// it is done (or refused with UNAVAILABLE when `calls` is closed); it frees
// itself when done. `ingestor`, `pool` and `calls` must outlive it;
// `response` is the handler's.
grpc::ServerReadReactor<gisa::v1::SubmitArticleRequest>* NewSubmitStream(
    const ArticleIngestor* ingestor, ThreadPool* pool, CallGate* calls,
    gisa::v1::SubmitArticlesResponse* response);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_SUBMIT_STREAM_H_
