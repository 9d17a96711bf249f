// Ranked search over the FAQ entries of every stored article (SearchFaq).
//
// Entries and queries go through one analyzer (shared/text/analyzer.h), so
// the two always agree. Ranking is BM25F over three fields of each entry:
// the question (weighted highest), the answer, and the article's context
// (title, entity names and their aliases) which finds an entry when the
// reader names the subject the question leaves out, or spells a name the
// way the article's gloss does (Falcon 9 for 팰컨9). An entity named in an
// entry's question or answer lends its other names to that field too.
// The question words weigh in last (Options::intent_*): an entry whose
// question asks for the kind of answer the query asks for (어디서 봐? and
// 어디에서 볼 수 있나요?) gains a little, one that asks for another
// specific kind (언제 끝나나요?) loses a little.
//
//   FaqIndex index;
//   index.Put(article);
//   std::vector<FaqIndex::Hit> hits = index.Search("한일전 선발투수 누구야?", 10);
//
// Postings are kept per term, so a query reads only the entries that share
// a term with it; terms held by most entries only re-score those.
#ifndef GISA_QUERY_SERVICE_STORE_FAQ_INDEX_H_
#define GISA_QUERY_SERVICE_STORE_FAQ_INDEX_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"
#include "shared/text/analyzer.h"

namespace gisa::query {

class FaqIndex {
 public:
  struct Hit {
    std::string article_id;
    int faq_index = 0;  // position in the article's faq list
    double score = 0;
  };

  // Ranking knobs; the defaults are what SearchFaq uses.
  struct Options {
    // Field weights of BM25F, and the context field's share of the score.
    double question_weight = 3.0;
    double answer_weight = 1.0;
    // Other names (aliases, glosses) of what an entry names; not length
    // normalised.
    double names_weight = 1.0;
    double context_weight = 0.5;
    // Length normalisation per field, and term saturation.
    double question_b = 0.5;
    double answer_b = 0.75;
    double context_b = 0.5;
    double k1 = 1.2;
    // Weight of a query term by kind (text::TermKind).
    double word_weight = 1.0;
    double bigram_weight = 1.0;
    double unigram_weight = 0.2;
    double concept_weight = 2.0;
    double sound_weight = 1.0;
    // Factor on a stop word's terms in a query that has other words.
    double stop_factor = 0.2;
    // Intent (text::Analyzer::Asks): an entry's score is multiplied by
    // 1 + intent_match when its question asks for a kind the query asks
    // for, and by 1 - intent_clash when both ask only for specific kinds
    // (where, when, who, amount, why) and none in common (when and amount,
    // both answered with numbers, count as common). Only a reordering
    // among entries the words found: small enough that words still decide.
    double intent_match = 0.15;
    double intent_clash = 0.15;
  };

  // The analysis of one article, made without any lock held (it is the
  // costly part of Put). Immutable; shareable between threads.
  class Prepared;
  static std::shared_ptr<const Prepared> Prepare(
      const gisa::v1::Article& article, const text::Analyzer& analyzer);

  // `analyzer` must outlive the index.
  FaqIndex();
  explicit FaqIndex(Options options,
                    const text::Analyzer& analyzer = text::Analyzer::Default());
  ~FaqIndex();
  FaqIndex(const FaqIndex&) = delete;
  FaqIndex& operator=(const FaqIndex&) = delete;

  // Indexes the article's FAQ entries, replacing those of an earlier version
  // of the same id. Not thread-safe against other calls: the store holds its
  // write lock.
  void Put(const gisa::v1::Article& article);
  // The same with the analysis done beforehand by Prepare (same analyzer).
  void Put(const Prepared& prepared);

  // Drops the entries of `article_id`, if any. Same locking as Put.
  void Remove(const std::string& article_id);

  // At most `limit` hits, best first; equal scores by article id, then
  // faq_index. Empty for a query with no searchable words. Safe to call from
  // many threads at once while no Put or Remove runs.
  std::vector<Hit> Search(absl::string_view query, size_t limit) const;

  // Entries indexed.
  size_t size() const;

  // Approximate bytes the index holds. Same locking as Search.
  size_t memory_bytes() const;

  const text::Analyzer& analyzer() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gisa::query

#endif  // GISA_QUERY_SERVICE_STORE_FAQ_INDEX_H_
