// The `galley` command line, shared by the native tool and the npm package's bin: argument
// parsing, help, reports (stylish, JSON, SARIF) and exit codes live here, once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::cli {

/// What the command line may touch. The native tool backs it with files; the npm package
/// with files that JavaScript read beforehand.
class Io {
 public:
  virtual ~Io() = default;
  /// Contents of `path` ("-" is standard input), or nullopt when it cannot be read.
  virtual std::optional<std::string> read(const std::string& path) = 0;
  /// Replaces the contents of `path`; false when it cannot be written.
  virtual bool write(const std::string& path, std::string_view contents) = 0;
  /// Standard output and error, collected.
  std::string out;
  std::string err;
};

/// Runs `galley <args>` (args without the program name). Returns the exit code: 0 success,
/// 1 an error-severity finding (check) or an unfixable error (fix), 2 refused input, options
/// or config, or a usage error.
int run(const std::vector<std::string>& args, Io& io);

/// The command line for embedders without a file system (the npm package's bin): the request
/// is {"args":[…],"files":{"path":"contents",…},"stdin":"…"} with every file the arguments
/// name already read; the reply is {"code":n,"stdout":"…","stderr":"…","writes":{"path":"…"}}.
std::string run_json(std::string_view request);

}  // namespace galley::cli
