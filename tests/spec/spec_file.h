// Reads CommonMark/GFM spec files (cmark-gfm's test/spec.txt format) into examples.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace galley::spec {

/// One example of a spec file.
struct Example {
  int number = 0;                       ///< 1-based, counted as cmark's spec_tests.py does.
  int line = 0;                         ///< Line of the opening fence.
  std::string section;                  ///< The heading above it.
  std::string markdown;                 ///< Input ('→' replaced by a tab).
  std::string html;                     ///< Expected HTML.
  std::vector<std::string> extensions;  ///< Words after "example" (e.g. "table", "disabled").
};

/// Reads every example of a spec file; an unreadable file gives none.
inline std::vector<Example> read_examples(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<Example> out;
  if (!in) return out;
  const std::string fence(32, '`');
  const std::string arrow = "\xE2\x86\x92";
  std::string line, section;
  int state = 0;  // 0 text, 1 markdown, 2 html
  int line_number = 0, number = 0;
  Example current;
  // The spec writes tabs as "→"; a copy (not replace() in place, which g++ 12 misreads as an
  // overlapping memcpy under -Wrestrict) gives them back.
  auto untab = [&](const std::string& s) {
    std::string out;
    size_t from = 0;
    for (size_t at = s.find(arrow); at != std::string::npos; at = s.find(arrow, from)) {
      out.append(s, from, at - from);
      out += '\t';
      from = at + arrow.size();
    }
    out.append(s, from, std::string::npos);
    return out;
  };
  while (std::getline(in, line)) {
    ++line_number;
    std::string trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r'))
      trimmed.pop_back();
    size_t lead = 0;
    while (lead < trimmed.size() && trimmed[lead] == ' ') ++lead;
    trimmed = trimmed.substr(lead);
    if (trimmed.rfind(fence + " example", 0) == 0) {
      state = 1;
      current = Example{};
      current.line = line_number;
      current.section = section;
      std::istringstream words(trimmed.substr(fence.size() + 8));
      for (std::string w; words >> w;) current.extensions.push_back(w);
      continue;
    }
    if (trimmed == fence && state != 0) {
      state = 0;
      current.number = ++number;
      current.markdown = untab(current.markdown);
      current.html = untab(current.html);
      out.push_back(current);
      continue;
    }
    if (trimmed == "." && state == 1) {
      state = 2;
      continue;
    }
    if (state == 1) {
      current.markdown += line + "\n";
    } else if (state == 2) {
      current.html += line + "\n";
    } else if (!line.empty() && line[0] == '#') {
      size_t h = 0;
      while (h < line.size() && line[h] == '#') ++h;
      if (h < line.size() && line[h] == ' ') section = line.substr(h + 1);
    }
  }
  return out;
}

}  // namespace galley::spec
