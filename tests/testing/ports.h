// Free loopback TCP ports for tests that start real servers.
//
//   int port = gisa::testing::PickFreePort();
//   std::string listen = absl::StrCat("127.0.0.1:", port);
#ifndef GISA_TESTS_TESTING_PORTS_H_
#define GISA_TESTS_TESTING_PORTS_H_

namespace gisa::testing {

// A port on 127.0.0.1 that was free a moment ago (the kernel picked it).
// Aborts the test binary when no socket can be bound.
int PickFreePort();

}  // namespace gisa::testing

#endif  // GISA_TESTS_TESTING_PORTS_H_
