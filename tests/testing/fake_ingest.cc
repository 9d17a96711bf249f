#include "tests/testing/fake_ingest.h"

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <cstdlib>
#include <cstdio>

#include "absl/strings/str_cat.h"

namespace gisa::testing {

gisa::v1::LogRecord MakeRecord(uint64_t sequence, int id_number,
                               const std::string& title,
                               const std::string& category) {
  gisa::v1::LogRecord record;
  record.set_sequence(sequence);
  gisa::v1::Article* article = record.mutable_article();
  article->set_id(absl::StrCat("article-", id_number));
  article->set_source_uri(absl::StrCat("test/", id_number));
  article->set_title(title.empty() ? absl::StrCat("기사 ", id_number) : title);
  article->set_language("ko");
  article->set_category(category);
  gisa::v1::Section* section = article->add_sections();
  section->set_heading(article->title());
  section->set_kind(gisa::v1::SECTION_KIND_BODY);
  section->add_paragraphs()->set_text(absl::StrCat("본문 ", id_number, "입니다."));
  return record;
}

class FakeIngest::Service final : public gisa::v1::IngestService::Service {
 public:
  explicit Service(FakeIngest* fake) : fake_(fake) {}

  grpc::Status Follow(grpc::ServerContext* context,
                      const gisa::v1::FollowRequest* request,
                      grpc::ServerWriter<gisa::v1::FollowResponse>* writer) override {
    const Options& options = fake_->options_;
    Cursor cursor{fake_, 0};
    {
      absl::MutexLock lock(&fake_->mu_);
      fake_->requests_.push_back(request->from_sequence());
      fake_->last_replica_ = request->replica();
      if (!options.resend_from_start) {
        while (cursor.next < fake_->records_.size() &&
               fake_->records_[cursor.next].sequence() < request->from_sequence()) {
          ++cursor.next;
        }
      }
    }
    int sent = 0;
    while (!context->IsCancelled()) {
      gisa::v1::FollowResponse response;
      {
        absl::MutexLock lock(&fake_->mu_);
        fake_->mu_.AwaitWithTimeout(absl::Condition(&Cursor::HasNews, &cursor),
                                    options.heartbeat);
        if (fake_->stopping_) break;
        if (options.silent) continue;
        while (cursor.next < fake_->records_.size() &&
               (options.end_stream_after == 0 || sent < options.end_stream_after)) {
          *response.add_records() = fake_->records_[cursor.next++];
          ++sent;
        }
        response.set_log_last_sequence(
            fake_->records_.empty() ? 0 : fake_->records_.back().sequence());
      }
      if (!writer->Write(response)) break;
      if (options.end_stream_after != 0 && sent >= options.end_stream_after) break;
    }
    return grpc::Status::OK;
  }

 private:
  struct Cursor {
    FakeIngest* fake;
    size_t next;
    static bool HasNews(Cursor* c) ABSL_EXCLUSIVE_LOCKS_REQUIRED(c->fake->mu_) {
      return c->fake->stopping_ || c->next < c->fake->records_.size();
    }
  };

  FakeIngest* const fake_;
};

FakeIngest::FakeIngest(Options options)
    : options_(options), service_(std::make_unique<Service>(this)) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort(absl::StrCat("127.0.0.1:", options_.port),
                           grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(service_.get());
  server_ = builder.BuildAndStart();
  if (server_ == nullptr || port_ == 0) {
    std::fprintf(stderr, "FakeIngest: cannot listen on port %d\n", options_.port);
    std::abort();
  }
  address_ = absl::StrCat("127.0.0.1:", port_);
}

FakeIngest::~FakeIngest() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  server_->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(1)));
  server_->Wait();
}

void FakeIngest::Append(int count) {
  absl::MutexLock lock(&mu_);
  for (int i = 0; i < count; ++i) {
    const uint64_t sequence = records_.empty() ? 1 : records_.back().sequence() + 1;
    records_.push_back(MakeRecord(sequence, static_cast<int>(sequence)));
  }
}

void FakeIngest::AppendRecord(gisa::v1::LogRecord record) {
  absl::MutexLock lock(&mu_);
  records_.push_back(std::move(record));
}

std::vector<uint64_t> FakeIngest::follow_requests() const {
  absl::MutexLock lock(&mu_);
  return requests_;
}

std::string FakeIngest::last_replica() const {
  absl::MutexLock lock(&mu_);
  return last_replica_;
}

bool FakeIngest::WaitForFollowRequests(size_t n, absl::Duration timeout) const {
  struct Wanted {
    const FakeIngest* fake;
    size_t n;
    static bool Reached(Wanted* w) ABSL_EXCLUSIVE_LOCKS_REQUIRED(w->fake->mu_) {
      return w->fake->requests_.size() >= w->n;
    }
  } wanted{this, n};
  absl::MutexLock lock(&mu_);
  return mu_.AwaitWithTimeout(absl::Condition(&Wanted::Reached, &wanted), timeout);
}

}  // namespace gisa::testing
