// A fixed set of threads that run scheduled work, for what must not run on
// gRPC's reactor threads (file I/O, fsync, waiting).
//
//   ThreadPool pool(4);
//   pool.Schedule([reactor] { reactor->Finish(DoBlockingWork()); });
#ifndef GISA_SHARED_CONCURRENCY_THREAD_POOL_H_
#define GISA_SHARED_CONCURRENCY_THREAD_POOL_H_

#include <deque>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/any_invocable.h"
#include "absl/synchronization/mutex.h"

namespace gisa {

class ThreadPool {
 public:
  // Starts `threads` (at least 1) worker threads.
  explicit ThreadPool(int threads);

  // Runs every work item already scheduled, then joins the threads.
  ~ThreadPool();

  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `work` to run on one of the threads, in FIFO order of start.
  // Thread-safe. Must not be called once the destructor has begun.
  void Schedule(absl::AnyInvocable<void() &&> work);

 private:
  void WorkLoop();

  absl::Mutex mu_;
  std::deque<absl::AnyInvocable<void() &&>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace gisa

#endif  // GISA_SHARED_CONCURRENCY_THREAD_POOL_H_
