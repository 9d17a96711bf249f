#include "query_service/store/page_token.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace gisa::query {
namespace {

constexpr PageSpec kSpec{20, 100};

TEST(PageTokenTest, PageSizeRules) {
  EXPECT_EQ(*EffectivePageSize(0, kSpec), 20);
  EXPECT_EQ(*EffectivePageSize(7, kSpec), 7);
  EXPECT_EQ(*EffectivePageSize(100, kSpec), 100);
  EXPECT_EQ(*EffectivePageSize(101, kSpec), 100);
  const absl::StatusOr<int32_t> negative = EffectivePageSize(-1, kSpec);
  EXPECT_EQ(negative.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(negative.status().message(), "page_size"));
}

TEST(PageTokenTest, RoundTripsTheLastKey) {
  const std::string filters = FilterFingerprint("ListX", {"경제", "ko"});
  const std::vector<std::string> key = {"a-0001", "", "탕제 \x01 binary"};
  const std::string token = MakePageToken(filters, key);
  // Web-safe: travels in URLs and JSON unescaped.
  EXPECT_EQ(token.find_first_of("+/"), std::string::npos);
  absl::StatusOr<PageRequest> page = ParsePage(5, token, filters, kSpec);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->size, 5);
  ASSERT_TRUE(page->after.has_value());
  EXPECT_EQ(*page->after, key);
}

TEST(PageTokenTest, FirstPageHasNoCursor) {
  absl::StatusOr<PageRequest> page =
      ParsePage(0, "", FilterFingerprint("ListX", {}), kSpec);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->size, 20);
  EXPECT_FALSE(page->after.has_value());
}

TEST(PageTokenTest, FingerprintIsStableAndSeparatesFields) {
  // A stable hash: the same value in every process (a seeded hash is not).
  EXPECT_EQ(FilterFingerprint("ListArticles", {"a", "b"}),
            FilterFingerprint("ListArticles", {"a", "b"}));
  EXPECT_NE(FilterFingerprint("ListArticles", {"ab", ""}),
            FilterFingerprint("ListArticles", {"a", "b"}));
  EXPECT_NE(FilterFingerprint("ListArticles", {"a"}),
            FilterFingerprint("ListQuotes", {"a"}));
}

TEST(PageTokenTest, RefusesTokensOfOtherFilters) {
  const std::string token =
      MakePageToken(FilterFingerprint("ListX", {"IT"}), {"a-1"});
  absl::StatusOr<PageRequest> page =
      ParsePage(10, token, FilterFingerprint("ListX", {"경제"}), kSpec);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(page.status().message(), "page_token"));
}

TEST(PageTokenTest, RefusesGarbage) {
  const std::string filters = FilterFingerprint("ListX", {});
  const std::string good = MakePageToken(filters, {"a-1"});
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(good, &raw));
  std::string other_version = raw;
  other_version[0] = 2;
  std::string truncated = raw.substr(0, raw.size() - 1);
  std::string trailing = raw + "x";
  for (const std::string& token :
       {std::string("not a token!"), std::string("AAAA"),
        absl::WebSafeBase64Escape(other_version),
        absl::WebSafeBase64Escape(truncated),
        absl::WebSafeBase64Escape(trailing)}) {
    absl::StatusOr<PageRequest> page = ParsePage(10, token, filters, kSpec);
    EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument)
        << token;
    EXPECT_TRUE(absl::StartsWith(page.status().message(), "page_token"))
        << page.status();
  }
}

TEST(PageTokenTest, NegativeSizeIsRefusedEvenWithAGoodToken) {
  const std::string filters = FilterFingerprint("ListX", {});
  absl::StatusOr<PageRequest> page =
      ParsePage(-5, MakePageToken(filters, {"a"}), filters, kSpec);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace gisa::query
