// `ingest_service parse [--format=json|jsonl] FILE...`: parses article files
// and prints each as an Article in the proto3 JSON mapping (SPEC.md section
// 4). No server is involved.
//
//   std::vector<std::string> files = {"samples/economy-rates.txt"};
//   int status = RunParse(files, "jsonl", *parser, std::cout, std::cerr);
//
// The media type comes from the file name: .md/.markdown are text/markdown,
// .html/.htm text/html, anything else (and "-", standard input) text/plain.
#ifndef GISA_INGEST_SERVICE_CLI_PARSE_COMMAND_H_
#define GISA_INGEST_SERVICE_CLI_PARSE_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "ingest_service/parser/article_parser.h"

namespace gisa::ingest {

// Parses every file of `files` ("-" reads standard input) with `parser` and
// writes the articles to `out`: with `format` "json" one pretty-printed
// object per file, with "jsonl" one line per article. Enums print as their
// names, fields under their proto3 JSON names (commentCount). A file that
// cannot be read or parsed gets one line on `err` naming it and the reason,
// and the others are still parsed.
//
// Returns the exit status: 0 when every file parsed, 1 when any could not be
// read or parsed, 2 for a usage error (unknown format, no files; nothing is
// parsed then). Not thread-safe with respect to `out` and `err`.
int RunParse(const std::vector<std::string>& files, absl::string_view format,
             const ArticleParser& parser, std::ostream& out, std::ostream& err);

// The media type a file is parsed as, from its name (see above).
std::string MediaTypeForPath(absl::string_view path);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_CLI_PARSE_COMMAND_H_
