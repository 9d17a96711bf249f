// Tests of the structure parser (SPEC.md section 1) and its line helpers:
// every layout variant of the genre, Markdown and HTML, and bad input.
#include "ingest_service/parser/structure_parser.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "ingest_service/parser/html_to_text.h"
#include "ingest_service/parser/related_posts.h"
#include "ingest_service/parser/structure_lines.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

using ::gisa::v1::Article;
using Strings = std::vector<std::string>;
using Ints = std::vector<int>;
using KindList = std::vector<gisa::v1::SectionKind>;

// gtest only (the tests link no gmock): "hay holds needle".
::testing::AssertionResult Contains(absl::string_view hay,
                                    absl::string_view needle) {
  if (absl::StrContains(hay, needle)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "\"" << hay << "\" does not contain \"" << needle << "\"";
}

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(GISA_SOURCE_DIR) + "/samples/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open samples/" << name;
  return text::ToNfc(std::string((std::istreambuf_iterator<char>(in)),
                                 std::istreambuf_iterator<char>()));
}

Article Parse(const std::string& text,
              const std::string& media_type = "text/plain") {
  absl::StatusOr<Article> article = ParseStructure(text, media_type);
  EXPECT_TRUE(article.ok()) << article.status();
  return article.ok() ? *article : Article();
}

std::vector<std::string> Headings(const Article& a) {
  std::vector<std::string> out;
  for (const auto& s : a.sections()) out.push_back(s.heading());
  return out;
}

std::vector<int> ParagraphCounts(const Article& a) {
  std::vector<int> out;
  for (const auto& s : a.sections()) out.push_back(s.paragraphs_size());
  return out;
}

std::vector<gisa::v1::SectionKind> Kinds(const Article& a) {
  std::vector<gisa::v1::SectionKind> out;
  for (const auto& s : a.sections()) out.push_back(s.kind());
  return out;
}

std::vector<std::string> Questions(const Article& a) {
  std::vector<std::string> out;
  for (const auto& f : a.faq()) out.push_back(f.question());
  return out;
}

constexpr auto kBody = gisa::v1::SECTION_KIND_BODY;
constexpr auto kSummary = gisa::v1::SECTION_KIND_SUMMARY;
constexpr auto kFaq = gisa::v1::SECTION_KIND_FAQ;

// A small article in the plain layout; pieces are swapped in by the tests.
std::string Article3(const std::string& h1, const std::string& h2,
                     const std::string& h3) {
  return absl::StrCat(
      h1, "\n",
      "서울시는 내년부터 공공자전거 따릉이의 요금을 20% 내린다고 밝혔습니다.\n",
      "\n", h2, "\n",
      "박지훈 서울시 교통국장은 “이용자가 늘면 적자도 줄어든다”고 말했습니다.\n",
      "\n", h3, "\n",
      "Q. 요금은 언제부터 내리나요?\n",
      "A. 내년 1월 1일부터입니다.\n");
}

// ---------------------------------------------------------------------------
// The samples in samples/: one per layout family.

TEST(StructureParserSamples, EconomyPlainHeadings) {
  const Article a = Parse(ReadSample("ko-economy-household-debt.txt"));
  EXPECT_EQ(a.title(),
            "가계부채 1,900조 원 시대: 한국은행, 기준금리 동결 속 '부채 "
            "브레이크' 밟는다");
  EXPECT_EQ(a.language(), "ko");
  EXPECT_EQ(a.category(), "경제");
  EXPECT_EQ(Headings(a), (Strings{a.title(), "주택담보대출이 끌어올린 가계빚",
                          "스트레스 DSR 3단계, 대출 한도 얼마나 줄어드나",
                          "해외는 어떻게 보나: IMF와 BIS의 경고",
                          "내 대출, 지금 무엇을 점검해야 할까", "핵심 요약",
                          "자주 묻는 질문"}));
  // A blank line between the two paragraphs of the second section; the
  // FAQ holds 3 questions, 3 answers and one answer's second line.
  EXPECT_EQ(ParagraphCounts(a), (Ints{1, 2, 1, 1, 1, 4, 7}));
  EXPECT_EQ(Kinds(a), (KindList{kBody, kBody, kBody, kBody, kBody, kSummary, kFaq}));
  ASSERT_EQ(a.faq_size(), 3);
  EXPECT_EQ(a.faq(0).question(),
            "기준금리가 동결되면 내 대출 금리도 그대로인가요?");
  // The multi-line answer: its lines joined by "\n".
  EXPECT_EQ(a.faq(0).answer(),
            "꼭 그렇지는 않습니다. 주택담보대출 금리는 기준금리뿐 아니라 "
            "은행채 금리와 은행이 붙이는 가산금리에 따라 달라집니다.\n"
            "최근처럼 은행들이 대출 증가를 억제하려고 가산금리를 올리면 "
            "기준금리가 그대로여도 대출 금리는 오를 수 있습니다.");
  // The summary is a "- " list, kept as written.
  EXPECT_TRUE(Contains(a.summary(), "- 한국은행이 기준금리를"));
  EXPECT_EQ(std::count(a.summary().begin(), a.summary().end(), '\n'), 3);
  ASSERT_EQ(a.related_size(), 4);
  EXPECT_EQ(a.related(0).title(), "원화 약세에 웃는 수출주, 우는 항공주");
  EXPECT_EQ(a.related(0).comment_count(), 6);
  EXPECT_EQ(a.related(0).date(), "2026-03-14");
  // Parentheses inside a title stay; only the trailing count goes.
  EXPECT_EQ(a.related(3).title(), "상속세 개편안(최고세율 40%) 국회 문턱 넘을까");
  EXPECT_EQ(a.related(3).comment_count(), 0);
}

TEST(StructureParserSamples, CultureHashHeadingsWithoutRelatedBlock) {
  const Article a = Parse(ReadSample("ko-culture-film-festival.txt"));
  EXPECT_EQ(a.title(),
            "부산국제영화제 30주년 개막: 아시아 영화의 바다, 올해는 더 "
            "넓어졌다");
  EXPECT_EQ(a.sections(1).heading(),
            "개막작 '바다가 남긴 이름', 일본 거장과 한국 배우의 만남");
  EXPECT_EQ(ParagraphCounts(a), (Ints{2, 1, 2, 1, 1, 6}));
  EXPECT_EQ(Kinds(a), (KindList{kBody, kBody, kBody, kBody, kSummary, kFaq}));
  EXPECT_EQ(a.sections(5).heading(), "묻고 답하기");
  EXPECT_EQ(Questions(a), (Strings{"상영작 예매는 어떻게 하나요?",
                                        "야외 상영도 예매가 필요한가요?",
                                        "영화제 기간 교통은 어떻게 이용하면 좋나요?"}));
  EXPECT_EQ(a.category(), "");
  EXPECT_EQ(a.related().size(), 0);
}

TEST(StructureParserSamples, SportsNumberedDotHeadings) {
  const Article a = Parse(ReadSample("ko-sports-kleague-opening.txt"));
  EXPECT_EQ(a.title(),
            "K리그1 2026시즌 개막: '3연패' 울산 HD의 독주, 올해는 누가 막을까");
  EXPECT_EQ(Headings(a), (Strings{a.title(), "개막전 빅매치: '현대가 더비'에 쏠린 눈",
                          "새 얼굴들: 외국인 쿼터 확대와 젊은 피",
                          "관중 300만 시대, 흥행 열기 이어갈까", "정리",
                          "자주 묻는 질문 (FAQ)"}));
  EXPECT_EQ(Kinds(a), (KindList{kBody, kBody, kBody, kBody, kSummary, kFaq}));
  ASSERT_EQ(a.faq_size(), 3);
  EXPECT_EQ(a.faq(1).question(), "외국인 선수는 몇 명까지 뛸 수 있나요?");
  EXPECT_EQ(a.category(), "스포츠");
  EXPECT_EQ(a.related(1).title(), "'ML 도전' 선언한 KBO 홈런왕, 남은 과제는?");
  EXPECT_EQ(a.related(1).comment_count(), 15);
}

TEST(StructureParserSamples, ScienceBracketHeadings) {
  const Article a = Parse(ReadSample("ko-science-danuri-moon.txt"));
  EXPECT_EQ(a.title(),
            "다누리 달 궤도 3년: 한국 첫 달 탐사선이 보내온 '영원한 그늘'의 "
            "비밀");
  EXPECT_EQ(a.sections(4).heading(), "요약: 다누리가 연 한국 달 탐사 시대");
  EXPECT_EQ(a.sections(5).heading(), "Q&A");
  EXPECT_EQ(Kinds(a), (KindList{kBody, kBody, kBody, kBody, kSummary, kFaq}));
  ASSERT_EQ(a.faq_size(), 3);
  // 질문:/답변: with and without a space; the first answer has two lines.
  EXPECT_EQ(a.faq(0).question(), "다누리는 언제까지 운영되나요?");
  EXPECT_TRUE(Contains(a.faq(0).answer(), "연장될 수 있습니다.\n운영이 끝나면"));
  EXPECT_EQ(a.faq(1).question(), "섀도캠은 어떤 장비인가요?");
  EXPECT_EQ(a.category(), "IT·과학");
  EXPECT_EQ(a.related_size(), 4);
}

TEST(StructureParserSamples, HealthNumberedParenHeadings) {
  const Article a = Parse(ReadSample("ko-health-sleep-debt.txt"));
  EXPECT_EQ(a.sections(3).heading(),
            "수면제보다 수면 습관: 불면증 인지행동치료(CBT-I)");
  // "1. …" lines of the summary are a list, not headings.
  EXPECT_EQ(a.sections(4).heading(), "세 줄 요약");
  EXPECT_EQ(a.sections(4).kind(), kSummary);
  EXPECT_EQ(a.sections(4).paragraphs_size(), 3);
  EXPECT_TRUE(Contains(a.summary(), "\n2. 만성적인 수면 부족은"));
  // Q)/A) without and with a space, and Q./A. in one FAQ.
  EXPECT_EQ(Questions(a), (Strings{"주말에 몰아서 자면 수면 빚을 갚을 수 있나요?",
                          "낮잠은 자도 괜찮은가요?",
                          "수면제를 먹으면 습관이 되나요?"}));
  EXPECT_EQ(a.category(), "건강");
}

TEST(StructureParserSamples, MarkdownSample) {
  const Article a =
      Parse(ReadSample("ko-tech-ev-battery.md"), "text/markdown");
  EXPECT_EQ(a.title(),
            "전기차 '캐즘' 끝이 보인다: K-배터리 3사, LFP와 46시리즈로 반격 "
            "나서");
  EXPECT_EQ(Kinds(a), (KindList{kBody, kBody, kBody, kSummary, kFaq}));
  EXPECT_EQ(a.sections(3).heading(), "핵심 정리");
  // The block quote loses its "> ".
  EXPECT_TRUE(absl::StartsWith(a.sections(2).paragraphs(1).text(), "삼성SDI 중대형전지사업부의"));
  ASSERT_EQ(a.faq_size(), 2);
  EXPECT_EQ(a.faq(1).question(), "전고체 배터리는 언제 나오나요?");
  EXPECT_EQ(a.category(), "IT");
  ASSERT_EQ(a.related_size(), 2);
  EXPECT_EQ(a.related(0).title(), "자율주행 택시, 서울 도심 달린다");
  EXPECT_EQ(a.related(0).comment_count(), 5);
}

TEST(StructureParserSamples, HtmlSample) {
  const Article a =
      Parse(ReadSample("ko-environment-heatwave.html"), "text/html");
  // The article's own <header><h1>, not the site's.
  EXPECT_EQ(a.title(),
            "때 이른 폭염, 6월에 35도: 기상청 “올여름 역대 가장 더울 수도”");
  EXPECT_EQ(Headings(a), (Strings{a.title(), "온열질환자 벌써 400명…야외 노동자 ‘비상’",
                          "전력 수요도 6월 최고치", "한눈에 보기",
                          "자주 묻는 질문"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{2, 1, 1, 3, 4}));
  EXPECT_EQ(a.faq_size(), 2);
  EXPECT_EQ(a.category(), "환경");
  ASSERT_EQ(a.related_size(), 2);
  EXPECT_EQ(a.related(1).title(), "일회용 컵 보증금제 전국 확대 | 찬반 논쟁");
  EXPECT_EQ(a.related(1).comment_count(), 14);
  EXPECT_EQ(a.related(1).date(), "2026-06-09");
  for (const auto& s : a.sections()) {
    for (const auto& p : s.paragraphs()) {
      EXPECT_FALSE(Contains(p.text(), "console.log"));
      EXPECT_FALSE(Contains(p.text(), "무단 전재"));
    }
  }
}

// ---------------------------------------------------------------------------
// Headings and sections.

TEST(StructureParserHeadings, DecorationsAreStripped) {
  for (const auto& [h1, h2, want1, want2] :
       std::vector<std::tuple<std::string, std::string, std::string,
                              std::string>>{
           {"## 따릉이 요금 인하", "## 적자 줄일까?", "따릉이 요금 인하",
            "적자 줄일까?"},
           {"1. 따릉이 요금 인하", "2. 적자 줄일까?", "따릉이 요금 인하",
            "적자 줄일까?"},
           {"1) 따릉이 요금 인하", "2) 적자 줄일까!", "따릉이 요금 인하",
            "적자 줄일까!"},
           {"[따릉이 요금 인하]", "[적자 줄일까?]", "따릉이 요금 인하",
            "적자 줄일까?"},
           {"**따릉이 요금 인하**", "**적자 줄일까?**", "따릉이 요금 인하",
            "적자 줄일까?"},
           {"### 따릉이 요금 인하 ###", "###### 적자 줄일까?",
            "따릉이 요금 인하", "적자 줄일까?"},
       }) {
    const Article a = Parse(Article3(h1, h2, "자주 묻는 질문"));
    EXPECT_EQ(Headings(a), (Strings{want1, want2, "자주 묻는 질문"}))
        << h1;
    EXPECT_EQ(a.title(), want1);
  }
}

TEST(StructureParserHeadings, HashTitleWinsOverAnEarlierHeading) {
  const Article a = Parse(
      "블로그 공지\n공지 문단입니다. 이 글은 예시입니다.\n\n"
      "# 진짜 제목\n본문 문단입니다. 내용이 이어집니다.\n");
  EXPECT_EQ(a.title(), "진짜 제목");
  EXPECT_EQ(Headings(a), (Strings{"블로그 공지", "진짜 제목"}));
}

TEST(StructureParserHeadings, BlankLineInsideASectionKeepsOneSection) {
  const Article a = Parse(
      "제목입니다\n첫 문단입니다. 서울시가 발표했습니다.\n\n"
      "둘째 문단도 같은 절입니다. 부산시도 같은 방침을 밝혔습니다.\n\n"
      "다음 절\n다음 절의 문단입니다.\n");
  EXPECT_EQ(Headings(a), (Strings{"제목입니다", "다음 절"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{2, 1}));
}

TEST(StructureParserHeadings, ShortLineWithoutPeriodAfterParagraphIsNoHeading) {
  // Where blank lines separate sections, a heading has one before it.
  const Article a = Parse(
      "제목입니다\n첫 문단입니다.\n짧은 줄 하나\n이어지는 문단입니다.\n\n"
      "다음 절\n다음 절의 문단입니다.\n");
  EXPECT_EQ(Headings(a), (Strings{"제목입니다", "다음 절"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{3, 1}));
}

TEST(StructureParserHeadings, DenseTextWithoutBlankLines) {
  const Article a = Parse(
      "제목입니다\n첫 문단입니다.\n둘째 절\n둘째 절의 문단입니다.\n"
      "핵심 요약\n요약 문단입니다.\n");
  EXPECT_EQ(Headings(a), (Strings{"제목입니다", "둘째 절", "핵심 요약"}));
  EXPECT_EQ(Kinds(a), (KindList{kBody, kBody, kSummary}));
}

TEST(StructureParserHeadings, DoubleSpacedText) {
  const Article a = Parse(
      "제목입니다\n\n첫 문단입니다.\n\n둘째 절\n\n둘째 절의 문단입니다.\n\n"
      "셋째 문단도 둘째 절입니다.\n");
  EXPECT_EQ(Headings(a), (Strings{"제목입니다", "둘째 절"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{1, 2}));
}

TEST(StructureParserHeadings, ListsAndSentencesAreNeverHeadings) {
  const Article a = Parse(
      "제목입니다\n첫 문단입니다.\n\n"
      "목록 절\n- 짧은 항목\n* 다른 항목\n• 또 다른 항목\n\n"
      "번호 절\n1. 첫째 항목\n2. 둘째 항목\n\n"
      "(사진=연합뉴스)\n캡션 뒤의 문단입니다.\n");
  EXPECT_EQ(Headings(a), (Strings{"제목입니다", "목록 절", "번호 절"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{1, 3, 4}));
}

TEST(StructureParserHeadings, LineAfterTheTitleOpensTheArticle) {
  // A question right after the title is its first paragraph, not a heading.
  const Article a = Parse(
      "뉴스 모음\n월드컵 주역들은 어떻게 지내고 있을까?\n"
      "경찰은 16명을 불구속 입건했다.\n");
  EXPECT_EQ(Headings(a), (Strings{"뉴스 모음"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{2}));
}

TEST(StructureParserHeadings, LinesBeforeTheTitleOpenTheFirstSection) {
  const Article a = Parse(
      "2026. 3. 10.\n제목입니다\n첫 문단입니다.\n\n둘째 절\n문단입니다.\n");
  EXPECT_EQ(a.title(), "제목입니다");
  EXPECT_EQ(a.sections(0).paragraphs(0).text(), "2026. 3. 10.");
  EXPECT_EQ(ParagraphCounts(a), (Ints{2, 1}));
}

TEST(StructureParserHeadings, CrlfLoneCrAndLfReadAlike) {
  const std::string lf = ReadSample("ko-science-danuri-moon.txt");
  const Article want = Parse(lf);
  for (const std::string eol : {"\r\n", "\r"}) {
    const Article got = Parse(absl::StrReplaceAll(lf, {{"\n", eol}}));
    EXPECT_EQ(got.SerializeAsString(), want.SerializeAsString())
        << "line ending " << (eol.size() == 2 ? "CRLF" : "CR");
  }
}

TEST(StructureParserHeadings, LinesAreTrimmedAndOtherwiseKept) {
  const Article a = Parse(
      "  제목입니다\t\n\u3000첫 문단, 그대로  둡니다.  \n\n둘째 절 \n 문단입니다.\n");
  EXPECT_EQ(a.title(), "제목입니다");
  EXPECT_EQ(a.sections(0).paragraphs(0).text(), "첫 문단, 그대로  둡니다.");
  EXPECT_EQ(a.sections(1).heading(), "둘째 절");
}

// ---------------------------------------------------------------------------
// Summary and FAQ sections.

TEST(StructureParserKinds, SummaryHeadings) {
  for (const std::string heading :
       {"핵심 요약", "핵심 요약: 따릉이, 싸지고 넓어진다", "요약", "5) 요약",
        "한눈에 보기", "정리", "정리하면", "Summary", "Key takeaways",
        "TL;DR", "[요약: 세 가지 변화]", "## 📌 핵심 요약"}) {
    const Article a = Parse(Article3("제목입니다", heading, "자주 묻는 질문"));
    ASSERT_EQ(a.sections_size(), 3) << heading;
    EXPECT_EQ(a.sections(1).kind(), kSummary) << heading;
    EXPECT_EQ(a.summary(),
              "박지훈 서울시 교통국장은 “이용자가 늘면 적자도 줄어든다”고 "
              "말했습니다.")
        << heading;
  }
  for (const std::string heading :
       {"정리해고 논란", "요약본이 필요한 이유", "핵심 쟁점"}) {
    const Article a = Parse(Article3("제목입니다", heading, "자주 묻는 질문"));
    EXPECT_EQ(a.sections(1).kind(), kBody) << heading;
    EXPECT_EQ(a.summary(), "") << heading;
  }
}

TEST(StructureParserKinds, FaqHeadings) {
  for (const std::string heading :
       {"자주 묻는 질문", "자주 묻는 질문: 요금은?", "자주 묻는 질문 (FAQ)",
        "FAQ", "Q&A", "묻고 답하기", "[Q&A]", "## ＦＡＱ", "6) 자주 묻는 질문"}) {
    const Article a = Parse(Article3("제목입니다", "요금 인하 배경", heading));
    ASSERT_EQ(a.sections_size(), 3) << heading;
    EXPECT_EQ(a.sections(2).kind(), kFaq) << heading;
    ASSERT_EQ(a.faq_size(), 1) << heading;
    EXPECT_EQ(a.faq(0).question(), "요금은 언제부터 내리나요?");
    EXPECT_EQ(a.faq(0).answer(), "내년 1월 1일부터입니다.");
  }
}

TEST(StructureParserKinds, QuestionsAndAnswersUnderAnyHeadingMakeAnFaq) {
  const Article a = Parse(Article3("제목입니다", "요금 인하 배경", "독자 궁금증"));
  EXPECT_EQ(a.sections(2).kind(), kFaq);
  EXPECT_EQ(a.faq_size(), 1);
}

TEST(StructureParserKinds, TheTitleSectionIsBody) {
  const Article a = Parse(Article3("요약: 따릉이 요금 인하", "배경", "FAQ"));
  EXPECT_EQ(a.sections(0).kind(), kBody);
}

TEST(StructureParserFaq, MarkerVariants) {
  for (const auto& [q, a] : std::vector<std::pair<std::string, std::string>>{
           {"Q.", "A."}, {"Q. ", "A. "}, {"Q:", "A:"}, {"Q: ", "A: "},
           {"Q1.", "A1."}, {"Q1. ", "A1. "}, {"Q)", "A)"}, {"Q) ", "A) "},
           {"질문:", "답변:"}, {"질문: ", "답변: "}, {"Q1)", "A1)"},
           {"**Q.** ", "**A.** "}, {"- Q: ", "- A: "}}) {
    const Article article = Parse(absl::StrCat(
        "제목입니다\n첫 문단입니다.\n\n자주 묻는 질문\n", q,
        "요금은 언제부터 내리나요?\n", a, "내년 1월 1일부터입니다.\n", q,
        "어디서 신청하나요?\n", a, "앱에서 신청합니다.\n"));
    ASSERT_EQ(article.faq_size(), 2) << q;
    EXPECT_EQ(article.faq(0).question(), "요금은 언제부터 내리나요?") << q;
    EXPECT_EQ(article.faq(0).answer(), "내년 1월 1일부터입니다.") << q;
    EXPECT_EQ(article.faq(1).answer(), "앱에서 신청합니다.") << q;
    // Every question and answer line is a paragraph, kept as written.
    ASSERT_EQ(article.sections(1).paragraphs_size(), 4) << q;
    EXPECT_EQ(article.sections(1).paragraphs(0).text(),
              std::string(text::TrimSpace(q + "요금은 언제부터 내리나요?")));
  }
}

TEST(StructureParserFaq, MultiLineAnswersRunToTheNextQuestion) {
  const Article a = Parse(
      "제목입니다\n첫 문단입니다.\n\n자주 묻는 질문\n"
      "Q. 준비물은 무엇인가요?\nA. 두 가지입니다.\n신분증\n영수증도 챙기세요.\n"
      "Q. 비용이 드나요?\n\nA. 무료입니다.\n\n"
      "Q. 문의는 어디로 하나요?\nA. 120 다산콜센터로 하면 됩니다.\n\n"
      "#서울 #따릉이\n");
  ASSERT_EQ(a.faq_size(), 3);
  EXPECT_EQ(a.faq(0).answer(), "두 가지입니다.\n신분증\n영수증도 챙기세요.");
  EXPECT_EQ(a.faq(1).answer(), "무료입니다.");
  // A hashtag line after the last answer is not part of it.
  EXPECT_EQ(a.faq(2).answer(), "120 다산콜센터로 하면 됩니다.");
  EXPECT_EQ(a.sections(1).paragraphs_size(), 9);
}

TEST(StructureParserFaq, ClosingRemarkAfterABlankLineIsNoAnswer) {
  const Article a = Parse(
      "제목입니다\n첫 문단입니다.\n\nFAQ\nQ: 언제인가요?\nA: 내일입니다.\n\n"
      "읽어 주셔서 감사합니다\n");
  ASSERT_EQ(a.faq_size(), 1);
  EXPECT_EQ(a.faq(0).answer(), "내일입니다.");
}

// ---------------------------------------------------------------------------
// The related-posts block.

TEST(StructureParserRelated, TableRowsCountsAndDates) {
  const Article a = Parse(
      "제목입니다\n첫 문단입니다.\n\n"
      "‘생활’ 카테고리의 다른 글\n"
      "| 전기요금 (누진제) 개편안 총정리 (12) | 2026.01.05 |\n"
      "|---|---|\n"
      "| 제목 없는 줄 | 날짜 |\n"
      "| [겨울철 난방비 아끼는 법](https://blog.example/1) (1,024) | 2025. 12. 3. |\n"
      "| 댓글 수 없는 글 | 2025-11-30 |\n");
  EXPECT_EQ(a.category(), "생활");
  ASSERT_EQ(a.related_size(), 3);
  EXPECT_EQ(a.related(0).title(), "전기요금 (누진제) 개편안 총정리");
  EXPECT_EQ(a.related(0).comment_count(), 12);
  EXPECT_EQ(a.related(0).date(), "2026-01-05");
  EXPECT_EQ(a.related(1).title(), "겨울철 난방비 아끼는 법");
  EXPECT_EQ(a.related(1).comment_count(), 1024);
  EXPECT_EQ(a.related(1).date(), "2025-12-03");
  EXPECT_EQ(a.related(2).comment_count(), 0);
  // The block is not body text.
  EXPECT_EQ(ParagraphCounts(a), (Ints{1}));
}

TEST(RelatedPosts, CategoryLines) {
  std::string category;
  EXPECT_TRUE(ReadCategoryLine("'IT·과학' 카테고리의 다른 글", &category));
  EXPECT_EQ(category, "IT·과학");
  EXPECT_TRUE(ReadCategoryLine("### “경제” 카테고리의 다른글", &category));
  EXPECT_EQ(category, "경제");
  EXPECT_TRUE(ReadCategoryLine("| '환경' 카테고리의 다른 글 |", &category));
  EXPECT_EQ(category, "환경");
  EXPECT_FALSE(ReadCategoryLine("이 카테고리의 글은 모두 무료입니다.", &category));
}

TEST(RelatedPosts, RowsThatAreNoPosts) {
  gisa::v1::RelatedArticle row;
  EXPECT_FALSE(ReadRelatedRow("|---|---|", &row));
  EXPECT_FALSE(ReadRelatedRow("| :--- | ---: |", &row));
  EXPECT_FALSE(ReadRelatedRow("| 제목 | 날짜 |", &row));
  EXPECT_FALSE(ReadRelatedRow("| (3) | 2026.01.01 |", &row));
  EXPECT_FALSE(ReadRelatedRow("| 글 | 2026.13.01 |", &row));
  EXPECT_FALSE(ReadRelatedRow("글 (3) | 2026.01.01", &row));
  ASSERT_TRUE(ReadRelatedRow("| a \\| b (2) | 2026/1/9 |", &row));
  EXPECT_EQ(row.title(), "a | b");
  EXPECT_EQ(row.date(), "2026-01-09");
}

// ---------------------------------------------------------------------------
// Markdown and HTML.

TEST(StructureParserMarkdown, MarkdownParts) {
  const Article a = Parse(
      "---\ntitle: 무시되는 머리말\n---\n"
      "따릉이 요금 인하\n================\n\n"
      "![사진](bike.jpg)\n"
      "서울시가 요금을 내립니다.\n\n"
      "배경\n----\n\n"
      "> 박지훈 국장은 “적자가 줄어든다”고 말했습니다.\n\n"
      "```\ncode block\n```\n"
      "<!-- 주석 -->\n"
      "## **TL;DR**\n\n* 요금이 20% 내립니다.\n* 내년 1월부터입니다.\n\n"
      "## Q&A\n\n**Q:** 언제부터인가요?\n**A:** 내년 1월입니다.\n",
      "text/markdown");
  EXPECT_EQ(a.title(), "따릉이 요금 인하");
  EXPECT_EQ(Headings(a), (Strings{"따릉이 요금 인하", "배경", "TL;DR", "Q&A"}));
  EXPECT_EQ(ParagraphCounts(a), (Ints{1, 1, 2, 2}));
  EXPECT_EQ(a.sections(1).paragraphs(0).text(),
            "박지훈 국장은 “적자가 줄어든다”고 말했습니다.");
  EXPECT_EQ(a.summary(), "* 요금이 20% 내립니다.\n* 내년 1월부터입니다.");
  ASSERT_EQ(a.faq_size(), 1);
  EXPECT_EQ(a.faq(0).question(), "언제부터인가요?");
}

TEST(StructureParserMarkdown, MarkedHeadingsLeaveShortLinesAsParagraphs) {
  // With `##` headings, an unmarked short line is text, but summary and FAQ
  // headings are found however they are written.
  const Article a = Parse(
      "## 제목입니다\n첫 문단입니다.\n\n## 둘째 절\n문단입니다.\n\n"
      "짧은 한 줄\n이어지는 문단입니다.\n\n핵심 요약\n요약 문단입니다.\n",
      "text/markdown");
  EXPECT_EQ(Headings(a), (Strings{"제목입니다", "둘째 절", "핵심 요약"}));
}

TEST(StructureParserHtml, BodyIsTakenFromArticleOrMainOrBody) {
  const std::string article_page =
      "<html><head><title>x</title></head><body><nav>메뉴 항목</nav>"
      "<main><p>메인 광고 문단입니다.</p><article><h2>기사 제목</h2>"
      "<p>기사 문단입니다.</p></article></main></body></html>";
  Article a = Parse(article_page, "text/html");
  EXPECT_EQ(a.title(), "기사 제목");
  EXPECT_EQ(ParagraphCounts(a), (Ints{1}));

  const std::string main_page =
      "<body><header><h1>블로그 이름</h1></header><main><h1>메인 제목</h1>"
      "<p>메인 문단입니다.</p></main><footer><p>저작권 문단입니다.</p>"
      "</footer></body>";
  a = Parse(main_page, "text/html");
  EXPECT_EQ(a.title(), "메인 제목");
  EXPECT_EQ(ParagraphCounts(a), (Ints{1}));

  const std::string body_page =
      "<body><h1>본문 제목</h1><div>본문 문단<br>둘째 줄입니다.</div>"
      "<script>document.write('<h1>가짜</h1>')</script></body>";
  a = Parse(body_page, "text/html");
  EXPECT_EQ(a.title(), "본문 제목");
  EXPECT_EQ(ParagraphCounts(a), (Ints{2}));
}

TEST(HtmlToText, BlocksEntitiesAndDroppedElements) {
  EXPECT_EQ(HtmlToText("<main><h1>제목</h1><p>첫&nbsp;문단 &amp; "
                       "&#39;따옴표&#x27; &ldquo;인용&rdquo;</p></main>"),
            "# 제목\n첫 문단 & '따옴표' “인용”\n");
  EXPECT_EQ(HtmlToText("<body><ul><li>하나</li><li><p>둘</p></li></ul>"
                       "<style>p{}</style><!-- <p>주석</p> --></body>"),
            "- 하나\n- 둘\n");
  EXPECT_EQ(HtmlToText("<table><tr><th>이름</th><td>값 <b>굵게</b></td></tr>"
                       "</table>"),
            "| 이름 | 값 굵게 |\n");
  EXPECT_EQ(HtmlToText("<p>a &unknown; &#0; &#x110000; b < c</p>"),
            "a &unknown; \uFFFD \uFFFD b < c\n");
  // Unclosed markup costs text, never a crash.
  EXPECT_EQ(HtmlToText("<p title=\"x>y\">안녕</p><div"), "안녕\n");
}

// ---------------------------------------------------------------------------
// Language.

TEST(StructureParserLanguage, FromScripts) {
  EXPECT_EQ(Parse(Article3("제목입니다", "둘째 절", "FAQ")).language(), "ko");
  EXPECT_EQ(Parse("Chip wars heat up\nThe United States tightened export "
                  "rules on Tuesday.\n\nWhat comes next\nAnalysts expect more "
                  "curbs.\n\nKey takeaways\nExports will fall.\n")
                .language(),
            "en");
  EXPECT_EQ(Parse("東京の桜が満開\n今年の桜は平年より早く咲きました。\n")
                .language(),
            "ja");
}

// ---------------------------------------------------------------------------
// Bad input.

TEST(StructureParserErrors, UnknownMediaTypeAndCharset) {
  absl::StatusOr<Article> a = ParseStructure(Article3("a", "b", "c"), "image/png");
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(a.status().message(), "unknown media type \"image/png\""));
  a = ParseStructure(Article3("제목", "둘째", "FAQ"), "text/plain; charset=euc-kr");
  EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Contains(a.status().message(), "euc-kr"));
  EXPECT_TRUE(ParseStructure(Article3("제목", "둘째", "FAQ"),
                             "Text/Plain; charset=UTF-8")
                  .ok());
  EXPECT_TRUE(ParseStructure(Article3("제목", "둘째", "FAQ"), "").ok());
}

TEST(StructureParserErrors, NoRecognisableArticle) {
  struct Case {
    std::string text;
    std::string media_type;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"한 줄만 있는 글입니다", "text/plain", "only one line of text (line 1)"},
           {"\n\n한 줄만\n\n", "text/plain", "only one line of text (line 3)"},
           {"첫 문장입니다. 둘째 문장입니다.\n셋째 문장입니다.\n", "text/plain",
            "the first line (line 1) reads as a sentence"},
           {"| a (1) | 2026.01.01 |\n| b (2) | 2026.01.02 |\n", "text/plain",
            "is a table row"},
           {"'이슈' 카테고리의 다른 글\n| a (1) | 2026.01.01 |\n", "text/plain",
            "nothing but a related-posts block"},
           {"<html><body><script>x()</script></body></html>", "text/html",
            "no text in <article>, <main> or <body>"},
           {"## 하나\n## 둘\n## 셋\n", "text/markdown",
            "no heading is followed by a paragraph"},
           {std::string(3000, '\x01') + "\n제목\n문단.\n", "text/plain",
            "looks binary"},
       }) {
    const absl::StatusOr<Article> a = ParseStructure(c.text, c.media_type);
    EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument)
        << c.message;
    EXPECT_TRUE(Contains(a.status().message(), "no recognisable article"));
    EXPECT_TRUE(Contains(a.status().message(), c.message));
  }
}

TEST(StructureParserErrors, PathologicalInputEndsWithoutCrashing) {
  // One 8 MiB line; thousands of headings; only table rows; broken markup.
  EXPECT_FALSE(ParseStructure(std::string(8 << 20, 'a'), "text/plain").ok());
  std::string headings;
  for (int i = 0; i < 20000; ++i) absl::StrAppend(&headings, "## 제목 ", i, "\n");
  EXPECT_FALSE(ParseStructure(headings, "text/markdown").ok());
  std::string rows;
  for (int i = 0; i < 20000; ++i) absl::StrAppend(&rows, "| 글 (", i, ") |\n");
  EXPECT_FALSE(ParseStructure(rows, "text/plain").ok());
  const std::string markup = std::string(100000, '<') + "<a \"" +
                             std::string(100000, '&') + "<script>";
  EXPECT_FALSE(ParseStructure(markup, "text/html").ok());
  std::string qa = "제목\n";
  for (int i = 0; i < 20000; ++i) qa += "Q.질문?\n";
  EXPECT_TRUE(ParseStructure(qa, "text/plain").ok());
}

// ---------------------------------------------------------------------------
// Line helpers.

TEST(StructureLines, HeadingShapes) {
  HeadingShape h = ReadHeadingShape("## 1. 전시 구성");
  EXPECT_EQ(h.text, "전시 구성");
  EXPECT_EQ(h.decoration, Decoration::kHash);
  EXPECT_EQ(h.level, 2);
  h = ReadHeadingShape("3) 요약");
  EXPECT_EQ(h.text, "요약");
  EXPECT_EQ(h.decoration, Decoration::kNumber);
  EXPECT_EQ(h.number_style, ')');
  EXPECT_EQ(ReadHeadingShape("1.5배 성장").text, "1.5배 성장");
  EXPECT_EQ(ReadHeadingShape("2026. 3. 10.").text, "2026. 3. 10.");
  EXPECT_EQ(ReadHeadingShape("#해시태그").decoration, Decoration::kNone);
  EXPECT_EQ(ReadHeadingShape("[단독] 기사 제목").text, "[단독] 기사 제목");
  EXPECT_EQ(ReadHeadingShape("**A** 그리고 **B**").text, "**A** 그리고 **B**");
  EXPECT_EQ(ReadHeadingShape("【특집】").text, "특집");
}

TEST(StructureLines, QaMarkers) {
  EXPECT_EQ(ReadQaMarker("Q&A").marker, QaMarker::kNone);
  EXPECT_EQ(ReadQaMarker("A형 독감이 유행입니다").marker, QaMarker::kNone);
  EXPECT_EQ(ReadQaMarker("답답한 마음").marker, QaMarker::kNone);
  QaLine q = ReadQaMarker("Ｑ：전각 질문?");
  EXPECT_EQ(q.marker, QaMarker::kQuestion);
  EXPECT_EQ(q.rest, "전각 질문?");
  q = ReadQaMarker("답변 : 네.");
  EXPECT_EQ(q.marker, QaMarker::kAnswer);
  EXPECT_EQ(q.rest, "네.");
  q = ReadQaMarker("**Q. 굵은 질문?**");
  EXPECT_EQ(q.marker, QaMarker::kQuestion);
  EXPECT_EQ(q.rest, "굵은 질문?");
}

TEST(StructureLines, SentencesAndOtherShapes) {
  EXPECT_TRUE(ReadsAsSentence("요금을 내린다고 밝혔습니다."));
  EXPECT_TRUE(ReadsAsSentence("그는 “내리겠다.”"));
  EXPECT_TRUE(ReadsAsSentence("요금을 내립니다. 내년부터"));
  EXPECT_FALSE(ReadsAsSentence("수출 3.5% 증가, 반도체가 이끌었다"));
  EXPECT_FALSE(ReadsAsSentence("고공행진..."));
  EXPECT_FALSE(ReadsAsSentence("U.S. 대선 이후 시장은?"));
  EXPECT_TRUE(IsRule("- - -"));
  EXPECT_TRUE(IsRule("───"));
  EXPECT_FALSE(IsRule("--"));
  EXPECT_TRUE(IsHashtagLine("#서울 #따릉이"));
  EXPECT_FALSE(IsHashtagLine("# 제목"));
  EXPECT_TRUE(IsListItem("· 항목"));
  EXPECT_FALSE(IsListItem("**굵게**"));
}

}  // namespace
}  // namespace gisa::ingest
