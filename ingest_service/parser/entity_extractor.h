// Named entities of an article: people, organisations, places, products.
//
// Loads lexicons (data/lexicons/) once; Extract is then const and
// thread-safe.
//
//   auto extractor = EntityExtractor::Load("data/lexicons");
//   (*extractor)->Extract(&article);  // fills article.entities
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

class EntityExtractor {
 public:
  // Reads the lexicon files under `lexicon_dir`. Errors name the file.
  static absl::StatusOr<std::unique_ptr<EntityExtractor>> Load(
      const std::string& lexicon_dir);

  // Replaces article->entities with the entities found in its sections
  // (headings and paragraphs; never the related posts). Thread-safe.
  void Extract(gisa::v1::Article* article) const;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_
