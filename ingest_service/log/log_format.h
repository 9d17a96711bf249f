// Internal to ingest_service/log: the on-disk encoding of the record log
// (segment header, record frame, segment file names), described in the
// banner of record_log.h. Pure functions over bytes; no I/O.
//
//   std::string out = EncodeSegmentHeader({.first_sequence = 1});
//   AppendRecordPayload(1, article.SerializeAsString(), &payload);
//   AppendFrame(payload, &out);
//   Frame f = ParseFrame(absl::string_view(out).substr(kSegmentHeaderSize));
#ifndef GISA_INGEST_SERVICE_LOG_LOG_FORMAT_H_
#define GISA_INGEST_SERVICE_LOG_LOG_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "shared/storage/record_frame.h"

namespace gisa::ingest::log_internal {

inline constexpr uint32_t kFormatVersion = 1;
inline constexpr size_t kSegmentHeaderSize = 40;
// Record frames are shared with the replica's snapshot.
using storage::AppendFrame;
using storage::AppendRecordPayload;
using storage::FrameChecksum;
using storage::kFrameHeaderSize;
using storage::kMaxPayloadBytes;

struct SegmentHeader {
  uint64_t first_sequence = 0;
  // Set in compacted segments only: the exclusive end of the sequence range
  // whose surviving records the segment holds.
  bool compacted = false;
  uint64_t end_sequence = 0;
};

// Exactly kSegmentHeaderSize bytes.
std::string EncodeSegmentHeader(const SegmentHeader& header);

// Decodes the first kSegmentHeaderSize bytes of `bytes`. Errors: DATA_LOSS
// saying what is wrong (short, magic, crc, flags); FAILED_PRECONDITION for
// a newer format version.
absl::StatusOr<SegmentHeader> DecodeSegmentHeader(absl::string_view bytes);

struct Frame {
  enum class Problem { kNone, kShortHeader, kBadLength, kPastEnd, kBadChecksum };
  Problem problem = Problem::kNone;
  // Valid when problem == kNone.
  absl::string_view payload;
  // Header + payload bytes; valid when problem == kNone.
  size_t size = 0;
  // As stored, for messages.
  uint32_t length = 0;
};

// Parses the frame at the start of `data` (which may hold more after it).
Frame ParseFrame(absl::string_view data);

// What is wrong with a frame, for messages: "bad checksum", ...
std::string DescribeProblem(const Frame& frame, size_t available);

// Whether a valid frame starts at any offset of `data`.
bool HasValidFrame(absl::string_view data);

// The fields of a serialized LogRecord the log indexes; article_id points
// into the payload.
struct RecordKey {
  uint64_t sequence = 0;
  absl::string_view article_id;
};

// Reads sequence and article.id without parsing the whole article.
// std::nullopt when the payload is not a LogRecord with a sequence.
std::optional<RecordKey> ParseRecordKey(absl::string_view payload);

// "00000000000000000001.log" for 1.
std::string SegmentFileName(uint64_t first_sequence);

// The first sequence from a segment file name; std::nullopt for other names.
std::optional<uint64_t> ParseSegmentFileName(absl::string_view name);

// Suffix of a compaction's output before it is renamed into place.
inline constexpr absl::string_view kTempSuffix = ".tmp";

}  // namespace gisa::ingest::log_internal

#endif  // GISA_INGEST_SERVICE_LOG_LOG_FORMAT_H_
