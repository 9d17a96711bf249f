#include "query_service/server/query_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <grpc/grpc.h>

#include <mutex>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"

namespace gisa::query {
namespace {

constexpr char kServiceName[] = "gisa.v1.QueryService";

// Process-wide gRPC switches; not thread-safe, so flipped once.
void EnableHealthAndReflection() {
  static std::once_flag once;
  std::call_once(once, [] {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  });
}

// `listen` with its port replaced by the one bound ("host:0" -> "host:4711").
std::string BoundAddress(const std::string& listen, int port) {
  const size_t colon = listen.rfind(':');
  return absl::StrCat(listen.substr(0, colon == std::string::npos ? listen.size() : colon),
                      ":", port);
}

LogFollower::Options FollowerOptions(const QueryServer::Options& options) {
  LogFollower::Options follower = options.follower;
  follower.ingest_address = options.ingest;
  follower.replica_name = options.replica_name;
  return follower;
}

// The store to start from: the snapshot's content where there is a usable
// one, else empty.
std::unique_ptr<ArticleStore> InitialStore(const Snapshotter::Options& snapshot) {
  auto store = std::make_unique<ArticleStore>();
  if (snapshot.dir.empty() || RestoreSnapshot(snapshot.dir, store.get())) {
    return store;
  }
  return std::make_unique<ArticleStore>();
}

}  // namespace

QueryServer::QueryServer(Options options, std::unique_ptr<ArticleStore> store)
    : options_(std::move(options)),
      store_(std::move(store)),
      follower_(store_.get(), FollowerOptions(options_)),
      waiters_(std::make_unique<ThreadPool>(options_.wait_threads)),
      service_(store_.get(), &follower_, waiters_.get(),
               QueryServiceImpl::Options{.max_wait = options_.max_wait}) {
  if (!options_.snapshot.dir.empty()) {
    snapshotter_ = std::make_unique<Snapshotter>(store_.get(), options_.snapshot);
  }
}

absl::StatusOr<std::unique_ptr<QueryServer>> QueryServer::Start(Options options) {
  EnableHealthAndReflection();
  std::unique_ptr<ArticleStore> store = InitialStore(options.snapshot);
  std::unique_ptr<QueryServer> server(
      new QueryServer(std::move(options), std::move(store)));

  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(server->options_.listen,
                           grpc::InsecureServerCredentials(), &port);
  // Two replicas on one port would split the calls between them silently.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.RegisterService(&server->service_);

  // Following starts before the port opens, so the health service (which
  // answers SERVING for "" as soon as it exists) is right from the start.
  server->follower_.Start();
  if (server->snapshotter_ != nullptr) server->snapshotter_->Start();
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || port == 0) {
    server->follower_.Stop();
    server->snapshotter_.reset();  // no snapshot of a server that never ran
    server->server_.reset();
    {
      absl::MutexLock lock(&server->shutdown_mu_);
      server->shut_down_ = true;
    }
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", server->options_.listen,
        " (address in use, or not an address of this host)"));
  }
  server->address_ = BoundAddress(server->options_.listen, port);
  grpc::HealthCheckServiceInterface* health =
      server->server_->GetHealthCheckService();
  health->SetServingStatus("", true);
  health->SetServingStatus(kServiceName, true);
  return server;
}

QueryServer::~QueryServer() { Shutdown(absl::Now()); }

void QueryServer::Shutdown(absl::Time deadline) {
  // Held throughout, so that a second caller returns only once it is done.
  absl::MutexLock lock(&shutdown_mu_);
  if (shut_down_) return;
  shut_down_ = true;
  // NOT_SERVING for every name, and no later change back.
  server_->GetHealthCheckService()->Shutdown();
  service_.BeginShutdown();
  absl::Notification stopped;
  std::thread stopper([this, deadline, &stopped] {
    server_->Shutdown(absl::ToChronoTime(deadline));
    stopped.Notify();
  });
  // gRPC's graceful shutdown also waits, up to the deadline, for clients to
  // close their idle connections. Once our own calls are done there is
  // nothing left to wait for: close them. (Repeated, because the first try
  // may come before the stopper has stopped accepting connections.)
  service_.WaitForCallsToFinish(deadline);
  while (!stopped.WaitForNotificationWithTimeout(absl::Milliseconds(50))) {
    grpc_server_cancel_all_calls(server_->c_server());
  }
  stopper.join();
  follower_.Stop();
  waiters_.reset();  // runs what is queued (it gives up at once) and joins
  // The follower has stopped: the last snapshot holds all that was applied.
  if (snapshotter_ != nullptr) snapshotter_->Stop();
}

void QueryServer::Wait() {
  if (server_ != nullptr) server_->Wait();
}

}  // namespace gisa::query
