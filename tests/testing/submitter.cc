#include "tests/testing/submitter.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "tests/testing/pair_fixture.h"

namespace gisa::testing {
namespace {

// Reconnects quickly after a restart.
std::shared_ptr<grpc::Channel> SubmitChannel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 50);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 250);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

}  // namespace

Submitter::Submitter(Options options) : options_(std::move(options)) {
  for (int i = 0; i < thread_count(); ++i) {
    threads_.emplace_back([this] { Run(); });
  }
}

Submitter::~Submitter() { Stop(); }

void Submitter::Stop() {
  stopping_ = true;
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

std::string Submitter::SourceUri(int n) const {
  return absl::StrCat(options_.prefix, "/", n);
}

int Submitter::Claim(int count, int* first) {
  if (stopping_) return 0;
  *first = next_.fetch_add(count);
  if (options_.max_articles == 0) return count;
  return std::clamp(options_.max_articles - *first, 0, count);
}

void Submitter::Run() {
  // A channel per thread, so that the threads' calls really run at once.
  std::unique_ptr<gisa::v1::IngestService::Stub> stub =
      gisa::v1::IngestService::NewStub(SubmitChannel(options_.address));
  const int batch = std::max(1, options_.stream_size);
  int first = 0;
  while (int count = Claim(batch, &first)) {
    if (options_.stream_size == 0) {
      SubmitOne(*stub, first);
    } else {
      SubmitStream(*stub, first, count);
    }
  }
  absl::MutexLock lock(&mu_);
  ++finished_threads_;
}

void Submitter::SubmitOne(gisa::v1::IngestService::Stub& stub, int n) {
  static const std::vector<TestArticle> articles = TestArticles();
  gisa::v1::SubmitArticleRequest request;
  request.mutable_article()->set_source_uri(SourceUri(n));
  request.mutable_article()->set_content(articles[n % articles.size()].content);
  gisa::v1::SubmitArticleResponse response;
  const grpc::Status status =
      stub.SubmitArticle(NewContext(options_.call_timeout).get(), request, &response);
  if (!status.ok()) {
    Record({}, 1, absl::StrCat(SourceUri(n), ": ", status.error_message()));
    return;
  }
  Record({{request.article().source_uri(), response.article_id(), response.sequence()}},
         0, "");
}

void Submitter::SubmitStream(gisa::v1::IngestService::Stub& stub, int first,
                             int count) {
  static const std::vector<TestArticle> articles = TestArticles();
  std::unique_ptr<grpc::ClientContext> context = NewContext(options_.call_timeout);
  gisa::v1::SubmitArticlesResponse response;
  std::unique_ptr<grpc::ClientWriter<gisa::v1::SubmitArticleRequest>> writer =
      stub.SubmitArticles(context.get(), &response);
  for (int n = first; n < first + count; ++n) {
    gisa::v1::SubmitArticleRequest request;
    request.mutable_article()->set_source_uri(SourceUri(n));
    request.mutable_article()->set_content(articles[n % articles.size()].content);
    if (!writer->Write(request)) break;  // the stream broke; Finish says why
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  if (!status.ok()) {
    Record({}, count,
           absl::StrCat("stream of ", SourceUri(first), "..: ", status.error_message()));
    return;
  }
  // results are in stream order, one per accepted article; errors name
  // the positions of the others.
  std::vector<bool> refused(count, false);
  for (const gisa::v1::SubmitError& e : response.errors()) {
    if (e.index() >= 0 && e.index() < count) refused[e.index()] = true;
  }
  std::vector<Ack> acks;
  int position = 0;
  for (const gisa::v1::SubmitArticleResponse& result : response.results()) {
    while (position < count && refused[position]) ++position;
    acks.push_back({SourceUri(first + position), result.article_id(), result.sequence()});
    ++position;
  }
  std::string error;
  if (response.rejected() > 0) {
    error = absl::StrCat("stream of ", SourceUri(first), "..: ", response.rejected(),
                         " rejected: ", response.errors(0).message());
  }
  Record(std::move(acks), response.rejected(), error);
}

void Submitter::Record(std::vector<Ack> acks, int failed, const std::string& error) {
  absl::MutexLock lock(&mu_);
  for (Ack& ack : acks) acks_.push_back(std::move(ack));
  failed_ += failed;
  if (!error.empty()) last_error_ = error;
}

bool Submitter::WaitForAcks(size_t count, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto reached = [this, count]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
    return acks_.size() >= count ||
           finished_threads_ == thread_count();
  };
  mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
  return acks_.size() >= count;
}

bool Submitter::WaitUntilDone(absl::Duration timeout) {
  {
    absl::MutexLock lock(&mu_);
    auto done = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return finished_threads_ == thread_count();
    };
    if (!mu_.AwaitWithTimeout(absl::Condition(&done), timeout)) return false;
  }
  Stop();
  return true;
}

std::vector<Submitter::Ack> Submitter::acks() const {
  absl::MutexLock lock(&mu_);
  return acks_;
}

size_t Submitter::ack_count() const {
  absl::MutexLock lock(&mu_);
  return acks_.size();
}

int Submitter::failed() const {
  absl::MutexLock lock(&mu_);
  return failed_;
}

std::string Submitter::last_error() const {
  absl::MutexLock lock(&mu_);
  return last_error_;
}

uint64_t Submitter::max_sequence() const {
  absl::MutexLock lock(&mu_);
  uint64_t max = 0;
  for (const Ack& ack : acks_) max = std::max(max, ack.sequence);
  return max;
}

}  // namespace gisa::testing
