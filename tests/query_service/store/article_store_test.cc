#include "query_service/store/article_store.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/query_service/store/article_builder.h"

namespace gisa::query {
namespace {

using ::gisa::query::testing::ArticleBuilder;
using ::gisa::query::testing::Record;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr auto kOrg = gisa::v1::ENTITY_TYPE_ORGANIZATION;
constexpr auto kPerson = gisa::v1::ENTITY_TYPE_PERSON;
constexpr auto kPlace = gisa::v1::ENTITY_TYPE_LOCATION;

// A small newsroom of articles written for these tests.
gisa::v1::Article ChipArticle(const std::string& id) {
  return ArticleBuilder(id)
      .Title("엔비디아, 차세대 AI 칩 공개")
      .Category("IT")
      .Paragraph(
          "엔비디아가 차세대 AI 칩을 공개했다. 젠슨 황 최고경영자는 "
          "\"수요가 공급을 앞선다\"고 말했다.")
      .Paragraph("월스트리트저널(WSJ)은 NVIDIA의 주가가 올랐다고 전했다.")
      .Entity("엔비디아", kOrg, {"NVIDIA"}, {"엔비디아", "NVIDIA"})
      .Entity("젠슨 황", kPerson)
      .Entity("월스트리트저널", kOrg, {"WSJ"})
      .Quote("젠슨 황", "수요가 공급을 앞선다")
      .Build();
}

gisa::v1::Article MarketArticle(const std::string& id) {
  return ArticleBuilder(id)
      .Title("반도체주 강세, 코스피 상승")
      .Category("경제")
      .Paragraph(
          "WSJ에 따르면 반도체주가 강세를 보였다. 엔비디아 효과라는 "
          "분석이 나왔다.")
      .Paragraph(
          "박서연 애널리스트는 \"반도체 업황이 바닥을 지났다\"고 "
          "말했다.")
      .Entity("WSJ", kOrg)
      .Entity("엔비디아", kOrg)
      .Entity("박서연", kPerson)
      .Quote("박서연", "반도체 업황이 바닥을 지났다")
      .Build();
}

gisa::v1::Article TravelArticle(const std::string& id) {
  return ArticleBuilder(id)
      .Title("제주 관광객 늘어")
      .Category("여행")
      .Paragraph(
          "제주를 찾은 관광객이 늘었다. 박서연 연구원은 \"항공편이 "
          "늘어난 덕\"이라고 설명했다.")
      .Entity("제주", kPlace)
      .Entity("박서연", kPerson)
      .Quote("박서연", "항공편이 늘어난 덕", "설명했다")
      .Build();
}

class ArticleStoreTest : public ::testing::Test {
 protected:
  void Apply(const gisa::v1::Article& article) {
    ASSERT_TRUE(store_.Apply(Record(++sequence_, article)).ok());
  }

  std::vector<std::string> ArticleIds(gisa::v1::ListArticlesRequest request) {
    std::vector<std::string> ids;
    do {
      absl::StatusOr<gisa::v1::ListArticlesResponse> page =
          store_.ListArticles(request);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      for (const auto& a : page->articles()) ids.push_back(a.id());
      request.set_page_token(page->next_page_token());
    } while (!request.page_token().empty());
    return ids;
  }

  gisa::v1::GetEntityResponse Entity(const std::string& name) {
    gisa::v1::GetEntityRequest request;
    request.set_name(name);
    absl::StatusOr<gisa::v1::GetEntityResponse> entity =
        store_.GetEntity(request);
    EXPECT_TRUE(entity.ok()) << name << ": " << entity.status();
    return entity.ok() ? *entity : gisa::v1::GetEntityResponse();
  }

  // Names on the first page.
  std::vector<std::string> EntityNames(
      const gisa::v1::ListEntitiesRequest& request) {
    std::vector<std::string> names;
    absl::StatusOr<gisa::v1::ListEntitiesResponse> page =
        store_.ListEntities(request);
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok()) return names;
    for (const auto& e : page->entities()) names.push_back(e.name());
    return names;
  }

  std::vector<std::string> QuoteTexts(gisa::v1::ListQuotesRequest request) {
    std::vector<std::string> texts;
    do {
      absl::StatusOr<gisa::v1::ListQuotesResponse> page =
          store_.ListQuotes(request);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      for (const auto& q : page->quotes()) texts.push_back(q.quote().text());
      request.set_page_token(page->next_page_token());
    } while (!request.page_token().empty());
    return texts;
  }

  ArticleStore store_;
  uint64_t sequence_ = 0;
};

// --- Apply and GetArticle ----------------------------------------------------

TEST_F(ArticleStoreTest, GetsAnAppliedArticle) {
  Apply(ChipArticle("a-chip"));
  gisa::v1::GetArticleRequest request;
  request.set_id("a-chip");
  absl::StatusOr<gisa::v1::Article> article = store_.GetArticle(request);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->title(), "엔비디아, 차세대 AI 칩 공개");
  EXPECT_EQ(store_.last_applied_sequence(), 1u);
}

TEST_F(ArticleStoreTest, UnknownAndEmptyIds) {
  gisa::v1::GetArticleRequest request;
  request.set_id("a-missing");
  absl::StatusOr<gisa::v1::Article> missing = store_.GetArticle(request);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "article a-missing not found");
  request.set_id(" ");
  EXPECT_EQ(store_.GetArticle(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticleStoreTest, RecordWithoutArticleIdChangesNothing) {
  gisa::v1::LogRecord no_article;
  no_article.set_sequence(1);
  EXPECT_EQ(store_.Apply(no_article).code(),
            absl::StatusCode::kInvalidArgument);
  gisa::v1::Article no_id = ChipArticle("");
  EXPECT_EQ(store_.Apply(Record(2, no_id)).code(),
            absl::StatusCode::kInvalidArgument);
  const gisa::v1::GetStatsResponse stats = store_.GetStats();
  EXPECT_EQ(stats.article_count(), 0);
  EXPECT_EQ(stats.entity_count(), 0);
  EXPECT_EQ(stats.last_applied_sequence(), 0u);
}

TEST_F(ArticleStoreTest, OldSequencesAreIgnored) {
  Apply(ChipArticle("a-chip"));
  Apply(MarketArticle("a-market"));
  const std::string checksum = store_.GetStats().content_checksum();
  // Re-delivery of record 1, and a stale record carrying other content.
  gisa::v1::Article stale = ChipArticle("a-chip");
  stale.set_title("옛 제목");
  EXPECT_TRUE(store_.Apply(Record(1, stale)).ok());
  EXPECT_TRUE(store_.Apply(Record(2, MarketArticle("a-market"))).ok());

  gisa::v1::GetArticleRequest request;
  request.set_id("a-chip");
  EXPECT_EQ(store_.GetArticle(request)->title(), "엔비디아, 차세대 AI 칩 공개");
  const gisa::v1::GetStatsResponse stats = store_.GetStats();
  EXPECT_EQ(stats.article_count(), 2);
  EXPECT_EQ(stats.last_applied_sequence(), 2u);
  EXPECT_EQ(stats.content_checksum(), checksum);
}

TEST_F(ArticleStoreTest, ReplaceKeepsOneCopyAndDropsStaleIndexEntries) {
  Apply(ChipArticle("a-chip"));
  Apply(TravelArticle("a-travel"));
  // The new version moves category and loses 젠슨 황 and the quote.
  Apply(ArticleBuilder("a-chip")
            .Title("엔비디아 주가 조정")
            .Category("경제")
            .Paragraph("엔비디아 주가가 조정을 받았다.")
            .Entity("엔비디아", kOrg)
            .Build());

  gisa::v1::ListArticlesRequest all;
  EXPECT_THAT(ArticleIds(all), ElementsAre("a-chip", "a-travel"));
  gisa::v1::ListArticlesRequest it;
  it.set_category("IT");
  EXPECT_TRUE(ArticleIds(it).empty());
  gisa::v1::ListArticlesRequest economy;
  economy.set_category("경제");
  EXPECT_THAT(ArticleIds(economy), ElementsAre("a-chip"));

  gisa::v1::GetEntityRequest gone;
  gone.set_name("젠슨 황");
  EXPECT_EQ(store_.GetEntity(gone).status().code(),
            absl::StatusCode::kNotFound);
  gisa::v1::ListArticlesRequest by_wsj;
  by_wsj.set_entity("WSJ");
  EXPECT_TRUE(ArticleIds(by_wsj).empty());

  const gisa::v1::GetEntityResponse nvidia = Entity("엔비디아");
  EXPECT_EQ(nvidia.entity().article_count(), 1);
  EXPECT_EQ(nvidia.entity().mention_count(), 1);
  EXPECT_TRUE(nvidia.entity().aliases().empty());  // NVIDIA left with v1

  const gisa::v1::GetStatsResponse stats = store_.GetStats();
  EXPECT_EQ(stats.article_count(), 2);
  EXPECT_EQ(stats.quote_count(), 1);   // the travel article's
  EXPECT_EQ(stats.entity_count(), 3);  // 엔비디아, 제주, 박서연
}

// --- ListArticles ------------------------------------------------------------

TEST_F(ArticleStoreTest, PagesCoverEveryArticleOnce) {
  for (int i = 0; i < 57; ++i) {
    Apply(ArticleBuilder(absl::StrFormat("a-%03d", (i * 37) % 57))
              .Title("기사")
              .Build());
  }
  gisa::v1::ListArticlesRequest request;
  request.set_page_size(10);
  std::vector<std::string> ids;
  int pages = 0;
  do {
    absl::StatusOr<gisa::v1::ListArticlesResponse> page =
        store_.ListArticles(request);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total_size(), 57);
    ++pages;
    if (page->next_page_token().empty()) {
      EXPECT_EQ(page->articles_size(), 7);
    } else {
      EXPECT_EQ(page->articles_size(), 10);
    }
    for (const auto& a : page->articles()) ids.push_back(a.id());
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 6);
  ASSERT_EQ(ids.size(), 57u);
  for (int i = 0; i < 57; ++i) EXPECT_EQ(ids[i], absl::StrFormat("a-%03d", i));
}

TEST_F(ArticleStoreTest, PagingStaysStableWhileArticlesArrive) {
  for (int i = 0; i < 40; i += 2) {
    Apply(ArticleBuilder(absl::StrFormat("a-%03d", i)).Build());
  }
  gisa::v1::ListArticlesRequest request;
  request.set_page_size(7);
  std::vector<std::string> seen;
  int added = 1;
  do {
    absl::StatusOr<gisa::v1::ListArticlesResponse> page =
        store_.ListArticles(request);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& a : page->articles()) seen.push_back(a.id());
    request.set_page_token(page->next_page_token());
    // Between pages: one id before the cursor, one after, one replaced.
    Apply(ArticleBuilder(absl::StrFormat("a-%03d", added)).Build());
    Apply(ArticleBuilder(absl::StrFormat("a-%03d", 40 + added)).Build());
    Apply(ArticleBuilder("a-000").Title(absl::StrCat("판 ", added)).Build());
    added += 2;
  } while (!request.page_token().empty());

  // Strictly increasing: no duplicates, stable order.
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(),
            seen.size());
  // No gaps: every article present before paging began was returned.
  for (int i = 0; i < 40; i += 2) {
    EXPECT_THAT(seen, ::testing::Contains(absl::StrFormat("a-%03d", i)));
  }
}

TEST_F(ArticleStoreTest, PageSizeRules) {
  for (int i = 0; i < 130; ++i) {
    Apply(ArticleBuilder(absl::StrFormat("a-%03d", i)).Build());
  }
  gisa::v1::ListArticlesRequest request;
  EXPECT_EQ(store_.ListArticles(request)->articles_size(), 20);
  request.set_page_size(1000);
  EXPECT_EQ(store_.ListArticles(request)->articles_size(), 100);
  request.set_page_size(-1);
  const auto negative = store_.ListArticles(request);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(negative.status().message()), HasSubstr("page_size"));
}

TEST_F(ArticleStoreTest, RefusesBadAndForeignTokens) {
  for (int i = 0; i < 5; ++i) {
    Apply(ArticleBuilder(absl::StrFormat("a-%03d", i)).Category("IT").Build());
  }
  gisa::v1::ListArticlesRequest request;
  request.set_page_size(2);
  request.set_page_token("garbage!");
  auto bad = store_.ListArticles(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(bad.status().message(), "page_token"));

  request.clear_page_token();
  request.set_category("IT");
  const std::string token = store_.ListArticles(request)->next_page_token();
  ASSERT_FALSE(token.empty());
  request.set_category("경제");
  request.set_page_token(token);
  auto foreign = store_.ListArticles(request);
  EXPECT_EQ(foreign.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(foreign.status().message(), "page_token"));

  // A token of one list method is not one of another.
  gisa::v1::ListEntitiesRequest entities;
  entities.set_page_token(token);
  EXPECT_EQ(store_.ListEntities(entities).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticleStoreTest, FiltersArticles) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  Apply(TravelArticle("a-3"));
  Apply(ArticleBuilder("a-4").Category("IT").Language("en").Build());

  gisa::v1::ListArticlesRequest request;
  request.set_category("IT");
  EXPECT_THAT(ArticleIds(request), ElementsAre("a-1", "a-4"));
  request.set_language("KO");
  EXPECT_THAT(ArticleIds(request), ElementsAre("a-1"));
  auto both = store_.ListArticles(request);
  EXPECT_EQ(both->total_size(), 1);

  request.Clear();
  request.set_language("ko");
  EXPECT_EQ(store_.ListArticles(request)->total_size(), 3);

  // Category compared after NFC: 여행 written in decomposed jamo.
  request.Clear();
  request.set_category("\u110b\u1167\u1112\u1162\u11bc");
  EXPECT_THAT(ArticleIds(request), ElementsAre("a-3"));

  request.Clear();
  request.set_entity("엔비디아가");
  EXPECT_THAT(ArticleIds(request), ElementsAre("a-1", "a-2"));
  request.set_entity("ｗｓｊ");
  EXPECT_THAT(ArticleIds(request), ElementsAre("a-1", "a-2"));
  request.set_category("경제");
  EXPECT_THAT(ArticleIds(request), ElementsAre("a-2"));
  request.set_entity("없는회사");
  EXPECT_TRUE(ArticleIds(request).empty());
}

// --- Entities ----------------------------------------------------------------

TEST_F(ArticleStoreTest, MergesEntitiesAcrossArticlesByNameAndAlias) {
  Apply(ChipArticle("a-1"));    // 월스트리트저널 (WSJ)
  Apply(MarketArticle("a-2"));  // WSJ
  const gisa::v1::GetEntityResponse wsj = Entity("WSJ");
  // Each spelling is a canonical name once: the smaller key names it.
  EXPECT_EQ(wsj.entity().name(), "WSJ");
  EXPECT_THAT(wsj.entity().aliases(), ElementsAre("월스트리트저널"));
  EXPECT_EQ(wsj.entity().type(), kOrg);
  EXPECT_EQ(wsj.entity().article_count(), 2);
  EXPECT_EQ(wsj.entity().mention_count(), 2);
  EXPECT_EQ(Entity("월스트리트저널").entity().article_count(), 2);

  const gisa::v1::GetEntityResponse nvidia = Entity("엔비디아");
  EXPECT_EQ(nvidia.entity().article_count(), 2);
  EXPECT_EQ(nvidia.entity().mention_count(), 3);
  EXPECT_THAT(nvidia.entity().aliases(), ElementsAre("NVIDIA"));
}

TEST_F(ArticleStoreTest, EntityNamesAsReadersWriteThem) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  for (const std::string name : {"엔비디아가", "엔비디아의", "NVIDIA", "nvidia",
                                 "ｎｖｉｄｉａ", " 엔비디아 "}) {
    EXPECT_EQ(Entity(name).entity().name(), "엔비디아") << name;
  }
  for (const std::string name : {"WSJ", "wsj", "ｗｓｊ", "월스트리트저널은"}) {
    EXPECT_EQ(Entity(name).entity().article_count(), 2) << name;
  }
  EXPECT_EQ(Entity("젠슨 황이").entity().name(), "젠슨 황");

  gisa::v1::GetEntityRequest request;
  request.set_name("삼성전자");
  auto missing = store_.GetEntity(request);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  request.set_name("  ");
  EXPECT_EQ(store_.GetEntity(request).status().code(),
            absl::StatusCode::kInvalidArgument);
  request.set_name("엔비디아");
  request.set_max_mentions(-1);
  EXPECT_EQ(store_.GetEntity(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticleStoreTest, EntityMentionsNewestFirstWithSnippets) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  const gisa::v1::GetEntityResponse nvidia = Entity("엔비디아");
  ASSERT_EQ(nvidia.mentions_size(), 3);
  EXPECT_EQ(nvidia.mentions(0).article_id(), "a-2");  // applied last
  EXPECT_EQ(nvidia.mentions(0).article_title(), "반도체주 강세, 코스피 상승");
  EXPECT_EQ(nvidia.mentions(1).article_id(), "a-1");
  EXPECT_EQ(nvidia.mentions(1).mention().text(), "엔비디아");
  EXPECT_EQ(nvidia.mentions(1).snippet(),
            "엔비디아가 차세대 AI 칩을 공개했다.");
  EXPECT_EQ(nvidia.mentions(2).mention().text(), "NVIDIA");
  for (const auto& m : nvidia.mentions()) {
    EXPECT_THAT(m.snippet(), HasSubstr(m.mention().text()));
  }

  gisa::v1::GetEntityRequest capped;
  capped.set_name("엔비디아");
  capped.set_max_mentions(2);
  EXPECT_EQ(store_.GetEntity(capped)->mentions_size(), 2);
}

TEST_F(ArticleStoreTest, CooccurringEntitiesMostSharedFirst) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  Apply(TravelArticle("a-3"));
  const gisa::v1::GetEntityResponse nvidia = Entity("엔비디아");
  ASSERT_EQ(nvidia.cooccurring_size(), 3);
  EXPECT_EQ(nvidia.cooccurring(0).name(), "WSJ");
  EXPECT_EQ(nvidia.cooccurring(0).article_count(), 2);
  // Ties in the ListEntities order: 박서연 is mentioned more often.
  EXPECT_EQ(nvidia.cooccurring(1).name(), "박서연");
  EXPECT_EQ(nvidia.cooccurring(1).article_count(), 1);
  EXPECT_EQ(nvidia.cooccurring(2).name(), "젠슨 황");

  const gisa::v1::GetEntityResponse jeju = Entity("제주");
  ASSERT_EQ(jeju.cooccurring_size(), 1);
  EXPECT_EQ(jeju.cooccurring(0).name(), "박서연");
}

TEST_F(ArticleStoreTest, SplitsAnEntityWhenItsOnlyLinkGoes) {
  Apply(ChipArticle("a-1"));    // 월스트리트저널 (WSJ): the link
  Apply(MarketArticle("a-2"));  // WSJ
  Apply(ArticleBuilder("a-3")
            .Paragraph("월스트리트저널이 단독 보도했다.")
            .Entity("월스트리트저널", kOrg)
            .Build());
  EXPECT_EQ(Entity("WSJ").entity().article_count(), 3);
  // a-1 again, without the alias.
  Apply(ArticleBuilder("a-1")
            .Paragraph("월스트리트저널이 후속 보도를 냈다.")
            .Entity("월스트리트저널", kOrg)
            .Build());
  const gisa::v1::GetEntityResponse wsj = Entity("WSJ");
  EXPECT_EQ(wsj.entity().name(), "WSJ");
  EXPECT_EQ(wsj.entity().article_count(), 1);
  const gisa::v1::GetEntityResponse journal = Entity("월스트리트저널");
  EXPECT_EQ(journal.entity().article_count(), 2);
  EXPECT_TRUE(journal.entity().aliases().empty());
  // WSJ, 월스트리트저널, and a-2's 엔비디아 and 박서연.
  EXPECT_EQ(store_.GetStats().entity_count(), 4);
}

TEST_F(ArticleStoreTest, AnArticleCountsOnceWhenALaterArticleLinksItsNames) {
  // a-1 writes both spellings without linking them; a-2 links them.
  Apply(ArticleBuilder("a-1")
            .Paragraph("월스트리트저널과 WSJ 모두 같은 신문이다.")
            .Entity("월스트리트저널", kOrg)
            .Entity("WSJ", kOrg)
            .Build());
  EXPECT_EQ(store_.GetStats().entity_count(), 2);
  Apply(ArticleBuilder("a-2")
            .Paragraph("월스트리트저널(WSJ)이 보도했다.")
            .Entity("월스트리트저널", kOrg, {"WSJ"})
            .Build());
  const gisa::v1::EntitySummary merged = Entity("wsj").entity();
  EXPECT_EQ(merged.article_count(), 2);
  EXPECT_EQ(merged.mention_count(), 3);
  EXPECT_EQ(store_.GetStats().entity_count(), 1);
  // Shown by its most frequent canonical name.
  EXPECT_EQ(merged.name(), "월스트리트저널");
  EXPECT_THAT(merged.aliases(), ElementsAre("WSJ"));
}

TEST_F(ArticleStoreTest, SameNameOfAnotherTypeIsAnotherEntity) {
  Apply(ArticleBuilder("a-1")
            .Paragraph("한빛이 신제품을 냈다. 한빛은 잘 팔린다.")
            .Entity("한빛", kOrg)
            .Build());
  Apply(ArticleBuilder("a-2")
            .Paragraph("한빛이 출시됐다.")
            .Entity("한빛", gisa::v1::ENTITY_TYPE_PRODUCT)
            .Build());
  EXPECT_EQ(store_.GetStats().entity_count(), 2);
  // A reader's name picks the most mentioned of them.
  const gisa::v1::EntitySummary found = Entity("한빛이").entity();
  EXPECT_EQ(found.type(), kOrg);
  EXPECT_EQ(found.mention_count(), 2);
  gisa::v1::ListEntitiesRequest request;
  request.set_name_prefix("한빛");
  auto listed = store_.ListEntities(request);
  ASSERT_EQ(listed->entities_size(), 2);
  EXPECT_EQ(listed->entities(1).type(), gisa::v1::ENTITY_TYPE_PRODUCT);
}

TEST_F(ArticleStoreTest, ListsEntitiesMostMentionedFirst) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  Apply(TravelArticle("a-3"));
  gisa::v1::ListEntitiesRequest request;
  auto listed = store_.ListEntities(request);
  ASSERT_TRUE(listed.ok()) << listed.status();
  // 엔비디아 has 3 mentions, WSJ and 박서연 2, 제주 and 젠슨 황 1; ties by
  // name (code point order).
  std::vector<std::string> names;
  for (const auto& e : listed->entities()) names.push_back(e.name());
  EXPECT_THAT(names,
              ElementsAre("엔비디아", "WSJ", "박서연", "제주", "젠슨 황"));
  EXPECT_EQ(listed->total_size(), 5);
  EXPECT_TRUE(listed->next_page_token().empty());
  const gisa::v1::EntitySummary& park = listed->entities(2);
  EXPECT_EQ(park.article_count(), 2);
  EXPECT_EQ(park.quote_count(), 2);
  EXPECT_EQ(listed->entities(4).quote_count(), 1);  // 젠슨 황
  EXPECT_EQ(listed->entities(3).quote_count(), 0);  // 제주

  request.set_type(kPerson);
  EXPECT_THAT(EntityNames(request), ElementsAre("박서연", "젠슨 황"));

  request.Clear();
  request.set_name_prefix("ｎｖ");  // an alias, any width and case
  EXPECT_THAT(EntityNames(request), ElementsAre("엔비디아"));
  request.set_name_prefix("월스");
  EXPECT_THAT(EntityNames(request), ElementsAre("WSJ"));

  request.Clear();
  request.set_article_id("a-3");
  EXPECT_THAT(EntityNames(request), ElementsAre("박서연", "제주"));
  request.set_article_id("a-none");
  EXPECT_EQ(store_.ListEntities(request)->total_size(), 0);

  request.Clear();
  request.set_type(static_cast<gisa::v1::EntityType>(42));
  EXPECT_EQ(store_.ListEntities(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticleStoreTest, PagesThroughEntities) {
  for (int i = 0; i < 9; ++i) {
    ArticleBuilder article(absl::StrFormat("a-%d", i));
    std::string text;
    for (int j = 0; j <= i; ++j) absl::StrAppend(&text, "기업", j, "이 ");
    article.Paragraph(text);
    for (int j = 0; j <= i; ++j) article.Entity(absl::StrCat("기업", j), kOrg);
    Apply(article.Build());
  }
  gisa::v1::ListEntitiesRequest request;
  request.set_page_size(4);
  std::vector<std::string> names;
  do {
    auto page = store_.ListEntities(request);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total_size(), 9);
    for (const auto& e : page->entities()) names.push_back(e.name());
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  // 기업0 is in all nine articles, 기업8 in one.
  ASSERT_EQ(names.size(), 9u);
  for (int j = 0; j < 9; ++j) EXPECT_EQ(names[j], absl::StrCat("기업", j));

  request.clear_page_token();
  request.set_name_prefix("기업");
  request.set_page_size(5);
  auto first = store_.ListEntities(request);
  request.set_page_token(first->next_page_token());
  auto second = store_.ListEntities(request);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->entities(0).name(), "기업5");
  EXPECT_EQ(second->total_size(), 9);
  EXPECT_TRUE(second->next_page_token().empty());
}

// --- Quotes ------------------------------------------------------------------

TEST_F(ArticleStoreTest, ListsQuotesNewestArticleFirst) {
  Apply(ChipArticle("a-1"));
  Apply(ArticleBuilder("a-2")
            .Paragraph("박서연 연구원은 \"금리가 내려간다\"고 말했다. "
                       "그는 \"환율도 안정된다\"고 덧붙였다.")
            .Entity("박서연", kPerson)
            .Quote("박서연", "금리가 내려간다")
            .Quote("박서연", "환율도 안정된다", "덧붙였다")
            .Build());
  Apply(TravelArticle("a-3"));
  gisa::v1::ListQuotesRequest request;
  EXPECT_THAT(QuoteTexts(request),
              ElementsAre("항공편이 늘어난 덕", "금리가 내려간다",
                          "환율도 안정된다", "수요가 공급을 앞선다"));
  request.set_page_size(1);
  EXPECT_THAT(QuoteTexts(request),
              ElementsAre("항공편이 늘어난 덕", "금리가 내려간다",
                          "환율도 안정된다", "수요가 공급을 앞선다"));
  auto first = store_.ListQuotes(request);
  EXPECT_EQ(first->total_size(), 4);
  EXPECT_EQ(first->quotes(0).article_id(), "a-3");
  EXPECT_EQ(first->quotes(0).article_title(), "제주 관광객 늘어");
}

TEST_F(ArticleStoreTest, FiltersQuotes) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  Apply(TravelArticle("a-3"));
  Apply(ArticleBuilder("a-4")
            .Paragraph("익명의 관계자는 \"반도체 투자를 늘린다\"고 전했다.")
            .Quote("관계자", "반도체 투자를 늘린다", "전했다")
            .Build());

  gisa::v1::ListQuotesRequest request;
  request.set_speaker("박서연은");
  EXPECT_THAT(QuoteTexts(request),
              ElementsAre("항공편이 늘어난 덕", "반도체 업황이 바닥을 지났다"));
  request.set_article_id("a-2");
  EXPECT_THAT(QuoteTexts(request), ElementsAre("반도체 업황이 바닥을 지났다"));

  request.Clear();
  request.set_speaker("관계자가");  // names no entity: matched as written
  EXPECT_THAT(QuoteTexts(request), ElementsAre("반도체 투자를 늘린다"));

  request.Clear();
  request.set_query("반도체가");
  EXPECT_THAT(QuoteTexts(request), ElementsAre("반도체 투자를 늘린다",
                                               "반도체 업황이 바닥을 지났다"));
  request.set_query("반도체 업황은");
  EXPECT_THAT(QuoteTexts(request), ElementsAre("반도체 업황이 바닥을 지났다"));
  request.set_page_size(1);
  request.set_query("반도체");
  auto page = store_.ListQuotes(request);
  EXPECT_EQ(page->total_size(), 2);
  EXPECT_FALSE(page->next_page_token().empty());

  request.Clear();
  request.set_article_id("a-1");
  EXPECT_THAT(QuoteTexts(request), ElementsAre("수요가 공급을 앞선다"));
  request.set_speaker("없는사람");
  EXPECT_TRUE(QuoteTexts(request).empty());
}

TEST_F(ArticleStoreTest, QuoteSpeakersResolveThroughAliases) {
  Apply(ArticleBuilder("a-1")
            .Paragraph("국제통화기금(IMF)은 \"성장률이 둔화된다\"고 밝혔다.")
            .Entity("국제통화기금", kOrg, {"IMF"})
            .Quote("국제통화기금", "성장률이 둔화된다", "밝혔다")
            .Build());
  gisa::v1::ListQuotesRequest request;
  request.set_speaker("ＩＭＦ는");
  EXPECT_THAT(QuoteTexts(request), ElementsAre("성장률이 둔화된다"));
  EXPECT_EQ(Entity("IMF").entity().quote_count(), 1);
}

// --- SearchFaq ---------------------------------------------------------------

TEST_F(ArticleStoreTest, SearchFaqChecksItsArguments) {
  gisa::v1::SearchFaqRequest request;
  request.set_query("  ");
  auto blank = store_.SearchFaq(request);
  EXPECT_EQ(blank.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(blank.status().message(), "query is blank");
  request.set_query("선발투수 누구야");
  request.set_page_size(-3);
  EXPECT_EQ(store_.SearchFaq(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ArticleStoreTest, SearchFaqResultsComeFromTheStoredArticles) {
  const gisa::v1::Article article =
      ArticleBuilder("a-1")
          .Title("한일전 미리보기")
          .Faq("한일전 선발투수는 누구인가요?", "오른손 투수 김도윤이 나선다.")
          .Faq("경기는 언제 열리나요?", "토요일 저녁 7시에 열린다.")
          .Build();
  Apply(article);
  gisa::v1::SearchFaqRequest request;
  request.set_query("한일전 선발투수");
  request.set_page_size(1);
  auto found = store_.SearchFaq(request);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->results_size(), 1);
  const gisa::v1::FaqResult& r = found->results(0);
  EXPECT_EQ(r.faq_index(), 0);
  EXPECT_EQ(r.question(), article.faq(0).question());
  EXPECT_EQ(r.answer(), article.faq(0).answer());
  EXPECT_EQ(r.article_id(), "a-1");
  EXPECT_EQ(r.article_title(), "한일전 미리보기");
  EXPECT_GT(r.score(), 0);

  // A new version without the FAQ takes its entries away.
  Apply(ArticleBuilder("a-1").Title("한일전 결과").Build());
  EXPECT_EQ(store_.SearchFaq(request)->results_size(), 0);
}

// --- GetStats ----------------------------------------------------------------

TEST_F(ArticleStoreTest, StatsCountWhatIsStored) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  Apply(ArticleBuilder("a-3").Faq("질문?", "답.").Build());
  const gisa::v1::GetStatsResponse stats = store_.GetStats();
  EXPECT_EQ(stats.article_count(), 3);
  EXPECT_EQ(stats.entity_count(), 4);  // 엔비디아, 젠슨 황, WSJ, 박서연
  EXPECT_EQ(stats.quote_count(), 2);
  EXPECT_EQ(stats.faq_count(), 1);
  EXPECT_EQ(stats.last_applied_sequence(), 3u);
  EXPECT_GT(stats.memory_bytes(), 0);
  EXPECT_EQ(stats.content_checksum().size(), 16u);
}

TEST(ArticleStoreChecksumTest, IndependentOfOrderSensitiveToContent) {
  const std::vector<gisa::v1::Article> versions = {
      ChipArticle("a-1"), MarketArticle("a-2"), TravelArticle("a-3")};
  gisa::v1::Article replaced = MarketArticle("a-2");
  replaced.set_title("반도체주 약세");

  ArticleStore forward;
  ArticleStore backward;
  uint64_t seq = 0;
  for (const auto& a : versions)
    ASSERT_TRUE(forward.Apply(Record(++seq, a)).ok());
  ASSERT_TRUE(forward.Apply(Record(++seq, replaced)).ok());
  seq = 0;
  ASSERT_TRUE(backward.Apply(Record(++seq, replaced)).ok());
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->id() == "a-2") continue;  // already at its latest version
    ASSERT_TRUE(backward.Apply(Record(++seq, *it)).ok());
  }
  EXPECT_EQ(forward.GetStats().content_checksum(),
            backward.GetStats().content_checksum());
  // The entity listing is the same too.
  gisa::v1::ListEntitiesRequest all;
  EXPECT_EQ(forward.ListEntities(all)->SerializeAsString(),
            backward.ListEntities(all)->SerializeAsString());

  ArticleStore other;
  seq = 0;
  for (const auto& a : versions)
    ASSERT_TRUE(other.Apply(Record(++seq, a)).ok());
  EXPECT_NE(other.GetStats().content_checksum(),
            forward.GetStats().content_checksum());
  EXPECT_NE(ArticleStore().GetStats().content_checksum(),
            other.GetStats().content_checksum());
}

TEST_F(ArticleStoreTest, ExportRebuildsTheStore) {
  Apply(ChipArticle("a-1"));
  Apply(MarketArticle("a-2"));
  Apply(TravelArticle("a-3"));
  Apply(ArticleBuilder("a-1").Title("다시 쓴 기사").Build());  // seq 4
  const ArticleStore::Contents contents = store_.Export();
  EXPECT_EQ(contents.last_applied_sequence, 4u);
  ASSERT_EQ(contents.records.size(), 3u);
  EXPECT_EQ(contents.records[0].first, 2u);  // a-2; a-1's seq 1 is gone
  EXPECT_EQ(contents.records[2].first, 4u);
  EXPECT_EQ(contents.records[2].second->title(), "다시 쓴 기사");

  ArticleStore restored;
  for (const auto& [sequence, article] : contents.records) {
    ASSERT_TRUE(restored.Apply(Record(sequence, *article)).ok());
  }
  EXPECT_EQ(restored.last_applied_sequence(), 4u);
  EXPECT_EQ(restored.GetStats().content_checksum(),
            store_.GetStats().content_checksum());
  gisa::v1::ListQuotesRequest quotes;
  EXPECT_EQ(restored.ListQuotes(quotes)->SerializeAsString(),
            store_.ListQuotes(quotes)->SerializeAsString());
}

TEST_F(ArticleStoreTest, WaitsForASequence) {
  EXPECT_TRUE(store_.WaitForSequence(0, absl::ZeroDuration()));
  EXPECT_FALSE(store_.WaitForSequence(1, absl::Milliseconds(1)));
  Apply(ChipArticle("a-1"));
  EXPECT_TRUE(store_.WaitForSequence(1, absl::ZeroDuration()));
}

}  // namespace
}  // namespace gisa::query
