#include "query_service/store/page_token.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "shared/article/ids.h"

namespace gisa::query {
namespace {

// Bump when the layout changes; tokens of another version are refused.
constexpr char kTokenVersion = 1;
// Hex digits of SHA-256 kept as the fingerprint.
constexpr size_t kFingerprintHexDigits = 16;
// No sort key of ours has more parts or longer parts; larger means garbage.
constexpr uint64_t kMaxParts = 16;
constexpr uint64_t kMaxPartBytes = 1 << 16;

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool GetVarint(absl::string_view* in, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

absl::Status NotOurs() {
  return absl::InvalidArgumentError(
      "page_token is not valid: pass the next_page_token of a previous "
      "response unchanged");
}

}  // namespace

absl::StatusOr<int32_t> EffectivePageSize(int32_t page_size,
                                          const PageSpec& spec) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must not be negative (got ", page_size, ")"));
  }
  if (page_size == 0) return spec.default_size;
  return page_size > spec.max_size ? spec.max_size : page_size;
}

std::string FilterFingerprint(
    absl::string_view method,
    std::initializer_list<absl::string_view> filters) {
  // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
  std::string canonical = absl::StrCat(method.size(), ":", method);
  for (absl::string_view filter : filters) {
    absl::StrAppend(&canonical, ";", filter.size(), ":", filter);
  }
  return Sha256Hex(canonical).substr(0, kFingerprintHexDigits);
}

absl::StatusOr<PageRequest> ParsePage(int32_t page_size,
                                      absl::string_view page_token,
                                      absl::string_view fingerprint,
                                      const PageSpec& spec) {
  PageRequest page;
  absl::StatusOr<int32_t> size = EffectivePageSize(page_size, spec);
  if (!size.ok()) return size.status();
  page.size = *size;
  if (page_token.empty()) return page;

  std::string raw;
  if (!absl::WebSafeBase64Unescape(page_token, &raw)) return NotOurs();
  absl::string_view in = raw;
  if (in.empty() || in.front() != kTokenVersion) return NotOurs();
  in.remove_prefix(1);
  if (in.size() < kFingerprintHexDigits) return NotOurs();
  const absl::string_view token_fingerprint =
      in.substr(0, kFingerprintHexDigits);
  in.remove_prefix(kFingerprintHexDigits);
  uint64_t parts = 0;
  if (!GetVarint(&in, &parts) || parts > kMaxParts) return NotOurs();
  std::vector<std::string> key;
  for (uint64_t i = 0; i < parts; ++i) {
    uint64_t length = 0;
    if (!GetVarint(&in, &length) || length > kMaxPartBytes ||
        length > in.size()) {
      return NotOurs();
    }
    key.emplace_back(in.substr(0, length));
    in.remove_prefix(length);
  }
  if (!in.empty()) return NotOurs();
  // Checked after parsing so that garbage is reported as garbage.
  if (token_fingerprint != fingerprint) {
    return absl::InvalidArgumentError(
        "page_token belongs to a request with other filters: repeat the "
        "filters of the request that returned it");
  }
  page.after = std::move(key);
  return page;
}

std::string MakePageToken(absl::string_view fingerprint,
                          const std::vector<std::string>& last_key) {
  std::string raw(1, kTokenVersion);
  raw.append(fingerprint.data(), fingerprint.size());
  PutVarint(last_key.size(), &raw);
  for (const std::string& part : last_key) {
    PutVarint(part.size(), &raw);
    raw.append(part);
  }
  return absl::WebSafeBase64Escape(raw);
}

}  // namespace gisa::query
