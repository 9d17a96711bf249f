// The peer of SearchFaq for bench/: the same FAQ entries in an in-memory
// SQLite FTS5 table (trigram tokenizer, bm25 ranking with the question
// weighted over the answer as in ours).
//
// A query becomes the OR of the trigrams of its words (words of fewer than
// three characters cannot match a trigram index and are dropped), which is
// the usual way to put free text to a trigram table.
//
//   auto fts = gisa::bench::Fts5Faq::Create();
//   (*fts)->Add(article);
//   auto hits = (*fts)->Search("누리호 발사 횟수", 10);
#ifndef GISA_BENCH_FAQ_FTS5_H_
#define GISA_BENCH_FAQ_FTS5_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bench/faq_corpus.h"
#include "gisa/v1/article.pb.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gisa::bench {

class Fts5Faq {
 public:
  // Errors: INTERNAL with SQLite's message (e.g. no FTS5 in this SQLite).
  static absl::StatusOr<std::unique_ptr<Fts5Faq>> Create();
  ~Fts5Faq();
  Fts5Faq(const Fts5Faq&) = delete;
  Fts5Faq& operator=(const Fts5Faq&) = delete;

  // Adds the article's FAQ entries. Not thread-safe.
  absl::Status Add(const gisa::v1::Article& article);

  // At most `limit` entries, best first (bm25; ties by article id, then
  // position). Not thread-safe (one prepared statement).
  absl::StatusOr<std::vector<Ranked>> Search(absl::string_view query,
                                             int limit);

  // The MATCH expression a query becomes; empty when it has no trigram.
  static std::string MatchExpression(absl::string_view query);

 private:
  Fts5Faq() = default;
  absl::Status Exec(const char* sql);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* search_ = nullptr;
};

}  // namespace gisa::bench

#endif  // GISA_BENCH_FAQ_FTS5_H_
