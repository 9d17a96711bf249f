// The entity, quote and FAQ queries against the real binaries: two articles
// written for this test name the same company and person, and every lookup a
// reader would try (particles, alias, case, width) finds the one entity
// across both.
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/pair_fixture.h"

namespace gisa::testing {
namespace {

using gisa::v1::EntitySummary;
using gisa::v1::GetEntityRequest;
using gisa::v1::GetEntityResponse;
using gisa::v1::ListArticlesRequest;
using gisa::v1::ListArticlesResponse;
using gisa::v1::ListEntitiesRequest;
using gisa::v1::ListEntitiesResponse;
using gisa::v1::ListQuotesRequest;
using gisa::v1::ListQuotesResponse;
using gisa::v1::SearchFaqRequest;
using gisa::v1::SearchFaqResponse;

constexpr char kLaunch[] =
    "한빛세미콘, 추론 칩 '누리' 공개\n"
    "반도체 설계 기업 한빛세미콘(HBSC)이 서울 코엑스에서 추론 칩 '누리'를 "
    "공개했습니다.\n"
    "김도윤 한빛세미콘 대표는 \"전력 효율에서 경쟁 제품을 앞선다\"고 말했습니다. "
    "그는 올해 안에 상용 서비스를 시작하겠다고 밝혔습니다.\n"
    "\n"
    "자주 묻는 질문\n"
    "Q. 새 칩은 언제 쓸 수 있나요?\n"
    "A. 회사는 올해 안에 상용 서비스를 시작할 계획입니다.\n"
    "\n"
    "'IT' 카테고리의 다른 글\n"
    "| 클라우드 요금 줄이는 법 (2) | 2025.02.27 |\n"
    "|---|---|\n";

constexpr char kContract[] =
    "한빛세미콘, 통신사와 공급 계약\n"
    "반도체 기업 한빛세미콘(HBSC)이 국내 통신사 두 곳과 추론 칩 공급 계약을 "
    "맺었습니다.\n"
    "김도윤 대표는 \"데이터센터 전력 비용을 절반으로 줄이겠다\"고 강조했습니다. "
    "과학기술정보통신부는 국산 칩을 쓰는 공공 클라우드 사업을 늘리겠다고 "
    "발표했습니다.\n"
    "\n"
    "'IT' 카테고리의 다른 글\n"
    "| 국산 칩 생태계의 과제 (4) | 2025.03.02 |\n"
    "|---|---|\n";

class EntityQueriesTest : public PairFixture {
 protected:
  void SetUp() override {
    PairFixture::SetUp();
    absl::StatusOr<gisa::v1::SubmitArticleResponse> launch =
        Submit("test:launch", kLaunch);
    ASSERT_TRUE(launch.ok()) << launch.status();
    absl::StatusOr<gisa::v1::SubmitArticleResponse> contract =
        Submit("test:contract", kContract);
    ASSERT_TRUE(contract.ok()) << contract.status();
    launch_id_ = launch->article_id();
    contract_id_ = contract->article_id();
    sequence_ = contract->sequence();
  }

  absl::StatusOr<GetEntityResponse> GetEntity(const std::string& name) {
    GetEntityRequest request;
    request.set_name(name);
    request.set_min_sequence(sequence_);
    GetEntityResponse response;
    grpc::Status status =
        query().GetEntity(NewContext().get(), request, &response);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return response;
  }

  // Every page of ListEntities for `request` (page size 2).
  std::vector<EntitySummary> ListAllEntities(ListEntitiesRequest request,
                                             int32_t* total = nullptr) {
    std::vector<EntitySummary> all;
    request.set_page_size(2);
    request.set_min_sequence(sequence_);
    for (int page = 0; page < 100; ++page) {
      ListEntitiesResponse response;
      grpc::Status status =
          query().ListEntities(NewContext().get(), request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      all.insert(all.end(), response.entities().begin(),
                 response.entities().end());
      if (total != nullptr) *total = response.total_size();
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    return all;
  }

  std::string launch_id_;
  std::string contract_id_;
  uint64_t sequence_ = 0;
};

TEST_F(EntityQueriesTest, EveryWayOfWritingANameFindsTheOneEntity) {
  for (const std::string name :
       {"한빛세미콘", "한빛세미콘이", "한빛세미콘의", "HBSC", "hbsc", "ｈｂｓｃ"}) {
    absl::StatusOr<GetEntityResponse> got = GetEntity(name);
    ASSERT_TRUE(got.ok()) << name << ": " << got.status() << "\n" << Logs();
    EXPECT_EQ(got->entity().name(), "한빛세미콘") << name;
    EXPECT_EQ(got->entity().type(), gisa::v1::ENTITY_TYPE_ORGANIZATION);
    EXPECT_EQ(got->entity().article_count(), 2) << name;
  }
}

TEST_F(EntityQueriesTest, MentionsAcrossArticlesWithSnippetsAndCompany) {
  absl::StatusOr<GetEntityResponse> got = GetEntity("한빛세미콘은");
  ASSERT_TRUE(got.ok()) << got.status();
  std::set<std::string> articles;
  for (const gisa::v1::EntityMention& m : got->mentions()) {
    articles.insert(m.article_id());
    EXPECT_FALSE(m.article_title().empty());
    // The snippet shows the words as written around the mention.
    EXPECT_NE(m.snippet().find(m.mention().text()), std::string::npos)
        << m.snippet();
  }
  EXPECT_EQ(articles, (std::set<std::string>{launch_id_, contract_id_}));
  EXPECT_EQ(got->entity().mention_count(), got->mentions_size());
  std::set<std::string> company;
  for (const gisa::v1::CooccurringEntity& c : got->cooccurring()) {
    company.insert(c.name());
  }
  EXPECT_TRUE(company.count("김도윤") > 0) << got->ShortDebugString();
}

TEST_F(EntityQueriesTest, UnknownAndBlankNamesHaveTheirCodes) {
  EXPECT_EQ(GetEntity("없는회사").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(GetEntity("  ").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(EntityQueriesTest, ListEntitiesFiltersAndPages) {
  int32_t total = 0;
  const std::vector<EntitySummary> all =
      ListAllEntities(ListEntitiesRequest(), &total);
  ASSERT_FALSE(all.empty()) << Logs();
  EXPECT_EQ(static_cast<int32_t>(all.size()), total);
  std::set<std::string> names;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(names.insert(all[i].name()).second) << "listed twice";
    if (i > 0) {
      EXPECT_GE(all[i - 1].mention_count(), all[i].mention_count())
          << "most mentioned first";
    }
  }
  EXPECT_TRUE(names.count("한빛세미콘") > 0);
  EXPECT_TRUE(names.count("과학기술정보통신부") > 0);

  ListEntitiesRequest people;
  people.set_type(gisa::v1::ENTITY_TYPE_PERSON);
  for (const EntitySummary& e : ListAllEntities(people)) {
    EXPECT_EQ(e.type(), gisa::v1::ENTITY_TYPE_PERSON) << e.name();
  }

  ListEntitiesRequest prefix;
  prefix.set_name_prefix("hb");  // an alias, in lower case
  const std::vector<EntitySummary> by_prefix = ListAllEntities(prefix);
  ASSERT_EQ(by_prefix.size(), 1u);
  EXPECT_EQ(by_prefix[0].name(), "한빛세미콘");

  ListEntitiesRequest of_contract;
  of_contract.set_article_id(contract_id_);
  std::set<std::string> in_contract;
  for (const EntitySummary& e : ListAllEntities(of_contract)) {
    in_contract.insert(e.name());
  }
  EXPECT_TRUE(in_contract.count("과학기술정보통신부") > 0);
  EXPECT_FALSE(in_contract.count("코엑스") > 0) << "only in the launch article";
}

TEST_F(EntityQueriesTest, ListArticlesByEntity) {
  ListArticlesRequest request;
  request.set_entity("김도윤은");
  request.set_min_sequence(sequence_);
  ListArticlesResponse response;
  ASSERT_TRUE(
      query().ListArticles(NewContext().get(), request, &response).ok());
  std::set<std::string> ids;
  for (const gisa::v1::Article& a : response.articles()) ids.insert(a.id());
  EXPECT_EQ(ids, (std::set<std::string>{launch_id_, contract_id_}));

  request.set_entity("과학기술정보통신부");
  ASSERT_TRUE(
      query().ListArticles(NewContext().get(), request, &response).ok());
  ASSERT_EQ(response.articles_size(), 1);
  EXPECT_EQ(response.articles(0).id(), contract_id_);
}

TEST_F(EntityQueriesTest, QuotesBySpeakerAndWords) {
  ListQuotesRequest request;
  request.set_speaker("김도윤은");
  request.set_min_sequence(sequence_);
  ListQuotesResponse response;
  ASSERT_TRUE(query().ListQuotes(NewContext().get(), request, &response).ok());
  ASSERT_GE(response.total_size(), 3) << response.ShortDebugString();
  for (const gisa::v1::QuoteResult& q : response.quotes()) {
    EXPECT_EQ(q.quote().speaker(), "김도윤");
  }

  request.set_query("전력 비용");
  ASSERT_TRUE(query().ListQuotes(NewContext().get(), request, &response).ok());
  ASSERT_EQ(response.quotes_size(), 1) << response.ShortDebugString();
  EXPECT_EQ(response.quotes(0).article_id(), contract_id_);
}

TEST_F(EntityQueriesTest, SearchFaqFindsTheQuestion) {
  SearchFaqRequest request;
  request.set_query("새 칩은 언제부터 쓸 수 있어요");
  request.set_min_sequence(sequence_);
  SearchFaqResponse response;
  ASSERT_TRUE(query().SearchFaq(NewContext().get(), request, &response).ok());
  ASSERT_FALSE(response.results().empty());
  EXPECT_EQ(response.results(0).question(), "새 칩은 언제 쓸 수 있나요?");
  EXPECT_EQ(response.results(0).article_id(), launch_id_);
}

}  // namespace
}  // namespace gisa::testing
