#include "ingest_service/log/log_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "absl/strings/str_cat.h"

namespace gisa::ingest::log_internal {
namespace {

absl::Status Errno(int error, absl::string_view what, absl::string_view path) {
  return absl::ErrnoToStatus(error, absl::StrCat(what, " ", path));
}

// The folder part of `path`; "." when there is none.
std::string Parent(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

absl::StatusOr<File> File::Open(const std::string& path, bool writable) {
  int fd = ::open(path.c_str(), (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return Errno(errno, "cannot open", path);
  return File(fd, path);
}

absl::StatusOr<File> File::Create(const std::string& path, bool truncate) {
  int flags = O_RDWR | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : O_EXCL);
  int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) return Errno(errno, "cannot create", path);
  return File(fd, path);
}

absl::StatusOr<File> File::Lock(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Errno(errno, "cannot open", path);
  File file(fd, path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return absl::FailedPreconditionError(
          absl::StrCat(path, " is held: another process (or RecordLog) uses this log"));
    }
    return Errno(errno, "cannot lock", path);
  }
  return file;
}

File::File(File&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

File& File::operator=(File&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

File::~File() {
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<uint64_t> File::Size() const {
  struct stat st;
  if (::fstat(fd_, &st) != 0) return Errno(errno, "cannot stat", path_);
  return static_cast<uint64_t>(st.st_size);
}

absl::Status File::ReadAt(uint64_t offset, char* out, size_t n) const {
  while (n > 0) {
    ssize_t got = ::pread(fd_, out, n, static_cast<off_t>(offset));
    if (got < 0) {
      if (errno == EINTR) continue;
      return Errno(errno, "cannot read", path_);
    }
    if (got == 0) {
      return absl::DataLossError(
          absl::StrCat(path_, " ends at byte ", offset, ", before ", n, " more bytes"));
    }
    out += got;
    n -= static_cast<size_t>(got);
    offset += static_cast<uint64_t>(got);
  }
  return absl::OkStatus();
}

absl::Status File::WriteAt(uint64_t offset, absl::string_view data) {
  while (!data.empty()) {
    ssize_t put = ::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(offset));
    if (put < 0) {
      if (errno == EINTR) continue;
      return Errno(errno, "cannot write", path_);
    }
    data.remove_prefix(static_cast<size_t>(put));
    offset += static_cast<uint64_t>(put);
  }
  return absl::OkStatus();
}

absl::Status File::Sync() {
  if (::fdatasync(fd_) != 0) return Errno(errno, "cannot fdatasync", path_);
  return absl::OkStatus();
}

absl::Status File::Truncate(uint64_t size, bool sync) {
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) {
    return Errno(errno, "cannot truncate", path_);
  }
  return sync ? Sync() : absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ListDir(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return Errno(errno, "cannot list", dir);
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  int error = errno;
  ::closedir(d);
  if (error != 0) return Errno(error, "cannot list", dir);
  return names;
}

absl::Status MakeDirs(const std::string& dir, bool sync) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return absl::OkStatus();
    return absl::FailedPreconditionError(absl::StrCat(dir, " is not a folder"));
  }
  std::string parent = Parent(dir);
  if (parent != dir) {
    if (absl::Status s = MakeDirs(parent, sync); !s.ok()) return s;
  }
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Errno(errno, "cannot create folder", dir);
  }
  return sync ? SyncDir(parent) : absl::OkStatus();
}

absl::Status SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno(errno, "cannot open folder", dir);
  int rc = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (rc != 0) return Errno(error, "cannot fsync folder", dir);
  return absl::OkStatus();
}

absl::Status RemoveFile(const std::string& path) {
  if (::unlink(path.c_str()) != 0) return Errno(errno, "cannot remove", path);
  return absl::OkStatus();
}

absl::Status RenameFile(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    return Errno(errno, absl::StrCat("cannot rename ", from, " to"), to);
  }
  return absl::OkStatus();
}

}  // namespace gisa::ingest::log_internal
