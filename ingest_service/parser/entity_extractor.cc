#include "ingest_service/parser/entity_extractor.h"

#include <utility>
#include <vector>

#include "ingest_service/parser/entities/evidence.h"
#include "ingest_service/parser/entities/lexicon.h"
#include "ingest_service/parser/entities/resolve.h"
#include "ingest_service/parser/entities/units.h"

namespace gisa::ingest {

absl::StatusOr<std::unique_ptr<EntityExtractor>> EntityExtractor::Load(
    const std::string& lexicon_dir) {
  absl::StatusOr<std::unique_ptr<EntityLexicon>> lexicon =
      EntityLexicon::Load(lexicon_dir);
  if (!lexicon.ok()) return lexicon.status();
  return std::unique_ptr<EntityExtractor>(
      new EntityExtractor(*std::move(lexicon)));
}

EntityExtractor::EntityExtractor(std::unique_ptr<EntityLexicon> lexicon)
    : lexicon_(std::move(lexicon)) {}

EntityExtractor::~EntityExtractor() = default;

void EntityExtractor::Extract(gisa::v1::Article* article) const {
  article->clear_entities();
  const std::vector<TextUnit> units = SplitIntoUnits(*article);
  const std::vector<Evidence> evidence = CollectEvidence(*lexicon_, units);
  for (gisa::v1::Entity& entity :
       ResolveEntities(*lexicon_, units, evidence)) {
    *article->add_entities() = std::move(entity);
  }
}

}  // namespace gisa::ingest
