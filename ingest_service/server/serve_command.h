// `ingest_service serve`: opens the log, runs the ingest server until told to
// stop, then shuts it down gracefully.
//
//   int status = RunServe(options, [] { WaitForTerminationSignal(); },
//                         std::cout, std::cerr);
#ifndef GISA_INGEST_SERVICE_SERVER_SERVE_COMMAND_H_
#define GISA_INGEST_SERVICE_SERVER_SERVE_COMMAND_H_

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/time/time.h"

namespace gisa::ingest {

struct ServeOptions {
  std::string listen = "127.0.0.1:50051";
  std::string data_dir;
  size_t max_article_bytes = 8 << 20;
  // Empty: the lexicons the build was configured with.
  std::string lexicon_dir;
  // 0: automatic (see IngestServerOptions::threads).
  int threads = 0;
  // How long calls in progress may take to finish on shutdown.
  absl::Duration shutdown_grace = absl::Seconds(10);
  // Log segments are sealed at this size (RecordLog::Options::segment_bytes).
  uint64_t segment_bytes = uint64_t{64} << 20;
  // Time between background compactions of the log; zero disables them.
  absl::Duration compact_interval = absl::Minutes(10);
};

// Loads the parser, opens the log under options.data_dir, starts the server
// and prints one line to `out` when ready
//   ingest_service ready on HOST:PORT (log: DIR, last sequence N)
// then blocks in `wait_for_stop` and shuts down. Meanwhile a Compactor
// compacts the log every compact_interval, writing one line per run to `err`.
// Returns the exit status: 0 after a graceful shutdown, 1 when the options are
// invalid or the parser, the log or the listening address cannot be set up
// (the reason goes to `err`).
int RunServe(const ServeOptions& options,
             absl::FunctionRef<void()> wait_for_stop, std::ostream& out,
             std::ostream& err);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_SERVER_SERVE_COMMAND_H_
