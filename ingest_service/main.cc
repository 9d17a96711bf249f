// ingest_service: parse articles, serve the ingest API, submit articles.
//
//   ingest_service parse [--format=json|jsonl] FILE...
//   ingest_service serve --listen=HOST:PORT --data_dir=DIR
//   ingest_service submit --server=HOST:PORT FILE...
#include <csignal>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "ingest_service/cli/parse_command.h"
#include "ingest_service/cli/submit_command.h"
#include "ingest_service/parser/article_parser.h"
#include "ingest_service/server/serve_command.h"
#include "shared/config/env_flags.h"

ABSL_FLAG(std::string, format, "json",
          "parse: json (one pretty object per file) or jsonl (one line each)");
ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "serve: HOST:PORT to listen on (port 0 picks a free one)");
ABSL_FLAG(std::string, data_dir, "", "serve: folder of the durable log");
ABSL_FLAG(uint64_t, max_article_bytes, 8 << 20,
          "parse, serve, submit: articles larger than this are refused");
ABSL_FLAG(std::string, lexicon_dir, "",
          "parse, serve: lexicon folder (default: the source tree's)");
ABSL_FLAG(int32_t, threads, 0,
          "serve: worker threads for parsing and log I/O (0: automatic)");
ABSL_FLAG(uint64_t, segment_bytes, uint64_t{64} << 20,
          "serve: log segments are sealed at this size (1 KiB .. 1 GiB)");
ABSL_FLAG(absl::Duration, compact_interval, absl::Minutes(10),
          "serve: time between compactions of the log (0: never)");
ABSL_FLAG(std::string, server, "", "submit: HOST:PORT of the ingest server");
ABSL_FLAG(std::string, source_uri, "",
          "submit: source_uri of the one input (default: the file's "
          "absolute path; none for -)");
ABSL_FLAG(std::string, media_type, "",
          "submit: text/plain, text/markdown or text/html (default: from "
          "the file name)");

namespace {

constexpr char kUsage[] =
    "usage:\n"
    "  ingest_service parse [--format=json|jsonl] FILE...   (- = stdin)\n"
    "  ingest_service serve --listen=HOST:PORT --data_dir=DIR\n"
    "      [--max_article_bytes=N] [--lexicon_dir=DIR] [--threads=N]\n"
    "      [--segment_bytes=N] [--compact_interval=DURATION]\n"
    "  ingest_service submit --server=HOST:PORT [--source_uri=URI]\n"
    "      [--media_type=TYPE] FILE...|-\n"
    "  ingest_service COMMAND --help   lists the flags\n";

constexpr char kSubmitExitCodes[] =
    "\n\nPrints one JSON line per input. Exit status: 0 every article "
    "accepted, 1 some refused (or unreadable), 2 usage error, 3 server "
    "unreachable or the call failed.";

// argv without the subcommand, parsed with GISA_* fallbacks for `env_flags`;
// returns the positional arguments after the program name.
std::vector<std::string> ParseCommand(int argc, char** argv,
                                      const std::vector<std::string>& env_flags,
                                      const std::string& usage) {
  std::vector<char*> args = {argv[0]};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  std::vector<char*> positional = gisa::ParseFlagsWithEnv(
      static_cast<int>(args.size()), args.data(), env_flags, usage);
  return std::vector<std::string>(positional.begin() + 1, positional.end());
}

int Parse(int argc, char** argv) {
  std::vector<std::string> files = ParseCommand(
      argc, argv, {"format", "max_article_bytes", "lexicon_dir"},
      "ingest_service parse [--format=json|jsonl] FILE...   (- = stdin)");
  auto parser = gisa::ingest::ArticleParser::Create(
      {.max_content_bytes = absl::GetFlag(FLAGS_max_article_bytes),
       .lexicon_dir = absl::GetFlag(FLAGS_lexicon_dir)});
  if (!parser.ok()) {
    std::cerr << "parse: " << parser.status().message() << "\n";
    return 1;
  }
  return gisa::ingest::RunParse(files, absl::GetFlag(FLAGS_format), **parser,
                                std::cout, std::cerr);
}

int Serve(int argc, char** argv) {
  std::vector<std::string> rest = ParseCommand(
      argc, argv,
      {"listen", "data_dir", "max_article_bytes", "lexicon_dir", "threads",
       "segment_bytes", "compact_interval"},
      "ingest_service serve --listen=HOST:PORT --data_dir=DIR [flags]\n"
      "Runs the ingest server until SIGTERM or SIGINT.");
  if (!rest.empty()) {
    std::cerr << "serve: unexpected argument " << rest[0] << "\n" << kUsage;
    return 2;
  }
  // Blocked before any thread starts, so every thread inherits the mask and
  // the signals wait for sigwait below (no work in a signal handler).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  gisa::ingest::ServeOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.data_dir = absl::GetFlag(FLAGS_data_dir);
  options.max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  options.lexicon_dir = absl::GetFlag(FLAGS_lexicon_dir);
  options.threads = absl::GetFlag(FLAGS_threads);
  options.segment_bytes = absl::GetFlag(FLAGS_segment_bytes);
  options.compact_interval = absl::GetFlag(FLAGS_compact_interval);
  return gisa::ingest::RunServe(
      options,
      [&stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
      },
      std::cout, std::cerr);
}

int Submit(int argc, char** argv) {
  std::vector<std::string> inputs = ParseCommand(
      argc, argv, {"server", "max_article_bytes"},
      std::string("ingest_service submit --server=HOST:PORT [--source_uri=URI]"
                  " [--media_type=TYPE] FILE...|-") +
          kSubmitExitCodes);
  gisa::ingest::SubmitOptions options;
  options.server = absl::GetFlag(FLAGS_server);
  options.source_uri = absl::GetFlag(FLAGS_source_uri);
  options.media_type = absl::GetFlag(FLAGS_media_type);
  options.max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  return gisa::ingest::RunSubmit(inputs, options, std::cin, std::cout,
                                 std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  const absl::string_view command = argc > 1 ? argv[1] : "";
  if (command == "parse") return Parse(argc, argv);
  if (command == "serve") return Serve(argc, argv);
  if (command == "submit") return Submit(argc, argv);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (!command.empty()) std::cerr << "unknown command: " << command << "\n";
  std::cerr << kUsage;
  return 2;
}
