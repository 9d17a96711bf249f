// Flags with environment-variable fallbacks, for both servers.
//
// Every flag named in `flags` can also be set from GISA_<NAME> (upper case):
// --data_dir from GISA_DATA_DIR. A flag given on the command line wins over
// the environment. `--help` lists the variables next to the flags.
//
//   std::vector<char*> args = gisa::ParseFlagsWithEnv(
//       argc, argv, {"listen", "data_dir"}, "ingest_service serve [flags]");
#ifndef GISA_SHARED_CONFIG_ENV_FLAGS_H_
#define GISA_SHARED_CONFIG_ENV_FLAGS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace gisa {

// The environment variable read for flag `flag_name`: "GISA_" + upper case.
std::string EnvVarForFlag(absl::string_view flag_name);

// Applies GISA_* environment values to the named flags, then parses the
// command line (which overrides them) and returns the positional arguments
// (argv[0] first). Exits with a message on an unknown flag or a bad value,
// like absl::ParseCommandLine. `usage` heads --help, which also lists the
// variables. Call once, from main, before any thread starts.
std::vector<char*> ParseFlagsWithEnv(int argc, char** argv,
                                     const std::vector<std::string>& flags,
                                     absl::string_view usage);

}  // namespace gisa

#endif  // GISA_SHARED_CONFIG_ENV_FLAGS_H_
