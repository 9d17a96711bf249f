// Child processes for tests that run the real binaries.
//
// A Process is posix_spawn'ed with its standard output and error captured in
// files of its own temporary folder (readable at any time, for failure
// messages), standard input from /dev/null or a file, and the parent's
// environment minus every GISA_* variable (so a developer's settings do not
// leak into tests) plus the variables given. The destructor kills and reaps
// a child that still runs.
//
//   absl::StatusOr<std::unique_ptr<Process>> p = Process::Start(
//       {.binary = GISA_QUERY_BIN, .args = {"serve", "--listen=127.0.0.1:0"}});
//   (*p)->Signal(SIGTERM);
//   std::optional<Process::Exit> exit = (*p)->Wait(absl::Seconds(10));
//   EXPECT_TRUE(exit && exit->Ok()) << (*p)->Describe();
#ifndef GISA_TESTS_TESTING_PROCESS_H_
#define GISA_TESTS_TESTING_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace gisa::testing {

// A folder made for one test, removed with everything in it on destruction.
class TempDir {
 public:
  // Creates a fresh folder under the test temp dir (TEST_TMPDIR or /tmp).
  // Aborts the test binary when none can be made.
  explicit TempDir(const std::string& prefix = "gisa");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Process {
 public:
  // (Every member has an initializer so that designated initializers may
  // leave any out without -Wmissing-field-initializers.)
  struct Options {
    std::string binary = {};
    // Arguments after argv[0].
    std::vector<std::string> args = {};
    // Variables set for the child (after GISA_* are removed).
    std::vector<std::pair<std::string, std::string>> env = {};
    // A file for standard input; empty means /dev/null.
    std::string stdin_path = {};
    // Names the process in Describe(); defaults to the binary's base name.
    std::string name = {};
  };

  // How a child ended.
  struct Exit {
    bool exited = false;  // by exit(); else killed by `signal`
    int code = 0;
    int signal = 0;
    bool Ok() const { return exited && code == 0; }
    std::string ToString() const;
  };

  // Starts the child. Errors: INTERNAL when posix_spawn fails.
  static absl::StatusOr<std::unique_ptr<Process>> Start(Options options);

  // Kills (SIGKILL) and reaps the child if it still runs.
  ~Process();

  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }

  // True while the child has not exited (reaps it when it has).
  bool Running();

  // Sends `signal` to a running child; does nothing once it has exited.
  void Signal(int signal);

  // Waits up to `timeout` for the child to exit; nullopt while it runs.
  std::optional<Exit> Wait(absl::Duration timeout);

  // Signals, then waits up to `timeout`; a child still running after that
  // is killed with SIGKILL (and reported so).
  Exit Stop(int signal, absl::Duration timeout);

  // What the child has written so far.
  std::string Stdout() const;
  std::string Stderr() const;

  // Polls Stderr() until it contains `text` or `timeout` passes; whether
  // it did.
  bool WaitForStderr(absl::string_view text, absl::Duration timeout) const;

  // Name, pid, state and the tail of both outputs, for failure messages.
  std::string Describe();

 private:
  explicit Process(Options options);

  const Options options_;
  TempDir dir_;
  std::string stdout_path_;
  std::string stderr_path_;
  pid_t pid_ = -1;
  std::optional<Exit> exit_;
};

// Runs a binary to completion (killed after `timeout`); for CLI tests.
struct RunResult {
  Process::Exit exit;
  std::string out;
  std::string err;
};
RunResult RunBinary(Process::Options options,
                    absl::Duration timeout = absl::Seconds(60));

}  // namespace gisa::testing

#endif  // GISA_TESTS_TESTING_PROCESS_H_
