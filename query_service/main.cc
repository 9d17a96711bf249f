// query_service: a replica that follows the ingest log and answers queries.
//
//   query_service serve --listen=HOST:PORT --ingest=HOST:PORT [--snapshot_dir=DIR]
//   query_service call [--server=HOST:PORT] METHOD [JSON|-]
//
// Every flag can also come from GISA_<FLAG> (GISA_LISTEN, GISA_INGEST, ...).
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "query_service/cli/call_command.h"
#include "query_service/server/query_server.h"
#include "shared/config/env_flags.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052",
          "serve: HOST:PORT to listen on (port 0: any free port)");
ABSL_FLAG(std::string, ingest, "127.0.0.1:50051",
          "serve: HOST:PORT of the ingest server to follow");
ABSL_FLAG(std::string, replica_name, "",
          "serve: this replica's name in the ingest server's logs "
          "(default: host name and process id)");
ABSL_FLAG(int64_t, max_wait_ms, 10000,
          "serve: longest a call waits for its min_sequence before UNAVAILABLE");
ABSL_FLAG(int64_t, shutdown_grace_ms, 5000,
          "serve: on SIGTERM/SIGINT, how long calls in flight may still run");
ABSL_FLAG(std::string, snapshot_dir, "",
          "serve: folder of this replica's snapshot (empty: no snapshots); "
          "a restart loads it and follows the log from its sequence on");
ABSL_FLAG(uint64_t, snapshot_records, 10000,
          "serve: write a snapshot every N applied sequences (0: not by count)");
ABSL_FLAG(absl::Duration, snapshot_interval, absl::Minutes(5),
          "serve: write a snapshot this long after the last one when anything "
          "was applied since (0: not by time); one is also written on shutdown");
ABSL_FLAG(std::string, server, "127.0.0.1:50052",
          "call: HOST:PORT of the server to call");
ABSL_FLAG(int64_t, timeout_ms, 30000, "call: deadline of the call");

namespace {

constexpr char kUsage[] =
    "a gisa query replica: follows the ingest log, answers QueryService.\n"
    "usage:\n"
    "  query_service serve [--listen=HOST:PORT] [--ingest=HOST:PORT] "
    "[--replica_name=NAME] [--max_wait_ms=N]\n"
    "      [--snapshot_dir=DIR] [--snapshot_records=N] [--snapshot_interval=5m]\n"
    "  query_service call [--server=HOST:PORT] METHOD [JSON|-]\n"
    "    METHOD: GetStats, ListArticles, ... or gisa.v1.IngestService/ParseArticle;\n"
    "    JSON: the request in the proto3 JSON mapping ('-': standard input).\n"
    "    Exit status: 0 OK, 1 RPC error, 2 usage error, 3 server unreachable.";

std::string DefaultReplicaName() {
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) std::strcpy(host, "unknown-host");
  return absl::StrCat(host, "/", getpid());
}

int Serve() {
  // Every thread started from here on inherits the mask, so the signals
  // reach only the sigwait below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  gisa::query::QueryServer::Options options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.ingest = absl::GetFlag(FLAGS_ingest);
  options.replica_name = absl::GetFlag(FLAGS_replica_name);
  if (options.replica_name.empty()) options.replica_name = DefaultReplicaName();
  options.max_wait = absl::Milliseconds(absl::GetFlag(FLAGS_max_wait_ms));
  options.snapshot.dir = absl::GetFlag(FLAGS_snapshot_dir);
  options.snapshot.every_records = absl::GetFlag(FLAGS_snapshot_records);
  options.snapshot.interval = absl::GetFlag(FLAGS_snapshot_interval);
  absl::StatusOr<std::unique_ptr<gisa::query::QueryServer>> server =
      gisa::query::QueryServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "query_service: %s\n", server.status().ToString().c_str());
    return 1;
  }
  std::printf("query_service ready on %s following %s as %s\n",
              (*server)->address().c_str(), options.ingest.c_str(),
              options.replica_name.c_str());
  std::fflush(stdout);

  int signal = 0;
  sigwait(&signals, &signal);
  std::fprintf(stderr, "query_service: %s; shutting down\n", strsignal(signal));
  (*server)->Shutdown(absl::Now() +
                      absl::Milliseconds(absl::GetFlag(FLAGS_shutdown_grace_ms)));
  std::fprintf(stderr, "query_service: stopped\n");
  return 0;
}

int Call(const std::vector<char*>& args) {
  gisa::query::CallOptions options;
  options.server = absl::GetFlag(FLAGS_server);
  options.timeout = absl::Milliseconds(absl::GetFlag(FLAGS_timeout_ms));
  options.args.assign(args.begin() + 2, args.end());
  std::string out;
  std::string err;
  const int exit_status = gisa::query::RunCall(options, &out, &err);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fwrite(err.data(), 1, err.size(), stderr);
  return exit_status;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<char*> args = gisa::ParseFlagsWithEnv(
      argc, argv,
      {"listen", "ingest", "replica_name", "max_wait_ms", "shutdown_grace_ms",
       "snapshot_dir", "snapshot_records", "snapshot_interval", "server",
       "timeout_ms"},
      kUsage);
  const std::string command = args.size() > 1 ? args[1] : "";
  if (command == "serve" && args.size() == 2) return Serve();
  if (command == "call") return Call(args);
  std::fprintf(stderr, "query_service: %s\n(--help lists the flags)\n", kUsage);
  return gisa::query::kCallUsage;
}
