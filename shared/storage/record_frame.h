// The record framing both durable files of gisa use: the ingest log
// (ingest_service/log) and the replica's snapshot (query_service/snapshot).
//
// A frame is [u32 length][u32 checksum][payload], little-endian; the checksum
// is a masked crc32 over the length bytes and the payload, so that a length
// damaged into a plausible value is caught too. A record payload is a
// serialized gisa.v1.LogRecord.
//
//   std::string payload, out;
//   AppendRecordPayload(7, article.SerializeAsString(), &payload);
//   AppendFrame(payload, &out);
#ifndef GISA_SHARED_STORAGE_RECORD_FRAME_H_
#define GISA_SHARED_STORAGE_RECORD_FRAME_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace gisa::storage {

inline constexpr size_t kFrameHeaderSize = 8;
// Larger lengths are damage, not records.
inline constexpr uint32_t kMaxPayloadBytes = uint32_t{64} << 20;

// Little-endian fixed-width integers. Thread-safe; no checks: `in` must hold
// the bytes and `out` room for them.
void PutU32(uint32_t v, char* out);
void PutU64(uint64_t v, char* out);
uint32_t GetU32(const char* in);
uint64_t GetU64(const char* in);

// zlib's crc32 of `bytes`, continuing from `crc` (0 to start).
uint32_t Crc32(uint32_t crc, absl::string_view bytes);

// crc32 of `bytes`, masked as checksums stored beside their data are
// (a file header's, a frame's).
uint32_t MaskedCrc32(absl::string_view bytes);

// The checksum stored in the frame of `payload`.
uint32_t FrameChecksum(absl::string_view payload);

// Appends the frame [length][checksum][payload] to `out`.
void AppendFrame(absl::string_view payload, std::string* out);

// Appends a serialized gisa.v1.LogRecord{sequence, article} given the
// already serialized article, without parsing it again.
void AppendRecordPayload(uint64_t sequence, absl::string_view article_bytes,
                         std::string* out);

}  // namespace gisa::storage

#endif  // GISA_SHARED_STORAGE_RECORD_FRAME_H_
