// The open Follow streams of the ingest server and what drives them: the log
// listener that wakes streams waiting for new records, and the heartbeat.
//
// Each stream is a gRPC write reactor that loops
//   read a batch from the log (on the thread pool) -> StartWrite ->
//   OnWriteDone -> read the next batch ... -> caught up: wait
// with exactly one write in flight, so gRPC flow control paces a slow replica
// and the server never buffers the log for it. A caught-up stream sleeps
// until the hub's log listener reports a sequence it lacks; while it sleeps
// it gets an empty heartbeat response every `heartbeat` so the replica learns
// the log position and can tell a quiet log from a dead connection.
//
//   FollowHub hub(&log, &pool, {});
//   // in IngestService::Follow:
//   return hub.Open(context, request);
//   // on shutdown:
//   hub.StopAll();
#ifndef GISA_INGEST_SERVICE_SERVER_FOLLOW_HUB_H_
#define GISA_INGEST_SERVICE_SERVER_FOLLOW_HUB_H_

#include <cstddef>
#include <cstdint>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.pb.h"
#include "ingest_service/log/record_log.h"
#include "shared/concurrency/thread_pool.h"

namespace gisa::ingest {

class FollowReactor;  // one stream; defined in follow_hub.cc

class FollowHub {
 public:
  struct Options {
    // Quiet time after which a caught-up stream gets an empty response.
    absl::Duration heartbeat = absl::Seconds(5);
    // Bounds of one FollowResponse (the first record always goes, however
    // large).
    size_t max_batch_records = 256;
    size_t max_batch_bytes = 1 << 20;
  };

  // Registers the hub's log listener and starts the heartbeat thread. `log`
  // and `pool` must outlive the hub.
  FollowHub(RecordLog* log, ThreadPool* pool, Options options);

  // Stops the heartbeat and removes the log listener. Every stream must be
  // done by then (the grpc::Server has shut down).
  ~FollowHub();

  FollowHub(const FollowHub&) = delete;
  FollowHub& operator=(const FollowHub&) = delete;

  // Starts a stream for `request` (the Follow handler's arguments, which
  // gRPC keeps alive until the reactor is done). After StopAll, the stream
  // ends at once with UNAVAILABLE. Thread-safe.
  grpc::ServerWriteReactor<gisa::v1::FollowResponse>* Open(
      grpc::CallbackServerContext* context,
      const gisa::v1::FollowRequest* request);

  // Ends every open stream with UNAVAILABLE (a stream in the middle of a
  // read or write ends as soon as that step completes) and refuses new ones.
  // Does not wait for the streams to be done. Idempotent; thread-safe.
  void StopAll();

  // Number of open streams. Thread-safe.
  size_t size() const;

 private:
  friend class FollowReactor;

  // Called by a reactor's OnDone, before it frees itself: after this returns
  // neither the listener nor the heartbeat touches the reactor again.
  void Remove(FollowReactor* reactor);

  void HeartbeatLoop();

  RecordLog* const log_;
  ThreadPool* const pool_;
  const Options options_;

  // Held while the listener, the heartbeat or StopAll call into a reactor,
  // and by Remove: a reactor found in streams_ is alive.
  mutable absl::Mutex mu_;
  absl::flat_hash_set<FollowReactor*> streams_ ABSL_GUARDED_BY(mu_);
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;

  uint64_t listener_ = 0;
  absl::Notification stop_heartbeat_;
  std::thread heartbeat_thread_;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_FOLLOW_HUB_H_
