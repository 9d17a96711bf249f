// The durable, append-only log of article records under --data_dir.
//
// Each record is a LogRecord (sequence + Article) framed as
// [u32 length][u32 crc32 of payload][payload], little-endian. Append returns
// only after the bytes are fsync'd; concurrent appends share one fsync (group
// commit). Open recovers from a crash: a torn record at the very end is cut
// off; damage before the tail refuses to open with a message naming the file
// and offset, never skipping records silently.
//
//   absl::StatusOr<std::unique_ptr<RecordLog>> log = RecordLog::Open({.dir = d});
//   absl::StatusOr<RecordLog::Appended> a = (*log)->Append(article);
//   // a->sequence == 1 for the first record
#ifndef GISA_INGEST_SERVICE_LOG_RECORD_LOG_H_
#define GISA_INGEST_SERVICE_LOG_RECORD_LOG_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gisa/v1/article.pb.h"
#include "gisa/v1/ingest_service.pb.h"

namespace gisa::ingest {

class RecordLog {
 public:
  struct Options {
    // Folder of the log files; created when missing.
    std::string dir;
    // fsync before Append returns. Only tests turn this off.
    bool sync = true;
  };

  struct Appended {
    uint64_t sequence = 0;
    // An earlier record had the same article id.
    bool replaced = false;
  };

  // Called after records are durable, with the new last sequence. Runs on
  // the appending thread: must be quick and must not call back into the log.
  using Listener = std::function<void(uint64_t last_sequence)>;

  // Opens (or creates) the log in options.dir and recovers it (see above).
  // Errors: INTERNAL / DATA_LOSS naming file and offset for damage before the
  // tail; the I/O error for a folder that cannot be used.
  static absl::StatusOr<std::unique_ptr<RecordLog>> Open(const Options& options);

  virtual ~RecordLog() = default;

  // Logs `article` as the next record. Returns once durable. Thread-safe.
  // Errors: the I/O error; after a write or fsync failure the log refuses
  // further appends (FAILED_PRECONDITION) rather than risk a gap.
  virtual absl::StatusOr<Appended> Append(const gisa::v1::Article& article) = 0;

  // Reads records with sequence >= `from` in order: at most `max_records`,
  // and past the first record at most about `max_bytes` of payload. Empty
  // when `from` > last_sequence(). Blocking file I/O; thread-safe.
  virtual absl::StatusOr<std::vector<gisa::v1::LogRecord>> Read(
      uint64_t from, size_t max_records, size_t max_bytes) const = 0;

  // Highest durable sequence; 0 when the log is empty. Thread-safe.
  virtual uint64_t last_sequence() const = 0;

  // Registers `listener`; returns a handle for RemoveListener. Thread-safe.
  virtual uint64_t AddListener(Listener listener) = 0;

  // After this returns, the listener is not running and is never called
  // again. Thread-safe; must not be called from inside a listener.
  virtual void RemoveListener(uint64_t handle) = 0;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_LOG_RECORD_LOG_H_
