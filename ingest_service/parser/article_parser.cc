#include "ingest_service/parser/article_parser.h"

#include <utility>

#include "absl/strings/str_format.h"
#include "ingest_service/parser/structure_parser.h"
#include "shared/article/ids.h"
#include "shared/text/normalize.h"
#include "shared/text/utf8.h"

namespace gisa::ingest {

absl::StatusOr<std::unique_ptr<ArticleParser>> ArticleParser::Create(
    const ParserOptions& options) {
  ParserOptions resolved = options;
  if (resolved.lexicon_dir.empty()) resolved.lexicon_dir = GISA_DEFAULT_LEXICON_DIR;
  absl::StatusOr<std::unique_ptr<EntityExtractor>> entities =
      EntityExtractor::Load(resolved.lexicon_dir);
  if (!entities.ok()) return entities.status();
  return std::unique_ptr<ArticleParser>(
      new ArticleParser(std::move(resolved), *std::move(entities)));
}

ArticleParser::ArticleParser(ParserOptions options,
                             std::unique_ptr<EntityExtractor> entities)
    : options_(std::move(options)), entities_(std::move(entities)) {}

absl::StatusOr<gisa::v1::Article> ArticleParser::Parse(
    const gisa::v1::RawArticle& raw) const {
  const std::string& bytes = raw.content();
  if (bytes.size() > options_.max_content_bytes) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "content is %d bytes, over the limit of %d bytes", bytes.size(),
        options_.max_content_bytes));
  }
  // Checked before the BOM goes, so the offset named is the caller's.
  if (absl::Status utf8 = text::CheckUtf8(bytes); !utf8.ok()) return utf8;
  const absl::string_view content = text::StripBom(bytes);
  if (text::TrimSpace(content).empty()) {
    return absl::InvalidArgumentError("content is empty");
  }
  const std::string media_type =
      raw.media_type().empty() ? "text/plain" : raw.media_type();
  const std::string normalized = text::ToNfc(content);
  absl::StatusOr<gisa::v1::Article> article =
      ParseStructure(normalized, media_type);
  if (!article.ok()) return article.status();

  entities_->Extract(&*article);
  quotes_.Extract(&*article);
  article->set_id(ArticleId(raw.source_uri(), normalized));
  article->set_source_uri(raw.source_uri());
  article->set_media_type(media_type);
  article->set_content_sha256(Sha256Hex(content));
  return article;
}

}  // namespace gisa::ingest
