// Scheduled compaction of the ingest server's log: a background thread that
// calls RecordLog::Compact() every `interval` and reports one line per run
// (segment files and bytes in the log folder before and after).
//
//   Compactor compactor(log.get(), data_dir, {.interval = absl::Minutes(10)},
//                       [](absl::string_view line) { std::cerr << line; });
//   ...
//   compactor.Stop();   // prompt: never waits out the interval
//
// Compact runs beside Append and Read (it only rewrites sealed segments), so
// submissions and Follow streams go on while it works. A follower that
// replays the log from 1 after a compaction still ends with every article's
// latest version; it just reads fewer records.
#ifndef GISA_INGEST_SERVICE_SERVER_COMPACTOR_H_
#define GISA_INGEST_SERVICE_SERVER_COMPACTOR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "ingest_service/log/record_log.h"

namespace gisa::ingest {

// What one compaction did, measured on the log folder (RecordLog::Compact
// reports nothing itself). Appends during the run can add to the "after"
// figures.
struct CompactionReport {
  size_t segments_before = 0;
  size_t segments_after = 0;
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
  absl::Duration took;

  // "compacted the log: 12 -> 3 segments, 48213 -> 10234 bytes (37979
  // reclaimed) in 12ms"
  std::string ToString() const;
};

class Compactor {
 public:
  struct Options {
    // Time between the end of one compaction and the start of the next;
    // zero or negative: no background thread (RunOnce still works).
    absl::Duration interval = absl::Minutes(10);
  };

  // Receives one line (no newline) per background run: the report, or why
  // the compaction failed. Called on the compactor's thread.
  using Reporter = std::function<void(absl::string_view line)>;

  // Starts the background thread when options.interval > 0; the first run
  // is one interval after construction. `log` must outlive the compactor;
  // `dir` is its folder (Options::dir), only read to measure the segments.
  Compactor(RecordLog* log, std::string dir, const Options& options,
            Reporter reporter);

  // Stops the thread (see Stop).
  ~Compactor();

  Compactor(const Compactor&) = delete;
  Compactor& operator=(const Compactor&) = delete;

  // Compacts now, on the calling thread, and reports what it did. Blocking
  // I/O. Thread-safe (Compact itself runs one at a time). Errors: those of
  // RecordLog::Compact (the log stays usable).
  absl::StatusOr<CompactionReport> RunOnce();

  // Ends the background thread: returns at once when it is waiting, or once
  // the compaction in progress (which cannot be interrupted) finishes.
  // Idempotent; not to be called from several threads at once.
  void Stop();

 private:
  void Loop();

  RecordLog* const log_;
  const std::string dir_;
  const Options options_;
  const Reporter reporter_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_COMPACTOR_H_
