// Continuous submission for fault tests: threads that submit articles to an
// ingest server (unary SubmitArticle calls or SubmitArticles streams) while
// the test kills and restarts processes, recording every acknowledgement.
//
// Each article has its own source_uri "<prefix>/<n>" (so its own id) and the
// content of one of TestArticles(). A call that fails (the server was
// killed under it) is counted and not retried: its articles are
// unacknowledged, and may or may not have been logged. Calls wait for the
// server to be ready, so submission rides over a restart.
//
//   Submitter submitter({.address = ingest_address(), .prefix = "t"});
//   ASSERT_TRUE(submitter.WaitForAcks(100, absl::Seconds(60)));
//   StopIngest(SIGKILL); ...
//   submitter.Stop();
//   for (const Submitter::Ack& ack : submitter.acks()) ...
#ifndef GISA_TESTS_TESTING_SUBMITTER_H_
#define GISA_TESTS_TESTING_SUBMITTER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.grpc.pb.h"

namespace gisa::testing {

class Submitter {
 public:
  struct Options {
    // HOST:PORT of the ingest server.
    std::string address = {};
    // source_uris are "<prefix>/<n>", n counting from 0.
    std::string prefix = "submitted";
    int threads = 4;
    // Articles per SubmitArticles stream; 0 submits with unary calls.
    int stream_size = 0;
    // Articles to submit in all; 0: until Stop.
    int max_articles = 0;
    // Deadline of each call (it includes waiting for a restarting server).
    absl::Duration call_timeout = absl::Seconds(15);
  };

  // An acknowledged article.
  struct Ack {
    std::string source_uri;
    std::string article_id;
    uint64_t sequence = 0;
  };

  // Starts the threads.
  explicit Submitter(Options options);
  // Stops (see Stop).
  ~Submitter();

  Submitter(const Submitter&) = delete;
  Submitter& operator=(const Submitter&) = delete;

  // Lets the calls in flight finish, starts no more, joins the threads.
  // Idempotent.
  void Stop();

  // Waits until at least `count` articles are acknowledged; false on
  // timeout or when submission ended first.
  bool WaitForAcks(size_t count, absl::Duration timeout) const;

  // Waits until every one of max_articles was submitted (acknowledged or
  // failed) and joins the threads; false on timeout.
  bool WaitUntilDone(absl::Duration timeout);

  std::vector<Ack> acks() const;
  size_t ack_count() const;
  // Articles whose call failed (unacknowledged).
  int failed() const;
  // The last failure's message, for test output.
  std::string last_error() const;
  // Highest acknowledged sequence; 0 when none.
  uint64_t max_sequence() const;
  // source_uri of the n-th article.
  std::string SourceUri(int n) const;

 private:
  int thread_count() const { return options_.threads < 1 ? 1 : options_.threads; }
  void Run();
  void SubmitOne(gisa::v1::IngestService::Stub& stub, int n);
  void SubmitStream(gisa::v1::IngestService::Stub& stub, int first, int count);
  // Claims up to `count` article numbers; returns how many (0: finished).
  int Claim(int count, int* first);
  void Record(std::vector<Ack> acks, int failed, const std::string& error);

  const Options options_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> next_{0};

  mutable absl::Mutex mu_;
  std::vector<Ack> acks_ ABSL_GUARDED_BY(mu_);
  int failed_ ABSL_GUARDED_BY(mu_) = 0;
  int finished_threads_ ABSL_GUARDED_BY(mu_) = 0;
  std::string last_error_ ABSL_GUARDED_BY(mu_);
  std::vector<std::thread> threads_;
};

}  // namespace gisa::testing

#endif  // GISA_TESTS_TESTING_SUBMITTER_H_
