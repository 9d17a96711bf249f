// When a replica writes and reads its snapshot (snapshot_file.h): loaded
// once at start-up, before following begins; written by a background thread
// every N applied sequences or T seconds (but resting 9 times as long as the
// last write took, so that snapshots of a large store never take more than
// about a tenth of the time), and once more on shutdown.
//
//   auto store = std::make_unique<ArticleStore>();
//   if (!RestoreSnapshot(dir, store.get())) store = std::make_unique<ArticleStore>();
//   Snapshotter snapshotter(store.get(), {.dir = dir});
//   snapshotter.Start();
//   ...                   // the follower applies records
//   snapshotter.Stop();   // after the follower stopped: writes a last one
#ifndef GISA_QUERY_SERVICE_SNAPSHOT_SNAPSHOTTER_H_
#define GISA_QUERY_SERVICE_SNAPSHOT_SNAPSHOTTER_H_

#include <cstdint>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "query_service/snapshot/snapshot_file.h"
#include "query_service/store/article_store.h"

namespace gisa::query {

// Loads DIR's snapshot into `store` (empty) and logs one line on stderr:
// what was loaded, that there is none, or why the snapshot cannot be used
// and the replica replays the whole log instead. Returns false when the
// store must be discarded (it may hold part of a damaged snapshot).
bool RestoreSnapshot(const std::string& dir, ArticleStore* store);

class Snapshotter {
 public:
  struct Options {
    // Folder of the snapshot file; created when missing.
    std::string dir = {};
    // Write once this many sequences were applied since the last snapshot
    // (0: not by count).
    uint64_t every_records = 10000;
    // Write once this long has passed since the last snapshot and anything
    // was applied since (zero: not by time).
    absl::Duration interval = absl::Minutes(5);
  };

  // `store` must outlive the snapshotter. The store's state at construction
  // counts as already snapshotted (it was just loaded from one, or is
  // empty). Does not start anything.
  Snapshotter(const ArticleStore* store, Options options);
  // Stops without a final snapshot if Stop was not called.
  ~Snapshotter();

  Snapshotter(const Snapshotter&) = delete;
  Snapshotter& operator=(const Snapshotter&) = delete;

  // Starts the background thread. Call at most once.
  void Start();

  // Joins the thread, then writes a last snapshot if anything was applied
  // since the previous one. Idempotent. Call once the store's writer has
  // stopped, so that the last snapshot holds everything.
  void Stop();

  // Writes a snapshot now unless the last one already holds every applied
  // sequence; logs a line. Thread-safe (writes are serialised). Errors: the
  // I/O error (also logged).
  absl::Status WriteNow();

  // The last applied sequence of the newest snapshot written or loaded.
  // Thread-safe.
  uint64_t snapshot_sequence() const;

 private:
  void Run();
  bool Due(absl::Time now) const;

  const ArticleStore* const store_;
  const Options options_;

  mutable absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool stopped_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t written_sequence_ ABSL_GUARDED_BY(mu_) = 0;
  // When the last write finished, how long it took, and whether it failed.
  absl::Time written_at_ ABSL_GUARDED_BY(mu_);
  absl::Duration write_took_ ABSL_GUARDED_BY(mu_);
  bool failed_ ABSL_GUARDED_BY(mu_) = false;
  // Held while writing, so that the thread and Stop never write at once.
  absl::Mutex write_mu_;
  std::thread thread_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_SNAPSHOT_SNAPSHOTTER_H_
