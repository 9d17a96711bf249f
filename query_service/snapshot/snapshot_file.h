// A replica's snapshot: its store's articles as the log records that put
// them there, in one checksummed file, so that a restarting replica loads
// the file and follows the ingest log only from the snapshot's sequence on.
//
//   absl::StatusOr<SnapshotInfo> w = WriteSnapshot(store.Export(), dir);
//   ArticleStore fresh;
//   absl::StatusOr<SnapshotInfo> r = LoadSnapshot(dir, &fresh);
//   // fresh.last_applied_sequence() == w->last_sequence
//
// File DIR/store.snapshot (integers little-endian; crc = zlib crc32):
//
//   header: "gisa.snp" | u32 version=1 | u32 0 | u64 last_sequence
//           | u64 record_count | u32 crc of the header's first 32 bytes
//   record: a frame of shared/storage/record_frame.h (as in the ingest log)
//           holding a serialized gisa.v1.LogRecord, record_count times,
//           sequences increasing
//   footer: "gisa.end" | u32 crc of every byte before it
//
// Written to store.snapshot.tmp, fdatasync'd, renamed over store.snapshot,
// and the folder fsync'd: a crash leaves the old snapshot or the new one,
// never a mix (a stale .tmp is overwritten by the next write).
#ifndef GISA_QUERY_SERVICE_SNAPSHOT_SNAPSHOT_FILE_H_
#define GISA_QUERY_SERVICE_SNAPSHOT_SNAPSHOT_FILE_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "query_service/store/article_store.h"

namespace gisa::query {

inline constexpr char kSnapshotFileName[] = "store.snapshot";
inline constexpr uint32_t kSnapshotVersion = 1;

// What a snapshot file holds.
struct SnapshotInfo {
  std::string path;
  // The store's last applied sequence when the snapshot was taken.
  uint64_t last_sequence = 0;
  int64_t records = 0;
  int64_t bytes = 0;
};

// The snapshot file's path in `dir`.
std::string SnapshotPath(const std::string& dir);

// Writes `contents` (ArticleStore::Export) as DIR/store.snapshot, replacing
// the previous one atomically; creates `dir` when missing. Blocking I/O;
// call from any thread, one writer per folder at a time. Errors: the I/O
// error naming the file (the previous snapshot stays as it was).
absl::StatusOr<SnapshotInfo> WriteSnapshot(
    const ArticleStore::Contents& contents, const std::string& dir);

// Applies the records of DIR/store.snapshot, in order, to `store`, which
// should be empty. Errors: NOT_FOUND when there is no snapshot; DATA_LOSS
// naming the file, byte offset and problem for a damaged or truncated file;
// FAILED_PRECONDITION for another format version; the I/O error. After an
// error the store may hold part of the snapshot: discard it.
absl::StatusOr<SnapshotInfo> LoadSnapshot(const std::string& dir,
                                          ArticleStore* store);

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_SNAPSHOT_SNAPSHOT_FILE_H_
