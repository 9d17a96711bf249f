#include "shared/storage/record_frame.h"

#include <zlib.h>

#include "google/protobuf/wire_format_lite.h"

namespace gisa::storage {
namespace {

using google::protobuf::internal::WireFormatLite;

// As leveldb: a crc stored next to the data it covers is rotated and offset,
// so that data which itself holds crcs does not checksum to trivial values.
uint32_t Mask(uint32_t crc) {
  return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

void AppendVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

}  // namespace

void PutU32(uint32_t v, char* out) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>(v >> (8 * i));
}

void PutU64(uint64_t v, char* out) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(v >> (8 * i));
}

uint32_t GetU32(const char* in) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

uint64_t GetU64(const char* in) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

uint32_t Crc32(uint32_t crc, absl::string_view bytes) {
  // zlib takes uInt lengths; framed payloads are at most 64 MiB.
  return static_cast<uint32_t>(
      crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()),
            static_cast<uInt>(bytes.size())));
}

uint32_t MaskedCrc32(absl::string_view bytes) { return Mask(Crc32(0, bytes)); }

uint32_t FrameChecksum(absl::string_view payload) {
  char length[4];
  PutU32(static_cast<uint32_t>(payload.size()), length);
  return Mask(Crc32(Crc32(0, absl::string_view(length, 4)), payload));
}

void AppendFrame(absl::string_view payload, std::string* out) {
  char header[kFrameHeaderSize];
  PutU32(static_cast<uint32_t>(payload.size()), header);
  PutU32(FrameChecksum(payload), header + 4);
  out->append(header, kFrameHeaderSize);
  out->append(payload.data(), payload.size());
}

void AppendRecordPayload(uint64_t sequence, absl::string_view article_bytes,
                         std::string* out) {
  // LogRecord{uint64 sequence = 1; Article article = 2;} in wire format.
  out->push_back(static_cast<char>(
      WireFormatLite::MakeTag(1, WireFormatLite::WIRETYPE_VARINT)));
  AppendVarint(sequence, out);
  out->push_back(static_cast<char>(
      WireFormatLite::MakeTag(2, WireFormatLite::WIRETYPE_LENGTH_DELIMITED)));
  AppendVarint(article_bytes.size(), out);
  out->append(article_bytes.data(), article_bytes.size());
}

}  // namespace gisa::storage
