#include "ingest_service/server/compactor.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace gisa::ingest {
namespace {

struct FolderSize {
  size_t segments = 0;
  uint64_t bytes = 0;
};

// The segment files (*.log, not *.log.tmp) in `dir`. Files may appear and
// vanish while we look (appends, compaction): those are skipped, not errors.
FolderSize MeasureSegments(const std::string& dir) {
  FolderSize size;
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end;
       !error && it != end; it.increment(error)) {
    if (it->path().extension() != ".log") continue;
    std::error_code size_error;
    const uintmax_t bytes = it->file_size(size_error);
    if (size_error) continue;
    ++size.segments;
    size.bytes += bytes;
  }
  return size;
}

}  // namespace

std::string CompactionReport::ToString() const {
  const uint64_t reclaimed =
      bytes_before > bytes_after ? bytes_before - bytes_after : 0;
  return absl::StrCat("compacted the log: ", segments_before, " -> ",
                      segments_after, " segments, ", bytes_before, " -> ",
                      bytes_after, " bytes (", reclaimed, " reclaimed) in ",
                      absl::FormatDuration(took));
}

Compactor::Compactor(RecordLog* log, std::string dir, const Options& options,
                     Reporter reporter)
    : log_(log),
      dir_(std::move(dir)),
      options_(options),
      reporter_(std::move(reporter)) {
  if (options_.interval > absl::ZeroDuration()) {
    thread_ = std::thread([this] { Loop(); });
  }
}

Compactor::~Compactor() { Stop(); }

absl::StatusOr<CompactionReport> Compactor::RunOnce() {
  CompactionReport report;
  const absl::Time start = absl::Now();
  const FolderSize before = MeasureSegments(dir_);
  if (absl::Status status = log_->Compact(); !status.ok()) return status;
  const FolderSize after = MeasureSegments(dir_);
  report.took = absl::Now() - start;
  report.segments_before = before.segments;
  report.segments_after = after.segments;
  report.bytes_before = before.bytes;
  report.bytes_after = after.bytes;
  return report;
}

void Compactor::Stop() {
  if (!stop_.HasBeenNotified()) stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

void Compactor::Loop() {
  while (!stop_.WaitForNotificationWithTimeout(options_.interval)) {
    absl::StatusOr<CompactionReport> report = RunOnce();
    if (report.ok()) {
      // Quiet when there was nothing to drop: the common case between bursts.
      const bool changed = report->segments_before != report->segments_after ||
                           report->bytes_before != report->bytes_after;
      if (changed) reporter_(report->ToString());
    } else {
      // The log stays usable; the next run tries again.
      reporter_(absl::StrCat("compaction failed: ", report.status().ToString()));
    }
  }
}

}  // namespace gisa::ingest
