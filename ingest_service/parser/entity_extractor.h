// Named entities of an article: people, organisations, places, products.
//
// Loads lexicons (data/lexicons/, see its README.md) once; Extract is then
// const and thread-safe.
//
//   auto extractor = EntityExtractor::Load("data/lexicons");
//   (*extractor)->Extract(&article);  // fills article.entities
//
// Evidence comes from the lexicons (countries, cities, Korean regions,
// companies, institutions, media, products, leagues and teams), from endings
// (…전자, …은행, …대학교, …청), from role and title words beside a name
// (김태오 교수, 창립자 탕제), from Latin glosses and abbreviations in
// parentheses (월스트리트저널(WSJ)), from quoted names with a product cue
// (차세대 칩 '루빈') and from repetition; ingest_service/parser/entities/
// evidence.h lists the rules. Generic nouns (AI, 반도체, 정부) never become
// entities.
//
// Mentions: offsets are UTF-8 bytes into the text they were found in. A
// mention in a paragraph has that paragraph's index; a mention in a section
// heading has paragraph = -1 and offsets into Section.heading. Headings also
// weigh more in salience. Related posts are not part of sections and are
// never read.
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

class EntityLexicon;

class EntityExtractor {
 public:
  // Reads the lexicon files under `lexicon_dir`. Errors: NOT_FOUND naming a
  // missing folder or file, INVALID_ARGUMENT naming the file and line of a
  // malformed entry.
  static absl::StatusOr<std::unique_ptr<EntityExtractor>> Load(
      const std::string& lexicon_dir);

  ~EntityExtractor();
  EntityExtractor(const EntityExtractor&) = delete;
  EntityExtractor& operator=(const EntityExtractor&) = delete;

  // Replaces article->entities with the entities found in its sections
  // (headings and paragraphs of every kind; never the related posts), one
  // per thing named, in order of first mention. Never fails: text with no
  // names gives no entities. Time is linear in the length of the article.
  // Thread-safe.
  void Extract(gisa::v1::Article* article) const;

 private:
  explicit EntityExtractor(std::unique_ptr<EntityLexicon> lexicon);

  std::unique_ptr<EntityLexicon> lexicon_;
};

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITY_EXTRACTOR_H_
