// The store merges and splits entities incrementally as versions replace
// each other; the result must equal building the store afresh from the
// latest versions alone, in another order.
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "query_service/store/article_store.h"
#include "tests/query_service/store/article_builder.h"

namespace gisa::query {
namespace {

using ::gisa::query::testing::ArticleBuilder;
using ::gisa::query::testing::Record;

// Spellings that articles use for a few organisations; aliases drawn from
// the same pool link them in ever-changing ways.
const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {
      "한빛전자", "HB", "한빛", "미래은행", "MB", "미래", "솔빛", "SB"};
  return names;
}

gisa::v1::Article RandomArticle(const std::string& id, std::mt19937& rng) {
  const std::vector<std::string>& names = Names();
  std::uniform_int_distribution<size_t> pick(0, names.size() - 1);
  std::uniform_int_distribution<int> count(0, 3);
  ArticleBuilder article(id);
  std::string text;
  std::vector<std::pair<std::string, std::vector<std::string>>> entities;
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    const std::string name = names[pick(rng)];
    std::vector<std::string> aliases;
    if (count(rng) == 0) aliases.push_back(names[pick(rng)]);
    absl::StrAppend(&text, name, "는 실적을 냈다. ");
    entities.emplace_back(name, aliases);
  }
  article.Paragraph(text);
  for (const auto& [name, aliases] : entities) {
    article.Entity(name, gisa::v1::ENTITY_TYPE_ORGANIZATION, aliases);
  }
  if (n > 0 && count(rng) == 0) {
    article.Paragraph(absl::StrCat(entities[0].first, "는 \"좋다\"고 말했다."));
    article.Quote(entities[0].first, "좋다");
  }
  return article.Build();
}

std::string Listing(const ArticleStore& store) {
  gisa::v1::ListEntitiesRequest request;
  request.set_page_size(100);
  absl::StatusOr<gisa::v1::ListEntitiesResponse> listed =
      store.ListEntities(request);
  EXPECT_TRUE(listed.ok()) << listed.status();
  return listed.ok() ? listed->DebugString() : "";
}

TEST(EntityMergingTest, IncrementalEqualsRebuiltFromLatestVersions) {
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<int> which(0, 11);
  ArticleStore incremental;
  std::map<std::string, gisa::v1::Article> latest;
  uint64_t sequence = 0;
  for (int step = 1; step <= 400; ++step) {
    const std::string id = absl::StrFormat("a-%02d", which(rng));
    gisa::v1::Article article = RandomArticle(id, rng);
    latest[id] = article;
    ASSERT_TRUE(incremental.Apply(Record(++sequence, article)).ok());
    if (step % 20 != 0) continue;

    // Afresh, in reverse id order.
    ArticleStore rebuilt;
    uint64_t rebuilt_sequence = 0;
    for (auto it = latest.rbegin(); it != latest.rend(); ++it) {
      ASSERT_TRUE(rebuilt.Apply(Record(++rebuilt_sequence, it->second)).ok());
    }
    ASSERT_EQ(Listing(incremental), Listing(rebuilt)) << "step " << step;
    EXPECT_EQ(incremental.GetStats().content_checksum(),
              rebuilt.GetStats().content_checksum());
    for (const std::string& name : Names()) {
      gisa::v1::GetEntityRequest request;
      request.set_name(name);
      auto a = incremental.GetEntity(request);
      auto b = rebuilt.GetEntity(request);
      ASSERT_EQ(a.status().code(), b.status().code()) << name;
      if (!a.ok()) continue;
      EXPECT_EQ(a->entity().DebugString(), b->entity().DebugString()) << name;
      EXPECT_EQ(a->mentions_size(), b->mentions_size()) << name;
      EXPECT_EQ(a->cooccurring_size(), b->cooccurring_size()) << name;
    }
  }
}

}  // namespace
}  // namespace gisa::query
