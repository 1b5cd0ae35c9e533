// libFuzzer target: fix(): converges, is idempotent and keeps every word.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string problem =
      galley::reliability::check_fix(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "galley fuzz_fix: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
