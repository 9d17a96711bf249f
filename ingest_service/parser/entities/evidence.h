// The rules that find names in an article, each leaving evidence: this span
// of this unit names a thing of this type, this strongly, perhaps with an
// alias. resolve.h turns evidence into entities.
//
// Rules (each a function of internal/rules.h, in rules_people.cc,
// rules_places.cc, rules_glosses.cc or, for the lexicon, evidence.cc):
//   lexicon   a name of the lexicon files, longest match over words      10
//   region    a known place + 시/군/구/도/현/주/성/읍/면/공장/항 (부산시,
//             인제군, 부산항); 경기 before a place (경기 수원시)          8
//   role      a role or title next to a name (탕제 창립자, 김태오 교수)     6
//   suffix    an organisation or place ending (삼성전자, 서울대병원)       5
//   foreign   a foreign given name + one or two more words (저스틴 린,
//             케빈 프린스 보아텡), ended by a particle, a role, a body or
//             an affiliation and a role                                 5
//   country-body  a place + a body every country has (미국 법무부, 일본
//             정부, 홍콩 경찰)                                          6
//   court-branch  a court + its branch (춘천지방법원 강릉지원)           6
//   land      a foreign name + the kind of land (아타카마 사막)            6
//   quote     a quoted name with product evidence ('루빈' 칩)             4-5
//   repeated-quote  a name quoted twice or more ('분청 철화 항아리')        3
//   gloss     a Latin gloss in parentheses (블룸버그(Bloomberg))          0-4
//   chain     an address part after a place (서울 용산구), also after a
//             place found earlier in the article (팔달구 인계동)          4
//   latin     a Latin group prefix + Hangul (SK바이오사이언스)             4
//   company   a known company + more (네이버클라우드)                      3
//   age       a name + (age) (서경석(43) 씨, 리웨이(24·중국)); a Korean
//             name + (its body) (정소율(부산시청)); two words + (country)
//             (에밀 드라간(세르비아))                                    6
//   honorific any short name before 씨 (소담 씨, 하루카씨)                 6
//   late      고 + a Korean name (고 박지선)                              6
//   real-name a stage name and 본명/한국명 (루미(본명 한소율))              6
//   role      also across a country or body (X Y 이집트 외무장관)
//   name-shape  surname + given-name syllables + particle (오승민은,
//             오세린을) or alone in parentheses (팀장(한서준))           3
//   cue       a descriptor before a name (스타트업 즈푸)                   2
//             or a legal form with it (법무법인 새온)                     6
//   affiliation  X의 + role + person (즈푸의 창립자 탕제)                  2
// A name is kept when its evidence for one type sums to 3 or more.
// Descriptions are kept out: a quote with an adverb, a verb before a noun
// or a bound noun ('올여름 가장 더울 수도'); a language (일본어) or an
// adverb taken for a person; a place and a common noun read as a spaceless
// lexicon name (한국 경제 is not 한국경제).
#ifndef GISA_INGEST_SERVICE_PARSER_ENTITIES_EVIDENCE_H_
#define GISA_INGEST_SERVICE_PARSER_ENTITIES_EVIDENCE_H_

#include <string>
#include <vector>

#include "gisa/v1/article.pb.h"
#include "ingest_service/parser/entities/lexicon.h"
#include "ingest_service/parser/entities/units.h"

namespace gisa::ingest {

struct Evidence {
  int unit = 0;
  // Words [first_word, last_word] of the unit that the name spans.
  int first_word = 0;
  int last_word = 0;
  std::string name;   // as written
  gisa::v1::EntityType type = gisa::v1::ENTITY_TYPE_UNSPECIFIED;
  int strength = 0;   // 0 links an alias without vouching for the name
  std::string alias;  // a gloss or abbreviation written beside the name
  const LexiconName* entry = nullptr;
  const char* rule = "";  // which rule found it (tests and debugging)
  // The name is a word with another sense (경기: a province, or a game):
  // it is a mention only where evidence like this stands.
  bool only_here = false;
};

// Runs every rule over `units` (from SplitIntoUnits). Linear in the number
// of words. Thread-safe: reads only its arguments.
std::vector<Evidence> CollectEvidence(const EntityLexicon& lexicon,
                                      const std::vector<TextUnit>& units);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_ENTITIES_EVIDENCE_H_
