#include "tests/testing/pair_fixture.h"

#include <grpcpp/channel.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "shared/status/grpc_status.h"
#include "tests/testing/health.h"
#include "tests/testing/ports.h"

namespace gisa::testing {
namespace {

constexpr absl::Duration kStartTimeout = absl::Seconds(30);
constexpr absl::Duration kStopTimeout = absl::Seconds(30);

// Quick reconnects, so that calls right after a restart are not held back
// by gRPC's default backoff.
std::shared_ptr<grpc::Channel> TestChannel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 250);
  args.SetMaxReceiveMessageSize(-1);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

}  // namespace

std::unique_ptr<grpc::ClientContext> NewContext(absl::Duration timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  context->set_wait_for_ready(true);
  return context;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> SampleFiles() {
  std::vector<std::string> files;
  const std::filesystem::path dir = std::filesystem::path(GISA_SOURCE_DIR) / "samples";
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string extension = entry.path().extension().string();
    if (extension == ".txt" || extension == ".md" || extension == ".html") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string MediaTypeForFile(const std::string& path) {
  const std::string extension = std::filesystem::path(path).extension().string();
  if (extension == ".md") return "text/markdown";
  if (extension == ".html" || extension == ".htm") return "text/html";
  return "text/plain";
}

PairFixture::PairFixture()
    : dir_("gisa-pair"),
      data_dir_(dir_.path() + "/ingest-data"),
      ingest_address_(absl::StrCat("127.0.0.1:", PickFreePort())) {}

PairFixture::~PairFixture() {
  // Replicas first, so that they do not log a lost ingest server.
  for (int i = 0; i < replica_count(); ++i) {
    if (replicas_[i].process != nullptr) StopQuery(i, SIGTERM);
  }
  if (ingest_ != nullptr) StopIngest(SIGTERM);
}

gisa::v1::IngestService::Stub& PairFixture::ingest() {
  if (ingest_stub_ == nullptr) {
    ingest_stub_ = gisa::v1::IngestService::NewStub(TestChannel(ingest_address_));
  }
  return *ingest_stub_;
}

void PairFixture::SetUp() {
  absl::Status ingest = StartIngest();
  ASSERT_TRUE(ingest.ok()) << ingest;
  absl::Status query = StartQuery();
  ASSERT_TRUE(query.ok()) << query;
}

absl::Status PairFixture::WaitUntilServing(Process& process,
                                           const std::string& address,
                                           const std::string& service) {
  absl::Status serving =
      WaitForHealthy(address, service, absl::Now() + kStartTimeout,
                     [&process] { return process.Running(); });
  if (serving.ok()) return serving;
  return absl::Status(serving.code(),
                      absl::StrCat(serving.message(), "\n", process.Describe()));
}

absl::Status PairFixture::StartIngest() {
  absl::StatusOr<std::unique_ptr<Process>> started = Process::Start(
      {.binary = GISA_INGEST_BIN,
       .args = {"serve", absl::StrCat("--listen=", ingest_address_),
                absl::StrCat("--data_dir=", data_dir_)},
       .name = "ingest_service"});
  if (!started.ok()) return started.status();
  ingest_ = *std::move(started);
  return WaitUntilServing(*ingest_, ingest_address_, "");
}

// Our channel goes first: a server's graceful shutdown may wait for its
// clients' idle connections to close.
Process::Exit PairFixture::StopIngest(int signal) {
  ingest_stub_.reset();
  return ingest_->Stop(signal, kStopTimeout);
}

const std::string& PairFixture::query_address(int replica) const {
  return replicas_.at(replica).address;
}

Process* PairFixture::query_process(int replica) {
  return replicas_.at(replica).process.get();
}

gisa::v1::QueryService::Stub& PairFixture::query(int replica) {
  Replica& r = replicas_.at(replica);
  if (r.stub == nullptr) r.stub = gisa::v1::QueryService::NewStub(TestChannel(r.address));
  return *r.stub;
}

PairFixture::Replica& PairFixture::ReplicaSlot(int replica) {
  if (replica == replica_count()) {
    Replica added;
    added.port = PickFreePort();
    added.address = absl::StrCat("127.0.0.1:", added.port);
    replicas_.push_back(std::move(added));
  }
  return replicas_.at(replica);
}

void PairFixture::SetQueryFlags(int replica, std::vector<std::string> flags) {
  ReplicaSlot(replica).flags = std::move(flags);
}

absl::Status PairFixture::StartQuery(int replica, bool config_from_env) {
  Replica& r = ReplicaSlot(replica);
  Process::Options options{.binary = GISA_QUERY_BIN,
                           .args = {"serve"},
                           .name = absl::StrCat("query_service #", replica)};
  const std::string name = absl::StrCat("test-replica-", replica);
  if (config_from_env) {
    options.env = {{"GISA_LISTEN", r.address},
                   {"GISA_INGEST", ingest_address_},
                   {"GISA_REPLICA_NAME", name}};
  } else {
    options.args.push_back(absl::StrCat("--listen=", r.address));
    options.args.push_back(absl::StrCat("--ingest=", ingest_address_));
    options.args.push_back(absl::StrCat("--replica_name=", name));
  }
  options.args.insert(options.args.end(), r.flags.begin(), r.flags.end());
  absl::StatusOr<std::unique_ptr<Process>> started = Process::Start(std::move(options));
  if (!started.ok()) return started.status();
  r.process = *std::move(started);
  return WaitUntilServing(*r.process, r.address, "gisa.v1.QueryService");
}

Process::Exit PairFixture::StopQuery(int replica, int signal) {
  Replica& r = replicas_.at(replica);
  r.stub.reset();
  return r.process->Stop(signal, kStopTimeout);
}

absl::StatusOr<gisa::v1::SubmitArticleResponse> PairFixture::Submit(
    const std::string& source_uri, const std::string& content,
    const std::string& media_type) {
  gisa::v1::SubmitArticleRequest request;
  request.mutable_article()->set_source_uri(source_uri);
  request.mutable_article()->set_media_type(media_type);
  request.mutable_article()->set_content(content);
  gisa::v1::SubmitArticleResponse response;
  const grpc::Status status =
      ingest().SubmitArticle(NewContext().get(), request, &response);
  if (!status.ok()) return gisa::FromGrpcStatus(status);
  return response;
}

absl::StatusOr<gisa::v1::SubmitArticleResponse> PairFixture::SubmitFile(
    const std::string& path, std::string source_uri) {
  if (source_uri.empty()) {
    source_uri = absl::StrCat("file:", std::filesystem::path(path).filename().string());
  }
  return Submit(source_uri, ReadFileOrDie(path), MediaTypeForFile(path));
}

absl::StatusOr<gisa::v1::Article> PairFixture::Parse(const std::string& content,
                                                     const std::string& source_uri,
                                                     const std::string& media_type) {
  gisa::v1::ParseArticleRequest request;
  request.mutable_article()->set_source_uri(source_uri);
  request.mutable_article()->set_media_type(media_type);
  request.mutable_article()->set_content(content);
  gisa::v1::Article article;
  const grpc::Status status = ingest().ParseArticle(NewContext().get(), request, &article);
  if (!status.ok()) return gisa::FromGrpcStatus(status);
  return article;
}

absl::StatusOr<gisa::v1::GetStatsResponse> PairFixture::Stats(int replica) {
  gisa::v1::GetStatsResponse stats;
  const grpc::Status status =
      query(replica).GetStats(NewContext().get(), gisa::v1::GetStatsRequest(), &stats);
  if (!status.ok()) return gisa::FromGrpcStatus(status);
  return stats;
}

absl::StatusOr<gisa::v1::GetStatsResponse> PairFixture::WaitForApplied(
    uint64_t sequence, int replica, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  absl::StatusOr<gisa::v1::GetStatsResponse> stats;
  while (true) {
    stats = Stats(replica);
    if (stats.ok() && stats->last_applied_sequence() >= sequence) return stats;
    if (absl::Now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return absl::DeadlineExceededError(absl::StrCat(
      "replica ", replica, " did not apply sequence ", sequence, " in ",
      absl::FormatDuration(timeout), "; last stats: ",
      stats.ok() ? stats->ShortDebugString() : stats.status().ToString(), "\n",
      Logs()));
}

absl::StatusOr<PairFixture::ArticleIds> PairFixture::ListArticleIds(int replica) {
  ArticleIds result;
  gisa::v1::ListArticlesRequest request;
  request.set_page_size(100);
  while (true) {
    gisa::v1::ListArticlesResponse page;
    const grpc::Status status =
        query(replica).ListArticles(NewContext().get(), request, &page);
    if (!status.ok()) return gisa::FromGrpcStatus(status);
    for (const gisa::v1::Article& article : page.articles()) {
      result.ids.push_back(article.id());
    }
    result.total_size = page.total_size();
    if (page.next_page_token().empty()) return result;
    request.set_page_token(page.next_page_token());
  }
}

std::string PairFixture::Logs() {
  std::string logs;
  if (ingest_ != nullptr) absl::StrAppend(&logs, ingest_->Describe(), "\n");
  for (Replica& replica : replicas_) {
    if (replica.process != nullptr) absl::StrAppend(&logs, replica.process->Describe(), "\n");
  }
  return logs;
}

}  // namespace gisa::testing
