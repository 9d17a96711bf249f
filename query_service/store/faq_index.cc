// Placeholder until the search work lands: no results.
#include "query_service/store/faq_index.h"

namespace gisa::query {

class FaqIndex::Impl {};

FaqIndex::FaqIndex() : impl_(std::make_unique<Impl>()) {}
FaqIndex::~FaqIndex() = default;
void FaqIndex::Put(const gisa::v1::Article&) {}
void FaqIndex::Remove(const std::string&) {}
std::vector<FaqIndex::Hit> FaqIndex::Search(absl::string_view, size_t) const {
  return {};
}
size_t FaqIndex::size() const { return 0; }

}  // namespace gisa::query
