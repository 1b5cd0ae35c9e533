// Every input that once crashed, hung or broke a property in a fuzz target, replayed through
// the same check (tests/reliability/crashes/<target>/<name>; see fuzz/README.md).
#include <catch2/catch.hpp>

#include "test_support.h"
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../../fuzz/harness.h"

namespace fs = std::filesystem;

using galley::test::read_file;

namespace {

}  // namespace

TEST_CASE("saved fuzz crashes stay fixed", "[reliability][crashes]") {
  const fs::path root = fs::path(GALLEY_TEST_DATA) / "reliability" / "crashes";
  REQUIRE(fs::is_directory(root));
  size_t replayed = 0;
  for (const char* target : {"format", "options", "fix"}) {
    const fs::path dir = root / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().filename().string()[0] == '.') continue;
      const std::string data = read_file(entry.path());
      const std::string name = std::string(target) + "/" + entry.path().filename().string();
      std::string problem;
      if (std::string(target) == "format") problem = galley::reliability::check_format(data);
      if (std::string(target) == "options") problem = galley::reliability::check_options(data);
      if (std::string(target) == "fix") problem = galley::reliability::check_fix(data);
      INFO(name << ": " << problem);
      CHECK(problem.empty());
      ++replayed;
    }
  }
  // The seeds of the fuzz targets are replayed too: they cover every mode and option bit.
  for (const char* target : {"format", "options", "fix"}) {
    const fs::path dir = fs::path(GALLEY_SOURCE_DIR) / "fuzz" / "seeds" / target;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string data = read_file(entry.path());
      const std::string t(target);
      const std::string problem = t == "format"    ? galley::reliability::check_format(data)
                                  : t == "options" ? galley::reliability::check_options(data)
                                                   : galley::reliability::check_fix(data);
      INFO(t << "/" << entry.path().filename().string() << ": " << problem);
      CHECK(problem.empty());
      ++replayed;
    }
  }
  CHECK(replayed >= 10);
}
