// The standard gRPC health check (grpc.health.v1.Health/Check), for tests
// that wait for a server to come up.
//
// Debian's libgrpc++-dev ships no generated health stub, so the two tiny
// messages are encoded by hand and sent with a GenericStub.
//
//   absl::Status up = WaitForHealthy("127.0.0.1:4711", "gisa.v1.QueryService",
//                                    absl::Now() + absl::Seconds(20));
#ifndef GISA_TESTS_TESTING_HEALTH_H_
#define GISA_TESTS_TESTING_HEALTH_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace gisa::testing {

// grpc.health.v1.HealthCheckResponse.ServingStatus.
enum class Health { kUnknown = 0, kServing = 1, kNotServing = 2, kServiceUnknown = 3 };

// One Health/Check of `service` ("" for the server as a whole). Errors: the
// RPC's status (UNAVAILABLE when nothing listens, NOT_FOUND for a service the
// server does not know).
absl::StatusOr<Health> CheckHealth(const std::string& address,
                                   const std::string& service,
                                   absl::Duration timeout = absl::Seconds(2));

// Polls CheckHealth until it answers SERVING. Gives up at `deadline`, or
// as soon as `still_running` (when given) returns false. Errors:
// DEADLINE_EXCEEDED / ABORTED with the last answer.
absl::Status WaitForHealthy(const std::string& address, const std::string& service,
                            absl::Time deadline,
                            const std::function<bool()>& still_running = nullptr);

}  // namespace gisa::testing

#endif  // GISA_TESTS_TESTING_HEALTH_H_
