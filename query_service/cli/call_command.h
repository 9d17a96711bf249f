// `query_service call`: a small generic gRPC client for pipelines and demos.
//
// Calls one unary method of gisa.v1.QueryService or gisa.v1.IngestService by
// name with a request written in the proto3 JSON mapping, and prints the
// response as pretty JSON. The message types come from the descriptors
// compiled into the binary, so no reflection service is needed.
//
//   query_service call --server=127.0.0.1:50052 GetStats
//   query_service call ListArticles '{"pageSize": 5, "category": "IT"}'
//   echo '{"id":"a1"}' | query_service call GetArticle -
//   query_service call --server=127.0.0.1:50051 gisa.v1.IngestService/ParseArticle
//       '{"article":{"content":"<base64>"}}'
#ifndef GISA_QUERY_SERVICE_CLI_CALL_COMMAND_H_
#define GISA_QUERY_SERVICE_CLI_CALL_COMMAND_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"

namespace gisa::query {

// Exit statuses of `query_service call`.
enum CallExit : int {
  kCallOk = 0,
  kCallRpcError = 1,     // the server answered with an error status
  kCallUsage = 2,        // unknown method, bad JSON, wrong arguments
  kCallUnreachable = 3,  // no connection to the server
};

struct CallOptions {
  // HOST:PORT of the server.
  std::string server = {};
  // Deadline of the call, connecting included.
  absl::Duration timeout = absl::Seconds(30);
  // METHOD, then optionally the request JSON ("-" reads standard input;
  // none means an empty request).
  std::vector<std::string> args = {};
};

// Resolves a method name: "GetStats" (QueryService first, then
// IngestService), "QueryService/GetStats", "gisa.v1.QueryService.GetStats"
// or "/gisa.v1.QueryService/GetStats". Errors: NOT_FOUND naming the methods
// there are; INVALID_ARGUMENT for a streaming method. Thread-safe.
absl::StatusOr<const google::protobuf::MethodDescriptor*> FindCallMethod(
    const std::string& name);

// Runs the command: writes the response JSON to `out` and any error to
// `err`, and returns a CallExit. Blocks for at most options.timeout (plus
// reading standard input).
int RunCall(const CallOptions& options, std::string* out, std::string* err);

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_CLI_CALL_COMMAND_H_
