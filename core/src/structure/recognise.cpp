// Structure recognition: runs the recognisers in order over a parsed document and fills in
// the meta facts. Each recogniser claims the blocks it turns into a part; what nobody claims
// stays in the section where it stood.
#include "structure/recognise.h"

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "structure/lexicon.h"
#include "structure/parts.h"
#include "text_util.h"

namespace galley::structure {

TextPart part_of(Block&& b) {
  TextPart p;
  p.inlines = std::move(b.inlines);
  p.range = b.range;
  p.how = b.how;
  return p;
}

TextPart part_of_text(const std::string& text, SourceRange range, const detail::SourceText& src,
                      Recognition how) {
  TextPart p;
  Inline in;
  in.kind = InlineKind::text;
  in.text = text;
  in.range = range;
  in.verbatim = !range.empty() && src.view(range) == text;
  p.inlines.push_back(std::move(in));
  p.range = range;
  p.how = std::move(how);
  return p;
}

void extend(SourceRange& r, SourceRange by) {
  if (by.empty() && by.begin == 0) return;
  if (r.empty() && r.begin == 0 && r.end == 0) {
    r = by;
    return;
  }
  if (by.begin < r.begin) r.begin = by.begin;
  if (by.end > r.end) r.end = by.end;
}

uint32_t words_in(const Block& b) { return detail::count_words(detail::plain_text(b)); }

bool short_paragraph(const Block& b, uint32_t max_words) {
  if (b.kind != BlockKind::paragraph) return false;
  const uint32_t bytes = b.range.empty() ? 0 : b.range.end - b.range.begin;
  if (bytes > static_cast<uint64_t>(max_words) * 256) return false;
  return words_in(b) <= max_words;
}

bool only_emphasis(const Block& b) {
  if (b.kind != BlockKind::paragraph) return false;
  size_t emphasis = 0;
  for (const Inline& in : b.inlines) {
    if (in.kind == InlineKind::emphasis) {
      ++emphasis;
    } else if (in.kind == InlineKind::text && detail::trim_unicode(in.text).empty()) {
      continue;
    } else {
      return false;
    }
  }
  return emphasis == 1;
}

void collect_links(const Inlines& inlines, std::vector<std::string>& out) {
  for (const Inline& in : inlines) {
    if (in.kind == InlineKind::link && !in.url.empty()) out.push_back(in.url);
    collect_links(in.children, out);
  }
}

SourceRange text_range(const Inlines& inlines, uint32_t b, uint32_t e) {
  return detail::TextMap(inlines).source_range(b, e);
}

namespace {

// Words of a run of inlines; `text` is scratch.
uint32_t run_words(const Inlines& inlines, std::string& text) {
  if (inlines.empty()) return 0;
  text.clear();
  detail::append_plain_text(inlines, text);
  return detail::count_words(text);
}

// The words of a block's plain text (detail::plain_text), counted run by run: no word runs
// across the line breaks that join its runs there, and a table's thousands of cells are not
// copied into one text first.
uint32_t block_words(const Block& b, std::string& text) {
  uint32_t n = run_words(b.inlines, text);
  if (b.kind == BlockKind::code) n += detail::count_words(b.text);
  for (const Block& c : b.children) n += block_words(c, text);
  return n + run_words(b.attribution, text);
}

}  // namespace

void count_words(Article& a) {
  uint32_t n = 0;
  std::string text;  // one scratch buffer for every run's plain text
  const auto part = [&](const TextPart& p) { n += run_words(p.inlines, text); };
  if (a.headline) part(*a.headline);
  if (a.dek) part(*a.dek);
  for (const Section& s : a.sections) {
    if (s.heading) part(*s.heading);
    for (const Block& b : s.blocks) n += block_words(b, text);
  }
  if (a.takeaways) {
    part(a.takeaways->heading);
    for (const TextPart& item : a.takeaways->items) part(item);
  }
  if (a.credits) {
    if (a.credits->heading) part(*a.credits->heading);
    part(a.credits->text);
  }
  if (a.author_box) {
    if (a.author_box->heading) part(*a.author_box->heading);
    for (const Block& b : a.author_box->bio) n += block_words(b, text);
  }
  a.meta.word_count = n;
  a.meta.reading_minutes = std::ceil(n / 238.0 * 10.0) / 10.0;
}

void assign_section_ids(Article& a) {
  // Every id given, hashed (thousands of headings may need one), with the next suffix to try
  // when it comes again as a base: ids are never freed, so the search for a free "base-k"
  // resumes where the last one for that base stopped (linear, not quadratic, when thousands
  // of headings are alike), and a base is looked up once.
  std::unordered_map<std::string, int> used;
  used.reserve(a.sections.size());
  int index = 0;
  for (Section& s : a.sections) {
    ++index;
    std::string base = s.heading ? detail::slugify(detail::plain_text(s.heading->inlines)) : "";
    if (base.empty()) base = "section-" + std::to_string(index);
    const auto [at, fresh] = used.try_emplace(base, 2);
    if (fresh) {
      s.id = std::move(base);
      continue;
    }
    int& k = at->second;  // elements stay where they are when the table grows
    std::string id;
    do {
      id.assign(base);
      id += '-';
      id += std::to_string(k++);
    } while (!used.try_emplace(id, 2).second);
    s.id = std::move(id);
  }
}

namespace {

// Lower-case name parts split at spaces, hyphens and underscores, without initials ("J.").
std::vector<std::string> name_parts(std::string_view name) {
  std::vector<std::string> out;
  std::string part;
  const std::string f = fold(name);
  for (size_t i = 0; i <= f.size(); ++i) {
    const char c = i < f.size() ? f[i] : ' ';
    if (c == ' ' || c == '-' || c == '_') {
      const bool initial = part.size() == 1 || (part.size() == 2 && part[1] == '.');
      if (!part.empty() && !initial) out.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

// A front-matter author given as a user name ("sean-herron", "jeremyzilar") stands for the
// person the author box names ("Sean Herron"): the byline takes the name as the box writes it,
// which is what readers and schema.org's author.name want.
void name_user_name_authors(Article& a) {
  if (!a.author_box || a.author_box->name.empty() || a.byline_how.reason != "front-matter") return;
  const std::vector<std::string> box = name_parts(a.author_box->name);
  if (box.size() < 2) return;
  for (Person& p : a.byline) {
    if (p.name.find(' ') != std::string::npos) continue;  // a name as written, not a user name
    const std::vector<std::string> user = name_parts(p.name);
    const bool same =
        user == box || joined(user) == joined(box) ||
        (user.size() == 2 && user.front() == box.front() && user.back() == box.back());
    if (same) p.name = a.author_box->name;
  }
}

}  // namespace

Article recognise(parse::Document doc, const detail::SourceText& source, const Options& options) {
  Article a;
  Work w(doc, source, options, a);
  recognise_meta(w);
  recognise_headline(w);
  recognise_byline(w);
  recognise_dateline(w);
  recognise_takeaways(w);
  recognise_credits(w);
  recognise_author_box(w);
  name_user_name_authors(a);
  build_sections(w);
  // The byline falls back on the credited reporters (the design's byline sources, in order).
  if (a.byline.empty() && a.credits && !a.credits->people.empty()) {
    a.byline = a.credits->people;
    a.byline_how = {0.6f, "credits"};
  }
  recognise_quotes(w);
  a.footnotes = std::move(doc.footnotes);
  assign_section_ids(a);
  count_words(a);
  return a;
}

}  // namespace galley::structure
