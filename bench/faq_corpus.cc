#include "bench/faq_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "ingest_service/parser/article_parser.h"

namespace gisa::bench {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string MediaType(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".md") return "text/markdown";
  if (ext == ".html" || ext == ".htm") return "text/html";
  return "text/plain";
}

bool IsArticleFile(const fs::path& path) {
  const std::string name = path.filename().string();
  if (absl::EndsWith(name, ".gold.json") || absl::StartsWith(name, "README")) {
    return false;
  }
  const std::string ext = path.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".html" || ext == ".htm";
}

absl::StatusOr<google::protobuf::Struct> ParseJson(const std::string& json) {
  google::protobuf::Struct value;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &value);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return value;
}

std::string StringField(const google::protobuf::Struct& s,
                        const std::string& name) {
  auto it = s.fields().find(name);
  return it == s.fields().end() ? "" : it->second.string_value();
}

absl::Status OverlayGoldEntities(const fs::path& gold,
                                 gisa::v1::Article* article) {
  absl::StatusOr<std::string> json = ReadFile(gold.string());
  if (!json.ok()) return json.status();
  absl::StatusOr<google::protobuf::Struct> value = ParseJson(*json);
  if (!value.ok()) return value.status();
  article->clear_entities();
  auto entities = value->fields().find("entities");
  if (entities == value->fields().end()) return absl::OkStatus();
  for (const auto& e : entities->second.list_value().values()) {
    gisa::v1::Entity* entity = article->add_entities();
    entity->set_name(StringField(e.struct_value(), "name"));
    auto aliases = e.struct_value().fields().find("aliases");
    if (aliases == e.struct_value().fields().end()) continue;
    for (const auto& alias : aliases->second.list_value().values()) {
      entity->add_aliases(alias.string_value());
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<CorpusArticle>> LoadArticles(
    const std::vector<std::string>& paths, bool gold_entities) {
  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    if (!fs::is_directory(p)) {
      files.emplace_back(p);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(p)) {
      if (entry.is_regular_file() && IsArticleFile(entry.path())) {
        found.push_back(entry.path());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  absl::StatusOr<std::unique_ptr<ingest::ArticleParser>> parser =
      ingest::ArticleParser::Create({});
  if (!parser.ok()) return parser.status();
  std::vector<CorpusArticle> articles;
  for (const fs::path& file : files) {
    absl::StatusOr<std::string> content = ReadFile(file.string());
    if (!content.ok()) return content.status();
    gisa::v1::RawArticle raw;
    raw.set_source_uri(file.filename().string());
    raw.set_media_type(MediaType(file));
    raw.set_content(*std::move(content));
    absl::StatusOr<gisa::v1::Article> article = (*parser)->Parse(raw);
    if (!article.ok()) {
      return absl::Status(article.status().code(),
                          absl::StrCat(file.string(), ": ",
                                       article.status().message()));
    }
    CorpusArticle out{file.stem().string(), file.string(), *std::move(article)};
    if (gold_entities) {
      fs::path gold = file;
      gold.replace_extension(".gold.json");
      if (fs::exists(gold)) {
        if (absl::Status s = OverlayGoldEntities(gold, &out.article); !s.ok()) {
          return s;
        }
      }
    }
    articles.push_back(std::move(out));
  }
  return articles;
}

absl::StatusOr<std::vector<FaqQuery>> LoadQueries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::vector<FaqQuery> queries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    absl::StatusOr<google::protobuf::Struct> value = ParseJson(line);
    if (!value.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, " line ", number, ": ", value.status().message()));
    }
    queries.push_back({StringField(*value, "query"),
                       StringField(*value, "article"),
                       StringField(*value, "question")});
  }
  return queries;
}

Quality Evaluate(
    const std::vector<FaqQuery>& queries,
    const std::vector<CorpusArticle>& articles,
    const std::function<std::vector<Ranked>(const std::string&)>& search,
    size_t k) {
  absl::flat_hash_map<std::string, std::string> stem_of;
  for (const CorpusArticle& a : articles) stem_of[a.article.id()] = a.stem;
  Quality quality;
  quality.n = static_cast<int>(queries.size());
  for (const FaqQuery& q : queries) {
    std::vector<Ranked> results = search(q.query);
    if (results.size() > k) results.resize(k);
    int rank = 0;
    for (size_t i = 0; i < results.size() && rank == 0; ++i) {
      if (results[i].question != q.question) continue;
      auto stem = stem_of.find(results[i].article_id);
      if (stem == stem_of.end() || stem->second == q.article) {
        rank = static_cast<int>(i) + 1;
      }
    }
    quality.ranks.push_back(rank);
    if (rank == 1) quality.top1 += 1;
    if (rank > 0) quality.mrr += 1.0 / rank;
  }
  if (quality.n > 0) {
    quality.top1 /= quality.n;
    quality.mrr /= quality.n;
  }
  return quality;
}

}  // namespace gisa::bench
