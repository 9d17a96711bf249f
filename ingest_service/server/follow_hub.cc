#include "ingest_service/server/follow_hub.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "shared/status/grpc_status.h"

namespace gisa::ingest {

namespace {

void LogLine(const std::string& line) {
  std::fprintf(stderr, "ingest_service: %s\n", line.c_str());
}

}  // namespace

// One Follow stream. Its life: kReading (a log read is scheduled on the pool)
// -> kWriting (one StartWrite in flight) -> kReading again, or kWaiting when
// caught up (until the listener or the heartbeat moves it) ... -> kFinishing.
//
// Lifetime rules, which keep every thread off a freed reactor:
// - Finish is called exactly once, by whoever moves the state to kFinishing,
//   and only from an idle state: never while a pool read is pending (the read
//   finishes the stream itself when it sees stop_), never while a write is in
//   flight (OnWriteDone does). So once OnDone runs, no pool task, write or
//   reaction refers to the reactor.
// - Finish is never called with mu_ held: OnDone may run on another thread
//   as soon as Finish is called and deletes the reactor, mutex included.
// - The hub calls into a reactor only with hub->mu_ held and only while the
//   reactor is in hub->streams_; OnDone removes it (under hub->mu_) before
//   deleting it.
class FollowReactor : public grpc::ServerWriteReactor<gisa::v1::FollowResponse> {
 public:
  FollowReactor(FollowHub* hub, std::string replica, std::string peer,
                uint64_t from_sequence)
      : hub_(hub),
        name_(absl::StrFormat("follower '%s' (%s)", replica, peer)),
        next_(std::max<uint64_t>(from_sequence, 1)) {}

  // Schedules the first read.
  void Start() {
    absl::MutexLock lock(&mu_);
    ScheduleReadLocked();
  }

  // Ends the stream at once, before it started.
  void Refuse(grpc::Status status) {
    {
      absl::MutexLock lock(&mu_);
      state_ = State::kFinishing;
      final_status_ = status;
    }
    Finish(std::move(status));
  }

  // The calls below come from the hub, with hub->mu_ held.

  // The log's last sequence is now `last_sequence`. Runs on the appending
  // thread: only schedules work.
  void OnLogAdvanced(uint64_t last_sequence) {
    absl::MutexLock lock(&mu_);
    log_last_ = std::max(log_last_, last_sequence);
    if (state_ == State::kWaiting && !stop_ && log_last_ >= next_) {
      ScheduleReadLocked();
    }
  }

  // Sends an empty response carrying the log position, if caught up.
  void SendHeartbeat() {
    {
      absl::MutexLock lock(&mu_);
      if (state_ != State::kWaiting || stop_) return;
      state_ = State::kWriting;
      response_.Clear();
      response_.set_log_last_sequence(log_last_);
    }
    StartWrite(&response_);
  }

  // Ends the stream with `why` as soon as it is idle.
  void Stop(grpc::Status why) { EndSoon(std::move(why)); }

  // gRPC reactions.

  void OnWriteDone(bool ok) override {
    grpc::Status finish;
    {
      absl::MutexLock lock(&mu_);
      if (!ok && !stop_) {
        stop_ = grpc::Status(grpc::StatusCode::UNAVAILABLE,
                             "write failed: the follower went away");
      }
      if (!stop_) {
        if (log_last_ >= next_) {
          ScheduleReadLocked();
        } else {
          state_ = State::kWaiting;
        }
        return;
      }
      finish = EnterFinishingLocked();
    }
    Finish(std::move(finish));
  }

  void OnCancel() override {
    EndSoon(grpc::Status(grpc::StatusCode::CANCELLED,
                         "the follower cancelled the stream"));
  }

  void OnDone() override {
    hub_->Remove(this);
    {
      absl::MutexLock lock(&mu_);
      LogLine(absl::StrFormat(
          "%s disconnected after %d records (next sequence %d): %s", name_,
          records_sent_, next_,
          final_status_.ok() ? "OK" : final_status_.error_message()));
    }
    delete this;
  }

  const std::string& name() const { return name_; }

 private:
  enum class State { kReading, kWriting, kWaiting, kFinishing };

  void ScheduleReadLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    state_ = State::kReading;
    hub_->pool_->Schedule([this] { ReadBatch(); });
  }

  grpc::Status EnterFinishingLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    state_ = State::kFinishing;
    final_status_ = *stop_;
    return final_status_;
  }

  void EndSoon(grpc::Status why) {
    grpc::Status finish;
    {
      absl::MutexLock lock(&mu_);
      if (!stop_) stop_ = std::move(why);
      // Reading and writing states end themselves when their step is done.
      if (state_ != State::kWaiting) return;
      finish = EnterFinishingLocked();
    }
    Finish(std::move(finish));
  }

  // On the pool: reads the next batch and writes it, or goes to sleep.
  void ReadBatch() {
    uint64_t from;
    {
      absl::MutexLock lock(&mu_);
      from = next_;
    }
    const FollowHub::Options& options = hub_->options_;
    absl::StatusOr<std::vector<gisa::v1::LogRecord>> records = hub_->log_->Read(
        from, options.max_batch_records, options.max_batch_bytes);
    const uint64_t log_last = hub_->log_->last_sequence();

    grpc::Status finish;
    bool write = false;
    {
      absl::MutexLock lock(&mu_);
      if (!records.ok() && !stop_) {
        LogLine(absl::StrCat(name_, ": reading the log failed: ",
                             records.status().ToString()));
        stop_ = ToGrpcStatus(records.status());
      }
      if (stop_) {
        finish = EnterFinishingLocked();
      } else {
        log_last_ = std::max(log_last_, log_last);
        if (!records->empty()) {
          log_last_ = std::max(log_last_, records->back().sequence());
        }
        if (records->empty() && sent_first_) {
          // Caught up. A record logged since the read is already counted in
          // log_last_ (the log raises last_sequence before it calls
          // listeners); anything later wakes us through OnLogAdvanced.
          if (log_last_ >= next_) {
            ScheduleReadLocked();
          } else {
            state_ = State::kWaiting;
          }
          return;
        }
        // The first response goes out even when empty: it tells the
        // follower where the log stands.
        sent_first_ = true;
        response_.Clear();
        response_.set_log_last_sequence(log_last_);
        if (!records->empty()) next_ = records->back().sequence() + 1;
        records_sent_ += records->size();
        for (gisa::v1::LogRecord& record : *records) {
          *response_.add_records() = std::move(record);
        }
        state_ = State::kWriting;
        write = true;
      }
    }
    if (write) {
      StartWrite(&response_);
    } else {
      Finish(std::move(finish));
    }
  }

  FollowHub* const hub_;
  const std::string name_;

  absl::Mutex mu_;
  State state_ ABSL_GUARDED_BY(mu_) = State::kReading;
  // First sequence not yet sent.
  uint64_t next_ ABSL_GUARDED_BY(mu_);
  // Highest sequence the log is known to hold.
  uint64_t log_last_ ABSL_GUARDED_BY(mu_) = 0;
  bool sent_first_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t records_sent_ ABSL_GUARDED_BY(mu_) = 0;
  // Why the stream must end, once it must.
  std::optional<grpc::Status> stop_ ABSL_GUARDED_BY(mu_);
  grpc::Status final_status_ ABSL_GUARDED_BY(mu_);
  // The write in flight; only the thread that moved the state to kWriting
  // touches it until OnWriteDone.
  gisa::v1::FollowResponse response_;
};

FollowHub::FollowHub(RecordLog* log, ThreadPool* pool, Options options)
    : log_(log), pool_(pool), options_(options) {
  listener_ = log_->AddListener([this](uint64_t last_sequence) {
    absl::MutexLock lock(&mu_);
    for (FollowReactor* stream : streams_) stream->OnLogAdvanced(last_sequence);
  });
  heartbeat_thread_ = std::thread([this] { HeartbeatLoop(); });
}

FollowHub::~FollowHub() {
  stop_heartbeat_.Notify();
  heartbeat_thread_.join();
  log_->RemoveListener(listener_);
}

grpc::ServerWriteReactor<gisa::v1::FollowResponse>* FollowHub::Open(
    grpc::CallbackServerContext* context,
    const gisa::v1::FollowRequest* request) {
  auto* stream = new FollowReactor(this, request->replica(), context->peer(),
                                   request->from_sequence());
  bool stopped;
  {
    absl::MutexLock lock(&mu_);
    stopped = stopped_;
    if (!stopped) streams_.insert(stream);
  }
  if (stopped) {
    stream->Refuse(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                "the ingest server is shutting down"));
    return stream;
  }
  LogLine(absl::StrFormat("%s connected, from sequence %d", stream->name(),
                          request->from_sequence()));
  stream->Start();
  return stream;
}

void FollowHub::StopAll() {
  absl::MutexLock lock(&mu_);
  stopped_ = true;
  for (FollowReactor* stream : streams_) {
    stream->Stop(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                              "the ingest server is shutting down"));
  }
}

size_t FollowHub::size() const {
  absl::MutexLock lock(&mu_);
  return streams_.size();
}

void FollowHub::Remove(FollowReactor* stream) {
  absl::MutexLock lock(&mu_);
  streams_.erase(stream);
}

void FollowHub::HeartbeatLoop() {
  while (!stop_heartbeat_.WaitForNotificationWithTimeout(options_.heartbeat)) {
    absl::MutexLock lock(&mu_);
    for (FollowReactor* stream : streams_) stream->SendHeartbeat();
  }
}

}  // namespace gisa::ingest
