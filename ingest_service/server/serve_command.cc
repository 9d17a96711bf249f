#include "ingest_service/server/serve_command.h"

#include <memory>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "ingest_service/log/record_log.h"
#include "ingest_service/parser/article_parser.h"
#include "ingest_service/server/compactor.h"
#include "ingest_service/server/ingest_server.h"

namespace gisa::ingest {

int RunServe(const ServeOptions& options,
             absl::FunctionRef<void()> wait_for_stop, std::ostream& out,
             std::ostream& err) {
  if (options.data_dir.empty()) {
    err << "ingest_service serve: --data_dir is required\n";
    return 1;
  }
  if (options.compact_interval < absl::ZeroDuration()) {
    err << "ingest_service serve: --compact_interval must not be negative\n";
    return 1;
  }
  absl::StatusOr<std::unique_ptr<ArticleParser>> parser =
      ArticleParser::Create({.max_content_bytes = options.max_article_bytes,
                             .lexicon_dir = options.lexicon_dir});
  if (!parser.ok()) {
    err << "ingest_service serve: cannot load the parser: "
        << parser.status().message() << "\n";
    return 1;
  }
  absl::StatusOr<std::unique_ptr<RecordLog>> log =
      RecordLog::Open({.dir = options.data_dir,
                       .segment_bytes = options.segment_bytes});
  if (!log.ok()) {
    err << "ingest_service serve: cannot open the log in " << options.data_dir
        << ": " << log.status().message() << "\n";
    return 1;
  }
  IngestServerOptions server_options;
  server_options.listen = options.listen;
  server_options.threads = options.threads;
  absl::StatusOr<std::unique_ptr<IngestServer>> server =
      IngestServer::Start(parser->get(), log->get(), server_options);
  if (!server.ok()) {
    err << "ingest_service serve: " << server.status().message() << "\n";
    return 1;
  }
  out << "ingest_service ready on " << (*server)->address()
      << " (log: " << options.data_dir << ", last sequence "
      << (*log)->last_sequence() << ")" << std::endl;

  // Only the compactor's thread writes to `err` until it is stopped.
  Compactor compactor(log->get(), options.data_dir,
                      {.interval = options.compact_interval},
                      [&err](absl::string_view line) {
                        err << "ingest_service: " << line << std::endl;
                      });
  wait_for_stop();
  compactor.Stop();  // waits for a compaction in progress, if any

  err << "ingest_service: shutting down\n";
  (*server)->Shutdown(absl::Now() + options.shutdown_grace);
  server->reset();
  err << "ingest_service: stopped (last sequence " << (*log)->last_sequence()
      << ")\n";
  return 0;
}

}  // namespace gisa::ingest
