// libFuzzer target: format() over every input mode, option bit and output.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem = galley::reliability::check_format(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "galley fuzz_format: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
