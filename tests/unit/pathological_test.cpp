// Pathological inputs: every case of cmark-gfm's test/pathological_tests.py and Galley's own
// (deep nesting, a 5 MB line, 100,000 headings, unpaired quotation marks, huge takeaways).
// Each must finish with sound output, and its cost must grow linearly: the case is run at two
// sizes about 2x apart and the ratio of CPU times (best of a few runs) is compared with the
// ratio of sizes. No wall-clock limit: only the shape of the growth is asserted.
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/harness.h"
#include "galley/galley.h"

namespace {

using galley::InputMode;
using galley::Options;

#if defined(__SANITIZE_ADDRESS__)
#define GALLEY_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GALLEY_SANITIZED 1
#endif
#endif
#ifdef GALLEY_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// The thread's time in user mode. The kernel's time is left out: at these sizes (hundreds of
// megabytes touched for the first time) it is mostly page faults, whose cost depends on how the
// machine backs its memory (a virtual machine's first touch of a page can cost several times its
// second) and grew faster than the input between two sizes where the work itself did not.
double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec) * 1e3 +
         static_cast<double>(usage.ru_utime.tv_usec) / 1e3;
}

Options options_for(InputMode mode) {
  Options o;
  o.input = mode;
  o.max_input_bytes = 64u << 20;
  o.outputs = galley::kOutputHtml | galley::kOutputMarkdown | galley::kOutputJson |
              galley::kOutputJsonLd | galley::kOutputText;
  return o;
}

struct Case {
  std::string name;
  std::function<std::string(size_t)> make;  // the input for a repetition count
  size_t count = 0;                         // the count the case is defined with
  InputMode mode = InputMode::markdown;
  bool fixed = false;       // one fixed input: no growth to measure
  bool words_kept = false;  // every input word must be in the text output
};

// cmark-gfm's hash_collisions(): reference labels that collide in a 16-slot table.
std::string hash_collisions(size_t count) {
  auto bad = [](const std::string& key) {
    uint32_t h = 0;
    for (unsigned char c : key) h = c + (h << 6) + (h << 16) - h;
    return h % 16 == 0;
  };
  std::vector<std::string> keys;
  for (size_t i = 0; keys.size() < count; ++i) {
    std::string k = "x" + std::to_string(i);
    if (bad(k)) keys.push_back(std::move(k));
  }
  std::string doc;
  for (size_t i = 1; i < keys.size(); ++i)
    doc += "[" + keys[i] + "]: /url\n\n[" + keys[0] + "]\n\n";
  return doc;
}

std::vector<Case> cmark_cases() {
  std::vector<Case> c;
  c.push_back({"nested strong emph",
               [](size_t n) { return repeat("*a **a ", n) + "b" + repeat(" a** a*", n); }, 65000});
  c.back().words_kept = true;
  c.push_back(
      {"many emph closers with no openers", [](size_t n) { return repeat("a_ ", n); }, 65000});
  c.back().words_kept = true;
  c.push_back(
      {"many emph openers with no closers", [](size_t n) { return repeat("_a ", n); }, 65000});
  c.back().words_kept = true;
  c.push_back(
      {"many link closers with no openers", [](size_t n) { return repeat("a]", n); }, 65000});
  c.push_back(
      {"many link openers with no closers", [](size_t n) { return repeat("[a", n); }, 65000});
  c.push_back(
      {"mismatched openers and closers", [](size_t n) { return repeat("*a_ ", n); }, 50000});
  c.back().words_kept = true;
  c.push_back({"openers and closers multiple of 3",
               [](size_t n) { return "a**b" + repeat("c* ", n); }, 50000});
  c.back().words_kept = true;
  c.push_back({"link openers and emph closers", [](size_t n) { return repeat("[ a_", n); }, 50000});
  c.push_back({"pattern [ (]( repeated", [](size_t n) { return repeat("[ (](", n); }, 80000});
  c.push_back({"pattern ![[]() repeated", [](size_t n) { return repeat("![[]()", n); }, 160000});
  c.push_back({"hard link/emph case", [](size_t) { return std::string("**x [a*b**c*](d)"); }, 1});
  c.back().fixed = true;
  c.push_back({"nested brackets",
               [](size_t n) { return std::string(n, '[') + "a" + std::string(n, ']'); }, 50000});
  c.push_back({"nested block quotes", [](size_t n) { return repeat("> ", n) + "a"; }, 50000});
  c.push_back({"deeply nested lists",
               [](size_t n) {
                 std::string s;
                 for (size_t x = 0; x < n; ++x) s += std::string(2 * x, ' ') + "* a\n";
                 return s;
               },
               1000});
  c.push_back({"U+0000 in input", [](size_t) { return std::string("abc\0de\0", 7); }, 1});
  c.back().fixed = true;
  c.push_back({"backticks",
               [](size_t n) {
                 std::string s;
                 for (size_t x = 1; x < n; ++x) s += "e" + std::string(x, '`');
                 return s;
               },
               5000});
  c.push_back({"unclosed links A", [](size_t n) { return repeat("[a](<b", n); }, 30000});
  c.push_back({"unclosed links B", [](size_t n) { return repeat("[a](b", n); }, 30000});
  c.push_back({"unclosed <!--", [](size_t n) { return "</" + repeat("<!--", n); }, 300000});
  c.push_back({"tables", [](size_t n) { return repeat("aaa\rbbb\n-\v\n", n); }, 30000});
  c.push_back({"reference collisions", [](size_t n) { return hash_collisions(n); }, 50000});
  return c;
}

std::vector<Case> galley_cases() {
  std::vector<Case> c;
  c.push_back({"10,000 nested block quotes",
               [](size_t n) { return "# T\n\n" + repeat("> ", n) + "quoted words\n"; }, 10000});
  c.push_back({"10,000 nested lists",
               [](size_t n) { return "# T\n\n" + repeat("- ", n) + "listed words\n"; }, 10000});
  c.push_back({"10,000 nested lists, one a line",
               [](size_t n) {
                 std::string s = "# T\n\n";
                 for (size_t i = 0; i < n; ++i) s += repeat("> ", i % 64) + "- item\n";
                 return s;
               },
               10000});
  c.push_back({"10,000 nested quotation marks",
               [](size_t n) {
                 return repeat("\xE2\x80\x9C", n) + "inner words" + repeat("\xE2\x80\x9D", n) +
                        " she said.\n";
               },
               10000, InputMode::text});
  c.back().words_kept = true;
  c.push_back({"a 5 MB line of words", [](size_t n) { return repeat("word, ", n) + "end\n"; },
               (5u << 20) / 6, InputMode::text});
  c.back().words_kept = true;
  c.push_back({"a 5 MB line of Markdown",
               [](size_t n) { return "# T\n\n" + repeat("*word* \"x\" [a](b) ", n / 3) + "end\n"; },
               (5u << 20) / 6});
  c.push_back({"a 5 MB word", [](size_t n) { return std::string(n * 6, 'w') + "\n"; },
               (5u << 20) / 6, InputMode::text});
  c.back().words_kept = true;
  c.push_back({"100,000 headings",
               [](size_t n) {
                 std::string s = "# Title\n\n";
                 for (size_t i = 0; i < n; ++i)
                   s += "## Heading " + std::to_string(i) + "\n\nText.\n\n";
                 return s;
               },
               100000});
  c.back().words_kept = true;
  c.push_back({"100,000 identical headings",
               [](size_t n) { return "# Title\n\n" + repeat("## Same\n\n", n); }, 100000});
  c.back().words_kept = true;
  c.push_back({"100,000 heading lines of pasted text",
               [](size_t n) {
                 std::string s;
                 for (size_t i = 0; i < n; ++i)
                   s += "Heading Number " + std::to_string(i) + "\nA paragraph follows here.\n";
                 return s;
               },
               100000, InputMode::text});
  c.back().words_kept = true;
  c.push_back({"100,000 opening quotation marks",
               [](size_t n) { return "# T\n\n" + repeat("\xE2\x80\x9Cword ", n) + "\n"; }, 100000});
  c.back().words_kept = true;
  c.push_back({"100,000 straight quotation marks",
               [](size_t n) { return repeat("\"word ", n) + "said Jane.\n"; }, 100000,
               InputMode::text});
  c.back().words_kept = true;
  c.push_back({"100,000 closing quotation marks on lines",
               [](size_t n) { return repeat("word\xE2\x80\x9D he said\n", n); }, 100000,
               InputMode::text});
  c.back().words_kept = true;
  c.push_back({"a takeaways list of 100,000 items",
               [](size_t n) {
                 std::string s = "# Title\n\nThe dek.\n\n## Key Takeaways\n\n";
                 for (size_t i = 0; i < n; ++i)
                   s += "- Item number " + std::to_string(i % 5000) + "\n";
                 return s;
               },
               100000});
  c.back().words_kept = true;
  c.push_back({"100,000 credits names",
               [](size_t n) {
                 std::string s = "# Title\n\nThe dek.\n\nReporting by ";
                 for (size_t i = 0; i < n; ++i) s += "Jane Doe" + std::to_string(i) + ", ";
                 return s + "and John Roe.\n";
               },
               100000});
  c.back().words_kept = true;
  c.push_back({"100,000 sentences starting alike",
               [](size_t n) { return "# T\n\n" + repeat("The same start again. ", n) + "\n"; },
               100000});
  c.back().words_kept = true;
  c.push_back({"a table of 100,000 rows",
               [](size_t n) { return "# T\n\n| a | b |\n| - | - |\n" + repeat("| x | y |\n", n); },
               100000});
  c.push_back({"100,000 suppression comments",
               [](size_t n) {
                 return "# T\n\n" + repeat("<!-- galley-disable headline/missing -->\ntext\n", n);
               },
               100000});
  return c;
}

struct Measure {
  size_t bytes = 0;
  double ms = 0;
};

// The output is checked for soundness (and kept words) when `check` is set: at the case's own
// size, not at every step on the way to it.
Measure run(const Case& c, size_t count, int reps, bool check = true) {
  const std::string input = c.make(count);
  const Options options = options_for(c.mode);
  Measure m;
  m.bytes = input.size();
  m.ms = 1e300;
  for (int i = 0; i < reps; ++i) {
    const double t0 = cpu_ms();
    auto r = galley::format(input, options);
    const double t = cpu_ms() - t0;
    m.ms = std::min(m.ms, t);
    // A run of seconds is far above the machine's noise: one is enough.
    if (t > 2000.0) reps = i + 1;
    REQUIRE(r.ok());
    if (i == 0 && check) {
      const std::string issue = galley::reliability::result_issue(r.value(), input, options);
      INFO(issue);
      REQUIRE(issue.empty());
      if (c.words_kept) {
        const std::string diff = galley::reliability::word_difference(
            galley::reliability::words_of(galley::detail::SourceText(input).text()),
            galley::reliability::words_of(r->text));
        INFO(diff);
        CHECK(diff.empty());
      }
    }
  }
  return m;
}

void check_case(const Case& c) {
  INFO("case: " << c.name);
  const int reps = kSanitized ? 2 : 3;
  // Sanitized builds stop at an eighth of the size: the shape of the growth is the same.
  const size_t full = kSanitized && !c.fixed ? std::max<size_t>(c.count / 8, 8) : c.count;
  if (c.fixed) {
    run(c, full, 1);
    return;
  }
  // Sizes about 2x apart in bytes; a case whose size grows with the square of its count
  // (nested lists, backticks) steps its count by the square root of two.
  const size_t probe_a = c.make(full).size(), probe_b = c.make(full / 2).size();
  const double step = probe_a > 3 * probe_b ? std::sqrt(2.0) : 2.0;
  // Grow from 1/64 of the defined size up to it (and on, up to 8x, while a step is too cheap to
  // measure above the noise of a shared machine). Each step is compared with the one before:
  // a superlinear case fails at its first measurable steps, long before its full size would
  // take minutes. A step that grows too fast must be confirmed by the next one: quadratic work
  // costs about 4x per doubling at every step, while a one-off jump (the working set leaving a
  // cache, a busy machine) does not repeat.
  Measure prev;
  bool compared = false;
  std::string suspect;  // a step that grew too fast, waiting for the next one
  // A last step that grew too fast gets up to two more steps to be confirmed or cleared.
  for (int j = -6; j <= 3 || (!suspect.empty() && j <= 5); ++j) {
    const size_t count =
        std::max<size_t>(1, static_cast<size_t>(static_cast<double>(full) * std::pow(step, j)));
    if (c.make(count).size() > (48u << 20)) break;
    const Measure m = run(c, count, reps, j == 0);
    if (prev.bytes > 0 && prev.ms >= 30.0 && m.bytes > prev.bytes) {
      const double size_ratio = static_cast<double>(m.bytes) / static_cast<double>(prev.bytes);
      const double cost_ratio = m.ms / prev.ms;
      std::ostringstream what;
      what << "bytes " << prev.bytes << " -> " << m.bytes << " (x" << size_ratio << "), CPU ms "
           << prev.ms << " -> " << m.ms << " (x" << cost_ratio << ")";
      // Linear growth gives a cost ratio near the size ratio; quadratic gives its square.
      if (cost_ratio >= 1.5 * size_ratio) {
        if (!suspect.empty()) {
          INFO(suspect);
          INFO(what.str());
          FAIL_CHECK("two steps in a row grow faster than linearly");
          return;
        }
        suspect = what.str();
      } else {
        suspect.clear();
        compared = true;
      }
    }
    prev = m;
    if (j >= 0 && compared && suspect.empty()) return;
  }
  INFO(suspect);
  // The last measurable step grew too fast, with none after it. (A case that stays under
  // the measurable 30 ms up to 8x its size, such as nesting cut at the model's depth, has
  // nothing to compare.)
  CHECK(suspect.empty());
}

}  // namespace

TEST_CASE("the pathological list covers every case of cmark-gfm's pathological_tests.py",
          "[pathological]") {
  const std::string path =
      std::string(GALLEY_DEPS_DIR) + "/cmark-gfm-0.29.0.gfm.13/test/pathological_tests.py";
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string py = ss.str();
  const size_t start = py.find("pathological = {");
  REQUIRE(start != std::string::npos);
  const size_t end = py.find("\n    }", start);
  std::set<std::string> names;
  std::istringstream lines(py.substr(start, end - start));
  const std::regex entry(R"re(^\s*"([^"]+)":)re");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, entry)) names.insert(m[1]);
  }
  REQUIRE(names.size() >= 20);
  std::set<std::string> ours;
  for (const Case& c : cmark_cases()) ours.insert(c.name);
  CHECK(ours == names);
}

TEST_CASE("cmark-gfm's pathological inputs finish, stay sound and grow linearly",
          "[pathological][cmark]") {
  for (const Case& c : cmark_cases()) {
    SECTION(c.name) { check_case(c); }
  }
}

namespace {

// Galley's own cases in three parts, so that ctest runs them side by side.
void check_part(size_t part) {
  const std::vector<Case> cases = galley_cases();
  for (size_t i = part; i < cases.size(); i += 3) {
    SECTION(cases[i].name) { check_case(cases[i]); }
  }
}

}  // namespace

TEST_CASE("Galley's pathological inputs, part 1: finish, stay sound and grow linearly",
          "[pathological][galley]") {
  check_part(0);
}

TEST_CASE("Galley's pathological inputs, part 2: finish, stay sound and grow linearly",
          "[pathological][galley]") {
  check_part(1);
}

TEST_CASE("Galley's pathological inputs, part 3: finish, stay sound and grow linearly",
          "[pathological][galley]") {
  check_part(2);
}

TEST_CASE("fix() over 100,000 straight quotation marks finishes and keeps every word",
          "[pathological][fix]") {
  const std::string source =
      "# T\n\nThe dek.\n\n" +
      repeat("\"word\" and \"more\" -- then... ", kSanitized ? 5000 : 25000) + "\n";
  Options o;
  o.max_input_bytes = 64u << 20;
  auto r = galley::fix(source, o);
  REQUIRE(r.ok());
  CHECK(r->passes <= 10);
  for (const galley::Diagnostic& d : r->remaining) CHECK(!d.fix);
  CHECK(galley::reliability::word_difference(galley::reliability::words_of(source),
                                             galley::reliability::words_of(r->source))
            .empty());
}
