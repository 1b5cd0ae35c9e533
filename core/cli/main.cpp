// The native `galley` tool: files and standard streams around galley::cli::run.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "galley/cli.h"

namespace {

class FileIo : public galley::cli::Io {
 public:
  std::optional<std::string> read(const std::string& path) override {
    if (path == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bool write(const std::string& path, std::string_view contents) override {
    std::ofstream outf(path, std::ios::binary | std::ios::trunc);
    if (!outf) return false;
    outf.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    return static_cast<bool>(outf);
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  FileIo io;
  const int code = galley::cli::run(args, io);
  std::fwrite(io.out.data(), 1, io.out.size(), stdout);
  std::fwrite(io.err.data(), 1, io.err.size(), stderr);
  return code;
}
