// FAQ-search evaluation helpers for bench/: articles parsed from files,
// query sets in the JSONL shape of ../shared/corpus/faq-queries, and the
// top-1 / MRR scores of a search function over them.
//
//   auto articles = gisa::bench::LoadArticles({"samples"});
//   auto queries = gisa::bench::LoadQueries("tests/data/faq_hard.jsonl");
//   gisa::bench::Quality q = gisa::bench::Evaluate(*queries, *articles, search);
//   // q.top1, q.mrr
#ifndef GISA_BENCH_FAQ_CORPUS_H_
#define GISA_BENCH_FAQ_CORPUS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gisa/v1/article.pb.h"

namespace gisa::bench {

struct CorpusArticle {
  std::string stem;  // file name without its extension (and .gold)
  std::string path;
  gisa::v1::Article article;
};

// Parses every file named, and every article file (.txt, .md, .html, not
// .gold.json) in every folder named, with the project's ArticleParser. The
// media type comes from the extension; the source_uri is the file name, so
// the ids are those faq_eval.py's submissions get. With `gold_entities`,
// each article's entities are replaced by those of STEM.gold.json beside it
// (to tell search quality from entity quality). Errors: the first file that
// fails, named.
absl::StatusOr<std::vector<CorpusArticle>> LoadArticles(
    const std::vector<std::string>& paths, bool gold_entities = false);

// One line of a query file: what the reader types and the FAQ entry it
// should find (article stem, exact question).
struct FaqQuery {
  std::string query;
  std::string article;
  std::string question;
};

// Reads a JSONL query file. Errors: NOT_FOUND, or INVALID_ARGUMENT naming
// the line.
absl::StatusOr<std::vector<FaqQuery>> LoadQueries(const std::string& path);

// One result of a search: the entry's question, and its article id where
// the searcher knows it (empty: match on the question alone).
struct Ranked {
  std::string article_id;
  std::string question;
};

struct Quality {
  int n = 0;
  double top1 = 0;
  double mrr = 0;
  // Per query: 1-based rank of the target, 0 where it is missing.
  std::vector<int> ranks;
};

// Runs every query through `search` (best first, at most `k` results) and
// scores it as faq-queries/README.md does.
Quality Evaluate(
    const std::vector<FaqQuery>& queries,
    const std::vector<CorpusArticle>& articles,
    const std::function<std::vector<Ranked>(const std::string&)>& search,
    size_t k = 10);

}  // namespace gisa::bench

#endif  // GISA_BENCH_FAQ_CORPUS_H_
