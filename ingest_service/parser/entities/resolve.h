// From evidence to entities: names that point at one thing are merged (same
// key, a gloss or abbreviation, one lexicon entry), weak names dropped, every
// mention found, salience scored.
//
//   std::vector<gisa::v1::Entity> entities =
//       ResolveEntities(lexicon, units, CollectEvidence(lexicon, units));
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITIES_RESOLVE_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITIES_RESOLVE_H_

#include <vector>

#include "gisa/v1/article.pb.h"
#include "ingest_service/parser/entities/evidence.h"
#include "ingest_service/parser/entities/lexicon.h"
#include "ingest_service/parser/entities/units.h"

namespace gisa::ingest {

// Entities in order of first mention. Each has its canonical name (the
// first mention that is not an alias, without its particle), its type (the
// lexicon's, else the type with the most evidence), aliases as written,
// every mention (paragraph -1 for a heading) and salience in [0, 1].
// Thread-safe: reads only its arguments.
std::vector<gisa::v1::Entity> ResolveEntities(
    const EntityLexicon& lexicon, const std::vector<TextUnit>& units,
    const std::vector<Evidence>& evidence);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITIES_RESOLVE_H_
