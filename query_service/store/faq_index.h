// Ranked search over the FAQ entries of every stored article (SearchFaq).
//
// Entries and queries go through one analyzer (shared/text/analyzer.h), so
// the two always agree.
//
//   FaqIndex index;
//   index.Put(article);
//   std::vector<FaqIndex::Hit> hits = index.Search("한일전 선발투수 누구야?", 10);
#ifndef GISA_QUERY_SERVICE_STORE_FAQ_INDEX_H_
#define GISA_QUERY_SERVICE_STORE_FAQ_INDEX_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::query {

class FaqIndex {
 public:
  struct Hit {
    std::string article_id;
    int faq_index = 0;  // position in the article's faq list
    double score = 0;
  };

  FaqIndex();
  ~FaqIndex();
  FaqIndex(const FaqIndex&) = delete;
  FaqIndex& operator=(const FaqIndex&) = delete;

  // Indexes the article's FAQ entries, replacing those of an earlier version
  // of the same id. Not thread-safe against other calls: the store holds its
  // write lock.
  void Put(const gisa::v1::Article& article);

  // Drops the entries of `article_id`, if any. Same locking as Put.
  void Remove(const std::string& article_id);

  // At most `limit` hits, best first; equal scores by article id, then
  // faq_index. Empty for a query with no searchable words. Safe to call from
  // many threads at once while no Put or Remove runs.
  std::vector<Hit> Search(absl::string_view query, size_t limit) const;

  // Entries indexed.
  size_t size() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_FAQ_INDEX_H_
