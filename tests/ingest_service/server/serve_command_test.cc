// The ingest_service binary: serve (ready line, environment flags, signals),
// submit against it, and the exit statuses of main.
#include "ingest_service/server/serve_command.h"

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <fstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/ingest_service/server/ingest_test_env.h"
#include "tests/testing/health.h"
#include "tests/testing/ports.h"
#include "tests/testing/process.h"

namespace gisa::ingest {
namespace {

using ::gisa::testing::Process;
using ::gisa::testing::RunBinary;
using ::gisa::testing::TempDir;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Waits for the ready line; returns the HOST:PORT it names ("" if none).
std::string AwaitReady(Process& server) {
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (absl::Now() < deadline && server.Running()) {
    const std::string out = server.Stdout();
    const size_t at = out.find("ready on ");
    const size_t end = out.find(' ', at + 9);
    if (at != std::string::npos && end != std::string::npos) {
      return out.substr(at + 9, end - at - 9);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return "";
}

TEST(ServeCommandTest, ServesUntilSigtermWithFlagsFromTheEnvironment) {
  TempDir data("serve");
  auto server = Process::Start({.binary = GISA_INGEST_BIN,
                                .args = {"serve"},
                                .env = {{"GISA_LISTEN", "127.0.0.1:0"},
                                        {"GISA_DATA_DIR", data.path()}}});
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string address = AwaitReady(**server);
  ASSERT_FALSE(address.empty()) << (*server)->Describe();
  EXPECT_THAT((*server)->Stdout(),
              HasSubstr(absl::StrCat("(log: ", data.path(), ", last sequence 0)")));
  absl::StatusOr<gisa::testing::Health> health =
      gisa::testing::CheckHealth(address, kIngestServiceName);
  ASSERT_TRUE(health.ok()) << health.status();
  EXPECT_EQ(*health, gisa::testing::Health::kServing);

  TempDir files("serve-files");
  const std::string article = files.path() + "/rates.txt";
  std::ofstream(article) << testing::kArticleRates;
  gisa::testing::RunResult submit = RunBinary(
      {.binary = GISA_INGEST_BIN,
       .args = {"submit", article},
       .env = {{"GISA_SERVER", address}}});
  EXPECT_TRUE(submit.exit.Ok()) << submit.exit.ToString() << submit.err;
  EXPECT_THAT(submit.out, StartsWith(absl::StrCat("{\"file\":\"", article)));
  EXPECT_THAT(submit.out, HasSubstr("\"sequence\":1"));

  Process::Exit exit = (*server)->Stop(SIGTERM, absl::Seconds(30));
  EXPECT_TRUE(exit.Ok()) << (*server)->Describe();
  // Exactly one ready line.
  const std::vector<std::string> lines =
      absl::StrSplit((*server)->Stdout(), '\n', absl::SkipEmpty());
  EXPECT_EQ(lines.size(), 1u) << (*server)->Stdout();

  // The log survives: a restart reports the record.
  auto again = Process::Start(
      {.binary = GISA_INGEST_BIN,
       .args = {"serve", "--listen=127.0.0.1:0", "--data_dir=" + data.path()}});
  ASSERT_TRUE(again.ok());
  ASSERT_FALSE(AwaitReady(**again).empty()) << (*again)->Describe();
  EXPECT_THAT((*again)->Stdout(), HasSubstr("last sequence 1)"));
  exit = (*again)->Stop(SIGINT, absl::Seconds(30));
  EXPECT_TRUE(exit.Ok()) << (*again)->Describe();
}

TEST(ServeCommandTest, ALogThatCannotBeOpenedIsAClearError) {
  TempDir dir("serve-bad");
  const std::string not_a_folder = dir.path() + "/file";
  std::ofstream(not_a_folder) << "x";
  gisa::testing::RunResult run = RunBinary(
      {.binary = GISA_INGEST_BIN,
       .args = {"serve", "--listen=127.0.0.1:0", "--data_dir=" + not_a_folder}});
  EXPECT_EQ(run.exit.code, 1) << run.exit.ToString();
  EXPECT_THAT(run.err, HasSubstr("cannot open the log"));
  EXPECT_THAT(run.err, HasSubstr(not_a_folder));
}

TEST(ServeCommandTest, RunServeNeedsADataDir) {
  std::ostringstream out, err;
  EXPECT_EQ(RunServe({}, [] {}, out, err), 1);
  EXPECT_THAT(err.str(), HasSubstr("--data_dir"));
  EXPECT_EQ(out.str(), "");
}

TEST(ServeCommandTest, RunServeRefusesANegativeCompactInterval) {
  TempDir data("serve-negative");
  ServeOptions options;
  options.data_dir = data.path();
  options.compact_interval = absl::Seconds(-1);
  std::ostringstream out, err;
  EXPECT_EQ(RunServe(options, [] {}, out, err), 1);
  EXPECT_THAT(err.str(), HasSubstr("--compact_interval"));
  EXPECT_EQ(out.str(), "");
}

TEST(ServeCommandTest, HelpListsTheLogFlagsAndTheirVariables) {
  gisa::testing::RunResult help =
      RunBinary({.binary = GISA_INGEST_BIN, .args = {"serve", "--help"}});
  const std::string text = help.out + help.err;
  EXPECT_THAT(text, HasSubstr("--compact_interval"));
  EXPECT_THAT(text, HasSubstr("GISA_COMPACT_INTERVAL"));
  EXPECT_THAT(text, HasSubstr("--segment_bytes"));
  EXPECT_THAT(text, HasSubstr("GISA_SEGMENT_BYTES"));
}

// The largest "(N reclaimed)" among the compaction lines in `err`.
uint64_t MostReclaimed(const std::string& err) {
  uint64_t most = 0;
  for (absl::string_view line : absl::StrSplit(err, '\n')) {
    if (!absl::StartsWith(line, "ingest_service: compacted the log:")) continue;
    const size_t open = line.rfind('(');
    const size_t space = line.find(' ', open);
    uint64_t reclaimed = 0;
    if (open != absl::string_view::npos && space != absl::string_view::npos &&
        absl::SimpleAtoi(line.substr(open + 1, space - open - 1), &reclaimed)) {
      most = std::max(most, reclaimed);
    }
  }
  return most;
}

TEST(ServeCommandTest, CompactsTheLogAtTheIntervalFromTheEnvironment) {
  TempDir data("serve-compact");
  auto server = Process::Start(
      {.binary = GISA_INGEST_BIN,
       .args = {"serve", "--listen=127.0.0.1:0", "--data_dir=" + data.path()},
       .env = {{"GISA_COMPACT_INTERVAL", "20ms"},
               {"GISA_SEGMENT_BYTES", "1024"}}});
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string address = AwaitReady(**server);
  ASSERT_FALSE(address.empty()) << (*server)->Describe();

  // Three versions of one article: the first two are superseded.
  TempDir files("serve-compact-files");
  const char* versions[] = {testing::kArticleRates, testing::kArticleRatesUpdate,
                            testing::kArticleRates};
  for (int i = 0; i < 3; ++i) {
    const std::string file = absl::StrCat(files.path(), "/v", i, ".txt");
    std::ofstream(file) << versions[i];
    gisa::testing::RunResult submit = RunBinary(
        {.binary = GISA_INGEST_BIN,
         .args = {"submit", "--server=" + address,
                  "--source_uri=https://blog.example/rates", file}});
    ASSERT_TRUE(submit.exit.Ok()) << submit.exit.ToString() << submit.err;
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(60);
  while (MostReclaimed((*server)->Stderr()) == 0 && absl::Now() < deadline &&
         (*server)->Running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(MostReclaimed((*server)->Stderr()), 0u) << (*server)->Describe();
  Process::Exit exit = (*server)->Stop(SIGTERM, absl::Seconds(30));
  EXPECT_TRUE(exit.Ok()) << (*server)->Describe();
  EXPECT_THAT((*server)->Stderr(), HasSubstr("stopped (last sequence 3)"));
}

TEST(MainTest, ExitStatuses) {
  gisa::testing::RunResult none = RunBinary({.binary = GISA_INGEST_BIN});
  EXPECT_EQ(none.exit.code, 2);
  EXPECT_THAT(none.err, HasSubstr("usage"));
  gisa::testing::RunResult unknown =
      RunBinary({.binary = GISA_INGEST_BIN, .args = {"frobnicate"}});
  EXPECT_EQ(unknown.exit.code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("frobnicate"));

  gisa::testing::RunResult unreachable = RunBinary(
      {.binary = GISA_INGEST_BIN,
       .args = {"submit",
                absl::StrCat("--server=127.0.0.1:", gisa::testing::PickFreePort()),
                "-"}});
  EXPECT_EQ(unreachable.exit.code, 3) << unreachable.err;
}

}  // namespace
}  // namespace gisa::ingest
