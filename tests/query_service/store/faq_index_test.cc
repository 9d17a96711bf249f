#include "query_service/store/faq_index.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/query_service/store/article_builder.h"
#include "tests/testing/pair_fixture.h"

namespace gisa::query {
namespace {

using ::gisa::query::testing::ArticleBuilder;

// Articles of the genre, written for this test.
gisa::v1::Article RocketArticle() {
  return ArticleBuilder("a-rocket")
      .Title("한빛호 3차 발사 성공, 재사용 로켓 경쟁 본격화")
      .Paragraph("한빛우주가 개발한 '한빛호'(Hanbit)가 세 번째 발사에 성공했다. "
                 "미국 스페이스X의 재사용 발사체 '팰컨9'(Falcon 9)과 비교하면 "
                 "비용 격차는 여전히 크다.")
      .Entity("한빛호", gisa::v1::ENTITY_TYPE_PRODUCT, {"Hanbit"})
      .Entity("팰컨9", gisa::v1::ENTITY_TYPE_PRODUCT, {"Falcon 9"})
      .Faq("한빛호는 지금까지 몇 번 발사되었나요?",
           "이번이 세 번째 발사입니다. 첫 발사는 궤도 진입에 실패했습니다.")
      .Faq("한빛호와 팰컨9은 무엇이 다른가요?",
           "팰컨9은 1단을 회수해 다시 쓰지만, 한빛호는 한 번 쓰고 버리는 "
           "방식이라 발사 비용이 더 듭니다.")
      .Build();
}

gisa::v1::Article FilmArticle() {
  // The gloss JIFF is in the text only: no entity carries it.
  return ArticleBuilder("a-film")
      .Title("제주 영화제 개막: 아시아 신작 120편 상영")
      .Paragraph("제주국제영화제(JIFF)가 열흘 일정으로 막을 올렸다.")
      .Faq("관람권은 얼마인가요?",
           "일반 상영은 8천 원이고, 해변 야외 상영은 무료입니다.")
      .Faq("영화제는 어디에서 열리나요?",
           "제주시 탑동 일대와 영화문화예술센터에서 열립니다.")
      .Build();
}

gisa::v1::Article ChipArticle() {
  return ArticleBuilder("a-chip")
      .Title("AI 칩 전쟁: 고성능 칩 부족에 업계 비상")
      .Faq("업계의 가장 큰 어려움은 무엇인가요?",
           "미국의 수출 규제로 고성능 칩을 구하기 어려운 것이 가장 큰 "
           "문제입니다.")
      .Faq("국산 AI 반도체는 언제 나오나요?",
           "2027년 양산을 목표로 하고 있습니다.")
      .Build();
}

gisa::v1::Article BaseballArticle() {
  return ArticleBuilder("a-baseball")
      .Title("WBC 야구 대표팀 명단 발표")
      .Paragraph("월드베이스볼클래식(WBC) 대표팀 30명이 확정됐다.")
      .Entity("월드베이스볼클래식", gisa::v1::ENTITY_TYPE_OTHER, {"WBC"})
      .Faq("선발 투수는 누구인가요?", "메이저리그에서 뛰는 김하준이 유력합니다.")
      .Faq("첫 경기는 언제 열리나요?", "3월 7일 도쿄돔에서 첫 경기가 열립니다.")
      .Build();
}

class FaqIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const gisa::v1::Article& a :
         {RocketArticle(), FilmArticle(), ChipArticle(), BaseballArticle()}) {
      index_.Put(a);
    }
  }

  // "article#faq_index" of the best hit, or "" for none.
  std::string Top(const std::string& query) const {
    std::vector<FaqIndex::Hit> hits = index_.Search(query, 10);
    if (hits.empty()) return "";
    return absl::StrCat(hits[0].article_id, "#", hits[0].faq_index);
  }

  FaqIndex index_;
};

TEST_F(FaqIndexTest, IndexesEveryEntry) { EXPECT_EQ(index_.size(), 8u); }

TEST_F(FaqIndexTest, ParaphrasesFindTheirEntry) {
  EXPECT_EQ(Top("한빛호 여태 몇 차례 쐈어?"), "a-rocket#0");
  EXPECT_EQ(Top("영화제 입장료 얼마예요?"), "a-film#0");
  EXPECT_EQ(Top("영화제 장소가 궁금해요"), "a-film#1");
  EXPECT_EQ(Top("국산 AI칩 출시 시기"), "a-chip#1");
}

TEST_F(FaqIndexTest, SpellingVariantsFindTheirEntry) {
  // Latin for Hangul, from the entity's alias.
  EXPECT_EQ(Top("Falcon 9이랑 한빛호 차이"), "a-rocket#1");
  // Spacing: 팰컨 9, 고성능칩.
  EXPECT_EQ(Top("팰컨 9 재사용"), "a-rocket#1");
  EXPECT_EQ(Top("고성능칩 구하기 힘든 이유"), "a-chip#0");
  // Full width, and the Korean spelling of the abbreviation.
  EXPECT_EQ(Top("ＷＢＣ 선발투수 누구야"), "a-baseball#0");
  EXPECT_EQ(Top("더블유비씨 첫 경기 날짜"), "a-baseball#1");
  // A gloss the text gives, with no entity behind it.
  EXPECT_EQ(Top("JIFF 어디서 해?"), "a-film#1");
}

TEST(FaqIndexSound, LatinFindsATransliterationWithoutAGloss) {
  // Nothing in either article says Starlink.
  FaqIndex index;
  index.Put(ArticleBuilder("a-sat")
                .Title("위성 인터넷 국내 출시")
                .Faq("스타링크 요금은 얼마인가요?", "월 8만 원대입니다.")
                .Build());
  index.Put(ArticleBuilder("a-phone")
                .Title("알뜰폰 시장 확대")
                .Faq("알뜰폰 요금은 얼마인가요?", "월 2만 원대부터입니다.")
                .Build());
  const std::vector<FaqIndex::Hit> hits = index.Search("Starlink 요금", 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].article_id, "a-sat");
}

TEST_F(FaqIndexTest, TheSubjectMayBeLeftOut) {
  // Neither entry's question says 영화제 or 한빛호; the article does.
  EXPECT_EQ(Top("해변 상영 무료야?"), "a-film#0");
  EXPECT_EQ(Top("첫 발사 실패"), "a-rocket#0");
}

TEST_F(FaqIndexTest, ShortQuestionsKeepTheirMeaning) {
  // A question of stop words alone still asks something.
  EXPECT_FALSE(index_.Search("무엇인가요", 10).empty());
  EXPECT_EQ(Top("누구"), "a-baseball#0");
  EXPECT_EQ(Top("언제"), "a-baseball#1");
}

// Two entries about one festival: the first shares more of the query's
// words, the second answers the question it asks.
gisa::v1::Article FireworksArticle() {
  return ArticleBuilder("a-fireworks")
      .Title("여의도 불꽃축제 올해도 열린다")
      .Faq("여의도 불꽃축제는 언제 열리나요?",
           "10월 첫째 주 토요일 저녁에 열립니다.")
      .Faq("불꽃축제는 어디에서 보면 좋나요?",
           "한강공원 잔디밭과 노들섬이 잘 보이는 곳입니다.")
      .Build();
}

TEST(FaqIndexIntent, TheQuestionWordPicksTheEntry) {
  FaqIndex::Options words_only;
  words_only.intent_match = 0;
  words_only.intent_clash = 0;
  FaqIndex plain(words_only);
  FaqIndex index;
  plain.Put(FireworksArticle());
  index.Put(FireworksArticle());
  const std::string where = "여의도 불꽃축제 어디서 봐?";
  // Words alone favour the entry that also names 여의도, which says when.
  ASSERT_FALSE(plain.Search(where, 2).empty());
  EXPECT_EQ(plain.Search(where, 2)[0].faq_index, 0);
  // The reader asks where.
  ASSERT_FALSE(index.Search(where, 2).empty());
  EXPECT_EQ(index.Search(where, 2)[0].faq_index, 1);
  // It only reorders what the words found.
  EXPECT_EQ(index.Search(where, 10).size(), plain.Search(where, 10).size());
  // And when, when asked when.
  EXPECT_EQ(index.Search("여의도 불꽃축제 언제 해?", 2)[0].faq_index, 0);
}

TEST_F(FaqIndexTest, NoWordsNoHits) {
  EXPECT_TRUE(index_.Search("", 10).empty());
  EXPECT_TRUE(index_.Search("  ?! ", 10).empty());
  EXPECT_TRUE(index_.Search("zzzqqq", 10).empty());
  EXPECT_TRUE(index_.Search("한빛호", 0).empty());
}

TEST_F(FaqIndexTest, HitsAreBestFirstAndLimited) {
  const std::vector<FaqIndex::Hit> hits = index_.Search("한빛호 발사", 10);
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].article_id, "a-rocket");
  EXPECT_EQ(hits[1].article_id, "a-rocket");
  for (size_t i = 1; i < hits.size(); ++i) {
    EXPECT_GE(hits[i - 1].score, hits[i].score);
    EXPECT_GT(hits[i].score, 0);
  }
  EXPECT_EQ(index_.Search("한빛호 발사", 1).size(), 1u);
}

TEST(FaqIndexTies, EqualScoresGoByArticleIdThenPosition) {
  FaqIndex index;
  for (const std::string id : {"b-2", "b-1", "b-3"}) {
    index.Put(ArticleBuilder(id)
                  .Title("같은 글")
                  .Faq("같은 질문인가요?", "같은 답입니다.")
                  .Faq("같은 질문인가요?", "같은 답입니다.")
                  .Build());
  }
  const std::vector<FaqIndex::Hit> hits = index.Search("같은 질문", 10);
  ASSERT_EQ(hits.size(), 6u);
  std::vector<std::string> order;
  for (const FaqIndex::Hit& h : hits) {
    EXPECT_EQ(h.score, hits[0].score);
    order.push_back(absl::StrCat(h.article_id, "#", h.faq_index));
  }
  EXPECT_THAT(order, ::testing::ElementsAre("b-1#0", "b-1#1", "b-2#0", "b-2#1",
                                            "b-3#0", "b-3#1"));
}

TEST(FaqIndexUpdates, PutReplacesAndRemoveDrops) {
  FaqIndex index;
  index.Put(RocketArticle());
  index.Put(FilmArticle());
  EXPECT_EQ(index.size(), 4u);
  // A new version of a-film without its FAQ takes its entries away.
  index.Put(ArticleBuilder("a-film").Title("제주 영화제 폐막").Build());
  EXPECT_EQ(index.size(), 2u);
  EXPECT_TRUE(index.Search("영화제 입장료", 10).empty() ||
              index.Search("영화제 입장료", 10)[0].article_id != "a-film");
  // A new version with other entries answers with those.
  index.Put(ArticleBuilder("a-rocket")
                .Title("한빛호 4차 발사 연기")
                .Faq("발사는 왜 미뤄졌나요?", "기상 악화 때문입니다.")
                .Build());
  EXPECT_EQ(index.size(), 1u);
  const std::vector<FaqIndex::Hit> hits = index.Search("발사 연기 이유", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].faq_index, 0);
  index.Remove("a-rocket");
  index.Remove("a-unknown");
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.Search("발사", 10).empty());
}

TEST(FaqIndexUpdates, ManyReplacementsKeepTheIndexRight) {
  // Enough removals to make the index compact itself, more than once.
  FaqIndex index;
  for (int round = 0; round < 3000; ++round) {
    index.Put(ArticleBuilder(absl::StrCat("a-", round % 7))
                  .Title(absl::StrCat("판 ", round))
                  .Faq(absl::StrCat("버전 ", round, "은 무엇인가요?"), "답입니다.")
                  .Build());
  }
  EXPECT_EQ(index.size(), 7u);
  const std::vector<FaqIndex::Hit> hits = index.Search("버전 2999", 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].article_id, "a-3");  // 2999 % 7
  // Only the live versions answer: every entry says 버전, once per article.
  std::vector<std::string> ids;
  for (const FaqIndex::Hit& h : index.Search("버전", 100)) {
    ids.push_back(h.article_id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ::testing::ElementsAre("a-0", "a-1", "a-2", "a-3", "a-4",
                                          "a-5", "a-6"));
  EXPECT_GT(index.memory_bytes(), 0u);
}

TEST(FaqIndexUpdates, PrepareThenPutIsPut) {
  FaqIndex direct;
  FaqIndex prepared;
  direct.Put(RocketArticle());
  prepared.Put(*FaqIndex::Prepare(RocketArticle(), prepared.analyzer()));
  const auto a = direct.Search("팰컨9 비용", 10);
  const auto b = prepared.Search("팰컨9 비용", 10);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].article_id, b[i].article_id);
    EXPECT_EQ(a[i].faq_index, b[i].faq_index);
    EXPECT_EQ(a[i].score, b[i].score);
  }
}

TEST_F(FaqIndexTest, ConcurrentSearchesAgree) {
  const std::vector<std::string> queries = {"한빛호 몇 번", "입장료 얼마",
                                            "WBC 선발", "고성능칩 부족"};
  std::vector<std::vector<FaqIndex::Hit>> expected;
  for (const std::string& q : queries) expected.push_back(index_.Search(q, 5));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const size_t q = (t + i) % queries.size();
        const auto hits = index_.Search(queries[q], 5);
        bool same = hits.size() == expected[q].size();
        for (size_t k = 0; same && k < hits.size(); ++k) {
          same = hits[k].article_id == expected[q][k].article_id &&
                 hits[k].faq_index == expected[q][k].faq_index &&
                 hits[k].score == expected[q][k].score;
        }
        if (!same) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(mismatches, ::testing::Each(0));
}

// --- Through gRPC: the samples in a real replica --------------------------

class SearchFaqRpcTest : public gisa::testing::PairFixture {
 protected:
  void LoadSamples() {
    uint64_t last = 0;
    for (const std::string& file : gisa::testing::SampleFiles()) {
      auto submitted = SubmitFile(file);
      ASSERT_TRUE(submitted.ok()) << file << ": " << submitted.status();
      last = std::max<uint64_t>(last, submitted->sequence());
    }
    ASSERT_TRUE(WaitForApplied(last).ok()) << Logs();
  }

  grpc::Status Search(const std::string& query, int page_size,
                      gisa::v1::SearchFaqResponse* response) {
    gisa::v1::SearchFaqRequest request;
    request.set_query(query);
    request.set_page_size(page_size);
    return query_service().SearchFaq(gisa::testing::NewContext().get(),
                                     request, response);
  }

  gisa::v1::QueryService::Stub& query_service() { return query(); }
};

TEST_F(SearchFaqRpcTest, BadRequestsAreInvalidArgument) {
  gisa::v1::SearchFaqResponse response;
  EXPECT_EQ(Search("", 5, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Search(" \t　", 5, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  const grpc::Status negative = Search("낮잠", -1, &response);
  EXPECT_EQ(negative.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(negative.error_message(), ::testing::HasSubstr("page_size"));
  // An empty store is no error: no results.
  ASSERT_TRUE(Search("낮잠", 5, &response).ok());
  EXPECT_EQ(response.results_size(), 0);
}

TEST_F(SearchFaqRpcTest, TheHardQueriesFindTheirEntries) {
  ASSERT_NO_FATAL_FAILURE(LoadSamples());
  gisa::v1::SearchFaqResponse response;
  ASSERT_TRUE(Search("낮잠 괜찮아?", 1, &response).ok());
  ASSERT_EQ(response.results_size(), 1);
  const gisa::v1::FaqResult& top = response.results(0);
  EXPECT_EQ(top.question(), "낮잠은 자도 괜찮은가요?");
  EXPECT_FALSE(top.answer().empty());
  EXPECT_FALSE(top.article_id().empty());
  EXPECT_FALSE(top.article_title().empty());
  EXPECT_GT(top.score(), 0);

  // tests/data/faq_hard.jsonl: queries phrased unlike their entries
  // (other words, Latin for Hangul and back, spelled abbreviations, no
  // spaces, full width, subject left out). Matched on the question, which
  // is unique among the samples.
  std::ifstream in(std::string(GISA_SOURCE_DIR) + "/tests/data/faq_hard.jsonl");
  ASSERT_TRUE(in.good());
  int n = 0, first = 0;
  double reciprocal = 0;
  std::string line;
  while (std::getline(in, line)) {
    google::protobuf::Struct q;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &q).ok());
    const std::string& text = q.fields().at("query").string_value();
    const std::string& want = q.fields().at("question").string_value();
    ASSERT_TRUE(Search(text, 10, &response).ok()) << text;
    ++n;
    for (int i = 0; i < response.results_size(); ++i) {
      if (response.results(i).question() != want) continue;
      if (i == 0) ++first;
      reciprocal += 1.0 / (i + 1);
      break;
    }
  }
  ASSERT_GT(n, 0);
  // Measured 0.96 top-1 and 0.98 MRR; the margin is for parser changes.
  EXPECT_GE(static_cast<double>(first) / n, 0.90);
  EXPECT_GE(reciprocal / n, 0.93);
}

}  // namespace
}  // namespace gisa::query
