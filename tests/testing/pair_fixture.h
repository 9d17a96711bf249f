// A test fixture that runs the real pair: the ingest_service and
// query_service binaries of this build (GISA_INGEST_BIN, GISA_QUERY_BIN) on
// free loopback ports, with the ingest log in a fresh temporary folder.
//
// SetUp starts the ingest server and one replica and waits until both
// report SERVING; tests stop, kill and restart them (same port, same data
// dir) and add replicas. Helper calls use generous deadlines and wait for
// the server to be ready, so a test written with them does not depend on
// timing.
//
//   class PairTest : public gisa::testing::PairFixture {};
//   TEST_F(PairTest, Reads) {
//     absl::StatusOr<gisa::v1::SubmitArticleResponse> s = Submit("blog/1", text);
//     ASSERT_TRUE(s.ok()) << s.status();
//     ASSERT_TRUE(WaitForApplied(s->sequence()).ok()) << Logs();
//   }
#ifndef GISA_TESTS_TESTING_PAIR_FIXTURE_H_
#define GISA_TESTS_TESTING_PAIR_FIXTURE_H_

#include <signal.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.grpc.pb.h"
#include "gisa/v1/query_service.grpc.pb.h"
#include "grpcpp/client_context.h"
#include "gtest/gtest.h"
#include "tests/testing/process.h"

namespace gisa::testing {

// A client context with a deadline that waits for the server to be ready
// (rides over a restart) instead of failing fast.
std::unique_ptr<grpc::ClientContext> NewContext(
    absl::Duration timeout = absl::Seconds(20));

class PairFixture : public ::testing::Test {
 protected:
  PairFixture();
  ~PairFixture() override;

  // Starts the ingest server and replica 0.
  void SetUp() override;

  // (Re)starts the ingest server on its port and data dir and waits until it
  // is SERVING. Errors name the failure and carry the server's output.
  absl::Status StartIngest();
  // Signals the ingest server and waits (up to 30 s) for it to exit; one
  // still running then is killed.
  Process::Exit StopIngest(int signal = SIGTERM);

  // (Re)starts replica `replica` (its port is kept across restarts;
  // replica == replica_count() adds one) and waits until it is SERVING.
  // With `config_from_env` the addresses go in GISA_LISTEN / GISA_INGEST
  // instead of flags.
  absl::Status StartQuery(int replica = 0, bool config_from_env = false);
  // Extra flags for every later (re)start of replica `replica`
  // (`replica` == replica_count() adds one, started by StartQuery).
  void SetQueryFlags(int replica, std::vector<std::string> flags);
  Process::Exit StopQuery(int replica = 0, int signal = SIGTERM);
  int replica_count() const { return static_cast<int>(replicas_.size()); }

  const std::string& data_dir() const { return data_dir_; }
  const std::string& ingest_address() const { return ingest_address_; }
  const std::string& query_address(int replica = 0) const;
  Process* ingest_process() { return ingest_.get(); }
  Process* query_process(int replica = 0);

  // Stubs for the servers (made again after a stop).
  gisa::v1::IngestService::Stub& ingest();
  gisa::v1::QueryService::Stub& query(int replica = 0);

  // SubmitArticle with the given content; media_type empty means plain text.
  absl::StatusOr<gisa::v1::SubmitArticleResponse> Submit(
      const std::string& source_uri, const std::string& content,
      const std::string& media_type = "");
  // Submits a file's bytes with the media type its name implies;
  // source_uri defaults to "file:<base name>".
  absl::StatusOr<gisa::v1::SubmitArticleResponse> SubmitFile(
      const std::string& path, std::string source_uri = "");
  // ParseArticle (no side effects).
  absl::StatusOr<gisa::v1::Article> Parse(const std::string& content,
                                          const std::string& source_uri = "",
                                          const std::string& media_type = "");

  absl::StatusOr<gisa::v1::GetStatsResponse> Stats(int replica = 0);
  // Polls GetStats until last_applied_sequence >= sequence; returns those
  // stats. Errors: DEADLINE_EXCEEDED with the last stats seen.
  absl::StatusOr<gisa::v1::GetStatsResponse> WaitForApplied(
      uint64_t sequence, int replica = 0,
      absl::Duration timeout = absl::Seconds(30));

  // Pages through ListArticles of `replica` (no filters); every id in
  // order, and the total_size the last page reported.
  struct ArticleIds {
    std::vector<std::string> ids;
    int32_t total_size = 0;
  };
  absl::StatusOr<ArticleIds> ListArticleIds(int replica = 0);

  // Every process's state and output tail, for failure messages.
  std::string Logs();

 private:
  struct Replica {
    int port = 0;
    std::string address;
    std::unique_ptr<Process> process;
    std::unique_ptr<gisa::v1::QueryService::Stub> stub;
    std::vector<std::string> flags;
  };
  Replica& ReplicaSlot(int replica);

  absl::Status WaitUntilServing(Process& process, const std::string& address,
                                const std::string& service);

  TempDir dir_;
  std::string data_dir_;
  std::string ingest_address_;
  std::unique_ptr<Process> ingest_;
  std::unique_ptr<gisa::v1::IngestService::Stub> ingest_stub_;
  std::vector<Replica> replicas_;
};

// The project's sample articles (GISA_SOURCE_DIR/samples/*.{txt,md,html}),
// sorted.
std::vector<std::string> SampleFiles();

// "text/markdown" for .md, "text/html" for .html/.htm, else "text/plain".
std::string MediaTypeForFile(const std::string& path);

// Articles of the genre written for the tests (title, sections, a summary,
// an FAQ and the trailing "다른 글" block naming `category`).
struct TestArticle {
  std::string name;
  std::string category;
  std::string content;
};
std::vector<TestArticle> TestArticles();

std::string ReadFileOrDie(const std::string& path);

}  // namespace gisa::testing

#endif  // GISA_TESTS_TESTING_PAIR_FIXTURE_H_
