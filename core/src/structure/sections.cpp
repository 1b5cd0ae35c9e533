// Sections recogniser: every heading nobody claimed opens a section (level from the heading:
// ## a section, ### a subsection); free blocks join the section above them. A part (takeaways,
// credits, author box) ends the section before it, so text after a part opens a section
// without a heading where it stood.
#include "structure/parts.h"

namespace galley::structure {

void build_sections(Work& w) {
  std::vector<Section>& sections = w.article.sections;
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
      sections.push_back(std::move(s));
      open = true;
      continue;
    }
    if (!open) {
      sections.emplace_back();
      sections.back().range = b.range;
      open = true;
    }
    Section& s = sections.back();
    extend(s.range, b.range);
    s.blocks.push_back(std::move(b));
  }
}

}  // namespace galley::structure
