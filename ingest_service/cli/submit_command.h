// `ingest_service submit --server=HOST:PORT FILE...`: sends article files to
// a running ingest server over one SubmitArticles stream and prints, per
// file, one JSON line with its id and log sequence or why it was refused:
//
//   {"file":"a.txt","article_id":"…","sequence":7,"replaced":false}
//   {"file":"b.txt","code":"INVALID_ARGUMENT","error":"content is empty"}
//
//   int status = RunSubmit({"a.txt", "b.txt"}, {.server = "127.0.0.1:50051"},
//                          std::cin, std::cout, std::cerr);
#ifndef GISA_INGEST_SERVICE_CLI_SUBMIT_COMMAND_H_
#define GISA_INGEST_SERVICE_CLI_SUBMIT_COMMAND_H_

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace gisa::ingest {

// Exit statuses of RunSubmit.
inline constexpr int kSubmitAllAccepted = 0;
inline constexpr int kSubmitSomeRefused = 1;
inline constexpr int kSubmitUsageError = 2;
inline constexpr int kSubmitRpcFailed = 3;

struct SubmitOptions {
  // HOST:PORT of the ingest server.
  std::string server;
  // The source_uri of the one input; empty: a file's absolute path, nothing
  // for standard input (the server then derives the id from the text).
  std::string source_uri;
  // Empty: from the file name (MediaTypeForPath in parse_command.h).
  std::string media_type;
  // Files larger than this are refused here, without sending them (the
  // server would refuse them too); 0: no check.
  size_t max_article_bytes = 0;
  // How long to wait for the server to accept the connection.
  absl::Duration connect_timeout = absl::Seconds(10);
};

// Submits `inputs` (file paths; "-" reads `in`) in order and writes one JSON
// line per input to `out` in input order. The inputs go over one
// SubmitArticles stream; more than 1000 over one stream per 1000, so that
// the server reports every result (see submit_stream.h). Returns
// kSubmitAllAccepted,
// kSubmitSomeRefused (an input could not be read or the server refused it),
// kSubmitUsageError (no server, no inputs, --source_uri with several inputs,
// "-" twice) or kSubmitRpcFailed (the server is unreachable or the stream
// failed; the reason goes to `err`, and lines already printed stand).
int RunSubmit(const std::vector<std::string>& inputs,
              const SubmitOptions& options, std::istream& in,
              std::ostream& out, std::ostream& err);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_CLI_SUBMIT_COMMAND_H_
