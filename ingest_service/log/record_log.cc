#include "ingest_service/log/record_log.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <limits>
#include <deque>
#include <map>
#include <optional>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "ingest_service/log/log_file.h"
#include "ingest_service/log/log_format.h"

namespace gisa::ingest {
namespace {

using log_internal::AppendFrame;
using log_internal::AppendRecordPayload;
using log_internal::DescribeProblem;
using log_internal::EncodeSegmentHeader;
using log_internal::File;
using log_internal::Frame;
using log_internal::kFrameHeaderSize;
using log_internal::kMaxPayloadBytes;
using log_internal::kSegmentHeaderSize;
using log_internal::kTempSuffix;
using log_internal::ParseFrame;
using log_internal::ParseRecordKey;
using log_internal::RecordKey;
using log_internal::SegmentFileName;
using log_internal::SegmentHeader;

// One group commit writes at most this much (but always one record).
constexpr size_t kMaxBatchBytes = size_t{8} << 20;
constexpr uint64_t kMinSegmentBytes = uint64_t{1} << 10;
constexpr uint64_t kMaxSegmentBytes = uint64_t{1} << 30;
// LogRecord framing around the article bytes: two tags, two varints.
constexpr size_t kPayloadOverhead = 2 + 10 + 10;

void Note(absl::string_view line) {
  std::fprintf(stderr, "record_log: %.*s\n", static_cast<int>(line.size()),
               line.data());
}

// Where a record lives, 8 bytes per record: its sequence as an offset from
// its segment's first sequence and its byte offset in the file. Segments are
// below 4 GiB (segment_bytes <= 1 GiB plus one batch).
struct IndexEntry {
  uint32_t sequence_delta;
  uint32_t offset;
};

// One segment file and the index of its records.
struct Segment {
  uint64_t first_sequence = 0;
  // Compacted segments: the exclusive end of their range.
  bool compacted = false;
  uint64_t end_sequence = 0;
  std::string path;
  // Shared with readers, so that a compaction replacing the segment does not
  // close the descriptor under them.
  std::shared_ptr<File> file;
  std::vector<IndexEntry> entries;
  // Header plus complete, durable records.
  uint64_t size = kSegmentHeaderSize;

  uint64_t SequenceAt(size_t i) const {
    return first_sequence + entries[i].sequence_delta;
  }
  uint64_t FrameEnd(size_t i) const {
    return i + 1 < entries.size() ? entries[i + 1].offset : size;
  }
  // The first sequence after this segment's range.
  uint64_t RangeEnd() const {
    if (compacted) return end_sequence;
    return entries.empty() ? first_sequence : SequenceAt(entries.size() - 1) + 1;
  }
  void Add(uint64_t sequence, uint64_t offset) {
    entries.push_back({static_cast<uint32_t>(sequence - first_sequence),
                       static_cast<uint32_t>(offset)});
  }
};

// Records read from one segment by Read: a contiguous byte range.
struct ReadSpan {
  std::shared_ptr<File> file;
  uint64_t offset = 0;
  uint64_t length = 0;
  std::vector<uint64_t> sequences;
};

// A sealed segment's surviving records, ready to go into a compacted file.
struct Survivors {
  std::string frames;
  std::vector<std::pair<uint64_t, uint64_t>> sequence_offsets;  // in `frames`
  size_t dropped = 0;
};

class RecordLogImpl final : public RecordLog {
 public:
  RecordLogImpl(const Options& options, File lock)
      : options_(options), lock_(std::move(lock)) {}

  absl::Status Recover();

  absl::StatusOr<Appended> Append(const gisa::v1::Article& article) override;
  absl::StatusOr<std::vector<gisa::v1::LogRecord>> Read(
      uint64_t from, size_t max_records, size_t max_bytes) const override;
  uint64_t last_sequence() const override {
    return last_sequence_.load(std::memory_order_acquire);
  }
  uint64_t AddListener(Listener listener) override;
  void RemoveListener(uint64_t handle) override;
  absl::Status Compact() override;

 private:
  // An Append waiting in line; the one at the front writes for the batch.
  struct Writer {
    std::string id;
    std::string article_bytes;
    uint64_t sequence = 0;
    bool replaced = false;
    bool done = false;
    absl::Status status;
    absl::CondVar cv;
  };

  // A sealed segment as Compact sees it.
  struct CompactInput {
    Segment* segment;  // identity check when swapping; never dereferenced
    uint64_t first_sequence;
    uint64_t range_end;
    std::string path;
    std::shared_ptr<File> file;
    uint64_t size;
  };

  std::string PathOf(uint64_t first_sequence) const {
    return absl::StrCat(options_.dir, "/", SegmentFileName(first_sequence));
  }

  // Recovery steps.
  absl::Status LoadSegment(uint64_t first_sequence, bool is_last,
                           uint64_t expected_first, bool* removed);
  absl::Status ScanRecords(Segment& segment, bool is_last, const std::string& data);

  // Creates, syncs and returns an empty active segment.
  absl::StatusOr<std::unique_ptr<Segment>> CreateSegment(uint64_t first_sequence);

  // Append steps, run by the batch's leader.
  std::vector<Writer*> TakeBatch() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status WriteBatch(const std::vector<Writer*>& batch, File& file,
                          uint64_t offset, std::vector<uint64_t>* offsets);
  void MaybeRoll();
  void CallListeners(uint64_t last);

  // Compaction steps.
  absl::StatusOr<Survivors> CollectSurvivors(const CompactInput& input);
  absl::Status RewriteGroup(const std::vector<CompactInput>& group,
                            const std::vector<Survivors>& survivors);

  const Options options_;
  File lock_;

  mutable absl::Mutex mu_;
  // Ordered by first sequence; the last one is active. Never empty once open.
  std::vector<std::unique_ptr<Segment>> segments_ ABSL_GUARDED_BY(mu_);
  // The sequence of each article's latest durable record.
  absl::flat_hash_map<std::string, uint64_t> latest_ ABSL_GUARDED_BY(mu_);
  std::deque<Writer*> writers_ ABSL_GUARDED_BY(mu_);
  // Set by a failed write; Append refuses from then on.
  absl::Status failed_ ABSL_GUARDED_BY(mu_);
  // Written under mu_, read without.
  std::atomic<uint64_t> last_sequence_{0};

  // Held while listeners run, so RemoveListener waits for them.
  absl::Mutex listeners_mu_ ABSL_ACQUIRED_AFTER(mu_);
  std::map<uint64_t, Listener> listeners_ ABSL_GUARDED_BY(listeners_mu_);
  uint64_t next_handle_ ABSL_GUARDED_BY(listeners_mu_) = 1;

  // One Compact at a time; taken before mu_.
  absl::Mutex compact_mu_ ABSL_ACQUIRED_BEFORE(mu_);
};

// ---------------------------------------------------------------- recovery

absl::Status RecordLogImpl::Recover() {
  absl::StatusOr<std::vector<std::string>> names = log_internal::ListDir(options_.dir);
  if (!names.ok()) return names.status();
  std::vector<uint64_t> firsts;
  bool removed_any = false;
  for (const std::string& name : *names) {
    if (absl::EndsWith(name, kTempSuffix)) {
      std::string path = absl::StrCat(options_.dir, "/", name);
      if (absl::Status s = log_internal::RemoveFile(path); !s.ok()) return s;
      Note(absl::StrCat(path, ": removed the output of an interrupted compaction"));
      removed_any = true;
    } else if (auto first = log_internal::ParseSegmentFileName(name)) {
      firsts.push_back(*first);
    }
  }
  std::sort(firsts.begin(), firsts.end());

  absl::MutexLock lock(&mu_);
  for (size_t i = 0; i < firsts.size(); ++i) {
    uint64_t expected = segments_.empty() ? 1 : segments_.back()->RangeEnd();
    bool removed = false;
    absl::Status s = LoadSegment(firsts[i], i + 1 == firsts.size(), expected, &removed);
    if (!s.ok()) return s;
    removed_any |= removed;
  }
  if (removed_any && options_.sync) {
    if (absl::Status s = log_internal::SyncDir(options_.dir); !s.ok()) return s;
  }
  // Appends go to an uncompacted segment that continues the last range. It
  // may have been opened read-only when a torn segment after it was removed.
  if (!segments_.empty() && !segments_.back()->compacted) {
    absl::StatusOr<File> file = File::Open(segments_.back()->path, /*writable=*/true);
    if (!file.ok()) return file.status();
    segments_.back()->file = std::make_shared<File>(*std::move(file));
  } else {
    uint64_t first = segments_.empty() ? 1 : segments_.back()->RangeEnd();
    absl::StatusOr<std::unique_ptr<Segment>> created = CreateSegment(first);
    if (!created.ok()) return created.status();
    segments_.push_back(*std::move(created));
  }
  last_sequence_.store(segments_.back()->RangeEnd() - 1, std::memory_order_release);
  return absl::OkStatus();
}

// Opens the segment starting at `first_sequence`, checks it continues the
// segments before (`expected_first`) and indexes its records. Sets `removed`
// when the segment was a leftover or a torn creation and was deleted.
absl::Status RecordLogImpl::LoadSegment(uint64_t first_sequence, bool is_last,
                                        uint64_t expected_first, bool* removed) {
  std::string path = PathOf(first_sequence);
  auto damage = [&](uint64_t offset, absl::string_view what) {
    return absl::DataLossError(
        absl::StrCat("record log damaged: ", path, " at byte ", offset, ": ", what));
  };
  if (!segments_.empty() && segments_.back()->compacted &&
      first_sequence < segments_.back()->end_sequence) {
    // Compaction renamed its output into place but crashed before deleting
    // this input, whose records the output already holds.
    if (absl::Status s = log_internal::RemoveFile(path); !s.ok()) return s;
    Note(absl::StrCat(path, ": removed, already merged into ",
                      segments_.back()->path, " by a compaction"));
    *removed = true;
    return absl::OkStatus();
  }
  absl::StatusOr<File> file = File::Open(path, /*writable=*/is_last);
  if (!file.ok()) return file.status();
  absl::StatusOr<uint64_t> size = file->Size();
  if (!size.ok()) return size.status();
  if (*size > kMaxSegmentBytes + kMaxBatchBytes + kMaxPayloadBytes) {
    return damage(0, absl::StrCat("file of ", *size, " bytes is too large for a segment"));
  }
  std::string data(*size, '\0');
  if (absl::Status s = file->ReadAt(0, data.data(), data.size()); !s.ok()) return s;
  absl::StatusOr<SegmentHeader> header = log_internal::DecodeSegmentHeader(data);
  if (!header.ok() && is_last && *size <= kSegmentHeaderSize) {
    // A crash while creating the segment. Records are only written after
    // the header is durable, so none was ever acknowledged here.
    if (absl::Status s = log_internal::RemoveFile(path); !s.ok()) return s;
    Note(absl::StrCat(path, ": removed a segment of ", *size,
                      " bytes whose header was never completed (",
                      header.status().message(), ")"));
    *removed = true;
    return absl::OkStatus();
  }
  if (!header.ok()) {
    if (header.status().code() == absl::StatusCode::kDataLoss) {
      return damage(0, header.status().message());
    }
    return absl::Status(header.status().code(),
                        absl::StrCat(path, ": ", header.status().message()));
  }
  if (header->first_sequence != first_sequence) {
    return damage(0, absl::StrCat("header says the first sequence is ",
                                  header->first_sequence, ", the name says ",
                                  first_sequence));
  }
  if (first_sequence != expected_first) {
    return damage(0, expected_first == 1
                         ? absl::StrCat("the first segment starts at sequence ",
                                        first_sequence, ", not 1: segments are missing")
                         : absl::StrCat("segment starts at sequence ", first_sequence,
                                        " but the segments before end at ",
                                        expected_first - 1,
                                        ": a segment is missing or overlaps"));
  }
  auto segment = std::make_unique<Segment>();
  segment->first_sequence = first_sequence;
  segment->compacted = header->compacted;
  segment->end_sequence = header->end_sequence;
  segment->path = path;
  segment->file = std::make_shared<File>(*std::move(file));
  if (header->compacted &&
      header->end_sequence - first_sequence > std::numeric_limits<uint32_t>::max()) {
    return damage(0, "compacted range too wide");
  }
  if (absl::Status s = ScanRecords(*segment, is_last, data); !s.ok()) return s;
  if (!is_last && !segment->compacted && segment->entries.empty()) {
    return damage(kSegmentHeaderSize, "sealed segment holds no records");
  }
  segments_.push_back(std::move(segment));
  return absl::OkStatus();
}

// Indexes the records of `segment` (whose bytes are `data`), cutting a torn
// tail of the last segment.
absl::Status RecordLogImpl::ScanRecords(Segment& segment, bool is_last,
                                        const std::string& data) {
  auto damage = [&](uint64_t offset, absl::string_view what) {
    return absl::DataLossError(absl::StrCat("record log damaged: ", segment.path,
                                            " at byte ", offset, ": ", what));
  };
  absl::string_view bytes(data);
  uint64_t offset = kSegmentHeaderSize;
  uint64_t next = segment.first_sequence;  // lowest acceptable sequence
  while (offset < bytes.size()) {
    absl::string_view rest = bytes.substr(offset);
    Frame frame = ParseFrame(rest);
    if (frame.problem != Frame::Problem::kNone) {
      std::string problem = DescribeProblem(frame, rest.size());
      if (!is_last) return damage(offset, problem);
      if (log_internal::HasValidFrame(rest.substr(1))) {
        return damage(offset, absl::StrCat(problem, ", with valid records after it"));
      }
      if (absl::Status s = segment.file->Truncate(offset, options_.sync); !s.ok()) {
        return s;
      }
      Note(absl::StrCat(segment.path, ": cut ", rest.size(),
                        " bytes of torn tail at byte ", offset, " (", problem, ")"));
      break;
    }
    std::optional<RecordKey> key = ParseRecordKey(frame.payload);
    if (!key) return damage(offset, "record payload is not a LogRecord");
    if (key->sequence < next || (!segment.compacted && key->sequence != next)) {
      return damage(offset, absl::StrCat("sequence ", key->sequence, " where ",
                                         segment.compacted ? "at least " : "", next,
                                         " was expected"));
    }
    if (segment.compacted && key->sequence >= segment.end_sequence) {
      return damage(offset, absl::StrCat("sequence ", key->sequence,
                                         " outside the compacted range ending at ",
                                         segment.end_sequence));
    }
    segment.Add(key->sequence, offset);
    latest_[key->article_id] = key->sequence;
    next = key->sequence + 1;
    offset += frame.size;
  }
  segment.size = offset;
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Segment>> RecordLogImpl::CreateSegment(
    uint64_t first_sequence) {
  auto segment = std::make_unique<Segment>();
  segment->first_sequence = first_sequence;
  segment->path = PathOf(first_sequence);
  absl::StatusOr<File> file = File::Create(segment->path);
  if (!file.ok()) return file.status();
  absl::Status s = file->WriteAt(0, EncodeSegmentHeader({first_sequence}));
  if (s.ok() && options_.sync) s = file->Sync();
  if (s.ok() && options_.sync) s = log_internal::SyncDir(options_.dir);
  if (!s.ok()) {
    // Best effort: a leftover would only be a valid empty segment or a
    // short one that recovery removes.
    (void)log_internal::RemoveFile(segment->path);
    return s;
  }
  segment->file = std::make_shared<File>(*std::move(file));
  return segment;
}

// ------------------------------------------------------------------ append

absl::StatusOr<RecordLog::Appended> RecordLogImpl::Append(
    const gisa::v1::Article& article) {
  if (article.id().empty()) {
    return absl::InvalidArgumentError("cannot log an article without id");
  }
  Writer w;
  w.id = article.id();
  size_t size = article.ByteSizeLong();
  if (size > kMaxPayloadBytes - kPayloadOverhead) {
    return absl::InvalidArgumentError(absl::StrCat(
        "article ", w.id, " of ", size, " bytes is over the log's record limit of ",
        kMaxPayloadBytes - kPayloadOverhead, " bytes"));
  }
  w.article_bytes = article.SerializeAsString();

  mu_.Lock();
  writers_.push_back(&w);
  while (!w.done && writers_.front() != &w) w.cv.Wait(&mu_);
  if (w.done) {
    mu_.Unlock();
    if (!w.status.ok()) return w.status;
    return Appended{w.sequence, w.replaced};
  }
  // This writer leads: it writes its own record and those queued behind it.
  std::vector<Writer*> batch;
  absl::Status status = failed_;
  std::vector<uint64_t> offsets;
  if (status.ok()) {
    batch = TakeBatch();
    Segment& active = *segments_.back();
    std::shared_ptr<File> file = active.file;
    uint64_t offset = active.size;
    mu_.Unlock();
    status = WriteBatch(batch, *file, offset, &offsets);
    mu_.Lock();
    if (status.ok()) {
      Segment& segment = *segments_.back();  // unchanged: only leaders roll
      for (size_t i = 0; i < batch.size(); ++i) {
        segment.Add(batch[i]->sequence, offsets[i]);
        latest_[batch[i]->id] = batch[i]->sequence;
      }
      segment.size = offsets.back();
      last_sequence_.store(batch.back()->sequence, std::memory_order_release);
    } else {
      failed_ = status;
    }
  } else {
    batch.push_back(&w);
    status = absl::FailedPreconditionError(absl::StrCat(
        "record log refuses appends after an earlier write failure: ",
        failed_.message()));
  }
  mu_.Unlock();

  if (status.ok()) {
    MaybeRoll();
    CallListeners(batch.back()->sequence);
  }

  mu_.Lock();
  for (Writer* member : batch) {
    writers_.pop_front();  // the batch is the front of the line, in order
    member->status = status;
    member->done = true;
    if (member != &w) member->cv.Signal();
  }
  if (!writers_.empty()) writers_.front()->cv.Signal();
  mu_.Unlock();
  if (!status.ok()) return status;
  return Appended{w.sequence, w.replaced};
}

// Takes the front of the line (the leader first) and numbers its records.
std::vector<RecordLogImpl::Writer*> RecordLogImpl::TakeBatch() {
  std::vector<Writer*> batch;
  size_t bytes = 0;
  uint64_t sequence = last_sequence_.load(std::memory_order_relaxed);
  absl::flat_hash_map<absl::string_view, uint64_t> in_batch;
  for (Writer* w : writers_) {
    size_t size = w->article_bytes.size() + kPayloadOverhead + kFrameHeaderSize;
    if (!batch.empty() && bytes + size > kMaxBatchBytes) break;
    bytes += size;
    w->sequence = ++sequence;
    w->replaced = latest_.contains(w->id) || in_batch.contains(w->id);
    in_batch[w->id] = w->sequence;
    batch.push_back(w);
  }
  return batch;
}

// Writes the batch's frames at `offset` and syncs; on success `offsets` holds
// each record's offset followed by the end. On failure the file is cut back
// to `offset`, as far as the failing disk allows.
absl::Status RecordLogImpl::WriteBatch(const std::vector<Writer*>& batch,
                                       File& file, uint64_t offset,
                                       std::vector<uint64_t>* offsets) {
  std::string buffer;
  std::string payload;
  for (Writer* w : batch) {
    offsets->push_back(offset + buffer.size());
    payload.clear();
    AppendRecordPayload(w->sequence, w->article_bytes, &payload);
    AppendFrame(payload, &buffer);
  }
  offsets->push_back(offset + buffer.size());
  absl::Status status = file.WriteAt(offset, buffer);
  if (status.ok() && options_.sync) status = file.Sync();
  if (!status.ok()) {
    absl::Status cut = file.Truncate(offset, options_.sync);
    Note(absl::StrCat(file.path(), ": append failed, refusing further appends: ",
                      status.ToString(),
                      cut.ok() ? "" : absl::StrCat("; truncating back failed: ",
                                                   cut.ToString())));
  }
  return status;
}

// Seals the active segment once full. Run by the leader, which alone writes
// to the active segment, so segments_ only changes under it here.
void RecordLogImpl::MaybeRoll() {
  uint64_t first;
  {
    absl::MutexLock lock(&mu_);
    if (segments_.back()->size < options_.segment_bytes) return;
    first = last_sequence_.load(std::memory_order_relaxed) + 1;
  }
  absl::StatusOr<std::unique_ptr<Segment>> created = CreateSegment(first);
  if (!created.ok()) {
    // The full segment keeps growing; the next batch tries again.
    Note(absl::StrCat("could not start a new segment: ", created.status().ToString()));
    return;
  }
  absl::MutexLock lock(&mu_);
  segments_.push_back(*std::move(created));
}

// ---------------------------------------------------------------- listeners

void RecordLogImpl::CallListeners(uint64_t last) {
  absl::MutexLock lock(&listeners_mu_);
  for (auto& [handle, listener] : listeners_) listener(last);
}

uint64_t RecordLogImpl::AddListener(Listener listener) {
  absl::MutexLock lock(&listeners_mu_);
  uint64_t handle = next_handle_++;
  listeners_.emplace(handle, std::move(listener));
  return handle;
}

void RecordLogImpl::RemoveListener(uint64_t handle) {
  // Listeners run under listeners_mu_: taking it waits out a running call.
  absl::MutexLock lock(&listeners_mu_);
  listeners_.erase(handle);
}

// --------------------------------------------------------------------- read

absl::StatusOr<std::vector<gisa::v1::LogRecord>> RecordLogImpl::Read(
    uint64_t from, size_t max_records, size_t max_bytes) const {
  std::vector<ReadSpan> spans;
  {
    absl::ReaderMutexLock lock(&mu_);
    from = std::max<uint64_t>(from, 1);
    if (max_records == 0 || from > last_sequence_.load(std::memory_order_relaxed)) {
      return std::vector<gisa::v1::LogRecord>();
    }
    // The segment whose range holds `from`.
    auto it = std::upper_bound(
        segments_.begin(), segments_.end(), from,
        [](uint64_t s, const std::unique_ptr<Segment>& seg) { return s < seg->first_sequence; });
    size_t records = 0;
    size_t bytes = 0;
    bool full = false;
    for (auto seg_it = it == segments_.begin() ? it : std::prev(it);
         seg_it != segments_.end() && !full; ++seg_it) {
      const Segment& seg = **seg_it;
      auto entry = std::lower_bound(
          seg.entries.begin(), seg.entries.end(), from,
          [&seg](const IndexEntry& e, uint64_t s) {
            return seg.first_sequence + e.sequence_delta < s;
          });
      ReadSpan span;
      for (size_t i = entry - seg.entries.begin(); i < seg.entries.size(); ++i) {
        uint64_t payload = seg.FrameEnd(i) - seg.entries[i].offset - kFrameHeaderSize;
        if (records > 0 && bytes + payload > max_bytes) {
          full = true;
          break;
        }
        if (span.sequences.empty()) span.offset = seg.entries[i].offset;
        span.sequences.push_back(seg.SequenceAt(i));
        span.length = seg.FrameEnd(i) - span.offset;
        bytes += payload;
        if (++records == max_records) {
          full = true;
          break;
        }
      }
      if (!span.sequences.empty()) {
        span.file = seg.file;
        spans.push_back(std::move(span));
      }
    }
  }

  std::vector<gisa::v1::LogRecord> out;
  std::string buffer;
  for (const ReadSpan& span : spans) {
    buffer.resize(span.length);
    if (absl::Status s = span.file->ReadAt(span.offset, buffer.data(), buffer.size());
        !s.ok()) {
      return s;
    }
    absl::string_view rest(buffer);
    uint64_t offset = span.offset;
    for (uint64_t sequence : span.sequences) {
      Frame frame = ParseFrame(rest);
      gisa::v1::LogRecord record;
      if (frame.problem != Frame::Problem::kNone ||
          !record.ParseFromArray(frame.payload.data(), static_cast<int>(frame.payload.size())) ||
          record.sequence() != sequence) {
        return absl::DataLossError(absl::StrCat(
            "record log damaged: ", span.file->path(), " at byte ", offset,
            ": record ", sequence, " no longer reads back (",
            frame.problem == Frame::Problem::kNone ? "bad payload"
                                                   : DescribeProblem(frame, rest.size()),
            ")"));
      }
      out.push_back(std::move(record));
      rest.remove_prefix(frame.size);
      offset += frame.size;
    }
  }
  return out;
}

// --------------------------------------------------------------- compaction

absl::Status RecordLogImpl::Compact() {
  absl::MutexLock compact_lock(&compact_mu_);
  std::vector<CompactInput> inputs;
  {
    absl::ReaderMutexLock lock(&mu_);
    if (!failed_.ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat("record log refuses to compact after a write failure: ",
                       failed_.message()));
    }
    for (size_t i = 0; i + 1 < segments_.size(); ++i) {
      const Segment& seg = *segments_[i];
      inputs.push_back({segments_[i].get(), seg.first_sequence,
                        segments_[i + 1]->first_sequence, seg.path, seg.file,
                        seg.size});
    }
  }
  // Greedy groups of neighbours whose survivors fit in one segment.
  std::vector<CompactInput> group;
  std::vector<Survivors> survivors;
  size_t group_bytes = kSegmentHeaderSize;
  auto flush = [&]() -> absl::Status {
    absl::Status s;
    bool worthwhile = group.size() > 1 || (!group.empty() && survivors[0].dropped > 0);
    if (worthwhile) s = RewriteGroup(group, survivors);
    group.clear();
    survivors.clear();
    group_bytes = kSegmentHeaderSize;
    return s;
  };
  for (const CompactInput& input : inputs) {
    absl::StatusOr<Survivors> kept = CollectSurvivors(input);
    if (!kept.ok()) return kept.status();
    bool fits = group_bytes + kept->frames.size() <= options_.segment_bytes &&
                (group.empty() || input.range_end - group.front().first_sequence <=
                                      std::numeric_limits<uint32_t>::max());
    if (!group.empty() && !fits) {
      if (absl::Status s = flush(); !s.ok()) return s;
    }
    group_bytes += kept->frames.size();
    group.push_back(input);
    survivors.push_back(*std::move(kept));
  }
  return flush();
}

// Reads a sealed segment and keeps the records that are still their
// article's latest.
absl::StatusOr<Survivors> RecordLogImpl::CollectSurvivors(const CompactInput& input) {
  std::string data(input.size - kSegmentHeaderSize, '\0');
  if (absl::Status s = input.file->ReadAt(kSegmentHeaderSize, data.data(), data.size());
      !s.ok()) {
    return s;
  }
  struct Candidate {
    uint64_t sequence;
    absl::string_view id;
    absl::string_view frame;
  };
  std::vector<Candidate> candidates;
  absl::string_view rest(data);
  while (!rest.empty()) {
    Frame frame = ParseFrame(rest);
    std::optional<RecordKey> key;
    if (frame.problem == Frame::Problem::kNone) key = ParseRecordKey(frame.payload);
    if (!key) {
      return absl::DataLossError(absl::StrCat(
          "record log damaged: ", input.path, " at byte ",
          input.size - rest.size(), ": ",
          frame.problem == Frame::Problem::kNone ? "record payload is not a LogRecord"
                                                 : DescribeProblem(frame, rest.size()),
          "; not compacting"));
    }
    candidates.push_back({key->sequence, key->article_id, rest.substr(0, frame.size)});
    rest.remove_prefix(frame.size);
  }
  Survivors out;
  absl::ReaderMutexLock lock(&mu_);
  for (const Candidate& c : candidates) {
    auto latest = latest_.find(c.id);
    // latest_ only grows, and only with durable records: once superseded, a
    // record stays superseded.
    if (latest != latest_.end() && latest->second > c.sequence) {
      ++out.dropped;
      continue;
    }
    out.sequence_offsets.emplace_back(c.sequence, out.frames.size());
    out.frames.append(c.frame.data(), c.frame.size());
  }
  return out;
}

// Writes the survivors of `group` as one compacted segment named like its
// first input, then swaps it in and deletes the other inputs.
absl::Status RecordLogImpl::RewriteGroup(const std::vector<CompactInput>& group,
                                         const std::vector<Survivors>& survivors) {
  uint64_t first = group.front().first_sequence;
  auto segment = std::make_unique<Segment>();
  segment->first_sequence = first;
  segment->compacted = true;
  segment->end_sequence = group.back().range_end;
  segment->path = PathOf(first);
  std::string temp = absl::StrCat(segment->path, kTempSuffix);

  std::string contents = EncodeSegmentHeader({first, true, segment->end_sequence});
  for (const Survivors& kept : survivors) {
    uint64_t base = contents.size();
    for (auto [sequence, offset] : kept.sequence_offsets) segment->Add(sequence, base + offset);
    contents += kept.frames;
  }
  segment->size = contents.size();

  absl::StatusOr<File> file = File::Create(temp, /*truncate=*/true);
  if (!file.ok()) return file.status();
  absl::Status s = file->WriteAt(0, contents);
  if (s.ok() && options_.sync) s = file->Sync();
  if (s.ok()) s = log_internal::RenameFile(temp, segment->path);
  if (!s.ok()) {
    (void)log_internal::RemoveFile(temp);
    return s;
  }
  // From here on the folder holds the new segment (once synced) with or
  // without the leftovers recovery deletes; both are valid.
  file->set_path(segment->path);
  segment->file = std::make_shared<File>(*std::move(file));
  {
    absl::MutexLock lock(&mu_);
    auto it = std::find_if(segments_.begin(), segments_.end(),
                           [&](const auto& seg) { return seg.get() == group.front().segment; });
    // Only Compact removes segments and it holds compact_mu_, so the inputs
    // are still there, side by side.
    if (it == segments_.end() ||
        static_cast<size_t>(segments_.end() - it) <= group.size()) {
      return absl::InternalError("record log compaction lost track of its inputs");
    }
    it = segments_.erase(it, it + group.size());
    segments_.insert(it, std::move(segment));
  }
  if (options_.sync) s = log_internal::SyncDir(options_.dir);
  for (size_t i = 1; i < group.size() && s.ok(); ++i) {
    s = log_internal::RemoveFile(group[i].path);
  }
  if (s.ok() && options_.sync && group.size() > 1) s = log_internal::SyncDir(options_.dir);
  return s;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RecordLog>> RecordLog::Open(const Options& options) {
  if (options.dir.empty()) return absl::InvalidArgumentError("record log needs a folder");
  if (options.segment_bytes < kMinSegmentBytes || options.segment_bytes > kMaxSegmentBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "segment_bytes ", options.segment_bytes, " outside ", kMinSegmentBytes, "..",
        kMaxSegmentBytes));
  }
  if (absl::Status s = log_internal::MakeDirs(options.dir, options.sync); !s.ok()) return s;
  absl::StatusOr<File> lock = File::Lock(absl::StrCat(options.dir, "/LOCK"));
  if (!lock.ok()) return lock.status();
  auto log = std::make_unique<RecordLogImpl>(options, *std::move(lock));
  if (absl::Status s = log->Recover(); !s.ok()) return s;
  return log;
}

}  // namespace gisa::ingest
