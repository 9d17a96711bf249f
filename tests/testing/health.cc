#include "tests/testing/health.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/channel_arguments.h>

#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"
#include "shared/status/grpc_status.h"

namespace gisa::testing {
namespace {

using google::protobuf::internal::WireFormatLite;

// HealthCheckRequest { string service = 1; }
std::string EncodeRequest(const std::string& service) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    WireFormatLite::WriteString(1, service, &out);
  }
  return bytes;
}

// HealthCheckResponse { ServingStatus status = 1; }
absl::StatusOr<Health> DecodeResponse(const std::string& bytes) {
  google::protobuf::io::CodedInputStream in(
      reinterpret_cast<const uint8_t*>(bytes.data()), static_cast<int>(bytes.size()));
  Health health = Health::kUnknown;  // proto3: an absent field is 0
  while (const uint32_t tag = in.ReadTag()) {
    uint32_t value = 0;
    if (tag == WireFormatLite::MakeTag(1, WireFormatLite::WIRETYPE_VARINT) &&
        in.ReadVarint32(&value)) {
      health = static_cast<Health>(value);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return absl::DataLossError("malformed HealthCheckResponse");
    }
  }
  return health;
}

std::shared_ptr<grpc::Channel> HealthChannel(const std::string& address) {
  // Quick reconnects: a server that is just starting must not be held back
  // by gRPC's default backoff (a second and more).
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 200);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

absl::StatusOr<Health> Check(const std::shared_ptr<grpc::Channel>& channel,
                             const std::string& service, absl::Duration timeout) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  const std::string request_bytes = EncodeRequest(service);
  grpc::Slice slice(request_bytes);
  const grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(),
                 &request, &response, [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) return gisa::FromGrpcStatus(status);
  std::vector<grpc::Slice> slices;
  if (!response.Dump(&slices).ok()) return absl::DataLossError("unreadable response");
  std::string bytes;
  for (const grpc::Slice& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return DecodeResponse(bytes);
}

}  // namespace

absl::StatusOr<Health> CheckHealth(const std::string& address,
                                   const std::string& service,
                                   absl::Duration timeout) {
  return Check(HealthChannel(address), service, timeout);
}

absl::Status WaitForHealthy(const std::string& address, const std::string& service,
                            absl::Time deadline,
                            const std::function<bool()>& still_running) {
  const std::shared_ptr<grpc::Channel> channel = HealthChannel(address);
  std::string last = "no answer";
  while (true) {
    if (still_running && !still_running()) {
      return absl::AbortedError(absl::StrCat("the server at ", address,
                                             " exited before it was healthy"));
    }
    absl::StatusOr<Health> health = Check(channel, service, absl::Milliseconds(500));
    if (health.ok() && *health == Health::kServing) return absl::OkStatus();
    last = health.ok() ? absl::StrCat("status ", static_cast<int>(*health))
                       : health.status().ToString();
    if (absl::Now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return absl::DeadlineExceededError(absl::StrCat(
      address, " (service \"", service, "\") is not SERVING: ", last));
}

}  // namespace gisa::testing
