#include "shared/config/env_flags.h"

#include <cstdio>
#include <cstdlib>

#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace gisa {

std::string EnvVarForFlag(absl::string_view flag_name) {
  return absl::StrCat("GISA_", absl::AsciiStrToUpper(flag_name));
}

std::vector<char*> ParseFlagsWithEnv(int argc, char** argv,
                                     const std::vector<std::string>& flags,
                                     absl::string_view usage) {
  std::string text = absl::StrCat(usage, "\n\nEnvironment variables (a flag "
                                         "on the command line wins):\n");
  for (const std::string& name : flags) {
    absl::StrAppend(&text, "  ", EnvVarForFlag(name), "  for --", name, "\n");
  }
  absl::SetProgramUsageMessage(text);

  // Show our flags in --help, not only those defined in main's file.
  absl::FlagsUsageConfig config;
  config.contains_help_flags = [](absl::string_view file) {
    return !absl::StrContains(file, "absl/");
  };
  config.contains_helpshort_flags = config.contains_help_flags;
  absl::SetFlagsUsageConfig(config);

  for (const std::string& name : flags) {
    const char* value = std::getenv(EnvVarForFlag(name).c_str());
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (value == nullptr || flag == nullptr) continue;
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      std::fprintf(stderr, "%s: bad value for --%s: %s\n",
                   EnvVarForFlag(name).c_str(), name.c_str(), error.c_str());
      std::exit(2);
    }
  }
  return absl::ParseCommandLine(argc, argv);
}

}  // namespace gisa
