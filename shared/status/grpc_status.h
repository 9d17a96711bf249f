// Conversion between absl::Status and grpc::Status.
//
// Our code returns absl::Status with canonical codes; those are the codes gRPC
// uses, so the mapping is one to one and keeps the message.
//
//   absl::StatusOr<Article> parsed = parser.Parse(raw);
//   if (!parsed.ok()) return gisa::ToGrpcStatus(parsed.status());
#ifndef GISA_SHARED_STATUS_GRPC_STATUS_H_
#define GISA_SHARED_STATUS_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace gisa {

// Same code and message. Thread-safe; never fails.
grpc::Status ToGrpcStatus(const absl::Status& status);

// Same code and message. Thread-safe; never fails.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace gisa

#endif  // GISA_SHARED_STATUS_GRPC_STATUS_H_
