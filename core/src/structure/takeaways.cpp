// Takeaways recogniser: a heading (or a bold line, or a "Key takeaways:" line) whose text is a
// takeaways label (en, de, fr, Options::labels) directly over a list.
#include "structure/lexicon.h"
#include "structure/parts.h"
#include "text_util.h"

namespace galley::structure {
namespace {

// A short paragraph that is all bold or ends with a colon can label what follows it.
bool label_paragraph(const Block& b) {
  if (b.kind != BlockKind::paragraph) return false;
  const std::string text = detail::plain_text(b.inlines);
  if (detail::count_words(text) > 8) return false;
  if (b.inlines.size() == 1 &&
      (b.inlines[0].kind == InlineKind::strong || b.inlines[0].kind == InlineKind::emphasis)) {
    return true;
  }
  const std::string_view t = detail::trim_unicode(text);
  return !t.empty() && t.back() == ':';
}

// An item's text: its paragraphs (and those of nested lists) joined by line breaks.
void item_inlines(const Block& b, Inlines& out) {
  if (!b.inlines.empty()) {
    if (!out.empty()) {
      Inline br;
      br.kind = InlineKind::line_break;
      br.range = {b.range.begin, b.range.begin};
      out.push_back(br);
    }
    out.insert(out.end(), b.inlines.begin(), b.inlines.end());
  }
  if (b.kind == BlockKind::code || b.kind == BlockKind::html) {
    Inline in;
    in.kind = InlineKind::text;
    in.text = b.text;
    in.range = b.range;
    out.push_back(std::move(in));
  }
  for (const Block& c : b.children) item_inlines(c, out);
}

}  // namespace

void recognise_takeaways(Work& w) {
  for (size_t i = 0; i + 1 < w.blocks.size(); ++i) {
    if (!w.free(i) || !w.free(i + 1)) continue;
    Block& label = w.blocks[i];
    Block& list = w.blocks[i + 1];
    if (list.kind != BlockKind::list) continue;
    const bool heading = label.kind == BlockKind::heading;
    if (!heading && !label_paragraph(label)) continue;
    if (label_of(detail::plain_text(label.inlines), w.options.labels) != Label::takeaways) continue;

    Takeaways t;
    t.ordered = list.ordered;
    t.range = label.range;
    extend(t.range, list.range);
    const float confidence = heading ? (w.markdown() ? 1.0f : 0.95f) : 0.85f;
    t.how = {confidence, heading ? "takeaways-heading-over-list" : "takeaways-label-over-list"};
    label.how = t.how;
    t.heading = part_of(std::move(label));
    for (const Block& item : list.children) {
      TextPart p;
      item_inlines(item, p.inlines);
      p.range = item.range;
      p.how = t.how;
      t.items.push_back(std::move(p));
    }
    w.owner[i] = Owner::takeaways;
    w.owner[i + 1] = Owner::takeaways;
    w.article.takeaways = std::move(t);
    return;
  }
}

}  // namespace galley::structure
