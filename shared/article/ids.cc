#include "shared/article/ids.h"

#include <openssl/sha.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace gisa {

std::string Sha256Hex(absl::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         digest);
  return absl::BytesToHexString(absl::string_view(
      reinterpret_cast<const char*>(digest), sizeof(digest)));
}

std::string ArticleId(absl::string_view source_uri,
                      absl::string_view normalized_text) {
  // The prefix keeps a URI and a text with equal bytes from sharing an id.
  const std::string hash =
      source_uri.empty() ? Sha256Hex(absl::StrCat("text:", normalized_text))
                         : Sha256Hex(absl::StrCat("uri:", source_uri));
  return absl::StrCat("a-", hash.substr(0, 20));
}

}  // namespace gisa
