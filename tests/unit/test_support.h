// Helpers the unit tests share: reading files, the article sources the tests hold, building
// small models and reading an article's structure from a source.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "galley/galley.h"
#include "text_util.h"

namespace galley::test {

/// The bytes of a file (empty when it cannot be read).
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every article source the tests have: the samples and the golden cases' inputs, sorted.
inline std::vector<std::filesystem::path> article_sources() {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  const fs::path root(GALLEY_TEST_DATA);
  for (const auto& e : fs::recursive_directory_iterator(root / "samples")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".md" || ext == ".txt") &&
        e.path().filename() != "README.md") {
      out.push_back(e.path());
    }
  }
  for (const auto& e : fs::recursive_directory_iterator(root / "golden")) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && (name == "input.md" || name == "input.txt")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A text inline.
inline Inline text_node(const std::string& s) {
  Inline in;
  in.kind = InlineKind::text;
  in.text = s;
  return in;
}

/// A text part of one text inline.
inline TextPart part(const std::string& s) {
  TextPart p;
  p.inlines.push_back(text_node(s));
  return p;
}

/// The article Galley recognises in `source` (no outputs rendered).
inline Article article_of(const std::string& source, InputMode mode = InputMode::automatic,
                          const Options& base = Options{}) {
  Options options = base;
  options.input = mode;
  options.outputs = 0;
  const auto r = format(source, options);
  REQUIRE(r.ok());
  return r->article;
}

/// The plain text of a part.
inline std::string text_of(const TextPart& p) { return detail::plain_text(p.inlines); }

}  // namespace galley::test
