#include "ingest_service/cli/parse_command.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace gisa::ingest {
namespace {

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream content;
    content << std::cin.rdbuf();
    if (std::cin.bad()) {
      return absl::UnavailableError("cannot read standard input");
    }
    return content.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot open: ", std::strerror(errno)));
  }
  std::string content((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
  if (in.bad()) {
    return absl::UnavailableError(
        absl::StrCat("cannot read: ", std::strerror(errno)));
  }
  return content;
}

}  // namespace

std::string MediaTypeForPath(absl::string_view path) {
  const std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".md") || absl::EndsWith(lower, ".markdown")) {
    return "text/markdown";
  }
  if (absl::EndsWith(lower, ".html") || absl::EndsWith(lower, ".htm")) {
    return "text/html";
  }
  return "text/plain";
}

int RunParse(const std::vector<std::string>& files, absl::string_view format,
             const ArticleParser& parser, std::ostream& out,
             std::ostream& err) {
  if (format != "json" && format != "jsonl") {
    err << "parse: unknown --format=" << format
        << " (expected json or jsonl)\n";
    return 2;
  }
  if (files.empty()) {
    err << "parse: no files given (usage: ingest_service parse "
           "[--format=json|jsonl] FILE... ; - reads standard input)\n";
    return 2;
  }
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = format == "json";
  options.preserve_proto_field_names = false;
  // Zeros and empty strings are printed too: "commentCount": 0 is a fact
  // about a post, and readers should not have to know proto3 defaults.
  options.always_print_primitive_fields = true;
  int status = 0;
  for (const std::string& file : files) {
    const std::string name = file == "-" ? "<stdin>" : file;
    absl::StatusOr<std::string> content = ReadInput(file);
    if (!content.ok()) {
      err << "parse: " << name << ": " << content.status().message() << "\n";
      status = 1;
      continue;
    }
    gisa::v1::RawArticle raw;
    raw.set_media_type(MediaTypeForPath(file));
    raw.set_content(*std::move(content));
    absl::StatusOr<gisa::v1::Article> article = parser.Parse(raw);
    if (!article.ok()) {
      err << "parse: " << name << ": " << article.status().message() << "\n";
      status = 1;
      continue;
    }
    std::string json;
    const auto printed =
        google::protobuf::util::MessageToJsonString(*article, &json, options);
    if (!printed.ok()) {
      err << "parse: " << name << ": cannot print as JSON: "
          << printed.message() << "\n";
      status = 1;
      continue;
    }
    // The pretty printer ends its object with a newline; jsonl needs one.
    if (json.empty() || json.back() != '\n') json.push_back('\n');
    out << json;
  }
  out.flush();
  return status;
}

}  // namespace gisa::ingest
