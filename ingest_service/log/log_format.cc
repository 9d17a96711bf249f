#include "ingest_service/log/log_format.h"

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"

namespace gisa::ingest::log_internal {
namespace {

using google::protobuf::internal::WireFormatLite;
using storage::GetU32;
using storage::GetU64;
using storage::PutU32;
using storage::PutU64;

constexpr char kMagic[8] = {'g', 'i', 's', 'a', '.', 'l', 'o', 'g'};
constexpr uint32_t kFlagCompacted = 1;
// Bytes of the header covered by its crc (all but the crc itself).
constexpr size_t kHeaderCrcOffset = kSegmentHeaderSize - 4;
constexpr size_t kSegmentNameDigits = 20;
constexpr absl::string_view kSegmentSuffix = ".log";

}  // namespace

std::string EncodeSegmentHeader(const SegmentHeader& header) {
  std::string out(kSegmentHeaderSize, '\0');
  std::memcpy(out.data(), kMagic, sizeof(kMagic));
  PutU32(kFormatVersion, &out[8]);
  PutU32(header.compacted ? kFlagCompacted : 0, &out[12]);
  PutU64(header.first_sequence, &out[16]);
  PutU64(header.compacted ? header.end_sequence : 0, &out[24]);
  uint32_t crc = storage::MaskedCrc32(absl::string_view(out).substr(0, kHeaderCrcOffset));
  PutU32(crc, &out[kHeaderCrcOffset]);
  return out;
}

absl::StatusOr<SegmentHeader> DecodeSegmentHeader(absl::string_view bytes) {
  if (bytes.size() < kSegmentHeaderSize) {
    return absl::DataLossError(absl::StrCat("file of ", bytes.size(),
                                            " bytes is shorter than its header"));
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return absl::DataLossError("bad magic (not a gisa log segment)");
  }
  uint32_t stored = GetU32(bytes.data() + kHeaderCrcOffset);
  if (storage::MaskedCrc32(bytes.substr(0, kHeaderCrcOffset)) != stored) {
    return absl::DataLossError("bad header checksum");
  }
  uint32_t version = GetU32(bytes.data() + 8);
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "format version ", version, " (this build reads ", kFormatVersion, ")"));
  }
  uint32_t flags = GetU32(bytes.data() + 12);
  if ((flags & ~kFlagCompacted) != 0) {
    return absl::DataLossError(absl::StrFormat("unknown header flags 0x%x", flags));
  }
  SegmentHeader header;
  header.first_sequence = GetU64(bytes.data() + 16);
  header.compacted = (flags & kFlagCompacted) != 0;
  header.end_sequence = GetU64(bytes.data() + 24);
  if (header.first_sequence == 0) {
    return absl::DataLossError("header first sequence is 0");
  }
  if (header.compacted && header.end_sequence <= header.first_sequence) {
    return absl::DataLossError(absl::StrCat(
        "compacted range [", header.first_sequence, ", ", header.end_sequence,
        ") is empty"));
  }
  return header;
}

Frame ParseFrame(absl::string_view data) {
  Frame frame;
  if (data.size() < kFrameHeaderSize) {
    frame.problem = Frame::Problem::kShortHeader;
    return frame;
  }
  frame.length = GetU32(data.data());
  // No LogRecord serializes to zero bytes (its sequence is at least 1).
  if (frame.length == 0 || frame.length > kMaxPayloadBytes) {
    frame.problem = Frame::Problem::kBadLength;
    return frame;
  }
  if (frame.length > data.size() - kFrameHeaderSize) {
    frame.problem = Frame::Problem::kPastEnd;
    return frame;
  }
  absl::string_view payload = data.substr(kFrameHeaderSize, frame.length);
  if (FrameChecksum(payload) != GetU32(data.data() + 4)) {
    frame.problem = Frame::Problem::kBadChecksum;
    return frame;
  }
  frame.payload = payload;
  frame.size = kFrameHeaderSize + frame.length;
  return frame;
}

std::string DescribeProblem(const Frame& frame, size_t available) {
  switch (frame.problem) {
    case Frame::Problem::kNone:
      return "no problem";
    case Frame::Problem::kShortHeader:
      return absl::StrCat("incomplete record header (", available, " bytes)");
    case Frame::Problem::kBadLength:
      return absl::StrCat("impossible record length ", frame.length);
    case Frame::Problem::kPastEnd:
      return absl::StrCat("record length ", frame.length, " runs past the end (",
                          available - kFrameHeaderSize, " bytes left)");
    case Frame::Problem::kBadChecksum:
      return absl::StrCat("bad checksum on a record of length ", frame.length);
  }
  return "unknown problem";
}

bool HasValidFrame(absl::string_view data) {
  for (size_t i = 0; i + kFrameHeaderSize < data.size(); ++i) {
    if (ParseFrame(data.substr(i)).problem == Frame::Problem::kNone) return true;
  }
  return false;
}

std::optional<RecordKey> ParseRecordKey(absl::string_view payload) {
  using google::protobuf::io::CodedInputStream;
  CodedInputStream in(reinterpret_cast<const uint8_t*>(payload.data()),
                      static_cast<int>(payload.size()));
  RecordKey key;
  while (uint32_t tag = in.ReadTag()) {
    int field = WireFormatLite::GetTagFieldNumber(tag);
    auto type = WireFormatLite::GetTagWireType(tag);
    if (field == 1 && type == WireFormatLite::WIRETYPE_VARINT) {
      if (!in.ReadVarint64(&key.sequence)) return std::nullopt;
    } else if (field == 2 && type == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return std::nullopt;
      auto limit = in.PushLimit(static_cast<int>(length));
      while (uint32_t inner = in.ReadTag()) {
        if (WireFormatLite::GetTagFieldNumber(inner) == 1 &&
            WireFormatLite::GetTagWireType(inner) ==
                WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
          uint32_t id_length = 0;
          if (!in.ReadVarint32(&id_length)) return std::nullopt;
          int start = in.CurrentPosition();
          if (!in.Skip(static_cast<int>(id_length))) return std::nullopt;
          key.article_id = payload.substr(start, id_length);
        } else if (!WireFormatLite::SkipField(&in, inner)) {
          return std::nullopt;
        }
      }
      // The article ended where its length said, not early.
      if (in.BytesUntilLimit() != 0) return std::nullopt;
      in.PopLimit(limit);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return std::nullopt;
    }
  }
  if (!in.ConsumedEntireMessage() || key.sequence == 0) return std::nullopt;
  return key;
}

std::string SegmentFileName(uint64_t first_sequence) {
  return absl::StrFormat("%020u%s", first_sequence, kSegmentSuffix);
}

std::optional<uint64_t> ParseSegmentFileName(absl::string_view name) {
  if (name.size() != kSegmentNameDigits + kSegmentSuffix.size() ||
      name.substr(kSegmentNameDigits) != kSegmentSuffix) {
    return std::nullopt;
  }
  absl::string_view digits = name.substr(0, kSegmentNameDigits);
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  uint64_t sequence = 0;
  if (!absl::SimpleAtoi(digits, &sequence) || sequence == 0) return std::nullopt;
  return sequence;
}

}  // namespace gisa::ingest::log_internal
