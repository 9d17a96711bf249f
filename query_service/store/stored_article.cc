#include "query_service/store/stored_article.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "query_service/store/query_match.h"
#include "shared/article/ids.h"
#include "shared/text/josa.h"
#include "shared/text/normalize.h"

namespace gisa::query {
namespace {

std::string Serialize(const gisa::v1::Article& article) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    article.SerializeToCodedStream(&out);
  }
  return bytes;
}

// First 8 bytes of SHA-256, big-endian: the same value on every replica.
uint64_t Checksum(const gisa::v1::Article& article) {
  uint64_t value = 0;
  const bool parsed =
      absl::SimpleHexAtoi(Sha256Hex(Serialize(article)).substr(0, 16), &value);
  return parsed ? value : 0;
}

PreparedEntity PrepareEntity(const gisa::v1::Entity& entity) {
  PreparedEntity prepared;
  prepared.name = std::string(text::TrimSpace(entity.name()));
  prepared.name_fold = text::FoldForMatch(prepared.name);
  prepared.type = entity.type();
  prepared.mention_count = entity.mentions_size();
  for (const std::string& alias : entity.aliases()) {
    const absl::string_view written = text::TrimSpace(alias);
    std::string fold = text::FoldForMatch(written);
    if (fold.empty() || fold == prepared.name_fold ||
        std::find(prepared.alias_folds.begin(), prepared.alias_folds.end(),
                  fold) != prepared.alias_folds.end()) {
      continue;
    }
    prepared.alias_folds.push_back(std::move(fold));
    prepared.alias_names.emplace_back(written);
  }
  return prepared;
}

// The article's entity the speaker names: by name, then by alias, trying
// the speaker as written before the speaker without a particle.
int SpeakerEntity(const std::vector<std::string>& speaker_folds,
                  const std::vector<PreparedEntity>& entities) {
  for (const std::string& fold : speaker_folds) {
    for (size_t i = 0; i < entities.size(); ++i) {
      if (!entities[i].name_fold.empty() && entities[i].name_fold == fold) {
        return static_cast<int>(i);
      }
    }
    for (size_t i = 0; i < entities.size(); ++i) {
      const auto& aliases = entities[i].alias_folds;
      if (!entities[i].name_fold.empty() &&
          std::find(aliases.begin(), aliases.end(), fold) != aliases.end()) {
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

int64_t StringBytes(const std::string& s) {
  return static_cast<int64_t>(sizeof(std::string) + s.capacity());
}

int64_t PreparedBytes(const StoredArticle& stored) {
  int64_t bytes = sizeof(StoredArticle) + StringBytes(stored.category) +
                  StringBytes(stored.language);
  for (const PreparedEntity& e : stored.entities) {
    bytes +=
        sizeof(PreparedEntity) + StringBytes(e.name) + StringBytes(e.name_fold);
    for (const std::string& s : e.alias_folds) bytes += StringBytes(s);
    for (const std::string& s : e.alias_names) bytes += StringBytes(s);
  }
  for (const PreparedQuote& q : stored.quotes) {
    bytes += sizeof(PreparedQuote) + StringBytes(q.speaker_fold) +
             q.match_text.capacity() * sizeof(uint64_t);
  }
  return bytes;
}

}  // namespace

std::vector<std::string> LookupFolds(absl::string_view name) {
  std::vector<std::string> folds;
  auto add = [&folds](absl::string_view written) {
    std::string fold = text::FoldForMatch(written);
    if (!fold.empty() &&
        std::find(folds.begin(), folds.end(), fold) == folds.end()) {
      folds.push_back(std::move(fold));
    }
  };
  const std::string nfc = text::ToNfc(text::TrimSpace(name));
  add(nfc);
  // The particle sits on the last word: "젠슨 황이" -> "젠슨 황". The usual
  // reading first, then any other the word allows (longer stems first).
  const size_t last_space = nfc.find_last_of(' ');
  const size_t word_begin =
      last_space == std::string::npos ? 0 : last_space + 1;
  const absl::string_view head = absl::string_view(nfc).substr(0, word_begin);
  const absl::string_view word = absl::string_view(nfc).substr(word_begin);
  add(absl::StrCat(head, text::StripParticle(word)));
  for (const text::ParticleSplit& reading : text::ParticleReadings(word)) {
    add(absl::StrCat(head, reading.stem));
  }
  return folds;
}

std::shared_ptr<const StoredArticle> PrepareArticle(
    const gisa::v1::LogRecord& record) {
  auto stored = std::make_shared<StoredArticle>();
  auto article = std::make_shared<const gisa::v1::Article>(record.article());
  stored->sequence = record.sequence();
  stored->category = text::ToNfc(text::TrimSpace(article->category()));
  stored->language =
      absl::AsciiStrToLower(text::TrimSpace(article->language()));

  stored->entities.reserve(article->entities_size());
  for (const gisa::v1::Entity& entity : article->entities()) {
    stored->entities.push_back(PrepareEntity(entity));
  }
  stored->quotes.reserve(article->quotes_size());
  for (const gisa::v1::Quote& quote : article->quotes()) {
    PreparedQuote prepared;
    const std::vector<std::string> folds = LookupFolds(quote.speaker());
    if (!folds.empty()) prepared.speaker_fold = folds.front();
    prepared.entity = SpeakerEntity(folds, stored->entities);
    if (prepared.entity >= 0) ++stored->entities[prepared.entity].quote_count;
    prepared.match_text = PrepareMatchText(quote.text());
    stored->quotes.push_back(std::move(prepared));
  }

  stored->checksum = Checksum(*article);
  stored->space_used =
      static_cast<int64_t>(article->SpaceUsedLong()) + PreparedBytes(*stored);
  stored->article = std::move(article);
  return stored;
}

}  // namespace gisa::query
