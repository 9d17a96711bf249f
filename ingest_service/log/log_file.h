// Internal to ingest_service/log: the POSIX file operations the record log
// needs, as absl::Status-returning calls that name the file in every error.
//
//   absl::StatusOr<File> f = File::Create(dir + "/00000000000000000001.log");
//   absl::Status s = f->WriteAt(0, bytes);
//   if (s.ok()) s = f->Sync();
#ifndef GISA_INGEST_SERVICE_LOG_LOG_FILE_H_
#define GISA_INGEST_SERVICE_LOG_LOG_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gisa::ingest::log_internal {

// An open file descriptor, closed on destruction. Move-only. The positional
// calls (ReadAt, WriteAt) may run on several threads at once.
class File {
 public:
  // Opens an existing file, read-only unless `writable`.
  static absl::StatusOr<File> Open(const std::string& path, bool writable);
  // Creates a file for reading and writing; fails if it exists unless
  // `truncate`, which empties an existing one.
  static absl::StatusOr<File> Create(const std::string& path, bool truncate = false);
  // Opens or creates `path` and takes an exclusive flock on it, released when
  // the File closes. FAILED_PRECONDITION when another holder has it.
  static absl::StatusOr<File> Lock(const std::string& path);

  File(File&& other) noexcept;
  File& operator=(File&& other) noexcept;
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  ~File();

  const std::string& path() const { return path_; }
  // Renames only the File's idea of its path (after a rename on disk).
  void set_path(std::string path) { path_ = std::move(path); }

  absl::StatusOr<uint64_t> Size() const;
  // Reads exactly `n` bytes; DATA_LOSS when the file ends before.
  absl::Status ReadAt(uint64_t offset, char* out, size_t n) const;
  // Writes all of `data` at `offset`.
  absl::Status WriteAt(uint64_t offset, absl::string_view data);
  // fdatasync.
  absl::Status Sync();
  // Cuts the file to `size` bytes, then syncs if `sync`.
  absl::Status Truncate(uint64_t size, bool sync);

 private:
  File(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}

  int fd_ = -1;
  std::string path_;
};

// The names in `dir` (without "." and "..").
absl::StatusOr<std::vector<std::string>> ListDir(const std::string& dir);

// Creates `dir` and missing parents; fsyncs each new folder's parent if
// `sync`.
absl::Status MakeDirs(const std::string& dir, bool sync);

// fsync of a folder, making creations, renames and removals in it durable.
absl::Status SyncDir(const std::string& dir);

absl::Status RemoveFile(const std::string& path);

// rename(2): atomically replaces `to`.
absl::Status RenameFile(const std::string& from, const std::string& to);

}  // namespace gisa::ingest::log_internal

#endif  // GISA_INGEST_SERVICE_LOG_LOG_FILE_H_
