// Readers querying while the follower applies records: every answer must be
// a consistent state (no torn pages, no crashes), and the final state must
// equal the one reached without readers.
#include <atomic>
#include <string>
#include <thread>
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

constexpr int kArticles = 60;
constexpr int kRecords = 360;  // each article replaced several times
constexpr int kReaders = 4;

// Version `round` of article `n`: categories, entities and quotes move
// between versions so that replacement keeps changing the indexes.
gisa::v1::Article Version(int n, int round) {
  const std::string company = absl::StrCat("회사", n % 7);
  const std::string person = absl::StrCat("기자", (n + round) % 5);
  ArticleBuilder article(absl::StrFormat("a-%03d", n));
  article.Title(absl::StrCat("기사 ", n, "의 ", round, "판"))
      .Category(round % 2 == 0 ? "경제" : "사회")
      .Paragraph(absl::StrCat(company, "가 새 사업을 발표했다. ", person,
                              "는 \"시장이 커진다\"고 말했다. 공통기업도 "
                              "참여한다."))
      .Entity(company, gisa::v1::ENTITY_TYPE_ORGANIZATION,
              round % 3 == 0 ? std::vector<std::string>{"CO"}
                             : std::vector<std::string>{})
      .Entity(person, gisa::v1::ENTITY_TYPE_PERSON)
      .Entity("공통기업", gisa::v1::ENTITY_TYPE_ORGANIZATION)
      .Quote(person, "시장이 커진다");
  return article.Build();
}

gisa::v1::LogRecord RecordAt(int sequence) {
  const int n = (sequence * 7) % kArticles;
  const int round = sequence / kArticles;
  return Record(static_cast<uint64_t>(sequence), Version(n, round));
}

void ReadUntilDone(const ArticleStore& store, const std::atomic<bool>& done,
                   int reader) {
  uint64_t last_seen = 0;
  int iteration = 0;
  while (!done.load() || iteration < 3) {
    ++iteration;
    // A full walk of the article pages: ids strictly increasing.
    gisa::v1::ListArticlesRequest list;
    list.set_page_size(7);
    if (reader % 2 == 1) list.set_category("경제");
    std::string previous;
    do {
      absl::StatusOr<gisa::v1::ListArticlesResponse> page =
          store.ListArticles(list);
      ASSERT_TRUE(page.ok()) << page.status();
      ASSERT_GE(page->total_size(), page->articles_size());
      for (const auto& a : page->articles()) {
        ASSERT_LT(previous, a.id());
        previous = a.id();
        if (reader % 2 == 1) {
          ASSERT_EQ(a.category(), "경제");
        }
      }
      list.set_page_token(page->next_page_token());
    } while (!list.page_token().empty());

    gisa::v1::GetEntityRequest entity;
    entity.set_name("공통기업이");
    absl::StatusOr<gisa::v1::GetEntityResponse> common =
        store.GetEntity(entity);
    if (common.ok()) {
      ASSERT_EQ(common->entity().mention_count(),
                common->entity().article_count());
      ASSERT_LE(common->entity().article_count(), kArticles);
    } else {
      ASSERT_EQ(common.status().code(), absl::StatusCode::kNotFound);
    }

    gisa::v1::ListEntitiesRequest entities;
    entities.set_page_size(3);
    absl::StatusOr<gisa::v1::ListEntitiesResponse> ranked =
        store.ListEntities(entities);
    ASSERT_TRUE(ranked.ok()) << ranked.status();
    for (int i = 1; i < ranked->entities_size(); ++i) {
      ASSERT_GE(ranked->entities(i - 1).mention_count(),
                ranked->entities(i).mention_count());
    }

    gisa::v1::ListQuotesRequest quotes;
    quotes.set_speaker(absl::StrCat("기자", reader));
    ASSERT_TRUE(store.ListQuotes(quotes).ok());

    const gisa::v1::GetStatsResponse stats = store.GetStats();
    ASSERT_GE(stats.last_applied_sequence(), last_seen);
    last_seen = stats.last_applied_sequence();
    ASSERT_LE(stats.article_count(), kArticles);
    ASSERT_EQ(stats.quote_count(), stats.article_count());
  }
}

TEST(ArticleStoreConcurrencyTest,
     ReadersSeeConsistentStatesWhileAWriterApplies) {
  ArticleStore store;
  std::atomic<bool> done{false};
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&store, &done, r] { ReadUntilDone(store, done, r); });
  }
  std::thread writer([&store, &done] {
    for (int sequence = 1; sequence <= kRecords; ++sequence) {
      EXPECT_TRUE(store.Apply(RecordAt(sequence)).ok());
    }
    done.store(true);
  });
  EXPECT_TRUE(store.WaitForSequence(kRecords, absl::Minutes(5)));
  writer.join();
  for (std::thread& reader : readers) reader.join();

  // The same records applied with nobody reading give the same state.
  ArticleStore quiet;
  for (int sequence = 1; sequence <= kRecords; ++sequence) {
    ASSERT_TRUE(quiet.Apply(RecordAt(sequence)).ok());
  }
  const gisa::v1::GetStatsResponse stats = store.GetStats();
  EXPECT_EQ(stats.article_count(), kArticles);
  EXPECT_EQ(stats.last_applied_sequence(), static_cast<uint64_t>(kRecords));
  EXPECT_EQ(stats.content_checksum(), quiet.GetStats().content_checksum());
  EXPECT_EQ(stats.entity_count(), quiet.GetStats().entity_count());
  gisa::v1::ListEntitiesRequest all;
  all.set_page_size(100);
  EXPECT_EQ(store.ListEntities(all)->SerializeAsString(),
            quiet.ListEntities(all)->SerializeAsString());
}

}  // namespace
}  // namespace gisa::query
