#include "ingest_service/cli/submit_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

#include <grpcpp/grpcpp.h>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gisa/v1/ingest_service.grpc.pb.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "ingest_service/cli/parse_command.h"
#include "ingest_service/server/submit_stream.h"
#include "shared/status/grpc_status.h"

namespace gisa::ingest {
namespace {

// The server lists every result and error of a stream this long.
constexpr int kArticlesPerStream =
    std::min(kMaxResultsPerStream, kMaxErrorsPerStream);

// `text` as a JSON string literal, escaped by protobuf's JSON printer.
std::string JsonString(absl::string_view text) {
  google::protobuf::Value value;
  value.set_string_value(std::string(text));
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(value, &json).ok()) {
    return "\"\"";  // not UTF-8: cannot be printed as JSON
  }
  return json;
}

std::string AcceptedLine(absl::string_view file,
                         const gisa::v1::SubmitArticleResponse& result) {
  return absl::StrCat("{\"file\":", JsonString(file),
                      ",\"article_id\":", JsonString(result.article_id()),
                      ",\"sequence\":", result.sequence(),
                      ",\"replaced\":", result.replaced() ? "true" : "false",
                      "}");
}

std::string RefusedLine(absl::string_view file, const absl::Status& status) {
  return absl::StrCat("{\"file\":", JsonString(file), ",\"code\":",
                      JsonString(absl::StatusCodeToString(status.code())),
                      ",\"error\":", JsonString(status.message()), "}");
}

absl::StatusOr<std::string> ReadInput(const std::string& path,
                                      std::istream& in) {
  if (path == "-") {
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return absl::UnavailableError("cannot read standard input");
    return content.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::NotFoundError(
        absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  std::string content((std::istreambuf_iterator<char>(file)),
                      std::istreambuf_iterator<char>());
  if (file.bad()) {
    return absl::UnavailableError(
        absl::StrCat("cannot read ", path, ": ", std::strerror(errno)));
  }
  return content;
}

// The request for `path`, or why it is not sent.
absl::StatusOr<gisa::v1::SubmitArticleRequest> MakeRequest(
    const std::string& path, const SubmitOptions& options, std::istream& in) {
  absl::StatusOr<std::string> content = ReadInput(path, in);
  if (!content.ok()) return content.status();
  if (options.max_article_bytes > 0 &&
      content->size() > options.max_article_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "content is ", content->size(), " bytes, over the limit of ",
        options.max_article_bytes, " bytes (--max_article_bytes)"));
  }
  gisa::v1::SubmitArticleRequest request;
  gisa::v1::RawArticle& raw = *request.mutable_article();
  if (!options.source_uri.empty()) {
    raw.set_source_uri(options.source_uri);
  } else if (path != "-") {
    std::error_code error;
    std::filesystem::path absolute = std::filesystem::absolute(path, error);
    raw.set_source_uri(error ? path : absolute.lexically_normal().string());
  }
  raw.set_media_type(options.media_type.empty() ? MediaTypeForPath(path)
                                                : options.media_type);
  *raw.mutable_content() = *std::move(content);
  return request;
}

// Submits inputs[begin, end) over one stream and appends one line per input
// to `lines`. Returns the stream's status.
grpc::Status SubmitOneStream(gisa::v1::IngestService::Stub& stub,
                             const std::vector<std::string>& inputs,
                             size_t begin, size_t end,
                             const SubmitOptions& options, std::istream& in,
                             std::vector<std::string>& lines,
                             bool& any_refused) {
  // Per input: the refusal found here, or its index in the stream.
  std::vector<std::optional<absl::Status>> local(end - begin);
  std::vector<int> stream_index(end - begin, -1);

  grpc::ClientContext context;
  gisa::v1::SubmitArticlesResponse response;
  std::unique_ptr<grpc::ClientWriter<gisa::v1::SubmitArticleRequest>> writer =
      stub.SubmitArticles(&context, &response);
  int sent = 0;
  for (size_t i = begin; i < end; ++i) {
    absl::StatusOr<gisa::v1::SubmitArticleRequest> request =
        MakeRequest(inputs[i], options, in);
    if (!request.ok()) {
      local[i - begin] = request.status();
      continue;
    }
    if (!writer->Write(*request)) break;  // the stream broke: Finish says why
    stream_index[i - begin] = sent++;
  }
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  if (!status.ok()) return status;

  absl::flat_hash_map<int, const gisa::v1::SubmitError*> errors;
  for (const gisa::v1::SubmitError& error : response.errors()) {
    errors[error.index()] = &error;
  }
  int next_result = 0;
  for (size_t i = begin; i < end; ++i) {
    const std::string& file = inputs[i];
    const int index = stream_index[i - begin];
    if (local[i - begin].has_value()) {
      any_refused = true;
      lines.push_back(RefusedLine(file, *local[i - begin]));
    } else if (auto it = errors.find(index); it != errors.end()) {
      any_refused = true;
      lines.push_back(RefusedLine(
          file, absl::Status(static_cast<absl::StatusCode>(it->second->code()),
                             it->second->message())));
    } else if (next_result < response.results_size()) {
      lines.push_back(AcceptedLine(file, response.results(next_result++)));
    } else {
      return grpc::Status(grpc::StatusCode::INTERNAL,
                          "the server's response lists fewer results than "
                          "articles it accepted");
    }
  }
  return grpc::Status::OK;
}

// Connects `channel`; false when the server refuses the connection or does
// not answer by `deadline`.
bool Connect(grpc::Channel& channel, absl::Time deadline) {
  while (true) {
    const grpc_connectivity_state state = channel.GetState(/*try_to_connect=*/true);
    if (state == GRPC_CHANNEL_READY) return true;
    if (state == GRPC_CHANNEL_TRANSIENT_FAILURE ||
        state == GRPC_CHANNEL_SHUTDOWN) {
      return false;
    }
    if (!channel.WaitForStateChange(state, absl::ToChronoTime(deadline))) {
      return false;
    }
  }
}

}  // namespace

int RunSubmit(const std::vector<std::string>& inputs,
              const SubmitOptions& options, std::istream& in,
              std::ostream& out, std::ostream& err) {
  if (options.server.empty()) {
    err << "submit: --server=HOST:PORT (or GISA_SERVER) is required\n";
    return kSubmitUsageError;
  }
  if (inputs.empty()) {
    err << "submit: no files given (use - for standard input)\n";
    return kSubmitUsageError;
  }
  if (!options.source_uri.empty() && inputs.size() > 1) {
    err << "submit: --source_uri applies to one input, got " << inputs.size()
        << "\n";
    return kSubmitUsageError;
  }
  if (std::count(inputs.begin(), inputs.end(), "-") > 1) {
    err << "submit: standard input (-) can be submitted once\n";
    return kSubmitUsageError;
  }

  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateChannel(options.server, grpc::InsecureChannelCredentials());
  if (!Connect(*channel, absl::Now() + options.connect_timeout)) {
    err << "submit: cannot reach the ingest server at " << options.server
        << " (refused or no answer within " << options.connect_timeout
        << ")\n";
    return kSubmitRpcFailed;
  }
  std::unique_ptr<gisa::v1::IngestService::Stub> stub =
      gisa::v1::IngestService::NewStub(channel);

  bool any_refused = false;
  for (size_t begin = 0; begin < inputs.size(); begin += kArticlesPerStream) {
    const size_t end = std::min(inputs.size(), begin + kArticlesPerStream);
    std::vector<std::string> lines;
    grpc::Status status = SubmitOneStream(*stub, inputs, begin, end, options,
                                          in, lines, any_refused);
    if (!status.ok()) {
      err << "submit: the SubmitArticles call to " << options.server
          << " failed: " << FromGrpcStatus(status).ToString() << "\n";
      return kSubmitRpcFailed;
    }
    for (const std::string& line : lines) out << line << "\n";
    out.flush();
  }
  return any_refused ? kSubmitSomeRefused : kSubmitAllAccepted;
}

}  // namespace gisa::ingest
