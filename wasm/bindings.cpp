// The one embind binding: a thin engine around galley::run_json, and galley::cli::run_json in
// the command line's module (built with GALLEY_WASM_CLI; the page's module leaves the CLI out).
// Input travels as UTF-8 written by JavaScript straight into the wasm heap (TextEncoder
// encodeInto), and output is read back from the heap: no per-call string conversion.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "galley/galley.h"
#ifdef GALLEY_WASM_CLI
#include "galley/cli.h"
#endif

namespace {

class Engine {
 public:
  Engine() = default;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine() { std::free(input_); }

  /// A buffer of at least `bytes` for the next source: its address in the wasm heap, or 0
  /// when memory cannot grow that far (malloc returns null: the module is built with
  /// ABORTING_MALLOC=0).
  uintptr_t input(size_t bytes) {
    if (capacity_ < bytes) {
      std::free(input_);
      input_ = static_cast<char*>(std::malloc(bytes));
      capacity_ = input_ ? bytes : 0;
      if (!input_) return 0;
    }
    return reinterpret_cast<uintptr_t>(input_);
  }

  /// Runs `command` ("format", "check", "fix", "rules") over the first `length` bytes of the
  /// input buffer; returns the byte length of the JSON result at output().
  size_t run(const std::string& command, size_t length, const std::string& options) {
    length = std::min(length, capacity_);
    // Make sure the heap can hold what the run will need before starting it: an allocation
    // failure in the middle would abort the module, a refusal here is an error value. The
    // estimate is computed in 64 bits and compared with the heap's ceiling first: a request of
    // 2 GB or more is not a size that malloc (sbrk takes a signed increment) refuses reliably.
    const uint64_t need = uint64_t{length} * kWorkFactor + kWorkBase;
    void* probe = need < kHeapCeiling ? std::malloc(static_cast<size_t>(need)) : nullptr;
    if (!probe) {
      parts_ = {};
      output_ = kOutOfMemory;
      return output_.size();
    }
    std::free(probe);
    output_ =
        galley::run_json(command, std::string_view(input_ ? input_ : "", length), options, &parts_);
    return output_.size();
  }

#ifdef GALLEY_WASM_CLI
  /// Runs the command line over files that JavaScript read; see galley::cli::run_json.
  size_t cli(const std::string& request) {
    parts_ = {};
    output_ = galley::cli::run_json(request);
    return output_.size();
  }
#endif

  /// Address of the last result.
  uintptr_t output() const { return reinterpret_cast<uintptr_t>(output_.data()); }

  /// Address of ten uint32: address and length of each of the last result's parts, in the order
  /// of galley::ReplyParts (article model, html, markdown, jsonld, text); length 0 when absent.
  uintptr_t parts() {
    const std::string* parts[] = {&parts_.article, &parts_.html, &parts_.markdown, &parts_.jsonld,
                                  &parts_.text};
    for (size_t i = 0; i < 5; ++i) {
      table_[2 * i] = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(parts[i]->data()));
      table_[2 * i + 1] = static_cast<uint32_t>(parts[i]->size());
    }
    return reinterpret_cast<uintptr_t>(table_);
  }

  /// Frees the result, and the input buffer after a very large call.
  void release() {
    std::string().swap(output_);
    parts_ = {};
    if (capacity_ > (1u << 20)) {
      std::free(input_);
      input_ = nullptr;
      capacity_ = 0;
    }
  }

 private:
  static constexpr size_t kWorkFactor = 24;
  static constexpr size_t kWorkBase = 4u << 20;
  static constexpr uint64_t kHeapCeiling = uint64_t{1} << 31;  // -sMAXIMUM_MEMORY=2GB
  static constexpr const char* kOutOfMemory =
      "{\"ok\":false,\"error\":{\"code\":\"out-of-memory\",\"message\":\"Not enough memory to "
      "process this input.\",\"field\":\"\"}}";
  char* input_ = nullptr;
  size_t capacity_ = 0;
  std::string output_;
  galley::ReplyParts parts_;
  uint32_t table_[10] = {};
};

std::string version() { return std::string(galley::version()); }

/// Fails on purpose, so that the package's tests can prove that a trap or an abort leaves the
/// JavaScript object usable (it restarts the module): "trap" runs `unreachable`, "abort" calls
/// abort(), "memory" reads outside the heap. Nothing in the package calls it otherwise.
int debug_fail(const std::string& kind) {
  if (kind == "trap") __builtin_trap();
  if (kind == "abort") std::abort();
  if (kind == "memory") {
    // Above the 2 GB the heap may grow to: out of bounds of the wasm memory.
    volatile const char* outside = reinterpret_cast<const char*>(uintptr_t{0xfffffff0u});
    return *outside;
  }
  return 0;
}

}  // namespace

EMSCRIPTEN_BINDINGS(galley) {
  auto engine = emscripten::class_<Engine>("Engine")
                    .constructor<>()
                    .function("input", &Engine::input)
                    .function("run", &Engine::run)
                    .function("output", &Engine::output)
                    .function("parts", &Engine::parts)
                    .function("release", &Engine::release);
#ifdef GALLEY_WASM_CLI
  engine.function("cli", &Engine::cli);
#else
  (void)engine;
#endif
  emscripten::function("version", &version);
  emscripten::function("debugFail", &debug_fail);
}
