// Counts the calls of a service that are in progress and, once closed,
// refuses new ones: what lets a server wait for acknowledged work (calls in
// progress) without waiting for streams that never end on their own (health
// Watch, Follow). Both services drain through it.
//
//   if (!gate.Enter()) return Refuse(UNAVAILABLE);   // in a handler
//   ... gate.Exit();                                  // in the call's OnDone
//   gate.Close();
//   gate.AwaitIdle(deadline);
#ifndef GISA_SHARED_CONCURRENCY_CALL_GATE_H_
#define GISA_SHARED_CONCURRENCY_CALL_GATE_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace gisa {

class CallGate {
 public:
  // Counts a new call; false (and not counted) once the gate is closed.
  // Thread-safe.
  bool Enter() {
    absl::MutexLock lock(&mu_);
    if (closed_) return false;
    ++active_;
    return true;
  }

  // The end of a call Enter counted. Thread-safe.
  void Exit() {
    absl::MutexLock lock(&mu_);
    --active_;
  }

  // Refuses new calls from now on. Idempotent; thread-safe.
  void Close() {
    absl::MutexLock lock(&mu_);
    closed_ = true;
  }

  // Waits until no counted call is in progress or `deadline` passes; true
  // when idle. Thread-safe.
  bool AwaitIdle(absl::Time deadline) const {
    absl::MutexLock lock(&mu_);
    return mu_.AwaitWithDeadline(
        absl::Condition(
            +[](const int* active) { return *active == 0; }, &active_),
        deadline);
  }

 private:
  mutable absl::Mutex mu_;
  int active_ ABSL_GUARDED_BY(mu_) = 0;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace gisa

#endif  // GISA_SHARED_CONCURRENCY_CALL_GATE_H_
