#include "tests/testing/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

extern char** environ;

namespace gisa::testing {
namespace {

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Tail(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return absl::StrCat("...", text.substr(text.size() - max_bytes));
}

Process::Exit ToExit(int wait_status) {
  Process::Exit exit;
  if (WIFEXITED(wait_status)) {
    exit.exited = true;
    exit.code = WEXITSTATUS(wait_status);
  } else if (WIFSIGNALED(wait_status)) {
    exit.signal = WTERMSIG(wait_status);
  }
  return exit;
}

// The parent's environment without GISA_*, then `extra`.
std::vector<std::string> ChildEnvironment(
    const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (!absl::StartsWith(*entry, "GISA_")) env.emplace_back(*entry);
  }
  for (const auto& [name, value] : extra) env.push_back(absl::StrCat(name, "=", value));
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

TempDir::TempDir(const std::string& prefix) {
  const char* base = std::getenv("TEST_TMPDIR");
  std::string pattern = absl::StrCat(base != nullptr && *base != '\0' ? base : "/tmp",
                                     "/", prefix, "-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    std::abort();
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string Process::Exit::ToString() const {
  if (exited) return absl::StrCat("exit status ", code);
  return absl::StrCat("killed by signal ", signal, " (", strsignal(signal), ")");
}

Process::Process(Options options)
    : options_(std::move(options)),
      dir_("gisa-proc"),
      stdout_path_(dir_.path() + "/stdout"),
      stderr_path_(dir_.path() + "/stderr") {}

absl::StatusOr<std::unique_ptr<Process>> Process::Start(Options options) {
  if (options.name.empty()) {
    options.name = std::filesystem::path(options.binary).filename().string();
  }
  std::unique_ptr<Process> process(new Process(std::move(options)));
  const Options& o = process->options_;

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(
      &files, 0, o.stdin_path.empty() ? "/dev/null" : o.stdin_path.c_str(),
      O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, 1, process->stdout_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&files, 2, process->stderr_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  // The test binary's threads may block signals; the child starts clean.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<std::string> argv_strings = {o.binary};
  argv_strings.insert(argv_strings.end(), o.args.begin(), o.args.end());
  std::vector<std::string> env_strings = ChildEnvironment(o.env);
  std::vector<char*> argv = Pointers(argv_strings);
  std::vector<char*> envp = Pointers(env_strings);
  const int error = posix_spawn(&process->pid_, o.binary.c_str(), &files,
                                &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) {
    return absl::InternalError(absl::StrCat("cannot start ", o.binary, ": ",
                                            std::strerror(error)));
  }
  return process;
}

Process::~Process() {
  if (Running()) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

bool Process::Running() {
  if (exit_.has_value()) return false;
  int status = 0;
  const pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_) {
    exit_ = ToExit(status);
    return false;
  }
  return done == 0;
}

void Process::Signal(int signal) {
  if (Running()) kill(pid_, signal);
}

std::optional<Process::Exit> Process::Wait(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (Running()) {
    if (absl::Now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return exit_;
}

Process::Exit Process::Stop(int signal, absl::Duration timeout) {
  Signal(signal);
  if (std::optional<Exit> exit = Wait(timeout)) return *exit;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  exit_ = ToExit(status);
  return *exit_;
}

std::string Process::Stdout() const { return ReadWholeFile(stdout_path_); }
std::string Process::Stderr() const { return ReadWholeFile(stderr_path_); }

bool Process::WaitForStderr(absl::string_view text,
                            absl::Duration timeout) const {
  const absl::Time deadline = absl::Now() + timeout;
  while (!absl::StrContains(Stderr(), text)) {
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(50));
  }
  return true;
}

std::string Process::Describe() {
  const std::string state = Running() ? "running" : exit_->ToString();
  return absl::StrCat(options_.name, " (pid ", pid_, ", ", state, ")\n--- stdout\n",
                      Tail(Stdout(), 2000), "\n--- stderr\n", Tail(Stderr(), 4000),
                      "\n---");
}

RunResult RunBinary(Process::Options options, absl::Duration timeout) {
  RunResult result;
  absl::StatusOr<std::unique_ptr<Process>> process = Process::Start(std::move(options));
  if (!process.ok()) {
    result.exit.exited = true;
    result.exit.code = 127;
    result.err = std::string(process.status().message());
    return result;
  }
  std::optional<Process::Exit> exit = (*process)->Wait(timeout);
  result.exit = exit ? *exit : (*process)->Stop(SIGKILL, absl::Seconds(10));
  result.out = (*process)->Stdout();
  result.err = (*process)->Stderr();
  return result;
}

}  // namespace gisa::testing
