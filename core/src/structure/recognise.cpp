// Structure recognition: headline, dek and sections from a parsed document.
#include "structure/recognise.h"

#include <cmath>
#include <set>

#include "text_util.h"

namespace galley::structure {
namespace {

TextPart part_of(Block&& b) {
  TextPart p;
  p.inlines = std::move(b.inlines);
  p.range = b.range;
  p.how = b.how;
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

}  // namespace

void count_words(Article& a) {
  uint32_t n = 0;
  if (a.headline) n += detail::count_words(detail::plain_text(a.headline->inlines));
  if (a.dek) n += detail::count_words(detail::plain_text(a.dek->inlines));
  for (const Section& s : a.sections) {
    if (s.heading) n += detail::count_words(detail::plain_text(s.heading->inlines));
    for (const Block& b : s.blocks) n += words_in(b);
  }
  if (a.takeaways) {
    n += detail::count_words(detail::plain_text(a.takeaways->heading.inlines));
    for (const TextPart& item : a.takeaways->items) n += detail::count_words(detail::plain_text(item.inlines));
  }
  if (a.credits) n += detail::count_words(detail::plain_text(a.credits->text.inlines));
  if (a.author_box) {
    for (const Block& b : a.author_box->bio) n += words_in(b);
  }
  a.meta.word_count = n;
  a.meta.reading_minutes = std::ceil(n / 238.0 * 10.0) / 10.0;
}

void assign_section_ids(Article& a) {
  std::set<std::string> used;
  int index = 0;
  for (Section& s : a.sections) {
    ++index;
    std::string base = s.heading ? detail::slugify(detail::plain_text(s.heading->inlines)) : "";
    if (base.empty()) base = "section-" + std::to_string(index);
    std::string id = base;
    for (int k = 2; used.count(id); ++k) id = base + "-" + std::to_string(k);
    used.insert(id);
    s.id = id;
  }
}

Article recognise(parse::Document doc, const detail::SourceText&, const Options&) {
  Article a;
  std::vector<Block>& blocks = doc.blocks;
  size_t i = 0;
  // Headline: a first H1.
  if (i < blocks.size() && blocks[i].kind == BlockKind::heading && blocks[i].level == 1) {
    a.headline = part_of(std::move(blocks[i]));
    ++i;
    // Dek: the paragraph right under the headline.
    if (i < blocks.size() && blocks[i].kind == BlockKind::paragraph) {
      a.dek = part_of(std::move(blocks[i]));
      a.dek->how = {0.9f, "first-paragraph-under-headline"};
      ++i;
    }
  }
  Section* current = nullptr;
  for (; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (b.kind == BlockKind::heading) {
      Section s;
      s.level = b.level;
      s.range = b.range;
      s.heading = part_of(std::move(b));
      a.sections.push_back(std::move(s));
      current = &a.sections.back();
      continue;
    }
    if (!current) {
      a.sections.emplace_back();
      current = &a.sections.back();
      current->range = b.range;
    }
    extend(current->range, b.range);
    current->blocks.push_back(std::move(b));
  }
  a.footnotes = std::move(doc.footnotes);
  a.meta.front_matter_format = doc.front_matter.format;
  a.meta.front_matter_json = doc.front_matter.json;
  a.meta.front_matter_range = doc.front_matter.range;
  assign_section_ids(a);
  count_words(a);
  return a;
}

}  // namespace galley::structure
