#include "query_service/snapshot/snapshotter.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace gisa::query {
namespace {

// How often the thread looks whether a snapshot is due.
constexpr absl::Duration kTick = absl::Milliseconds(200);
// After a failed write, the next try waits this long (a full disk).
constexpr absl::Duration kRetryAfter = absl::Seconds(30);
// Between two periodic writes the thread rests this many times as long as
// the last write took, so that writing a large store (during a fast
// catch-up, say) takes at most about a tenth of the time.
constexpr int kRestFactor = 9;

void Log(const std::string& line) {
  std::fprintf(stderr, "query_service: snapshot: %s\n", line.c_str());
}

std::string Rate(int64_t records, absl::Duration took) {
  const double seconds = std::max(absl::ToDoubleSeconds(took), 1e-6);
  return absl::StrCat(static_cast<int64_t>(records / seconds), " records/s");
}

}  // namespace

bool RestoreSnapshot(const std::string& dir, ArticleStore* store) {
  const absl::Time start = absl::Now();
  absl::StatusOr<SnapshotInfo> loaded = LoadSnapshot(dir, store);
  const absl::Duration took = absl::Now() - start;
  if (loaded.ok()) {
    Log(absl::StrCat("loaded ", loaded->records, " articles up to sequence ",
                     loaded->last_sequence, " from ", loaded->path, " in ",
                     absl::FormatDuration(absl::Trunc(took, absl::Milliseconds(1))),
                     " (", Rate(loaded->records, took), "); following from ",
                     loaded->last_sequence + 1));
    return true;
  }
  if (absl::IsNotFound(loaded.status())) {
    Log(absl::StrCat("none in ", dir, "; replaying the whole log"));
    return true;  // nothing was applied
  }
  Log(absl::StrCat("cannot use the snapshot (", loaded.status().ToString(),
                   "); falling back to a full replay of the log"));
  return false;
}

Snapshotter::Snapshotter(const ArticleStore* store, Options options)
    : store_(store), options_(std::move(options)) {
  absl::MutexLock lock(&mu_);
  written_sequence_ = store_->last_applied_sequence();
  written_at_ = absl::Now();
}

Snapshotter::~Snapshotter() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void Snapshotter::Start() {
  thread_ = std::thread([this] { Run(); });
}

void Snapshotter::Stop() {
  {
    absl::MutexLock lock(&mu_);
    if (stopped_) return;
    stopped_ = true;
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
  WriteNow().IgnoreError();  // logged
}

uint64_t Snapshotter::snapshot_sequence() const {
  absl::MutexLock lock(&mu_);
  return written_sequence_;
}

bool Snapshotter::Due(absl::Time now) const {
  absl::MutexLock lock(&mu_);
  const uint64_t applied = store_->last_applied_sequence();
  if (applied <= written_sequence_) return false;
  if (failed_ && now - written_at_ < kRetryAfter) return false;
  if (now - written_at_ < kRestFactor * write_took_) return false;
  if (options_.every_records > 0 &&
      applied - written_sequence_ >= options_.every_records) {
    return true;
  }
  return options_.interval > absl::ZeroDuration() &&
         now - written_at_ >= options_.interval;
}

void Snapshotter::Run() {
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    mu_.AwaitWithTimeout(absl::Condition(&stopping_), kTick);
    if (stopping_) break;
    mu_.Unlock();
    if (Due(absl::Now())) WriteNow().IgnoreError();  // logged
    mu_.Lock();
  }
}

absl::Status Snapshotter::WriteNow() {
  absl::MutexLock write_lock(&write_mu_);
  const absl::Time start = absl::Now();
  ArticleStore::Contents contents = store_->Export();
  {
    absl::MutexLock lock(&mu_);
    if (contents.last_applied_sequence <= written_sequence_) {
      return absl::OkStatus();
    }
  }
  absl::StatusOr<SnapshotInfo> written = WriteSnapshot(contents, options_.dir);
  const absl::Duration took = absl::Now() - start;
  absl::MutexLock lock(&mu_);
  written_at_ = absl::Now();
  write_took_ = took;
  failed_ = !written.ok();
  if (!written.ok()) {
    Log(absl::StrCat("cannot write: ", written.status().ToString()));
    return written.status();
  }
  written_sequence_ = written->last_sequence;
  Log(absl::StrCat("wrote ", written->records, " articles up to sequence ",
                   written->last_sequence, " to ", written->path, " (",
                   written->bytes, " bytes) in ",
                   absl::FormatDuration(absl::Trunc(took, absl::Milliseconds(1)))));
  return absl::OkStatus();
}

}  // namespace gisa::query
