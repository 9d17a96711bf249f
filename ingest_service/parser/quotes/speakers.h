// The entities of an article, indexed for finding who a quote's subject is.
//
// Built once per article from article.entities (names, aliases, mentions):
//
//   SpeakerIndex index(article);
//   index.EntityNamed("WSJ");            // the 월스트리트저널 entity
//   index.EntityAt(0, 2, begin, end);    // entity mentioned at those bytes
//   index.PersonsWithPart("린");         // 저스틴 린: "린 총괄은"
#ifndef GISA_INGEST_SERVICE_PARSER_QUOTES_SPEAKERS_H_
#define GISA_INGEST_SERVICE_PARSER_QUOTES_SPEAKERS_H_

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest::quotes {

// Who said something.
struct Speaker {
  // Entity.name where an entity matched, else the subject as written
  // without its particle.
  std::string name;
  // Role or affiliation written around the name: "중국 AI 스타트업 즈푸의
  // 창립자".
  std::string description;
  // Index into article.entities, or -1.
  int entity = -1;
};

class SpeakerIndex {
 public:
  // Keeps a pointer to `article`, which must outlive the index and keep its
  // entities unchanged.
  explicit SpeakerIndex(const gisa::v1::Article& article);

  // The entity with a mention overlapping bytes [begin, end) of the given
  // paragraph, or -1.
  int EntityAt(int section, int paragraph, int begin, int end) const;

  // The entity whose name or alias is `text` (compared after
  // text::FoldForMatch), or -1.
  int EntityNamed(absl::string_view text) const;

  // PERSON entities that `part` names on its own: a space-separated part of
  // the name ("린" of "저스틴 린") or the surname of a Korean name of two
  // or three syllables ("정" of "정태윤").
  const std::vector<int>& PersonsWithPart(absl::string_view part) const;

  // A place in the article: section, paragraph, byte offset.
  struct Place {
    int section = -1;
    int paragraph = -1;
    int at = -1;
    bool operator<(const Place& o) const {
      return std::tie(section, paragraph, at) <
             std::tie(o.section, o.paragraph, o.at);
    }
  };
  // The last mention of `entity` before `place`, if any.
  std::optional<Place> LastMentionBefore(int entity, const Place& place) const;

  const gisa::v1::Entity& entity(int i) const {
    return article_->entities(i);
  }

 private:
  struct Mention {
    int begin;
    int end;
    int entity;
  };
  static uint64_t Key(int section, int paragraph) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(section)) << 32) |
           static_cast<uint32_t>(paragraph);
  }

  const gisa::v1::Article* article_;
  absl::flat_hash_map<std::string, int> by_name_;
  absl::flat_hash_map<std::string, std::vector<int>> by_part_;
  // Mentions of each paragraph, sorted by begin.
  absl::flat_hash_map<uint64_t, std::vector<Mention>> mentions_;
};

}  // namespace gisa::ingest::quotes

#endif  // GISA_INGEST_SERVICE_PARSER_QUOTES_SPEAKERS_H_
