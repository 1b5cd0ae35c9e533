// Golden article cases: tests/golden/<case>/input.{md,txt,json} with expected outputs beside
// them. GALLEY_UPDATE_GOLDEN=1 rewrites the expected files; read the diff before committing.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "galley/galley.h"
#include "test_support.h"

namespace fs = std::filesystem;

using galley::test::read_file;

namespace {

void write_file(const fs::path& p, const std::string& s) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << s;
}

// One line per finding: "line:col-line:col severity rule message [fix]".
std::string diagnostics_text(const std::vector<galley::Diagnostic>& list) {
  std::string out;
  for (const galley::Diagnostic& d : list) {
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + "-" + std::to_string(d.end_line) + ":" +
           std::to_string(d.end_column) + " " + galley::severity_name(d.severity) + " " + d.rule + " " + d.message +
           (d.fix ? " [fix]" : "") + "\n";
  }
  return out;
}

struct Expected {
  const char* file;
  std::string galley::FormatResult::*field;
};

// The cases: tests/golden/<case>/input.* with the expected files beside it, and every CC0
// sample in tests/samples/<site>/ with its expected files in tests/golden/samples/<site>/<name>/
// (the security-guarantees sample is the case tests/golden/security-guarantees).
std::vector<std::pair<fs::path, fs::path>> golden_cases() {
  std::vector<std::pair<fs::path, fs::path>> cases;
  const fs::path root = fs::path(GALLEY_TEST_DATA) / "golden";
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    for (const char* name : {"input.md", "input.txt", "input.json"}) {
      if (fs::exists(entry.path() / name)) cases.emplace_back(entry.path() / name, entry.path());
    }
  }
  const fs::path samples = fs::path(GALLEY_TEST_DATA) / "samples";
  for (const auto& site : fs::directory_iterator(samples)) {
    if (!site.is_directory()) continue;
    for (const auto& e : fs::directory_iterator(site.path())) {
      if (e.path().extension() != ".md" && e.path().extension() != ".txt") continue;
      cases.emplace_back(e.path(), root / "samples" / site.path().filename() / e.path().stem());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

TEST_CASE("golden article cases", "[golden]") {
  const bool update = std::getenv("GALLEY_UPDATE_GOLDEN") != nullptr;
  size_t cases = 0;
  for (const auto& [input, dir] : golden_cases()) {
    ++cases;
    if (update) fs::create_directories(dir);
    std::string options_json = fs::exists(dir / "options.json") ? read_file(dir / "options.json") : "{}";
    galley::Result<galley::Options> options = galley::parse_options(options_json);
    REQUIRE(options.ok());
    options->outputs = galley::kOutputHtml | galley::kOutputMarkdown | galley::kOutputJson |
                       galley::kOutputJsonLd | galley::kOutputText;
    galley::Result<galley::FormatResult> result = galley::format(read_file(input), options.value());
    INFO("case " << dir.string());
    REQUIRE(result.ok());

    const Expected outputs[] = {{"output.html", &galley::FormatResult::html},
                                {"output.md", &galley::FormatResult::markdown},
                                {"article.json", &galley::FormatResult::json},
                                {"output.jsonld", &galley::FormatResult::jsonld},
                                {"output.txt", &galley::FormatResult::text}};
    std::vector<std::pair<std::string, std::string>> actual;
    for (const Expected& e : outputs) actual.emplace_back(e.file, result.value().*(e.field));
    // The model is stored pretty-printed so that a reviewer can read its diff.
    for (auto& [file, text] : actual) {
      if (file == "article.json") text = nlohmann::ordered_json::parse(text).dump(2) + "\n";
    }
    actual.emplace_back("diagnostics.txt", diagnostics_text(result->diagnostics));
    for (const auto& [file, text] : actual) {
      const fs::path expected = dir / file;
      if (update) {
        write_file(expected, text);
        continue;
      }
      INFO("expected file " << expected.string());
      REQUIRE(fs::exists(expected));  // every case has every output reviewed
      CHECK(read_file(expected) == text);
    }
  }
  CHECK(cases > 0);
}
