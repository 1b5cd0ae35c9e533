// Byline recogniser: authors from front matter (author/authors), else from a "By …" line near
// the top ("By Jane Doe and John Smith, Reuters", "Von Anna Müller", "Par Jean Dupont").
#include "structure/lexicon.h"
#include "structure/parts.h"
#include "structure/tokens.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// Compiled for size in the WebAssembly build: views of literals get their lengths at compile
// time, not from strlen at run time.
using namespace std::string_view_literals;

// Bylines are short and stand near the top.
constexpr uint32_t kBylineMaxWords = 25;
constexpr size_t kBylineSearchBlocks = 4;

// Bytes of the "By " opening, or 0.
size_t by_opening(std::string_view s) {
  static constexpr std::string_view kOpenings[] = {"by ", "von ", "par "};
  for (std::string_view by : kOpenings) {
    if (s.size() > by.size() && detail::starts_with_ci(s, by)) {
      size_t i = by.size();
      while (i < s.size() && s[i] == ' ') ++i;
      size_t k = i;
      if (k < s.size() && detail::is_upper(detail::decode_utf8(s, k))) return i;
    }
  }
  return 0;
}

bool separator(const Token& t, std::string_view text) {
  if (t.word) {
    const Folded f = folded(t, text);
    return f == "and"sv || f == "und"sv || f == "et"sv;
  }
  return t.cp == ',' || t.cp == '&';
}

}  // namespace

bool is_byline(const Block& b) {
  if (b.kind != BlockKind::paragraph) return false;
  if (!b.range.empty() && b.range.end - b.range.begin > kBylineMaxWords * 256)
    return false;  // too long to count (see short_paragraph)
  const std::string text = detail::plain_text(b.inlines);
  // The opening first: most paragraphs are turned away by it without counting their words.
  const size_t open = by_opening(detail::trim_unicode(text));
  if (open == 0) return false;
  if (detail::count_words(text) > kBylineMaxWords || text.find('\n') != std::string::npos)
    return false;
  const std::vector<Token> tokens = tokenize(text);
  size_t start = 0;
  while (start < tokens.size() && tokens[start].begin < open) ++start;
  const std::optional<NameSpan> name = name_starting_at(tokens, text, start);
  return name && looks_like_person(tokens, text, *name);
}

void recognise_byline(Work& w) {
  Article& a = w.article;
  const parse::FrontMatter& fm = w.doc.front_matter;
  for (size_t i = 0; i < fm.authors.size(); ++i) {
    Person p;
    p.name = fm.authors[i];
    if (i < fm.author_ranges.size()) p.range = fm.author_ranges[i];
    a.byline.push_back(std::move(p));
  }
  if (!a.byline.empty()) a.byline_how = {1.0f, "front-matter"};

  size_t seen = 0;
  for (size_t i = 0; i < w.blocks.size() && seen < kBylineSearchBlocks; ++i) {
    if (!w.free(i)) continue;
    ++seen;
    Block& b = w.blocks[i];
    if (!is_byline(b)) continue;
    const detail::TextMap map(b.inlines);
    const std::string& text = map.text();
    if (a.byline.empty()) {
      // Names separated by commas and "and", up to the first part that is not a name (the
      // outlet, a date, "| Updated …").
      const std::vector<Token> tokens = tokenize(text);
      const size_t open = by_opening(text);
      size_t k = 0;
      while (k < tokens.size() && tokens[k].begin < open) ++k;
      while (k < tokens.size()) {
        const std::optional<NameSpan> name = name_starting_at(tokens, text, k);
        if (!name || !looks_like_person(tokens, text, *name)) break;
        Person p;
        p.name = std::string(name_text(tokens, text, *name));
        p.range = map.source_range(tokens[name->first].begin, tokens[name->last].end);
        a.byline.push_back(std::move(p));
        k = name->last + 1;
        if (k >= tokens.size() || !separator(tokens[k], text)) break;
        while (k < tokens.size() && separator(tokens[k], text)) ++k;
      }
      if (a.byline.empty()) continue;
      a.byline_how = {0.9f, "by-line"};
    }
    b.how = {0.9f, "by-line"};
    a.byline_range = b.range;
    a.byline_text = part_of(std::move(b));
    w.owner[i] = Owner::byline;
    return;
  }
}

}  // namespace galley::structure
