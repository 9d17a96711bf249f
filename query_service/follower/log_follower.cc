#include "query_service/follower/log_follower.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace gisa::query {
namespace {

void Log(const std::string& line) {
  std::fprintf(stderr, "query_service: follower: %s\n", line.c_str());
}

int Millis(absl::Duration d) {
  return static_cast<int>(std::max<int64_t>(1, absl::ToInt64Milliseconds(d)));
}

// gRPC's own reconnect backoff (default up to 120 s) would otherwise hold the
// channel in TRANSIENT_FAILURE long after our backoff wants to retry.
std::shared_ptr<grpc::Channel> MakeChannel(const LogFollower::Options& options) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);  // our own ingest server: trust its batches
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, Millis(options.initial_backoff));
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, Millis(options.initial_backoff));
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, Millis(options.max_backoff));
  return grpc::CreateCustomChannel(options.ingest_address,
                                   grpc::InsecureChannelCredentials(), args);
}

}  // namespace

LogFollower::LogFollower(ArticleStore* store, Options options)
    : store_(store), options_(std::move(options)) {}

LogFollower::~LogFollower() { Stop(); }

void LogFollower::Start() {
  last_sequence_ = store_->last_applied_sequence();
  thread_ = std::thread([this] { Run(); });
  watchdog_ = std::thread([this] { WatchForStalls(); });
}

void LogFollower::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    if (context_ != nullptr) context_->TryCancel();
  }
  if (thread_.joinable()) thread_.join();
  if (watchdog_.joinable()) watchdog_.join();
}

LogFollower::State LogFollower::state() const {
  absl::MutexLock lock(&mu_);
  return state_;
}

void LogFollower::Run() {
  std::shared_ptr<grpc::Channel> channel = MakeChannel(options_);
  std::unique_ptr<gisa::v1::IngestService::Stub> stub =
      gisa::v1::IngestService::NewStub(channel);
  absl::BitGen random;
  absl::Duration backoff = options_.initial_backoff;
  std::string last_reason;
  while (true) {
    const uint64_t messages_before = messages_;
    std::string reason = FollowOnce(*channel, *stub);
    {
      absl::MutexLock lock(&mu_);
      if (stopping_) return;
    }
    if (messages_ != messages_before) {
      backoff = options_.initial_backoff;
      last_reason.clear();  // it worked in between: say it again
    }
    // A down ingest server fails every attempt the same way: say it once.
    if (reason != last_reason) {
      Log(absl::StrCat("stream from ", options_.ingest_address, " ended (",
                       reason, "); reconnecting from sequence ",
                       last_sequence_ + 1));
      last_reason = std::move(reason);
    }
    const absl::Duration delay = backoff * absl::Uniform(random, 0.5, 1.0);
    backoff = std::min(backoff * 2, options_.max_backoff);
    if (!SleepUnlessStopped(delay)) return;
  }
}

std::string LogFollower::FollowOnce(grpc::Channel& channel,
                                    gisa::v1::IngestService::Stub& stub) {
  grpc::ClientContext context;
  gisa::v1::FollowRequest request;
  last_sequence_ = std::max(last_sequence_, store_->last_applied_sequence());
  request.set_from_sequence(last_sequence_ + 1);
  request.set_replica(options_.replica_name);
  {
    absl::MutexLock lock(&mu_);
    if (stopping_) return "stopping";
    context_ = &context;
    last_message_ = absl::Now();
    stalled_ = false;
  }
  std::unique_ptr<grpc::ClientReader<gisa::v1::FollowResponse>> reader =
      stub.Follow(&context, request);
  // The request is on a transport once the call has started; a server that
  // only speaks when it has records must still count as connected.
  if (channel.GetState(/*try_to_connect=*/false) == GRPC_CHANNEL_READY) {
    absl::MutexLock lock(&mu_);
    state_.connected = true;
  }

  bool warned_behind = false;
  bool announced = false;
  gisa::v1::FollowResponse response;
  while (reader->Read(&response)) {
    ++messages_;
    if (!announced) {
      announced = true;
      Log(absl::StrCat("following ", options_.ingest_address, " from sequence ",
                       request.from_sequence(), " (its log ends at ",
                       response.log_last_sequence(), ")"));
    }
    {
      absl::MutexLock lock(&mu_);
      last_message_ = absl::Now();
      state_.connected = true;
      state_.ingest_last_sequence = response.log_last_sequence();
    }
    if (response.log_last_sequence() < last_sequence_ && !warned_behind) {
      warned_behind = true;
      Log(absl::StrCat("the ingest log ends at sequence ",
                       response.log_last_sequence(), " but this replica has ",
                       last_sequence_, ": was the ingest data dir replaced?"));
    }
    ApplyRecords(response);
    response.Clear();
  }
  const grpc::Status status = reader->Finish();

  absl::MutexLock lock(&mu_);
  context_ = nullptr;
  state_.connected = false;
  if (stalled_) {
    return absl::StrCat("nothing received for ",
                        absl::FormatDuration(options_.stall_timeout));
  }
  if (status.ok()) return "the ingest server ended the stream";
  return absl::StrCat(absl::StatusCodeToString(
                          static_cast<absl::StatusCode>(status.error_code())),
                      ": ", status.error_message());
}

void LogFollower::ApplyRecords(const gisa::v1::FollowResponse& response) {
  for (const gisa::v1::LogRecord& record : response.records()) {
    // Re-delivery after a reconnect. Sequences may also jump forward: a
    // compacted log has dropped the records that later versions replaced.
    if (record.sequence() <= last_sequence_) continue;
    const absl::Status applied = store_->Apply(record);
    if (!applied.ok()) {
      // Asking again would bring the same record back forever.
      Log(absl::StrCat("skipping record ", record.sequence(), ": ",
                       applied.ToString()));
    }
    last_sequence_ = record.sequence();
  }
}

void LogFollower::WatchForStalls() {
  const absl::Duration tick = std::clamp(options_.stall_timeout / 4,
                                         absl::Milliseconds(10), absl::Seconds(1));
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    mu_.AwaitWithTimeout(absl::Condition(&stopping_), tick);
    if (context_ != nullptr && !stalled_ &&
        absl::Now() - last_message_ > options_.stall_timeout) {
      stalled_ = true;
      context_->TryCancel();
    }
  }
}

bool LogFollower::SleepUnlessStopped(absl::Duration delay) {
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithTimeout(absl::Condition(&stopping_), delay);
  return !stopping_;
}

}  // namespace gisa::query
