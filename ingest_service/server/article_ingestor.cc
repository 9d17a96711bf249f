#include "ingest_service/server/article_ingestor.h"

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace gisa::ingest {

absl::StatusOr<gisa::v1::SubmitArticleResponse> ArticleIngestor::Submit(
    const gisa::v1::RawArticle& raw) const {
  absl::StatusOr<gisa::v1::Article> article = parser_->Parse(raw);
  if (!article.ok()) return article.status();

  const absl::Duration since_epoch = absl::Now() - absl::UnixEpoch();
  const int64_t seconds = absl::ToInt64Seconds(since_epoch);
  article->mutable_ingest_time()->set_seconds(seconds);
  article->mutable_ingest_time()->set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(since_epoch - absl::Seconds(seconds))));

  absl::StatusOr<RecordLog::Appended> appended = log_->Append(*article);
  if (!appended.ok()) return appended.status();
  gisa::v1::SubmitArticleResponse response;
  response.set_article_id(article->id());
  response.set_sequence(appended->sequence);
  response.set_replaced(appended->replaced);
  return response;
}

}  // namespace gisa::ingest
