// An in-process stand-in for the ingest server's Follow stream, for tests of
// the query replica without the real ingest_service.
//
// It serves IngestService.Follow from a vector of records that the test
// appends to, and can misbehave on purpose: resend from the start, end the
// stream early, skip a sequence, or stay silent.
//
//   FakeIngest ingest({});
//   ingest.Append(3);                       // records 1..3
//   LogFollower follower(&store, {.ingest_address = ingest.address()});
#ifndef GISA_TESTS_TESTING_FAKE_INGEST_H_
#define GISA_TESTS_TESTING_FAKE_INGEST_H_

#include <grpcpp/server.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.grpc.pb.h"

namespace gisa::testing {

// A LogRecord of an article with id "article-<id_number>" (one id per number,
// so records with the same number replace each other), a title and a
// category.
gisa::v1::LogRecord MakeRecord(uint64_t sequence, int id_number,
                               const std::string& title = "",
                               const std::string& category = "");

class FakeIngest {
 public:
  struct Options {
    // Port to listen on; 0 picks one (a restart passes the old one).
    int port = 0;
    // Heartbeat interval while there is nothing new.
    absl::Duration heartbeat = absl::Milliseconds(50);
    // Ignore from_sequence and send the whole log again each time.
    bool resend_from_start = false;
    // End each stream after sending this many records (0: never).
    int end_stream_after = 0;
    // Never send anything on a stream (a silent, half-dead server).
    bool silent = false;
  };

  explicit FakeIngest(Options options);
  // Shuts the server down, cancelling open streams.
  ~FakeIngest();

  const std::string& address() const { return address_; }
  int port() const { return port_; }

  // Appends records for articles 1..count with the next sequences.
  void Append(int count);
  // Appends one record as given (any sequence: tests of gaps use this).
  void AppendRecord(gisa::v1::LogRecord record);

  // from_sequence of every Follow call so far, in order.
  std::vector<uint64_t> follow_requests() const;
  // Replica name of the last Follow call.
  std::string last_replica() const;
  // Waits until at least `n` Follow calls arrived; false on timeout.
  bool WaitForFollowRequests(size_t n, absl::Duration timeout) const;

 private:
  class Service;

  const Options options_;
  mutable absl::Mutex mu_;
  std::vector<gisa::v1::LogRecord> records_ ABSL_GUARDED_BY(mu_);
  std::vector<uint64_t> requests_ ABSL_GUARDED_BY(mu_);
  std::string last_replica_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::unique_ptr<Service> service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string address_;
};

}  // namespace gisa::testing

#endif  // GISA_TESTS_TESTING_FAKE_INGEST_H_
