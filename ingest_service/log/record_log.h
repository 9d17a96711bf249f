// The durable, append-only log of article records under --data_dir.
//
// Each Append writes one LogRecord (sequence + Article) and returns once the
// record is on disk; Read serves the records back in sequence order to the
// replicas that follow the log; Compact drops versions of an article that a
// newer record of the same id has replaced.
//
//   absl::StatusOr<std::unique_ptr<RecordLog>> log = RecordLog::Open({.dir = d});
//   absl::StatusOr<RecordLog::Appended> a = (*log)->Append(article);
//   // a->sequence == 1 for the first record
//   auto records = (*log)->Read(/*from=*/1, /*max_records=*/100, 1 << 20);
//
// Files. The log is a folder of segment files named by the first sequence of
// the range they cover, 00000000000000000001.log, 00000000000000004097.log,
// ..., plus a LOCK file (flock'd: one process per folder). The last segment is
// the active one; it is sealed and a new one started once it reaches
// Options::segment_bytes. A segment is a 40-byte header, then records:
//
//   header: "gisa.log" | u32 version=1 | u32 flags (bit 0: compacted)
//           | u64 first_sequence | u64 end_sequence | u32 0 | u32 crc
//   record: u32 length | u32 crc | payload (a serialized LogRecord)
//
// Integers are little-endian; every crc is zlib's crc32, masked as leveldb
// does, over everything before it in the header, or over the record's length
// bytes and payload (so a length corrupted into a plausible value is caught).
// A record is at most 64 MiB.
//
// Durability (fsync policy). Append returns only after its record was
// written and fdatasync'd; concurrent Appends are batched into one write and
// one fdatasync (group commit: the first waiting caller writes for all).
// A new segment's header is fdatasync'd and the folder fsync'd before any
// record goes into it. After a failed write or fdatasync the partial write is
// truncated away and every later Append fails with FAILED_PRECONDITION: the
// page cache can no longer be trusted, so the process must restart and
// recover from what is really on disk. Options::sync = false skips the
// syncs (tests only).
//
// Sequences are 1-based and increasing; dense until compaction. Compaction
// rewrites sealed segments keeping only each article's latest record, so
// afterwards sequences have gaps, and a reader that replays the log from 1
// still ends with every article's latest version. A compacted segment sets
// flag bit 0 and end_sequence: it holds the survivors of the range
// [first_sequence, end_sequence), possibly merged from several segments, so
// the ranges of consecutive segments still tile 1..last without holes. It is
// written to NAME.log.tmp, fdatasync'd, renamed over the first input, the
// folder fsync'd, then the other inputs are deleted.
//
// Recovery (Open) scans every segment and checks, naming the file and byte
// offset of the first problem as DATA_LOSS:
//   - the header: magic, version, crc, first_sequence equal to the name;
//   - every record: length <= 64 MiB and inside the file, crc, payload;
//   - sequences: segments' ranges tile from 1 without holes or overlap; every
//     record's sequence is inside its segment's range and increases; in a
//     segment that is not compacted they are dense from first_sequence.
// Exceptions, each reported with one line on stderr:
//   - a torn tail: in the LAST segment, a bad record (incomplete frame, length
//     past the end, bad crc) with no valid record anywhere after it is a write
//     the crash interrupted, never acknowledged; it is truncated away. A last
//     segment with no room for records and an incomplete or invalid header
//     (a crash while creating it; records only follow a synced header) is
//     removed.
//   - leftovers of an interrupted compaction: *.log.tmp files, and segments
//     starting inside a compacted segment's range (inputs it already holds),
//     are removed.
// Anything else refuses to open: records are never skipped silently, even
// when the damage might be an unacknowledged write whose pages reached the
// disk out of order.
//
// Memory. Records stay on disk: the log keeps 8 bytes per record (sequence
// and offset within its segment) and each article id's latest sequence;
// Read preads the records it returns.
#ifndef GISA_INGEST_SERVICE_LOG_RECORD_LOG_H_
#define GISA_INGEST_SERVICE_LOG_RECORD_LOG_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
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
    // The active segment is sealed once it holds this many bytes; also the
    // target size of compacted segments. 1 KiB .. 1 GiB.
    uint64_t segment_bytes = uint64_t{64} << 20;
  };

  struct Appended {
    uint64_t sequence = 0;
    // An earlier record had the same article id.
    bool replaced = false;
  };

  // Called after records are durable, with the new last sequence, on the
  // appending thread, one call at a time in increasing order; every Append
  // returns only after the listeners saw its sequence. Must be quick; may
  // call last_sequence() and Read(), must not call Append, AddListener,
  // RemoveListener or Compact, nor wait for a thread that does.
  using Listener = std::function<void(uint64_t last_sequence)>;

  // Opens (or creates) the log in options.dir and recovers it (see above).
  // Errors: DATA_LOSS naming file, offset and problem for damage before the
  // tail; FAILED_PRECONDITION when another process holds the folder or a file
  // has a newer format version; INVALID_ARGUMENT for bad options; the I/O
  // error for a folder that cannot be used.
  static absl::StatusOr<std::unique_ptr<RecordLog>> Open(const Options& options);

  // No call may be in progress or start during destruction.
  virtual ~RecordLog() = default;

  // Logs `article` as the next record. Returns once durable. Thread-safe.
  // Errors: INVALID_ARGUMENT for an article without id or over 64 MiB; the
  // I/O error; after a write or fsync failure the log refuses further
  // appends (FAILED_PRECONDITION) rather than risk a gap.
  virtual absl::StatusOr<Appended> Append(const gisa::v1::Article& article) = 0;

  // Reads records with sequence >= `from` in increasing order of sequence
  // (dense until compaction, then with gaps): at most `max_records`, and past
  // the first record at most about `max_bytes` of payload. Empty when `from`
  // > last_sequence() or max_records == 0. Blocking file I/O (pread); keep it
  // off reactor threads. Thread-safe. Errors: DATA_LOSS when a record no
  // longer matches its checksum; the I/O error.
  virtual absl::StatusOr<std::vector<gisa::v1::LogRecord>> Read(
      uint64_t from, size_t max_records, size_t max_bytes) const = 0;

  // Highest durable sequence; 0 when the log is empty. Raised before the
  // listeners are called. Compaction never drops this record, so a Read from
  // any sequence <= last_sequence() returns at least one record. Thread-safe.
  virtual uint64_t last_sequence() const = 0;

  // Registers `listener`; returns a handle for RemoveListener. Thread-safe.
  virtual uint64_t AddListener(Listener listener) = 0;

  // After this returns, the listener is not running and is never called
  // again. Thread-safe; blocks while a listener call is in progress, so it
  // must not be called from inside a listener nor while holding a lock that
  // a listener takes. Unknown handles are ignored.
  virtual void RemoveListener(uint64_t handle) = 0;

  // Rewrites the sealed segments (never the active one), dropping every
  // record superseded by a newer record with the same article id, and merges
  // neighbours up to segment_bytes. Crash-safe at every step (see above);
  // runs beside Append and Read, one Compact at a time. Blocking I/O.
  // Errors: the I/O error (the log stays usable, the old files stay valid);
  // DATA_LOSS when a sealed record no longer matches its checksum;
  // FAILED_PRECONDITION after an append failure.
  virtual absl::Status Compact() = 0;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_LOG_RECORD_LOG_H_
