// Keeps a replica's ArticleStore in step with the ingest server's log.
//
// A LogFollower owns a background thread that calls IngestService.Follow(
// from_sequence = last applied + 1), applies every record it receives to the
// store in order (sequences increase; a compacted log may skip some), and,
// whenever the ingest server is away or the stream ends or falls silent,
// reconnects with exponential backoff and jitter, resuming after the last
// record it applied. It is the store's single writer; a second thread only
// watches for silent streams.
//
//   ArticleStore store;
//   LogFollower follower(&store, {.ingest_address = "127.0.0.1:50051",
//                                 .replica_name = "query-0"});
//   follower.Start();
//   ...
//   follower.Stop();  // cancels the stream and joins the thread
#ifndef GISA_QUERY_SERVICE_FOLLOWER_LOG_FOLLOWER_H_
#define GISA_QUERY_SERVICE_FOLLOWER_LOG_FOLLOWER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.grpc.pb.h"
#include "query_service/store/article_store.h"

namespace gisa::query {

class LogFollower {
 public:
  struct Options {
    // HOST:PORT of the ingest server.
    std::string ingest_address = {};
    // Sent in FollowRequest.replica, for the ingest server's logs.
    std::string replica_name = {};
    // Wait before the first reconnect; doubles up to max_backoff. Each wait
    // is jittered (50%..100% of the nominal value) so that many replicas do
    // not reconnect in lock step.
    absl::Duration initial_backoff = absl::Milliseconds(100);
    absl::Duration max_backoff = absl::Seconds(5);
    // A stream that carries nothing (not even a heartbeat) for this long is
    // presumed dead (a silent network partition) and is reconnected. Must
    // exceed the ingest server's heartbeat interval.
    absl::Duration stall_timeout = absl::Seconds(30);
  };

  // What GetStats reports about replication.
  struct State {
    // Connected to the ingest server with a Follow stream open.
    bool connected = false;
    // The latest log_last_sequence the ingest server reported (0: unknown).
    uint64_t ingest_last_sequence = 0;
  };

  // `store` must outlive the follower. Does not start anything.
  LogFollower(ArticleStore* store, Options options);

  // Stops the follower (see Stop).
  ~LogFollower();

  LogFollower(const LogFollower&) = delete;
  LogFollower& operator=(const LogFollower&) = delete;

  // Starts the background threads. Call at most once.
  void Start();

  // Cancels the open stream (or the backoff wait), then joins the thread.
  // Returns promptly whatever the ingest server does. Idempotent; safe to
  // call without Start. Not to be called from several threads at once.
  void Stop();

  // Replication state. Thread-safe.
  State state() const;

 private:
  void Run();
  // Follows one Follow stream until it ends; returns why it ended.
  std::string FollowOnce(grpc::Channel& channel,
                         gisa::v1::IngestService::Stub& stub);
  // Applies one message's records in order, skipping those already applied.
  void ApplyRecords(const gisa::v1::FollowResponse& response);
  // Cancels a stream that has carried nothing for options_.stall_timeout.
  void WatchForStalls();
  // Sleeps `delay` unless Stop is called first; false when stopping.
  bool SleepUnlessStopped(absl::Duration delay);

  ArticleStore* const store_;
  const Options options_;

  mutable absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  State state_ ABSL_GUARDED_BY(mu_);
  // The open stream's context, for Stop and the stall watchdog to cancel.
  grpc::ClientContext* context_ ABSL_GUARDED_BY(mu_) = nullptr;
  absl::Time last_message_ ABSL_GUARDED_BY(mu_);
  bool stalled_ ABSL_GUARDED_BY(mu_) = false;

  // Only the follower thread touches these. last_sequence_ is the highest
  // sequence handled: applied, or refused by the store and skipped.
  uint64_t last_sequence_ = 0;
  uint64_t messages_ = 0;

  std::thread thread_;
  std::thread watchdog_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_FOLLOWER_LOG_FOLLOWER_H_
