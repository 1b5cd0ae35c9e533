// Native timing engine of the benchmark suite: Galley's JSON API (the same call the wasm
// binding makes) and cmark-gfm alone, driven line by line by bench/run.mjs so that native,
// wasm and JavaScript samples can be interleaved in one run.
//
//   galley_bench serve                      commands on stdin, one answer line each:
//     load NAME PATH                        -> "ok BYTES"
//     options JSON                          -> "ok"  (options of the galley engine)
//     time ENGINE NAME ITERATIONS           -> "ok NANOSECONDS OUTPUT_BYTES"
//     quit
//   galley_bench once ENGINE PATH ITERATIONS [OPTIONS_JSON]   for perf and callgrind
//   galley_bench heap CALLS OPTIONS_JSON PATH...   malloc'd bytes in use after 100 and after
//                                                  CALLS format calls (cycling the files)
//
// ENGINE is "galley" (galley::run_json "format": parse, recognise, every rule, HTML + JSON,
// the whole result as JSON), "galley-api" (galley::format without the JSON result) or
// "cmark" (cmark-gfm parse + HTML render alone).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cmark_floor.h"
#include "galley/galley.h"

namespace {

struct Engine {
  std::string options_json = "{}";
  galley::Options options;
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Runs one engine once; returns the size of what it produced (so nothing is optimised away)
// or -1 with `error` set when Galley refused the input.
long run_once(const Engine& engine, std::string_view name, std::string_view source,
              std::string& error) {
  if (name == "cmark") {
    const size_t n = floor_render(source.data(), source.size());
    floor_release();
    return static_cast<long>(n);
  }
  if (name == "galley") {
    // As the WebAssembly binding calls it: the model and the outputs handed over beside the reply.
    galley::ReplyParts parts;
    const std::string out = galley::run_json("format", source, engine.options_json, &parts);
    if (out.compare(0, 10, "{\"ok\":true") != 0) {
      error = out.substr(0, 300);
      return -1;
    }
    return static_cast<long>(out.size() + parts.article.size() + parts.html.size() +
                             parts.markdown.size() + parts.jsonld.size() + parts.text.size());
  }
  if (name == "galley-api") {
    galley::Result<galley::FormatResult> r = galley::format(source, engine.options);
    if (!r) {
      error = r.error().message;
      return -1;
    }
    return static_cast<long>(r->html.size() + r->json.size() + r->diagnostics.size());
  }
  error = "unknown engine '" + std::string(name) + "'";
  return -1;
}

bool set_options(Engine& engine, const std::string& json, std::string& error) {
  galley::Result<galley::Options> parsed = galley::parse_options(json);
  if (!parsed) {
    error = parsed.error().message;
    return false;
  }
  engine.options = parsed.value();
  engine.options_json = json;
  return true;
}

int serve() {
  Engine engine;
  std::map<std::string, std::string, std::less<>> files;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string command;
    in >> command;
    std::string error;
    if (command == "quit") break;
    if (command == "load") {
      std::string name, path;
      in >> name >> path;
      std::string text;
      if (!read_file(path, text)) {
        std::cout << "error cannot read " << path << std::endl;
        continue;
      }
      std::cout << "ok " << text.size() << std::endl;
      files[name] = std::move(text);
    } else if (command == "options") {
      std::string json;
      std::getline(in, json);
      if (set_options(engine, json, error)) {
        std::cout << "ok" << std::endl;
      } else {
        std::cout << "error " << error << std::endl;
      }
    } else if (command == "time") {
      std::string name, file;
      long iterations = 0;
      in >> name >> file >> iterations;
      auto it = files.find(file);
      if (it == files.end() || iterations <= 0) {
        std::cout << "error bad time command: " << line << std::endl;
        continue;
      }
      long produced = 0;
      const auto start = std::chrono::steady_clock::now();
      for (long i = 0; i < iterations && produced >= 0; ++i) {
        const long n = run_once(engine, name, it->second, error);
        produced = n < 0 ? -1 : n;
      }
      const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
      if (produced < 0) {
        std::cout << "error " << error << std::endl;
      } else {
        std::cout << "ok " << ns << ' ' << produced << std::endl;
      }
    } else {
      std::cout << "error unknown command: " << line << std::endl;
    }
  }
  return 0;
}

int once(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: galley_bench once ENGINE PATH ITERATIONS [OPTIONS_JSON]\n";
    return 2;
  }
  Engine engine;
  std::string error;
  if (argc > 5 && !set_options(engine, argv[5], error)) {
    std::cerr << "galley_bench: " << error << '\n';
    return 2;
  }
  std::string text;
  if (!read_file(argv[3], text)) {
    std::cerr << "galley_bench: cannot read " << argv[3] << '\n';
    return 2;
  }
  const long iterations = std::stol(argv[4]);
  long produced = 0;
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < iterations; ++i) {
    produced = run_once(engine, argv[2], text, error);
    if (produced < 0) {
      std::cerr << "galley_bench: " << error << '\n';
      return 1;
    }
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %s: %ld x %zu bytes in %.1f ms: %.2f MB/s (output %ld bytes)\n", argv[2], argv[3],
              iterations, text.size(), ms,
              static_cast<double>(text.size()) * static_cast<double>(iterations) / ms / 1000.0,
              produced);
  return 0;
}

// Bytes the allocator has handed out and not taken back.
long heap_in_use() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  return static_cast<long>(mallinfo2().uordblks);
#else
  return -1;
#endif
}

int heap(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: galley_bench heap CALLS OPTIONS_JSON PATH...\n";
    return 2;
  }
  const long calls = std::stol(argv[2]);
  Engine engine;
  std::string error;
  if (!set_options(engine, argv[3], error)) {
    std::cerr << "galley_bench: " << error << '\n';
    return 2;
  }
  std::vector<std::string> texts;
  for (int i = 4; i < argc; ++i) {
    std::string text;
    if (!read_file(argv[i], text)) {
      std::cerr << "galley_bench: cannot read " << argv[i] << '\n';
      return 2;
    }
    texts.push_back(std::move(text));
  }
  long after_100 = -1;
  for (long i = 0; i < calls; ++i) {
    if (run_once(engine, "galley", texts[static_cast<size_t>(i) % texts.size()], error) < 0) {
      std::cerr << "galley_bench: " << error << '\n';
      return 1;
    }
    if (i + 1 == 100) after_100 = heap_in_use();
  }
  std::printf("{\"calls\":%ld,\"after100\":%ld,\"afterAll\":%ld}\n", calls, after_100,
              heap_in_use());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "serve") return serve();
  if (mode == "once") return once(argc, argv);
  if (mode == "heap") return heap(argc, argv);
  std::cerr << "usage: galley_bench serve | once ENGINE PATH ITERATIONS [OPTIONS_JSON] | heap "
               "CALLS OPTIONS_JSON PATH...\n";
  return 2;
}
