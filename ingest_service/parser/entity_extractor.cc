#include "ingest_service/parser/entity_extractor.h"

namespace gisa::ingest {

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::Load(
    const std::string& /*lexicon_dir*/) {
  return std::make_unique<EntityExtractor>();
}

void EntityExtractor::Extract(gisa::v1::Article* article) const {
  article->clear_entities();
}

}  // namespace gisa::ingest
