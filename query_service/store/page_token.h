// Page sizes and page tokens of the list methods, in one place.
//
// A token is opaque to clients: web-safe base64 of a versioned encoding of
// the sort key of the last item returned and a fingerprint of the request's
// filters. The fingerprint is a prefix of SHA-256 (stable across processes,
// replicas and restarts, unlike absl::Hash), so a token works on any replica
// and is refused with a request that has other filters.
//
//   const PageSpec spec{/*default_size=*/20, /*max_size=*/100};
//   const std::string filters = FilterFingerprint("ListArticles", {category});
//   absl::StatusOr<PageRequest> page =
//       ParsePage(request.page_size(), request.page_token(), filters, spec);
//   ...                       // items after page->after, page->size of them
//   response.set_next_page_token(MakePageToken(filters, {last_id}));
#ifndef GISA_QUERY_SERVICE_STORE_PAGE_TOKEN_H_
#define GISA_QUERY_SERVICE_STORE_PAGE_TOKEN_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace gisa::query {

// Page size rules of one method.
struct PageSpec {
  int32_t default_size;
  int32_t max_size;
};

// What one page request asks for.
struct PageRequest {
  // Effective page size, in [1, max_size].
  int32_t size = 0;
  // Sort key of the last item of the previous page; unset on the first page.
  std::optional<std::vector<std::string>> after;
};

// `page_size` under `spec`: 0 means the default, over the maximum the
// maximum. INVALID_ARGUMENT for a negative size. Thread-safe.
absl::StatusOr<int32_t> EffectivePageSize(int32_t page_size,
                                          const PageSpec& spec);

// A fingerprint of a request's filters: `method` and the filter values in a
// fixed order (use the normalised values, so that equivalent spellings share
// tokens). Thread-safe.
std::string FilterFingerprint(absl::string_view method,
                              std::initializer_list<absl::string_view> filters);

// Validates a list request's size and token. An empty token is the first
// page. INVALID_ARGUMENT "page_token ..." for a token that is not ours
// (garbage, another version) or was made for other filters. Thread-safe.
absl::StatusOr<PageRequest> ParsePage(int32_t page_size,
                                      absl::string_view page_token,
                                      absl::string_view fingerprint,
                                      const PageSpec& spec);

// The token for the page after the one whose last item has `last_key`.
// Thread-safe.
std::string MakePageToken(absl::string_view fingerprint,
                          const std::vector<std::string>& last_key);

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_PAGE_TOKEN_H_
