// Plain-text input: one paragraph per line, short title-like lines as headings, "- " items.
#include <string_view>

#include "parse/document.h"
#include "text_util.h"

namespace galley::parse {
namespace {

using detail::SourceText;

struct Line {
  SourceRange range;  // trimmed content
  std::string_view text;
};

std::string_view list_marker(std::string_view s) {
  for (std::string_view m : {"- ", "* ", "\xE2\x80\xA2 "}) {
    if (s.substr(0, m.size()) == m) return m;
  }
  return {};
}

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ',' || c == ':' || c == ';';
}

Inline text_inline(std::string_view s, SourceRange r) {
  Inline in;
  in.kind = InlineKind::text;
  in.text = std::string(s);
  in.range = r;
  in.verbatim = true;
  return in;
}

}  // namespace

Document parse_text(const SourceText& source, FrontMatter front_matter, const Options&) {
  Document doc;
  doc.mode = InputMode::text;
  const uint32_t body = front_matter.body_offset;
  doc.front_matter = std::move(front_matter);
  const std::string& text = source.text();

  std::vector<Line> lines;
  for (uint32_t l = source.line_of(body); l <= source.line_count(); ++l) {
    uint32_t b = source.line_start(l), e = source.line_end(l);
    if (b < body) continue;
    while (b < e && detail::is_space(text[b])) ++b;
    while (e > b && detail::is_space(text[e - 1])) --e;
    if (b == e) continue;
    lines.push_back({{b, e}, std::string_view(text).substr(b, e - b)});
  }

  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const std::string_view marker = list_marker(line.text);
    if (!marker.empty()) {
      Block list;
      list.kind = BlockKind::list;
      list.range.begin = line.range.begin;
      while (i < lines.size() && !list_marker(lines[i].text).empty()) {
        const Line& it = lines[i];
        const auto m = static_cast<uint32_t>(list_marker(it.text).size());
        Block item;
        item.kind = BlockKind::item;
        item.range = it.range;
        Block para;
        para.kind = BlockKind::paragraph;
        para.range = {it.range.begin + m, it.range.end};
        para.inlines.push_back(text_inline(it.text.substr(m), para.range));
        item.children.push_back(std::move(para));
        list.children.push_back(std::move(item));
        list.range.end = it.range.end;
        ++i;
      }
      --i;
      doc.blocks.push_back(std::move(list));
      continue;
    }
    Block b;
    b.range = line.range;
    b.inlines.push_back(text_inline(line.text, line.range));
    const bool followed = i + 1 < lines.size();
    if (line.text.size() <= 90 && !ends_sentence(line.text) && followed) {
      b.kind = BlockKind::heading;
      b.level = 2;
      b.how = {0.7f, "short-line-without-final-punctuation"};
    } else {
      b.kind = BlockKind::paragraph;
    }
    doc.blocks.push_back(std::move(b));
  }
  return doc;
}

InputMode detect_mode(const SourceText& source, const FrontMatter& front_matter,
                      std::string& reason) {
  if (!front_matter.format.empty()) {
    reason = "it starts with front matter";
    return InputMode::markdown;
  }
  const std::string& text = source.text();
  int markdown = 0;
  for (uint32_t l = 1; l <= source.line_count(); ++l) {
    const std::string_view line =
        std::string_view(text).substr(source.line_start(l), source.line_end(l) - source.line_start(l));
    if (line.substr(0, 2) == "# " || line.substr(0, 3) == "## " || line.substr(0, 4) == "### ") markdown += 3;
    if (line.substr(0, 3) == "```" || line.substr(0, 2) == "> ") markdown += 2;
    if (line.find("](") != std::string_view::npos) markdown += 2;
    if (line.find("**") != std::string_view::npos) markdown += 1;
  }
  if (markdown >= 3) {
    reason = "it has Markdown headings, links, quotes or code";
    return InputMode::markdown;
  }
  reason = "it has no Markdown markup";
  return InputMode::text;
}

}  // namespace galley::parse
