#include "ingest_service/parser/entities/resolve.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/entities/internal/rules.h"
#include "shared/text/hangul.h"

namespace gisa::ingest {
namespace {

using gisa::v1::EntityType;

// Evidence for one type must add up to this for a name to stand.
constexpr int kMinStrength = 3;
// Longest name, in words, that mentions are looked for with.
constexpr int kMaxMentionWords = 6;

// Salience weights: where a mention is says how central the entity is.
constexpr double kTitleWeight = 3.0;
constexpr double kHeadingWeight = 2.0;
constexpr double kBodyWeight = 1.0;
constexpr double kFaqWeight = 0.5;
constexpr double kEarlyBonus = 2.0;

// Union-find over name keys.
class KeyGroups {
 public:
  int Id(const std::string& key) {
    auto [it, inserted] = ids_.try_emplace(key, static_cast<int>(parent_.size()));
    if (inserted) parent_.push_back(it->second);
    return it->second;
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }
  const absl::flat_hash_map<std::string, int>& ids() const { return ids_; }

 private:
  absl::flat_hash_map<std::string, int> ids_;
  std::vector<int> parent_;
};

struct Group {
  std::array<int, 6> votes{};
  std::array<int, 6> strongest{};  // strongest single evidence per type
  const LexiconName* entry = nullptr;
  EntityType type = gisa::v1::ENTITY_TYPE_UNSPECIFIED;
  std::vector<gisa::v1::Mention> mentions;
  std::vector<int> mention_units;
  std::vector<std::string> mention_keys;
  std::vector<std::string> gloss_aliases;  // written forms, in order
  int name_words = 1;
};

int WordCount(absl::string_view s) {
  return static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1;
}

class Resolver {
 public:
  Resolver(const EntityLexicon& lexicon, const std::vector<TextUnit>& units,
           const std::vector<Evidence>& evidence)
      : lex_(lexicon), units_(units), evidence_(evidence) {}

  std::vector<gisa::v1::Entity> Run() {
    Link();
    Vote();
    AddAbbreviations();
    AddSyllableAbbreviations();
    AddShortNames();
    FindMentions();
    return Build();
  }

 private:
  // Names joined by a gloss, an abbreviation or one lexicon entry are one.
  void Link() {
    absl::flat_hash_map<const LexiconName*, int> by_entry;
    for (const Evidence& e : evidence_) {
      const int id = keys_.Id(MatchKey(e.name));
      if (!e.alias.empty()) {
        const std::string alias_key = MatchKey(e.alias);
        alias_keys_.insert(alias_key);
        keys_.Union(id, keys_.Id(alias_key));
      }
      if (e.entry != nullptr) {
        auto [it, inserted] = by_entry.try_emplace(e.entry, id);
        if (!inserted) keys_.Union(id, it->second);
      }
    }
    // A gloss may itself be a lexicon name (WSJ): link to its entry.
    for (const Evidence& e : evidence_) {
      if (e.alias.empty()) continue;
      const LexiconName* entry = lex_.FindName(MatchKey(e.alias));
      if (entry == nullptr) continue;
      const int id = keys_.Id(MatchKey(e.alias));
      auto [it, inserted] = by_entry.try_emplace(entry, id);
      if (!inserted) keys_.Union(id, it->second);
      entry_of_alias_[MatchKey(e.alias)] = entry;
    }
  }

  Group& GroupOf(const std::string& key) {
    return groups_[keys_.Find(keys_.Id(key))];
  }

  void Vote() {
    for (const Evidence& e : evidence_) {
      if (e.only_here) {
        only_here_[MatchKey(e.name)].insert({e.unit, e.first_word});
      }
      Group& g = GroupOf(MatchKey(e.name));
      g.name_words = std::max(g.name_words, WordCount(e.name));
      if (e.entry != nullptr && g.entry == nullptr) g.entry = e.entry;
      if (e.type != gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
        g.votes[e.type] += e.strength;
        g.strongest[e.type] = std::max(g.strongest[e.type], e.strength);
      }
      if (!e.alias.empty()) {
        const std::string alias_key = MatchKey(e.alias);
        auto it = entry_of_alias_.find(alias_key);
        if (it != entry_of_alias_.end() && g.entry == nullptr) {
          g.entry = it->second;
        }
        bool seen = false;
        for (const std::string& a : g.gloss_aliases) {
          seen = seen || MatchKey(a) == alias_key;
        }
        if (!seen) g.gloss_aliases.push_back(e.alias);
      }
    }
    for (auto& [root, g] : groups_) {
      if (g.entry != nullptr) {
        g.type = g.entry->type;
        continue;
      }
      int best = 0;
      for (int t = 1; t < static_cast<int>(g.votes.size()); ++t) {
        if (g.votes[t] > best) {
          best = g.votes[t];
          g.type = static_cast<EntityType>(t);
        }
      }
      if (best < kMinStrength) g.type = gisa::v1::ENTITY_TYPE_UNSPECIFIED;
    }
    for (const auto& [key, id] : keys_.ids()) {
      const Group& g = groups_[keys_.Find(id)];
      if (g.type == gisa::v1::ENTITY_TYPE_UNSPECIFIED) continue;
      // A generic noun, or a descriptor (라면, 스타트업), stays out unless
      // a lexicon says otherwise.
      if ((lex_.IsStopword(key) ||
           lex_.CueType(key) != gisa::v1::ENTITY_TYPE_UNSPECIFIED) &&
          g.entry == nullptr) {
        continue;
      }
      key_root_[key] = keys_.Find(id);
    }
  }

  // 한국무역협회 -> 무역협회: a shorter name with the same ending, written
  // later, is the same organisation.
  void AddAbbreviations() {
    std::vector<std::pair<std::string, int>> added;
    for (const auto& [key, root] : key_root_) {
      if (groups_[root].type != gisa::v1::ENTITY_TYPE_ORGANIZATION ||
          alias_keys_.contains(key) || !text::IsAllHangul(key)) {
        continue;
      }
      const SuffixRule* rule = lex_.MatchSuffix(key);
      if (rule == nullptr) continue;
      const int syllables = text::CodePointCount(key);
      const int suffix_syllables = text::CodePointCount(rule->suffix);
      // Keep at least two syllables before the ending, drop at least one.
      for (int keep = suffix_syllables + 2; keep < syllables; ++keep) {
        const std::string shorter = key.substr((syllables - keep) * 3);
        if (lex_.IsStopword(shorter) || lex_.FindName(shorter) != nullptr) {
          continue;
        }
        // A shorter name found only by its ending is this one shortened.
        if (auto it = key_root_.find(shorter); it != key_root_.end()) {
          const Group& other = groups_[it->second];
          if (it->second == root || other.entry != nullptr ||
              other.type != gisa::v1::ENTITY_TYPE_ORGANIZATION) {
            continue;
          }
        }
        added.emplace_back(shorter, root);
      }
    }
    for (auto& [key, root] : added) {
      key_root_[key] = root;
      alias_keys_.insert(key);
    }
  }

  // 한국천문연구원 -> 천문연, 공정거래위원회 -> 공정위: an organisation
  // named by some of its syllables, in order, is the same one, when one
  // name of the article fits.
  void AddSyllableAbbreviations() {
    std::vector<std::pair<std::string, int>> full;  // key, root
    for (const auto& [key, root] : key_root_) {
      if (groups_[root].type == gisa::v1::ENTITY_TYPE_ORGANIZATION &&
          text::IsAllHangul(key) && text::CodePointCount(key) >= 4) {
        full.emplace_back(key, root);
      }
    }
    for (auto& [key, root] : key_root_) {
      const Group& g = groups_[root];
      const int n = text::CodePointCount(key);
      // 천문연이 also reads as a name by its shape alone; that reading yields.
      const bool weak_person =
          g.type == gisa::v1::ENTITY_TYPE_PERSON &&
          g.strongest[gisa::v1::ENTITY_TYPE_PERSON] <=
              entity_rules::kNameShapeStrength;
      if ((g.type != gisa::v1::ENTITY_TYPE_ORGANIZATION && !weak_person) ||
          g.entry != nullptr || n < 2 || n > 4 || !text::IsAllHangul(key)) {
        continue;
      }
      int match = -1;
      for (const auto& [long_key, long_root] : full) {
        if (long_root == root ||
            text::CodePointCount(long_key) < n + 2 ||
            !SyllablesInOrder(key, long_key)) {
          continue;
        }
        // -2: names of two organisations fit.
        if (match == -1) {
          match = long_root;
        } else if (match != long_root) {
          match = -2;
        }
      }
      if (match < 0) continue;
      root = match;
      alias_keys_.insert(key);
    }
  }

  // `short_key`'s syllables appear in `long_key` in order, the first among
  // the first three syllables (천문연 in 한국천문연구원).
  static bool SyllablesInOrder(absl::string_view short_key,
                               absl::string_view long_key) {
    size_t at = 0;
    for (size_t i = 0; i < short_key.size(); i += 3) {
      const size_t found = long_key.find(short_key.substr(i, 3), at);
      if (found == absl::string_view::npos || found % 3 != 0 ||
          (i == 0 && found > 6)) {
        return false;
      }
      at = found + 3;
    }
    return true;
  }

  // 모리타 겐지 ... 모리타 감독은, 에밀리 카터 ... 카터 박사는, 브라이트웰
  // 파마(Brightwell Pharma) ... 브라이트웰은: one word of a full name,
  // later on its own, names the same thing when it belongs to no other
  // full name of the article.
  struct ShortName {
    int root = -1;          // the full name's group; -1 when several
    bool anywhere = false;  // a mention wherever it stands
  };

  void AddShortNames() {
    absl::flat_hash_map<std::string, ShortName> short_names;
    for (const Evidence& e : evidence_) {
      if (WordCount(e.name) < 2) continue;
      auto full = key_root_.find(MatchKey(e.name));
      if (full == key_root_.end()) continue;
      const int root = full->second;
      const std::vector<absl::string_view> words =
          absl::StrSplit(e.name, ' ', absl::SkipEmpty());
      if (e.type == gisa::v1::ENTITY_TYPE_PERSON &&
          groups_[root].type == gisa::v1::ENTITY_TYPE_PERSON) {
        // The last word is a surname in the Western order; the first a
        // surname in the Japanese order, else a given name, so it counts
        // only where other evidence made it a person.
        NoteShortName(words.front(), root, false, &short_names);
        NoteShortName(words.back(), root, FreeWord(words.back(), 2),
                      &short_names);
      } else if (e.type == gisa::v1::ENTITY_TYPE_ORGANIZATION &&
                 groups_[root].type == gisa::v1::ENTITY_TYPE_ORGANIZATION &&
                 e.entry == nullptr && FreeWord(words.front(), 3) &&
                 text::HasNonSinoSyllable(words.front())) {
        NoteShortName(words.front(), root, true, &short_names);
      }
    }
    for (const auto& [key, short_name] : short_names) {
      LinkShortName(key, short_name);
    }
  }

  static void NoteShortName(
      absl::string_view word, int root, bool anywhere,
      absl::flat_hash_map<std::string, ShortName>* short_names) {
    auto [it, inserted] =
        short_names->try_emplace(MatchKey(word), ShortName{root, anywhere});
    if (!inserted && it->second.root != root) it->second.root = -1;
  }

  // A Hangul word of `min_syllables` or more that no lexicon or role
  // claims.
  bool FreeWord(absl::string_view word, int min_syllables) const {
    const std::string key = MatchKey(word);
    return text::IsAllHangul(word) &&
           text::CodePointCount(word) >= min_syllables &&
           !lex_.IsStopword(key) && lex_.FindName(key) == nullptr &&
           lex_.MatchRole(word) == nullptr;
  }

  void LinkShortName(const std::string& key, const ShortName& short_name) {
    if (short_name.root < 0) return;
    auto it = key_root_.find(key);
    if (it == key_root_.end()) {
      if (short_name.anywhere) {
        key_root_[key] = short_name.root;
        alias_keys_.insert(key);
      }
      return;
    }
    const Group& shorter = groups_[it->second];
    if (it->second == short_name.root ||
        shorter.type != gisa::v1::ENTITY_TYPE_PERSON ||
        shorter.entry != nullptr || shorter.name_words != 1) {
      return;
    }
    it->second = short_name.root;
    alias_keys_.insert(key);
  }

  void FindMentions() {
    int max_words = 1;
    for (const auto& [root, g] : groups_) {
      max_words = std::max(max_words, g.name_words);
    }
    max_words = std::min(max_words, kMaxMentionWords);
    for (size_t u = 0; u < units_.size(); ++u) {
      const TextUnit& unit = units_[u];
      const size_t n = unit.words.size();
      for (size_t i = 0; i < n;) {
        size_t step = 1;
        for (size_t k = std::min<size_t>(max_words, n - i); k >= 1; --k) {
          if (MentionAt(u, i, k)) {
            step = k;
            break;
          }
        }
        i += step;
      }
    }
  }

  bool MentionAt(size_t u, size_t i, size_t k) {
    const TextUnit& unit = units_[u];
    std::string prefix;
    for (size_t j = i; j + 1 < i + k; ++j) {
      if (!unit.SpaceBetween(j + 1)) return false;
      prefix += unit.words[j].readings[0].key;
    }
    const UnitWord& last = unit.words[i + k - 1];
    for (const WordReading& r : last.readings) {
      const std::string key = prefix + r.key;
      auto it = key_root_.find(key);
      if (it == key_root_.end()) continue;
      if (auto bound = only_here_.find(key);
          bound != only_here_.end() &&
          !bound->second.contains({static_cast<int>(u), static_cast<int>(i)})) {
        continue;
      }
      Group& g = groups_[it->second];
      gisa::v1::Mention m;
      m.set_section(unit.section);
      m.set_paragraph(unit.paragraph);
      m.set_begin(unit.words[i].begin);
      m.set_end(last.begin + r.length);
      m.set_text(std::string(unit.text.substr(m.begin(), m.end() - m.begin())));
      g.mentions.push_back(std::move(m));
      g.mention_units.push_back(static_cast<int>(u));
      g.mention_keys.push_back(key);
      return true;
    }
    return false;
  }

  double MentionWeight(const TextUnit& unit) const {
    if (unit.paragraph < 0) {
      return unit.section == 0 ? kTitleWeight : kHeadingWeight;
    }
    return unit.kind == gisa::v1::SECTION_KIND_FAQ ? kFaqWeight : kBodyWeight;
  }

  std::vector<gisa::v1::Entity> Build() {
    struct Built {
      int first_unit;
      int first_begin;
      double score;
      gisa::v1::Entity entity;
    };
    std::vector<Built> built;
    for (auto& [root, g] : groups_) {
      if (g.mentions.empty() || g.type == gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
        continue;
      }
      Built b;
      b.first_unit = g.mention_units[0];
      b.first_begin = g.mentions[0].begin();
      gisa::v1::Entity& e = b.entity;
      e.set_type(g.type);
      // The first mention that is not a gloss or abbreviation names it.
      size_t name_at = 0;
      for (size_t m = 0; m < g.mentions.size(); ++m) {
        if (!alias_keys_.contains(g.mention_keys[m])) {
          name_at = m;
          break;
        }
      }
      e.set_name(g.mentions[name_at].text());
      absl::flat_hash_set<std::string> seen = {g.mention_keys[name_at]};
      auto add_alias = [&](const std::string& written) {
        if (seen.insert(MatchKey(written)).second) e.add_aliases(written);
      };
      for (const std::string& a : g.gloss_aliases) add_alias(a);
      for (size_t m = 0; m < g.mentions.size(); ++m) {
        add_alias(g.mentions[m].text());
      }
      b.score = 0;
      for (size_t m = 0; m < g.mentions.size(); ++m) {
        b.score += MentionWeight(units_[g.mention_units[m]]);
      }
      b.score += kEarlyBonus *
                 (1.0 - static_cast<double>(b.first_unit) / units_.size());
      for (gisa::v1::Mention& m : g.mentions) *e.add_mentions() = std::move(m);
      built.push_back(std::move(b));
    }
    std::sort(built.begin(), built.end(), [](const Built& a, const Built& b) {
      return std::tie(a.first_unit, a.first_begin) <
             std::tie(b.first_unit, b.first_begin);
    });
    double top = 0;
    for (const Built& b : built) top = std::max(top, b.score);
    std::vector<gisa::v1::Entity> out;
    out.reserve(built.size());
    for (Built& b : built) {
      b.entity.set_salience(top > 0 ? b.score / top : 0.0);
      out.push_back(std::move(b.entity));
    }
    return out;
  }

  const EntityLexicon& lex_;
  const std::vector<TextUnit>& units_;
  const std::vector<Evidence>& evidence_;
  KeyGroups keys_;
  absl::flat_hash_set<std::string> alias_keys_;
  absl::flat_hash_map<std::string, const LexiconName*> entry_of_alias_;
  std::map<int, Group> groups_;  // by root id
  absl::flat_hash_map<std::string, int> key_root_;  // accepted keys
  // Keys that are mentions only where their evidence stands (unit, word).
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::pair<int, int>>>
      only_here_;
};

}  // namespace

std::vector<gisa::v1::Entity> ResolveEntities(
    const EntityLexicon& lexicon, const std::vector<TextUnit>& units,
    const std::vector<Evidence>& evidence) {
  return Resolver(lexicon, units, evidence).Run();
}

}  // namespace gisa::ingest
