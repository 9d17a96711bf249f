// The one submission step shared by SubmitArticle and SubmitArticles: parse
// a raw article, stamp its ingest time and append it to the durable log.
//
//   ArticleIngestor ingestor(&parser, &log);
//   absl::StatusOr<gisa::v1::SubmitArticleResponse> r = ingestor.Submit(raw);
//   // r->sequence is durable once Submit returns
#ifndef GISA_INGEST_SERVICE_SERVER_ARTICLE_INGESTOR_H_
#define GISA_INGEST_SERVICE_SERVER_ARTICLE_INGESTOR_H_

#include "absl/status/statusor.h"
#include "gisa/v1/ingest_service.pb.h"
#include "ingest_service/log/record_log.h"
#include "ingest_service/parser/article_parser.h"

namespace gisa::ingest {

class ArticleIngestor {
 public:
  // `parser` and `log` must outlive the ingestor.
  ArticleIngestor(const ArticleParser* parser, RecordLog* log)
      : parser_(parser), log_(log) {}

  // Parses `raw` and logs the article; returns once the record is durable.
  // Errors: the parser's INVALID_ARGUMENT (nothing is logged) or the log's
  // error. Blocks on parsing and fsync: never call it on a gRPC reactor
  // thread. Thread-safe.
  absl::StatusOr<gisa::v1::SubmitArticleResponse> Submit(
      const gisa::v1::RawArticle& raw) const;

  const ArticleParser& parser() const { return *parser_; }
  RecordLog& log() const { return *log_; }

 private:
  const ArticleParser* parser_;
  RecordLog* log_;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_ARTICLE_INGESTOR_H_
