// Sections recogniser: every heading nobody claimed opens a section (level from the heading:
// ## a section, ### a subsection); free blocks join the section above them. A part (takeaways,
// credits, author box) ends the section before it, so text after a part opens a section
// without a heading where it stood.
#include "structure/parts.h"

namespace galley::structure {

namespace {

// How many free blocks from `i` on join one section: up to the next heading or part.
size_t free_blocks_from(const Work& w, size_t i) {
  size_t n = 0;
  for (; i < w.blocks.size(); ++i) {
    const Owner owner = w.owner[i];
    if (owner == Owner::takeaways || owner == Owner::credits || owner == Owner::author_box) break;
    if (owner != Owner::body) continue;
    if (w.blocks[i].kind == BlockKind::heading) break;
    ++n;
  }
  return n;
}

}  // namespace

void build_sections(Work& w) {
  std::vector<Section>& sections = w.article.sections;
  // At most one per free heading, and one after each part and at the start: counted, so that
  // thousands of sections are not moved at every doubling.
  size_t most = 1;
  for (size_t i = 0; i < w.blocks.size(); ++i) {
    if (w.owner[i] != Owner::body || w.blocks[i].kind == BlockKind::heading) ++most;
  }
  sections.reserve(most);
  bool open = false;  // whether free blocks may join the last section
  for (size_t i = 0; i < w.blocks.size(); ++i) {
    const Owner owner = w.owner[i];
    if (owner == Owner::takeaways || owner == Owner::credits || owner == Owner::author_box) {
      open = false;
      continue;
    }
    if (owner != Owner::body) continue;
    Block& b = w.blocks[i];
    if (b.kind == BlockKind::heading) {
      Section s;
      s.level = b.level;
      s.range = b.range;
      s.heading = part_of(std::move(b));
      s.blocks.reserve(free_blocks_from(w, i + 1));  // moved once each, not at every doubling
      sections.push_back(std::move(s));
      open = true;
      continue;
    }
    if (!open) {
      sections.emplace_back();
      sections.back().range = b.range;
      sections.back().blocks.reserve(free_blocks_from(w, i));
      open = true;
    }
    Section& s = sections.back();
    extend(s.range, b.range);
    s.blocks.push_back(std::move(b));
  }
}

}  // namespace galley::structure
