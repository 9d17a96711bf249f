#include "query_service/snapshot/snapshot_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "shared/storage/record_frame.h"

namespace gisa::query {
namespace {

constexpr absl::string_view kHeaderMagic = "gisa.snp";
constexpr absl::string_view kFooterMagic = "gisa.end";
constexpr size_t kHeaderSize = 36;  // 32 bytes + crc
constexpr size_t kFooterSize = 12;  // magic + crc
using storage::kFrameHeaderSize;
using storage::kMaxPayloadBytes;
constexpr size_t kBufferBytes = 1 << 20;

uint32_t Crc(absl::string_view bytes, uint32_t crc = 0) {
  return storage::Crc32(crc, bytes);
}

void PutU32(uint32_t v, std::string* out) {
  char bytes[4];
  storage::PutU32(v, bytes);
  out->append(bytes, 4);
}

void PutU64(uint64_t v, std::string* out) {
  char bytes[8];
  storage::PutU64(v, bytes);
  out->append(bytes, 8);
}

using storage::GetU32;
using storage::GetU64;

absl::Status ErrnoError(absl::string_view what, const std::string& path) {
  const int error = errno;
  return absl::Status(
      error == ENOENT ? absl::StatusCode::kNotFound : absl::StatusCode::kInternal,
      absl::StrCat(what, " ", path, ": ", std::strerror(error)));
}

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Buffers the file's bytes and keeps the running crc of all written.
class Writer {
 public:
  Writer(std::FILE* file, const std::string& path) : file_(file), path_(path) {}

  absl::Status Add(absl::string_view bytes) {
    crc_ = Crc(bytes, crc_);
    bytes_ += static_cast<int64_t>(bytes.size());
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
      return ErrnoError("cannot write", path_);
    }
    return absl::OkStatus();
  }
  uint32_t crc() const { return crc_; }
  int64_t bytes() const { return bytes_; }

 private:
  std::FILE* const file_;
  const std::string& path_;
  uint32_t crc_ = 0;
  int64_t bytes_ = 0;
};

absl::Status SyncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return ErrnoError("cannot open folder", dir);
  const int synced = ::fsync(fd);
  absl::Status status = synced == 0 ? absl::OkStatus()
                                    : ErrnoError("cannot fsync folder", dir);
  ::close(fd);
  return status;
}

absl::Status WriteFile(const ArticleStore::Contents& contents,
                       const std::string& path, int64_t* bytes) {
  FilePtr file(std::fopen(path.c_str(), "wb"));
  if (file == nullptr) return ErrnoError("cannot create", path);
  std::setvbuf(file.get(), nullptr, _IOFBF, kBufferBytes);
  Writer writer(file.get(), path);

  std::string header(kHeaderMagic);
  PutU32(kSnapshotVersion, &header);
  PutU32(0, &header);
  PutU64(contents.last_applied_sequence, &header);
  PutU64(contents.records.size(), &header);
  PutU32(Crc(header), &header);
  absl::Status status = writer.Add(header);
  if (!status.ok()) return status;

  std::string payload;
  std::string frame;
  for (const auto& [sequence, article] : contents.records) {
    payload.clear();
    storage::AppendRecordPayload(sequence, article->SerializeAsString(),
                                 &payload);
    frame.clear();
    storage::AppendFrame(payload, &frame);
    status = writer.Add(frame);
    if (!status.ok()) return status;
  }
  status = writer.Add(kFooterMagic);
  if (!status.ok()) return status;
  std::string crc;
  PutU32(writer.crc(), &crc);
  status = writer.Add(crc);
  if (!status.ok()) return status;

  if (std::fflush(file.get()) != 0) return ErrnoError("cannot write", path);
  if (::fdatasync(fileno(file.get())) != 0) return ErrnoError("cannot fsync", path);
  if (std::fclose(file.release()) != 0) return ErrnoError("cannot close", path);
  *bytes = writer.bytes();
  return absl::OkStatus();
}

// Reads the file front to back, keeping the running crc of what was read
// and the offset, for messages.
class Reader {
 public:
  Reader(std::FILE* file, const std::string& path) : file_(file), path_(path) {}

  // Reads exactly n bytes into *out. DATA_LOSS when the file ends first.
  absl::Status Read(size_t n, std::string* out, absl::string_view what) {
    out->resize(n);
    const size_t got = std::fread(out->data(), 1, n, file_);
    if (got != n) {
      if (std::ferror(file_)) return ErrnoError("cannot read", path_);
      return Damage(absl::StrCat("file ends inside the ", what, " (", got,
                                 " of ", n, " bytes)"));
    }
    crc_ = Crc(*out, crc_);
    offset_ += n;
    return absl::OkStatus();
  }

  bool AtEnd() { return std::fgetc(file_) == EOF && !std::ferror(file_); }

  absl::Status Damage(absl::string_view problem, uint64_t at) const {
    return absl::DataLossError(absl::StrCat("snapshot ", path_, " is damaged at byte ",
                                            at, ": ", problem));
  }
  absl::Status Damage(absl::string_view problem) const {
    return Damage(problem, offset_);
  }

  uint32_t crc() const { return crc_; }
  uint64_t offset() const { return offset_; }

 private:
  std::FILE* const file_;
  const std::string& path_;
  uint32_t crc_ = 0;
  uint64_t offset_ = 0;
};

struct Header {
  uint64_t last_sequence = 0;
  uint64_t records = 0;
};

absl::StatusOr<Header> ReadHeader(Reader& reader, const std::string& path) {
  std::string bytes;
  absl::Status status = reader.Read(kHeaderSize, &bytes, "header");
  if (!status.ok()) return status;
  if (absl::string_view(bytes).substr(0, kHeaderMagic.size()) != kHeaderMagic) {
    return reader.Damage("not a gisa snapshot (bad magic)", 0);
  }
  // magic | version | reserved | last_sequence | record_count | crc
  const char* p = bytes.data();
  if (GetU32(p + 32) != Crc(absl::string_view(bytes).substr(0, 32))) {
    return reader.Damage("bad header checksum", 0);
  }
  const uint32_t version = GetU32(p + 8);
  if (version != kSnapshotVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("snapshot ", path, " has format version ", version,
                     "; this build reads version ", kSnapshotVersion));
  }
  Header header;
  header.last_sequence = GetU64(p + 16);
  header.records = GetU64(p + 24);
  return header;
}

}  // namespace

std::string SnapshotPath(const std::string& dir) {
  return absl::StrCat(dir, "/", kSnapshotFileName);
}

absl::StatusOr<SnapshotInfo> WriteSnapshot(
    const ArticleStore::Contents& contents, const std::string& dir) {
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return ErrnoError("cannot create folder", dir);
  }
  SnapshotInfo info;
  info.path = SnapshotPath(dir);
  info.last_sequence = contents.last_applied_sequence;
  info.records = static_cast<int64_t>(contents.records.size());
  const std::string temp = absl::StrCat(info.path, ".tmp");
  absl::Status status = WriteFile(contents, temp, &info.bytes);
  if (status.ok() && std::rename(temp.c_str(), info.path.c_str()) != 0) {
    status = ErrnoError(absl::StrCat("cannot rename ", temp, " to"), info.path);
  }
  if (!status.ok()) {
    std::remove(temp.c_str());
    return status;
  }
  status = SyncDir(dir);
  if (!status.ok()) return status;
  return info;
}

absl::StatusOr<SnapshotInfo> LoadSnapshot(const std::string& dir,
                                          ArticleStore* store) {
  SnapshotInfo info;
  info.path = SnapshotPath(dir);
  FilePtr file(std::fopen(info.path.c_str(), "rb"));
  if (file == nullptr) return ErrnoError("cannot open", info.path);
  std::setvbuf(file.get(), nullptr, _IOFBF, kBufferBytes);
  Reader reader(file.get(), info.path);

  absl::StatusOr<Header> header = ReadHeader(reader, info.path);
  if (!header.ok()) return header.status();
  info.last_sequence = header->last_sequence;

  std::string frame;
  std::string payload;
  gisa::v1::LogRecord record;
  uint64_t previous = 0;
  for (uint64_t i = 0; i < header->records; ++i) {
    const uint64_t at = reader.offset();
    absl::Status status = reader.Read(kFrameHeaderSize, &frame, "record header");
    if (!status.ok()) return status;
    const uint32_t length = GetU32(frame.data());
    const uint32_t crc = GetU32(frame.data() + 4);
    if (length > kMaxPayloadBytes) {
      return reader.Damage(absl::StrCat("record ", i, " has a length of ", length,
                                        " bytes"), at);
    }
    status = reader.Read(length, &payload, "record");
    if (!status.ok()) return status;
    if (storage::FrameChecksum(payload) != crc) {
      return reader.Damage(absl::StrCat("record ", i, " has a bad checksum"), at);
    }
    if (!record.ParseFromString(payload)) {
      return reader.Damage(absl::StrCat("record ", i, " is not a LogRecord"), at);
    }
    if (record.sequence() <= previous || record.sequence() > info.last_sequence) {
      return reader.Damage(
          absl::StrCat("record ", i, " has sequence ", record.sequence(),
                       " after ", previous, " (snapshot ends at ",
                       info.last_sequence, ")"),
          at);
    }
    previous = record.sequence();
    status = store->Apply(record);
    if (!status.ok()) {
      return reader.Damage(absl::StrCat("record ", i, ": ", status.message()), at);
    }
  }

  const uint64_t footer_at = reader.offset();
  std::string footer;
  absl::Status status = reader.Read(kFooterMagic.size(), &footer, "footer");
  if (!status.ok()) return status;
  if (footer != kFooterMagic) {
    return reader.Damage("no footer after the last record", footer_at);
  }
  const uint32_t expected = reader.crc();
  status = reader.Read(4, &footer, "footer");
  if (!status.ok()) return status;
  if (GetU32(footer.data()) != expected) {
    return reader.Damage("bad file checksum", footer_at);
  }
  if (!reader.AtEnd()) return reader.Damage("bytes after the footer");
  info.records = static_cast<int64_t>(header->records);
  info.bytes = static_cast<int64_t>(reader.offset());
  return info;
}

}  // namespace gisa::query
