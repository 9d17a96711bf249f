#include "query_service/cli/call_command.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/channel_arguments.h>

#include <iostream>
#include <iterator>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/notification.h"
#include "gisa/v1/ingest_service.pb.h"
#include "gisa/v1/query_service.pb.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/json_util.h"

namespace gisa::query {
namespace {

using google::protobuf::Message;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;

// The services `call` knows, in lookup order for a bare method name. Taking
// them from a message's file makes sure the file is linked in and loaded.
std::vector<const ServiceDescriptor*> KnownServices() {
  return {gisa::v1::GetStatsRequest::descriptor()->file()->FindServiceByName(
              "QueryService"),
          gisa::v1::FollowRequest::descriptor()->file()->FindServiceByName(
              "IngestService")};
}

std::string MethodList() {
  std::vector<std::string> names;
  for (const ServiceDescriptor* service : KnownServices()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      if (method->client_streaming() || method->server_streaming()) continue;
      names.push_back(absl::StrCat(service->name(), "/", method->name()));
    }
  }
  return absl::StrJoin(names, ", ");
}

absl::StatusOr<std::string> ReadRequestJson(const std::vector<std::string>& args) {
  if (args.size() < 2) return std::string("{}");
  if (args[1] != "-") return args[1];
  std::string json(std::istreambuf_iterator<char>(std::cin), {});
  if (std::cin.bad()) return absl::InvalidArgumentError("cannot read standard input");
  return json;
}

grpc::ByteBuffer Serialize(const Message& message) {
  std::string bytes = message.SerializeAsString();
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

bool Parse(const grpc::ByteBuffer& buffer, Message* message) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return false;
  std::string bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return message->ParseFromString(bytes);
}

// Blocks on the callback API's unary call.
grpc::Status CallUnary(const std::shared_ptr<grpc::Channel>& channel,
                       const std::string& path, absl::Duration timeout,
                       const grpc::ByteBuffer& request, grpc::ByteBuffer* response) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  absl::Notification done;
  grpc::Status status;
  stub.UnaryCall(&context, path, grpc::StubOptions(), &request, response,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  return status;
}

}  // namespace

absl::StatusOr<const MethodDescriptor*> FindCallMethod(const std::string& name) {
  std::string wanted(absl::StripPrefix(name, "/"));
  absl::StrReplaceAll({{"/", "."}}, &wanted);
  std::string service_name;
  std::string method_name = wanted;
  if (const size_t dot = wanted.rfind('.'); dot != std::string::npos) {
    service_name = wanted.substr(0, dot);
    method_name = wanted.substr(dot + 1);
  }
  for (const ServiceDescriptor* service : KnownServices()) {
    if (!service_name.empty() && service_name != service->name() &&
        service_name != service->full_name()) {
      continue;
    }
    const MethodDescriptor* method = service->FindMethodByName(method_name);
    if (method == nullptr) continue;
    if (method->client_streaming() || method->server_streaming()) {
      return absl::InvalidArgumentError(absl::StrCat(
          method->full_name(), " streams; call only makes unary calls"));
    }
    return method;
  }
  return absl::NotFoundError(absl::StrCat("no method \"", name,
                                          "\"; there are: ", MethodList()));
}

int RunCall(const CallOptions& options, std::string* out, std::string* err) {
  if (options.args.empty() || options.args.size() > 2) {
    *err = "usage: query_service call [--server=HOST:PORT] METHOD [JSON|-]\n";
    return kCallUsage;
  }
  absl::StatusOr<const MethodDescriptor*> method = FindCallMethod(options.args[0]);
  if (!method.ok()) {
    *err = absl::StrCat(method.status().message(), "\n");
    return kCallUsage;
  }
  absl::StatusOr<std::string> json = ReadRequestJson(options.args);
  if (!json.ok()) {
    *err = absl::StrCat(json.status().message(), "\n");
    return kCallUsage;
  }
  google::protobuf::MessageFactory* factory =
      google::protobuf::MessageFactory::generated_factory();
  std::unique_ptr<Message> request(
      factory->GetPrototype((*method)->input_type())->New());
  if (auto parsed = google::protobuf::util::JsonStringToMessage(*json, request.get());
      !parsed.ok()) {
    *err = absl::StrCat("bad request JSON for ", (*method)->input_type()->full_name(),
                        ": ", parsed.ToString(), "\n");
    return kCallUsage;
  }

  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  std::shared_ptr<grpc::Channel> channel = grpc::CreateCustomChannel(
      options.server, grpc::InsecureChannelCredentials(), args);
  const std::string path = absl::StrCat("/", (*method)->service()->full_name(),
                                        "/", (*method)->name());
  grpc::ByteBuffer response_bytes;
  const grpc::Status status = CallUnary(channel, path, options.timeout,
                                        Serialize(*request), &response_bytes);
  if (!status.ok()) {
    // A call that never reached a server leaves the channel unconnected; a
    // server's own UNAVAILABLE (a min_sequence wait) comes over a ready one.
    const bool unreachable =
        (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
         status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) &&
        channel->GetState(/*try_to_connect=*/false) != GRPC_CHANNEL_READY;
    if (unreachable) {
      *err = absl::StrCat("cannot reach ", options.server, ": ",
                          status.error_message(), "\n");
      return kCallUnreachable;
    }
    *err = absl::StrCat(absl::StatusCodeToString(
                            static_cast<absl::StatusCode>(status.error_code())),
                        ": ", status.error_message(), "\n");
    return kCallRpcError;
  }
  std::unique_ptr<Message> response(
      factory->GetPrototype((*method)->output_type())->New());
  if (!Parse(response_bytes, response.get())) {
    *err = absl::StrCat("the server's response is not a ",
                        (*method)->output_type()->full_name(), "\n");
    return kCallRpcError;
  }
  google::protobuf::util::JsonPrintOptions print;
  print.add_whitespace = true;
  if (auto printed = google::protobuf::util::MessageToJsonString(*response, out, print);
      !printed.ok()) {
    *err = absl::StrCat("cannot print the response: ", printed.ToString(), "\n");
    return kCallRpcError;
  }
  if (!absl::EndsWith(*out, "\n")) out->push_back('\n');
  return kCallOk;
}

}  // namespace gisa::query
