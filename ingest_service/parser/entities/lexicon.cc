#include "ingest_service/parser/entities/lexicon.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "shared/text/hangul.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

namespace fs = std::filesystem;
using gisa::v1::EntityType;

constexpr absl::string_view kEntitiesDir = "entities";
constexpr absl::string_view kStopwords = "rules/stopwords.txt";
constexpr absl::string_view kSuffixes = "rules/suffixes.tsv";
constexpr absl::string_view kRoles = "rules/roles.tsv";
constexpr absl::string_view kSurnames = "rules/surnames.txt";
constexpr absl::string_view kGivenSyllables = "rules/given_name_syllables.txt";
constexpr absl::string_view kForeignGiven = "rules/foreign_given_names.txt";
constexpr absl::string_view kCues = "rules/cues.tsv";

constexpr absl::string_view kRuleFiles[] = {
    kStopwords, kSuffixes, kRoles, kSurnames, kGivenSyllables, kForeignGiven,
    kCues};

// The lines of a file that carry data: comments (#) and blank lines dropped,
// with their 1-based line numbers for error messages.
std::vector<std::pair<int, absl::string_view>> DataLines(
    absl::string_view text) {
  std::vector<std::pair<int, absl::string_view>> lines;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    if (const size_t hash = line.find('#'); hash != absl::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = absl::StripTrailingAsciiWhitespace(line);
    if (absl::StripLeadingAsciiWhitespace(line).empty()) continue;
    lines.emplace_back(number, line);
  }
  return lines;
}

absl::Status Malformed(absl::string_view path, int line,
                       absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("lexicon file ", path, " line ", line, ": ", why));
}

// Every white-space separated word of a list file.
std::vector<std::string> ListWords(absl::string_view text) {
  std::vector<std::string> words;
  for (const auto& [number, line] : DataLines(text)) {
    for (absl::string_view w :
         absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty())) {
      words.emplace_back(w);
    }
  }
  return words;
}

absl::StatusOr<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("lexicon file ", path.string(), " cannot be read"));
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

std::string MatchKey(absl::string_view text) {
  std::string folded = text::FoldForMatch(text);
  folded.erase(std::remove_if(folded.begin(), folded.end(),
                              [](char c) {
                                return absl::ascii_isspace(
                                    static_cast<unsigned char>(c));
                              }),
               folded.end());
  return folded;
}

EntityType ParseEntityType(absl::string_view text) {
  const std::string upper = absl::AsciiStrToUpper(text);
  absl::string_view t = upper;
  absl::ConsumePrefix(&t, "ENTITY_TYPE_");
  if (t == "PERSON" || t == "PER") return gisa::v1::ENTITY_TYPE_PERSON;
  if (t == "ORGANIZATION" || t == "ORG") {
    return gisa::v1::ENTITY_TYPE_ORGANIZATION;
  }
  if (t == "LOCATION" || t == "LOC") return gisa::v1::ENTITY_TYPE_LOCATION;
  if (t == "PRODUCT") return gisa::v1::ENTITY_TYPE_PRODUCT;
  if (t == "OTHER") return gisa::v1::ENTITY_TYPE_OTHER;
  return gisa::v1::ENTITY_TYPE_UNSPECIFIED;
}

absl::StatusOr<std::unique_ptr<EntityLexicon>> EntityLexicon::Load(
    const std::string& dir) {
  std::error_code ec;
  const fs::path root(dir);
  const fs::path entities = root / std::string(kEntitiesDir);
  if (!fs::is_directory(entities, ec)) {
    return absl::NotFoundError(absl::StrCat(
        "lexicon folder ", entities.string(),
        " not found (set --lexicon_dir or GISA_LEXICON_DIR)"));
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<fs::path> tsvs;
  for (const fs::directory_entry& e : fs::directory_iterator(entities, ec)) {
    if (e.is_regular_file(ec) && e.path().extension() == ".tsv") {
      tsvs.push_back(e.path());
    }
  }
  std::sort(tsvs.begin(), tsvs.end());
  for (const fs::path& p : tsvs) {
    absl::StatusOr<std::string> text = ReadFile(p);
    if (!text.ok()) return text.status();
    files.emplace_back(
        absl::StrCat(kEntitiesDir, "/", p.filename().string()), *text);
  }
  for (absl::string_view rule : kRuleFiles) {
    absl::StatusOr<std::string> text = ReadFile(root / std::string(rule));
    if (!text.ok()) return text.status();
    files.emplace_back(std::string(rule), *std::move(text));
  }
  return FromFiles(files);
}

absl::StatusOr<std::unique_ptr<EntityLexicon>> EntityLexicon::FromFiles(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::unique_ptr<EntityLexicon> lexicon(new EntityLexicon());
  for (const auto& [path, text] : files) {
    if (absl::Status s = lexicon->AddFile(path, text); !s.ok()) return s;
  }
  std::stable_sort(lexicon->suffixes_.begin(), lexicon->suffixes_.end(),
                   [](const SuffixRule& a, const SuffixRule& b) {
                     return a.suffix.size() > b.suffix.size();
                   });
  return lexicon;
}

absl::Status EntityLexicon::AddFile(absl::string_view path,
                                    absl::string_view text) {
  if (absl::StartsWith(path, absl::StrCat(kEntitiesDir, "/"))) {
    for (const auto& [number, line] : DataLines(text)) {
      std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
      if (cols.size() < 2) {
        return Malformed(path, number, "expected NAME<TAB>TYPE[<TAB>ALIASES]");
      }
      auto entry = std::make_unique<LexiconName>();
      entry->name = std::string(absl::StripAsciiWhitespace(cols[0]));
      entry->country = absl::EndsWith(path, "/countries.tsv");
      entry->type = ParseEntityType(absl::StripAsciiWhitespace(cols[1]));
      if (entry->name.empty()) return Malformed(path, number, "empty name");
      if (entry->type == gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
        return Malformed(path, number,
                         absl::StrCat("unknown type \"", cols[1], "\""));
      }
      if (cols.size() > 2) {
        for (absl::string_view a : absl::StrSplit(cols[2], '|')) {
          a = absl::StripAsciiWhitespace(a);
          if (!a.empty()) entry->aliases.emplace_back(a);
        }
      }
      std::vector<std::string> forms = entry->aliases;
      forms.push_back(entry->name);
      for (const std::string& form : forms) {
        const int words = static_cast<int>(
            std::vector<absl::string_view>(
                absl::StrSplit(form, ' ', absl::SkipEmpty()))
                .size());
        max_name_words_ = std::max(max_name_words_, words);
        // A later file refines an earlier one: the last entry for a key wins.
        by_key_[MatchKey(form)] = entry.get();
      }
      names_.push_back(std::move(entry));
    }
    return absl::OkStatus();
  }
  if (path == kStopwords) {
    for (const std::string& w : ListWords(text)) stopwords_.insert(MatchKey(w));
  } else if (path == kSurnames) {
    for (std::string& w : ListWords(text)) surnames_.insert(std::move(w));
  } else if (path == kGivenSyllables) {
    for (std::string& w : ListWords(text)) given_syllables_.insert(std::move(w));
  } else if (path == kForeignGiven) {
    for (const std::string& w : ListWords(text)) {
      foreign_given_names_.insert(MatchKey(w));
    }
  } else if (path == kSuffixes || path == kRoles || path == kCues) {
    for (const auto& [number, line] : DataLines(text)) {
      std::vector<absl::string_view> cols =
          absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
      if (cols.size() < 2) return Malformed(path, number, "too few columns");
      if (path == kSuffixes) {
        SuffixRule rule;
        rule.suffix = std::string(cols[0]);
        rule.type = ParseEntityType(cols[1]);
        if (rule.type == gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
          return Malformed(path, number, "unknown type");
        }
        if (cols.size() > 2 && !absl::SimpleAtoi(cols[2], &rule.min_syllables)) {
          return Malformed(path, number, "minimum syllables is not a number");
        }
        endings_.insert(rule.suffix);
        suffixes_.push_back(std::move(rule));
      } else if (path == kRoles) {
        RoleWord role;
        role.word = std::string(cols[0]);
        if (cols[1] == "after") {
          role.side = RoleSide::kAfterName;
        } else if (cols[1] == "before") {
          role.side = RoleSide::kBeforeName;
        } else if (cols[1] == "either") {
          role.side = RoleSide::kEither;
        } else if (cols[1] == "after-korean") {
          role.side = RoleSide::kAfterKoreanName;
        } else {
          return Malformed(
              path, number,
              "side must be after, before, either or after-korean");
        }
        max_role_bytes_ =
            std::max(max_role_bytes_, static_cast<int>(role.word.size()));
        roles_[role.word] = std::move(role);
      } else {
        const EntityType type = ParseEntityType(cols[1]);
        if (type == gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
          return Malformed(path, number, "unknown type");
        }
        cues_[MatchKey(cols[0])] = type;
        if (cols.size() > 2) {
          if (cols[2] != "prefix") {
            return Malformed(path, number, "third column must be prefix");
          }
          name_prefixes_.insert(MatchKey(cols[0]));
        }
      }
    }
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("lexicon file ", path, " is not one the extractor reads"));
  }
  return absl::OkStatus();
}

const LexiconName* EntityLexicon::FindName(absl::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : it->second;
}

bool EntityLexicon::IsStopword(absl::string_view key) const {
  return stopwords_.contains(key);
}

const SuffixRule* EntityLexicon::MatchSuffix(absl::string_view word) const {
  for (const SuffixRule& rule : suffixes_) {
    if (word.size() > rule.suffix.size() && absl::EndsWith(word, rule.suffix) &&
        text::CodePointCount(word) >= rule.min_syllables) {
      return &rule;
    }
  }
  return nullptr;
}

bool EntityLexicon::IsEnding(absl::string_view word) const {
  return endings_.contains(word);
}

const RoleWord* EntityLexicon::MatchRole(absl::string_view word) const {
  if (auto it = roles_.find(word); it != roles_.end()) return &it->second;
  // 2차관, 경장님: an ordinal before or an honorific after a role.
  size_t digits = 0;
  while (digits < word.size() && absl::ascii_isdigit(word[digits])) ++digits;
  if (digits > 0 && digits < word.size()) return MatchRole(word.substr(digits));
  if (word.size() > 3 && absl::ConsumeSuffix(&word, "님")) {
    return MatchRole(word);
  }
  // Compound roles end in a role of two syllables or more: 발사관리단장,
  // 수석연구원. Longest ending first.
  const int limit = std::min<int>(max_role_bytes_, word.size() - 1);
  for (int n = limit; n >= 6; --n) {
    const absl::string_view tail = word.substr(word.size() - n);
    if (!text::IsHangulSyllable(text::FirstCodePoint(tail))) continue;
    auto it = roles_.find(tail);
    // The head must be a word too: 발사관리+단장, not 임+신부.
    if (it != roles_.end() && text::CodePointCount(tail) >= 2 &&
        text::CodePointCount(word.substr(0, word.size() - n)) >= 2) {
      return &it->second;
    }
  }
  return nullptr;
}

bool EntityLexicon::IsSurname(absl::string_view syllables) const {
  return surnames_.contains(syllables);
}

bool EntityLexicon::IsGivenNameSyllable(absl::string_view syllable) const {
  return given_syllables_.contains(syllable);
}

bool EntityLexicon::IsForeignGivenName(absl::string_view key) const {
  return foreign_given_names_.contains(key);
}

EntityType EntityLexicon::CueType(absl::string_view key) const {
  auto it = cues_.find(key);
  return it == cues_.end() ? gisa::v1::ENTITY_TYPE_UNSPECIFIED : it->second;
}

bool EntityLexicon::IsNamePrefix(absl::string_view key) const {
  return name_prefixes_.contains(key);
}

EntityType EntityLexicon::CompoundCueType(absl::string_view word) const {
  const std::string key = MatchKey(word);
  if (EntityType t = CueType(key); t != gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
    return t;
  }
  // Hangul tails of two syllables or more, longest first.
  for (size_t at = 3; at + 6 <= key.size(); at += 3) {
    const absl::string_view tail = absl::string_view(key).substr(at);
    if (!text::IsAllHangul(tail)) continue;
    if (EntityType t = CueType(tail); t != gisa::v1::ENTITY_TYPE_UNSPECIFIED) {
      return t;
    }
  }
  return gisa::v1::ENTITY_TYPE_UNSPECIFIED;
}

}  // namespace gisa::ingest
