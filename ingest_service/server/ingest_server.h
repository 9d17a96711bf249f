// The running ingest server: a grpc::Server with IngestService, the standard
// health service and server reflection, plus the thread pool that does the
// blocking work.
//
//   absl::StatusOr<std::unique_ptr<IngestServer>> server =
//       IngestServer::Start(&parser, log.get(), {.listen = "127.0.0.1:0"});
//   std::cout << (*server)->address();   // "127.0.0.1:41234"
//   ...
//   (*server)->Shutdown(absl::Now() + absl::Seconds(10));
#ifndef GISA_INGEST_SERVICE_SERVER_INGEST_SERVER_H_
#define GISA_INGEST_SERVICE_SERVER_INGEST_SERVER_H_

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "ingest_service/log/record_log.h"
#include "ingest_service/parser/article_parser.h"
#include "ingest_service/server/ingest_service_impl.h"
#include "shared/concurrency/thread_pool.h"

namespace gisa::ingest {

struct IngestServerOptions {
  // HOST:PORT to listen on; port 0 picks a free port (see port()).
  std::string listen = "127.0.0.1:50051";
  // Threads for parsing and log I/O (they block in fsync, so more threads
  // mean larger group commits); 0 picks max(4, 2 * cores).
  int threads = 0;
  IngestServiceImpl::Options service;
};

// The health service names this service, and "" for the whole server.
inline constexpr char kIngestServiceName[] = "gisa.v1.IngestService";

class IngestServer {
 public:
  // Binds, starts serving and reports SERVING. `parser` and `log` must
  // outlive the server. Errors: UNAVAILABLE when the address cannot be bound,
  // INVALID_ARGUMENT for a malformed address.
  static absl::StatusOr<std::unique_ptr<IngestServer>> Start(
      const ArticleParser* parser, RecordLog* log,
      const IngestServerOptions& options);

  // Shuts down (with no grace) if Shutdown was not called.
  ~IngestServer();

  IngestServer(const IngestServer&) = delete;
  IngestServer& operator=(const IngestServer&) = delete;

  // The bound port, and HOST:PORT with it.
  int port() const { return port_; }
  const std::string& address() const { return address_; }

  // Open Follow streams. Thread-safe.
  size_t follower_count() const { return service_->follower_count(); }

  // Graceful shutdown: reports NOT_SERVING, ends Follow streams, refuses
  // new calls (UNAVAILABLE), lets the parse and submit calls in progress
  // finish (a submission completes its append and gets its reply; an open
  // SubmitArticles stream until the client closes it) until `deadline`, then
  // stops the transport, cancelling what is left (health Watch streams), and
  // drains the thread pool. Blocks until done. Idempotent; not to be called
  // from several threads at once.
  void Shutdown(absl::Time deadline);

 private:
  IngestServer() = default;

  // Reports `serving` for "" and kIngestServiceName.
  void SetServing(bool serving);

  // Destroyed in reverse: server, then service (removes the log listener),
  // then the pool (joins its threads).
  std::unique_ptr<ThreadPool> pool_;
  std::unique_ptr<IngestServiceImpl> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string address_;
  bool shut_down_ = false;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_INGEST_SERVER_H_
