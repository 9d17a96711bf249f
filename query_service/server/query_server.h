// The query replica as a whole: an ArticleStore, the LogFollower that fills
// it from the ingest server, the gRPC server that answers QueryService calls
// (with the standard health service and server reflection) and, where a
// snapshot folder is set, the Snapshotter that lets a restart skip most of
// the log.
//
// Start-up with a snapshot folder: the snapshot is loaded (a damaged one is
// logged and ignored: the whole log is replayed), then following starts
// from the snapshot's sequence + 1, then the port opens.
//
// Health ("" and "gisa.v1.QueryService") is SERVING once the server listens
// and the follower has started, NOT_SERVING from the start of a shutdown.
//
//   absl::StatusOr<std::unique_ptr<QueryServer>> server =
//       QueryServer::Start({.listen = "127.0.0.1:0",
//                           .ingest = "127.0.0.1:50051"});
//   std::cout << (*server)->address();       // the port actually bound
//   (*server)->Shutdown(absl::Now() + absl::Seconds(5));
#ifndef GISA_QUERY_SERVICE_SERVER_QUERY_SERVER_H_
#define GISA_QUERY_SERVICE_SERVER_QUERY_SERVER_H_

#include <grpcpp/server.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "query_service/follower/log_follower.h"
#include "query_service/server/query_service_impl.h"
#include "query_service/snapshot/snapshotter.h"
#include "query_service/store/article_store.h"
#include "shared/concurrency/thread_pool.h"

namespace gisa::query {

class QueryServer {
 public:
  struct Options {
    // HOST:PORT to listen on; port 0 picks a free port (see address()).
    std::string listen = "127.0.0.1:50052";
    // HOST:PORT of the ingest server to follow.
    std::string ingest = "127.0.0.1:50051";
    // Sent to the ingest server to name this replica in its logs.
    std::string replica_name = {};
    // Longest a call waits for its min_sequence.
    absl::Duration max_wait = absl::Seconds(10);
    // Threads that hold calls waiting for a min_sequence.
    int wait_threads = 8;
    // Reconnect backoff and stall detection of the follower (its address
    // and name come from the fields above).
    LogFollower::Options follower = {};
    // Snapshots of the store; an empty dir turns them off.
    Snapshotter::Options snapshot = {};
  };

  // Starts following the ingest server and serving. Errors: UNAVAILABLE
  // when the address cannot be bound (in use, bad host).
  static absl::StatusOr<std::unique_ptr<QueryServer>> Start(Options options);

  // Shuts down (with an immediate deadline) if Shutdown was not called.
  ~QueryServer();

  QueryServer(const QueryServer&) = delete;
  QueryServer& operator=(const QueryServer&) = delete;

  // HOST:PORT actually listened on (the bound port where 0 was asked).
  const std::string& address() const { return address_; }

  // The replica's store, for tests and tools. Not to be written to.
  const ArticleStore& store() const { return *store_; }

  // Graceful shutdown: health turns NOT_SERVING and new calls are refused;
  // calls waiting for a min_sequence give up (UNAVAILABLE); other calls in
  // flight get until `deadline` to finish (then are cancelled); idle client
  // connections are closed as soon as they are done; the follower stops and
  // the waiter threads drain; then a last snapshot is written (when on).
  // Returns when all of that is done. Idempotent.
  // Thread-safe.
  void Shutdown(absl::Time deadline);

  // Blocks until the server has shut down (by Shutdown on another thread).
  void Wait();

 private:
  QueryServer(Options options, std::unique_ptr<ArticleStore> store);

  const Options options_;
  const std::unique_ptr<ArticleStore> store_;
  // Null when snapshots are off.
  std::unique_ptr<Snapshotter> snapshotter_;
  LogFollower follower_;
  std::unique_ptr<ThreadPool> waiters_;
  QueryServiceImpl service_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;

  absl::Mutex shutdown_mu_;
  bool shut_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_SERVER_QUERY_SERVER_H_
