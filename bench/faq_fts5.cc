#include "bench/faq_fts5.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace gisa::bench {
namespace {

// Words of `text`: runs of letters and digits, as UTF-8 code points.
std::vector<std::vector<std::string>> Words(absl::string_view text) {
  std::vector<std::vector<std::string>> words(1);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isalnum(c)) {
      words.back().emplace_back(text.substr(at, i - at));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  return words;
}

absl::Status SqliteError(sqlite3* db, absl::string_view what) {
  return absl::InternalError(
      absl::StrCat(what, ": ", db == nullptr ? "no database" : sqlite3_errmsg(db)));
}

}  // namespace

std::string Fts5Faq::MatchExpression(absl::string_view query) {
  std::vector<std::string> grams;
  for (const std::vector<std::string>& word : Words(query)) {
    for (size_t i = 0; i + 3 <= word.size(); ++i) {
      std::string gram = absl::StrCat(word[i], word[i + 1], word[i + 2]);
      if (std::find(grams.begin(), grams.end(), gram) == grams.end()) {
        grams.push_back(std::move(gram));
      }
    }
  }
  // Quoted strings: letters and digits only, so no quote needs escaping.
  return absl::StrJoin(grams, " OR ", [](std::string* out, const std::string& g) {
    absl::StrAppend(out, "\"", g, "\"");
  });
}

absl::StatusOr<std::unique_ptr<Fts5Faq>> Fts5Faq::Create() {
  std::unique_ptr<Fts5Faq> fts(new Fts5Faq());
  if (sqlite3_open(":memory:", &fts->db_) != SQLITE_OK) {
    return SqliteError(fts->db_, "open");
  }
  if (absl::Status s = fts->Exec(
          "CREATE VIRTUAL TABLE faq USING fts5(question, answer, "
          "article_id UNINDEXED, faq_index UNINDEXED, tokenize='trigram')");
      !s.ok()) {
    return s;
  }
  if (sqlite3_prepare_v2(fts->db_,
                         "INSERT INTO faq(question, answer, article_id, "
                         "faq_index) VALUES (?, ?, ?, ?)",
                         -1, &fts->insert_, nullptr) != SQLITE_OK) {
    return SqliteError(fts->db_, "prepare insert");
  }
  // The same field weights as ours: question 3, answer 1.
  if (sqlite3_prepare_v2(fts->db_,
                         "SELECT article_id, question FROM faq WHERE faq "
                         "MATCH ? ORDER BY bm25(faq, 3.0, 1.0), article_id, "
                         "faq_index LIMIT ?",
                         -1, &fts->search_, nullptr) != SQLITE_OK) {
    return SqliteError(fts->db_, "prepare search");
  }
  return fts;
}

Fts5Faq::~Fts5Faq() {
  sqlite3_finalize(insert_);
  sqlite3_finalize(search_);
  sqlite3_close(db_);
}

absl::Status Fts5Faq::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    absl::Status s = absl::InternalError(absl::StrCat(sql, ": ", error));
    sqlite3_free(error);
    return s;
  }
  return absl::OkStatus();
}

absl::Status Fts5Faq::Add(const gisa::v1::Article& article) {
  for (int i = 0; i < article.faq_size(); ++i) {
    const gisa::v1::FaqEntry& faq = article.faq(i);
    sqlite3_reset(insert_);
    sqlite3_bind_text(insert_, 1, faq.question().data(),
                      static_cast<int>(faq.question().size()), SQLITE_STATIC);
    sqlite3_bind_text(insert_, 2, faq.answer().data(),
                      static_cast<int>(faq.answer().size()), SQLITE_STATIC);
    sqlite3_bind_text(insert_, 3, article.id().data(),
                      static_cast<int>(article.id().size()), SQLITE_STATIC);
    sqlite3_bind_int(insert_, 4, i);
    if (sqlite3_step(insert_) != SQLITE_DONE) return SqliteError(db_, "insert");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Ranked>> Fts5Faq::Search(absl::string_view query,
                                                    int limit) {
  std::vector<Ranked> results;
  const std::string match = MatchExpression(query);
  if (match.empty()) return results;
  sqlite3_reset(search_);
  sqlite3_bind_text(search_, 1, match.data(), static_cast<int>(match.size()),
                    SQLITE_TRANSIENT);
  sqlite3_bind_int(search_, 2, limit);
  int rc;
  while ((rc = sqlite3_step(search_)) == SQLITE_ROW) {
    results.push_back(
        {reinterpret_cast<const char*>(sqlite3_column_text(search_, 0)),
         reinterpret_cast<const char*>(sqlite3_column_text(search_, 1))});
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "search");
  return results;
}

}  // namespace gisa::bench
