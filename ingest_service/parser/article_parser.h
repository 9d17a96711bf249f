// The article parser: raw bytes in, a typed Article record out.
//
// It checks the input (UTF-8, size, not empty), normalises the text to NFC,
// parses the structure (structure_parser.h), finds named entities
// (entity_extractor.h) and quotes (quote_extractor.h), and fills in the id
// and content hash. Used by `ingest_service parse` and by the ingest server.
//
//   absl::StatusOr<std::unique_ptr<ArticleParser>> parser =
//       ArticleParser::Create({.lexicon_dir = "data/lexicons"});
//   absl::StatusOr<gisa::v1::Article> article = (*parser)->Parse(raw);
#ifndef GISA_INGEST_SERVICE_PARSER_ARTICLE_PARSER_H_
#define GISA_INGEST_SERVICE_PARSER_ARTICLE_PARSER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "gisa/v1/article.pb.h"
#include "gisa/v1/ingest_service.pb.h"
#include "ingest_service/parser/entity_extractor.h"
#include "ingest_service/parser/quote_extractor.h"

namespace gisa::ingest {

struct ParserOptions {
  // Content larger than this is refused (INVALID_ARGUMENT).
  size_t max_content_bytes = 8 << 20;
  // Folder of the lexicon files (see data/lexicons/README.md); empty means
  // the folder the build was configured with.
  std::string lexicon_dir;
};

class ArticleParser {
 public:
  // Loads the lexicons. Errors: NOT_FOUND / INVALID_ARGUMENT naming the file
  // that is missing or malformed.
  static absl::StatusOr<std::unique_ptr<ArticleParser>> Create(
      const ParserOptions& options);

  // Parses one article. Leaves ingest_time unset. Errors: INVALID_ARGUMENT
  // naming the problem (not UTF-8 with the offending offset and line, empty,
  // over the size limit, unknown media type, no recognisable article).
  // Thread-safe: Parse is const and may run on many threads at once.
  absl::StatusOr<gisa::v1::Article> Parse(
      const gisa::v1::RawArticle& raw) const;

  const ParserOptions& options() const { return options_; }

 private:
  ArticleParser(ParserOptions options,
                std::unique_ptr<EntityExtractor> entities);

  ParserOptions options_;
  std::unique_ptr<EntityExtractor> entities_;
  QuoteExtractor quotes_;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ARTICLE_PARSER_H_
