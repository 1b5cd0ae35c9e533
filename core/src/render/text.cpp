// Plain-text renderer: one paragraph a line.
#include "render/render.h"
#include "text_util.h"

namespace galley::render {
namespace {

void block_lines(const Block& b, std::string& out) {
  switch (b.kind) {
    case BlockKind::paragraph:
    case BlockKind::heading:
    case BlockKind::figure:
      out += detail::plain_text(b.inlines);
      out += '\n';
      break;
    case BlockKind::code:
    case BlockKind::html:
      out += b.text;
      if (!b.text.empty() && b.text.back() != '\n') out += '\n';
      break;
    case BlockKind::row: {
      bool first = true;
      for (const Block& c : b.children) {
        if (!first) out += '\t';
        first = false;
        out += detail::plain_text(c.inlines);
      }
      out += '\n';
      break;
    }
    case BlockKind::item:
      out += "- ";
      for (const Block& c : b.children) block_lines(c, out);
      break;
    case BlockKind::rule:
      break;
    default:
      for (const Block& c : b.children) block_lines(c, out);
      if (!b.attribution.empty()) {
        out += detail::plain_text(b.attribution);
        out += '\n';
      }
      break;
  }
}

}  // namespace

std::string text(const Article& a, const Options& options) {
  std::string out;
  if (a.headline) out += detail::plain_text(a.headline->inlines) + "\n";
  if (a.dek) out += detail::plain_text(a.dek->inlines) + "\n";
  for (const PartRef& p : part_order(a, options.layout)) {
    switch (p.kind) {
      case PartRef::Kind::section: {
        const Section& s = a.sections[p.index];
        if (s.heading) out += detail::plain_text(s.heading->inlines) + "\n";
        for (const Block& b : s.blocks) block_lines(b, out);
        break;
      }
      case PartRef::Kind::takeaways:
        out += detail::plain_text(a.takeaways->heading.inlines) + "\n";
        for (const TextPart& item : a.takeaways->items) out += "- " + detail::plain_text(item.inlines) + "\n";
        break;
      case PartRef::Kind::credits:
        if (a.credits->heading) out += detail::plain_text(a.credits->heading->inlines) + "\n";
        out += detail::plain_text(a.credits->text.inlines) + "\n";
        break;
      case PartRef::Kind::author_box:
        if (a.author_box->heading) out += detail::plain_text(a.author_box->heading->inlines) + "\n";
        for (const Block& b : a.author_box->bio) block_lines(b, out);
        break;
    }
  }
  for (const Block& f : a.footnotes) block_lines(f, out);
  return out;
}

}  // namespace galley::render
