#include "ingest_service/server/ingest_server.h"

#include <algorithm>
#include <climits>
#include <thread>
#include <utility>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace gisa::ingest {
namespace {

// Room for the request's other fields, so that content slightly over the
// parser's limit still arrives and gets the parser's INVALID_ARGUMENT rather
// than the transport's RESOURCE_EXHAUSTED.
constexpr size_t kMessageOverhead = 1 << 20;

// See Shutdown.
constexpr absl::Duration kFinalGrace = absl::Milliseconds(500);

int PoolThreads(int requested) {
  if (requested > 0) return requested;
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(4, 2 * cores);
}

int MaxReceiveBytes(const ArticleParser& parser) {
  const size_t limit = parser.options().max_content_bytes + kMessageOverhead;
  return static_cast<int>(std::min<size_t>(limit, INT_MAX));
}

}  // namespace

absl::StatusOr<std::unique_ptr<IngestServer>> IngestServer::Start(
    const ArticleParser* parser, RecordLog* log,
    const IngestServerOptions& options) {
  const size_t colon = options.listen.rfind(':');
  int requested_port = 0;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(options.listen.substr(colon + 1), &requested_port)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "listen address \"", options.listen, "\" is not HOST:PORT"));
  }

  std::unique_ptr<IngestServer> server(new IngestServer());
  server->pool_ = std::make_unique<ThreadPool>(PoolThreads(options.threads));
  server->service_ = std::make_unique<IngestServiceImpl>(
      parser, log, server->pool_.get(), options.service);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(),
                           &server->port_);
  builder.RegisterService(server->service_.get());
  builder.SetMaxReceiveMessageSize(MaxReceiveBytes(*parser));
  // A second server on a port in use must fail, not share the port.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    // Nothing was started; the members unwind in order.
    server->server_.reset();
    server->shut_down_ = true;
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen));
  }
  server->address_ =
      absl::StrCat(options.listen.substr(0, colon), ":", server->port_);
  server->SetServing(true);
  return server;
}

IngestServer::~IngestServer() { Shutdown(absl::Now()); }

void IngestServer::SetServing(bool serving) {
  grpc::HealthCheckServiceInterface* health =
      server_->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus("", serving);
  health->SetServingStatus(kIngestServiceName, serving);
}

void IngestServer::Shutdown(absl::Time deadline) {
  if (shut_down_) return;
  shut_down_ = true;
  // New calls are refused before NOT_SERVING shows, so that a client that
  // saw NOT_SERVING is never served.
  service_->BeginShutdown();
  SetServing(false);
  if (grpc::HealthCheckServiceInterface* health =
          server_->GetHealthCheckService()) {
    health->Shutdown();  // later SetServingStatus calls are ignored
  }
  service_->AwaitCallsDone(deadline);
  // What is left never ends by itself (health Watch streams; Follow streams
  // already told to end): a short grace lets the replies of finished calls
  // go out, then gRPC cancels the rest.
  server_->Shutdown(
      absl::ToChronoTime(std::min(deadline, absl::Now() + kFinalGrace)));
  server_->Wait();
  server_.reset();
  service_.reset();
  pool_.reset();  // runs what is still queued, then joins
}

}  // namespace gisa::ingest
