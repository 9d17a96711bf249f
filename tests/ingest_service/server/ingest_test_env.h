// An in-process ingest server for the server tests: a real parser, a real
// log in a temporary folder (fsync off) and an IngestServer on 127.0.0.1:0,
// plus a few short articles written for these tests and a client for the
// standard health service's Watch stream.
//
//   IngestTestEnv env;
//   ASSERT_TRUE(env.Start().ok());
//   auto result = env.Submit("blog/1", kArticleRates);
#ifndef GISA_TESTS_INGEST_SERVICE_SERVER_INGEST_TEST_ENV_H_
#define GISA_TESTS_INGEST_SERVICE_SERVER_INGEST_TEST_ENV_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gisa/v1/ingest_service.grpc.pb.h"
#include "ingest_service/log/record_log.h"
#include "ingest_service/parser/article_parser.h"
#include "ingest_service/server/ingest_server.h"
#include "shared/status/grpc_status.h"
#include "tests/testing/process.h"

// Starts `env` (an IngestTestEnv) or fails the test with the reason.
#define ASSERT_OK_START(env)                   \
  do {                                         \
    absl::Status started = (env).Start();      \
    ASSERT_TRUE(started.ok()) << started;      \
  } while (false)

namespace gisa::ingest::testing {

// Made-up articles in the genre (title line, paragraphs, sections).
inline constexpr char kArticleRates[] =
    "# 기준금리 동결, 대출 금리는 언제 내려갈까\n"
    "한국은행 금융통화위원회가 이번 달 기준금리를 연 3.0%로 동결했습니다. 시장에서는 "
    "물가 상승세가 아직 꺾이지 않았다는 판단이 작용한 것으로 보고 있습니다.\n"
    "\n"
    "## 가계 대출에 미치는 영향\n"
    "시중은행들은 당분간 대출 금리를 유지할 계획이라고 밝혔습니다. 변동금리 대출을 "
    "쓰는 가구는 이자 부담이 크게 줄지 않을 것으로 보입니다.\n";

inline constexpr char kArticleFestival[] =
    "# 바닷가 단편영화제, 올해는 야외 상영 늘린다\n"
    "부산의 작은 단편영화제가 올해 야외 상영관을 두 곳 더 열기로 했습니다. 주최 측은 "
    "관객이 해변에서 영화를 즐길 수 있도록 좌석을 넓혔다고 설명했습니다.\n"
    "\n"
    "## 상영작은 어떻게 골랐나\n"
    "심사위원단은 지난 석 달 동안 출품작 사백여 편을 살펴보고 서른 편을 골랐습니다. "
    "신인 감독의 작품이 절반을 넘는다는 점이 눈에 띕니다.\n";

inline constexpr char kArticleSleep[] =
    "# 주말 늦잠으로 수면 빚을 갚을 수 있을까\n"
    "평일에 잠이 부족했던 직장인이 주말에 몰아서 자는 경우가 많습니다. 전문가들은 "
    "이런 습관이 생체 리듬을 흐트러뜨릴 수 있다고 지적합니다.\n"
    "\n"
    "## 도움이 되는 수면 습관\n"
    "잠자리에 드는 시간을 일정하게 지키고 자기 전 화면을 멀리하는 것이 좋습니다. "
    "낮잠은 이십 분 안쪽으로 짧게 자는 편이 낫다고 합니다.\n";

// A second version of kArticleRates (same topic, updated text).
inline constexpr char kArticleRatesUpdate[] =
    "# 기준금리 동결, 대출 금리는 언제 내려갈까 (수정)\n"
    "한국은행 금융통화위원회가 이번 달 기준금리를 연 3.0%로 동결했습니다. 오후에 "
    "발표된 의사록에 따르면 위원 두 명이 인하 의견을 냈습니다.\n";

inline gisa::v1::RawArticle Raw(const std::string& source_uri,
                                const std::string& content) {
  gisa::v1::RawArticle raw;
  raw.set_source_uri(source_uri);
  raw.set_content(content);
  return raw;
}

class IngestTestEnv {
 public:
  struct Options {
    size_t max_article_bytes = 64 << 10;
    absl::Duration heartbeat = absl::Seconds(5);
  };

  IngestTestEnv() : IngestTestEnv(Options()) {}
  explicit IngestTestEnv(Options options) : options_(options), dir_("ingest") {}
  ~IngestTestEnv() { Stop(); }

  // Opens the log (kept across Stop/Start) and starts the server.
  absl::Status Start() {
    ParserOptions parser_options;
    parser_options.max_content_bytes = options_.max_article_bytes;
    absl::StatusOr<std::unique_ptr<ArticleParser>> parser =
        ArticleParser::Create(parser_options);
    if (!parser.ok()) return parser.status();
    parser_ = *std::move(parser);
    RecordLog::Options log_options;
    log_options.dir = dir_.path();
    log_options.sync = false;
    absl::StatusOr<std::unique_ptr<RecordLog>> log =
        RecordLog::Open(log_options);
    if (!log.ok()) return log.status();
    log_ = *std::move(log);
    IngestServerOptions server_options;
    server_options.listen = "127.0.0.1:0";
    server_options.threads = 4;
    server_options.service.follow.heartbeat = options_.heartbeat;
    absl::StatusOr<std::unique_ptr<IngestServer>> server =
        IngestServer::Start(parser_.get(), log_.get(), server_options);
    if (!server.ok()) return server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    stub_ = gisa::v1::IngestService::NewStub(channel_);
    return absl::OkStatus();
  }

  // Shuts the server down gracefully and closes the log.
  void Stop() {
    server_.reset();
    log_.reset();
  }

  absl::StatusOr<gisa::v1::SubmitArticleResponse> Submit(
      const std::string& source_uri, const std::string& content) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    gisa::v1::SubmitArticleRequest request;
    *request.mutable_article() = Raw(source_uri, content);
    gisa::v1::SubmitArticleResponse response;
    grpc::Status status = stub_->SubmitArticle(&context, request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    return response;
  }

  absl::StatusOr<gisa::v1::Article> Parse(const std::string& source_uri,
                                          const std::string& content) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    gisa::v1::ParseArticleRequest request;
    *request.mutable_article() = Raw(source_uri, content);
    gisa::v1::Article response;
    grpc::Status status = stub_->ParseArticle(&context, request, &response);
    if (!status.ok()) return FromGrpcStatus(status);
    return response;
  }

  IngestServer& server() { return *server_; }
  RecordLog& log() { return *log_; }
  const ArticleParser& parser() { return *parser_; }
  gisa::v1::IngestService::Stub& stub() { return *stub_; }
  const std::shared_ptr<grpc::Channel>& channel() { return channel_; }
  const std::string& data_dir() const { return dir_.path(); }

 private:
  const Options options_;
  gisa::testing::TempDir dir_;
  std::unique_ptr<ArticleParser> parser_;
  std::unique_ptr<RecordLog> log_;
  std::unique_ptr<IngestServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<gisa::v1::IngestService::Stub> stub_;
};

// A Follow stream read synchronously, with a deadline against hangs.
class TestFollower {
 public:
  TestFollower(gisa::v1::IngestService::Stub& stub, uint64_t from_sequence,
               const std::string& name = "test") {
    context_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    gisa::v1::FollowRequest request;
    request.set_from_sequence(from_sequence);
    request.set_replica(name);
    reader_ = stub.Follow(&context_, request);
  }
  ~TestFollower() {
    if (!finished_) {
      context_.TryCancel();
      while (reader_->Read(&response_)) {
      }
      reader_->Finish().IgnoreError();
    }
  }

  // The next response; nullopt once the stream has ended (see Finish).
  std::optional<gisa::v1::FollowResponse> Next() {
    if (!reader_->Read(&response_)) return std::nullopt;
    return response_;
  }

  // Reads until `count` records have arrived (heartbeats skipped); fewer
  // when the stream ends first.
  std::vector<gisa::v1::LogRecord> ReadRecords(size_t count) {
    std::vector<gisa::v1::LogRecord> records;
    while (records.size() < count) {
      std::optional<gisa::v1::FollowResponse> response = Next();
      if (!response) break;
      for (const gisa::v1::LogRecord& record : response->records()) {
        records.push_back(record);
      }
    }
    return records;
  }

  // The stream's status, once Next has returned nullopt.
  grpc::Status Finish() {
    finished_ = true;
    return reader_->Finish();
  }

  void Cancel() { context_.TryCancel(); }

 private:
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<gisa::v1::FollowResponse>> reader_;
  gisa::v1::FollowResponse response_;
  bool finished_ = false;
};

// grpc.health.v1.Health/Watch over a generic call (Debian ships no
// generated health stub); the two messages are encoded by hand.
class HealthWatch {
 public:
  enum Status { kUnknown = 0, kServing = 1, kNotServing = 2 };

  HealthWatch(const std::shared_ptr<grpc::Channel>& channel,
              const std::string& service) {
    context_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(60)));
    grpc::GenericStub stub(channel);
    call_ = stub.PrepareCall(&context_, "/grpc.health.v1.Health/Watch", &cq_);
    call_->StartCall(this);
    Await();
    // HealthCheckRequest { string service = 1; }
    std::string request = std::string("\x0a", 1) +
                          static_cast<char>(service.size()) + service;
    grpc::Slice slice(request);
    grpc::ByteBuffer buffer(&slice, 1);
    call_->Write(buffer, this);
    Await();
    call_->WritesDone(this);
    Await();
  }

  ~HealthWatch() {
    context_.TryCancel();
    grpc::Status status;
    call_->Finish(&status, this);
    Await();
    cq_.Shutdown();
    void* tag;
    bool ok;
    while (cq_.Next(&tag, &ok)) {
    }
  }

  // The next status the server reports; nullopt once the stream ended.
  std::optional<int> Next() {
    grpc::ByteBuffer buffer;
    call_->Read(&buffer, this);
    if (!Await()) return std::nullopt;
    std::vector<grpc::Slice> slices;
    if (!buffer.Dump(&slices).ok()) return std::nullopt;
    std::string bytes;
    for (const grpc::Slice& s : slices) {
      bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    // HealthCheckResponse { ServingStatus status = 1; } (absent = UNKNOWN)
    return bytes.size() >= 2 && bytes[0] == 0x08 ? bytes[1] : 0;
  }

 private:
  bool Await() {
    void* tag;
    bool ok = false;
    cq_.Next(&tag, &ok);
    return ok;
  }

  grpc::ClientContext context_;
  grpc::CompletionQueue cq_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
};

}  // namespace gisa::ingest::testing

#endif  // GISA_TESTS_INGEST_SERVICE_SERVER_INGEST_TEST_ENV_H_
