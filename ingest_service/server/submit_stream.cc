#include "ingest_service/server/submit_stream.h"

#include <deque>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace gisa::ingest {
namespace {

struct Item {
  int index = 0;
  gisa::v1::RawArticle raw;
};

// Keeps the `limit` entries with the smallest keys.
template <typename V>
void InsertCapped(std::map<int, V>& map, int key, V value, int limit) {
  map.emplace(key, std::move(value));
  if (static_cast<int>(map.size()) > limit) map.erase(std::prev(map.end()));
}

// Lifetime: Finish is called once, by the thread that sees the stream
// half-closed (or broken) with nothing in flight, and never with mu_ held;
// items in flight keep the stream unfinished, so no pool task outlives it.
class SubmitStream
    : public grpc::ServerReadReactor<gisa::v1::SubmitArticleRequest> {
 public:
  // `calls` has counted this stream already.
  SubmitStream(const ArticleIngestor* ingestor, ThreadPool* pool,
               CallGate* calls, gisa::v1::SubmitArticlesResponse* response)
      : ingestor_(ingestor), pool_(pool), calls_(calls), response_(response) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (!ok) {
        reads_done_ = true;
        finish = ReadyToFinishLocked();
      } else {
        Item item{next_index_++, std::move(*request_.mutable_article())};
        request_.Clear();
        ++in_flight_;
        bytes_in_flight_ += item.raw.content().size();
        Dispatch(std::move(item));
        if (CanReadLocked()) {
          StartRead(&request_);
        } else {
          read_paused_ = true;
        }
      }
    }
    if (finish) Finish(grpc::Status::OK);
  }

  void OnDone() override {
    calls_->Exit();
    delete this;
  }

 private:
  // Processes `item` now, or after the earlier article with its source_uri.
  void Dispatch(Item item) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    const std::string& uri = item.raw.source_uri();
    if (!uri.empty()) {
      auto [it, fresh] = same_uri_queue_.try_emplace(uri);
      if (!fresh) {
        it->second.push_back(std::move(item));
        return;
      }
    }
    pool_->Schedule(
        [this, item = std::move(item)]() mutable { Process(std::move(item)); });
  }

  // On the pool.
  void Process(Item item) {
    absl::StatusOr<gisa::v1::SubmitArticleResponse> result =
        ingestor_->Submit(item.raw);
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      Record(item, std::move(result));
      const std::string& uri = item.raw.source_uri();
      if (!uri.empty()) {
        auto it = same_uri_queue_.find(uri);
        if (it->second.empty()) {
          same_uri_queue_.erase(it);
        } else {
          Item next = std::move(it->second.front());
          it->second.pop_front();
          pool_->Schedule([this, next = std::move(next)]() mutable {
            Process(std::move(next));
          });
        }
      }
      --in_flight_;
      bytes_in_flight_ -= item.raw.content().size();
      if (read_paused_ && CanReadLocked()) {
        read_paused_ = false;
        StartRead(&request_);
      }
      finish = ReadyToFinishLocked();
    }
    if (finish) Finish(grpc::Status::OK);
  }

  void Record(const Item& item,
              absl::StatusOr<gisa::v1::SubmitArticleResponse> result)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (result.ok()) {
      ++accepted_;
      InsertCapped(results_, item.index, *std::move(result),
                   kMaxResultsPerStream);
      return;
    }
    ++rejected_;
    gisa::v1::SubmitError error;
    error.set_index(item.index);
    error.set_source_uri(item.raw.source_uri());
    error.set_code(static_cast<int>(result.status().code()));
    error.set_message(std::string(result.status().message()));
    InsertCapped(errors_, item.index, std::move(error), kMaxErrorsPerStream);
  }

  bool CanReadLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return in_flight_ < kMaxArticlesInFlight &&
           bytes_in_flight_ < kMaxBytesInFlight;
  }

  // True once, when the response is complete; fills it in.
  bool ReadyToFinishLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!reads_done_ || in_flight_ > 0 || finished_) return false;
    finished_ = true;
    response_->set_accepted(accepted_);
    response_->set_rejected(rejected_);
    for (auto& [index, result] : results_) {
      *response_->add_results() = std::move(result);
    }
    for (auto& [index, error] : errors_) {
      *response_->add_errors() = std::move(error);
    }
    return true;
  }

  const ArticleIngestor* const ingestor_;
  ThreadPool* const pool_;
  CallGate* const calls_;
  gisa::v1::SubmitArticlesResponse* const response_;

  // Target of the one read in flight.
  gisa::v1::SubmitArticleRequest request_;

  absl::Mutex mu_;
  int next_index_ ABSL_GUARDED_BY(mu_) = 0;
  int in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  size_t bytes_in_flight_ ABSL_GUARDED_BY(mu_) = 0;
  bool read_paused_ ABSL_GUARDED_BY(mu_) = false;
  bool reads_done_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  // For each source_uri being processed, the later items that carry it.
  absl::flat_hash_map<std::string, std::deque<Item>> same_uri_queue_
      ABSL_GUARDED_BY(mu_);
  int accepted_ ABSL_GUARDED_BY(mu_) = 0;
  int rejected_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<int, gisa::v1::SubmitArticleResponse> results_ ABSL_GUARDED_BY(mu_);
  std::map<int, gisa::v1::SubmitError> errors_ ABSL_GUARDED_BY(mu_);
};

// A stream refused because the server is shutting down.
class RefusedStream
    : public grpc::ServerReadReactor<gisa::v1::SubmitArticleRequest> {
 public:
  RefusedStream() {
    Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        "the ingest server is shutting down"));
  }
  void OnDone() override { delete this; }
};

}  // namespace

grpc::ServerReadReactor<gisa::v1::SubmitArticleRequest>* NewSubmitStream(
    const ArticleIngestor* ingestor, ThreadPool* pool, CallGate* calls,
    gisa::v1::SubmitArticlesResponse* response) {
  if (!calls->Enter()) return new RefusedStream();
  return new SubmitStream(ingestor, pool, calls, response);
}

}  // namespace gisa::ingest
