// Plain-text renderer: one paragraph a line, in the order of the parts.
#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"

namespace galley::render {
namespace {

void line(std::string& out, const Inlines& inlines) {
  append_plain_text(out, inlines);
  out += '\n';
}

void literal_lines(std::string& out, std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (text.empty()) return;
  out += text;
  out += '\n';
}

void block_lines(std::string& out, const Block& b) {
  switch (b.kind) {
    case BlockKind::paragraph:
    case BlockKind::heading:
    case BlockKind::figure:
    case BlockKind::cell:
      line(out, b.inlines);
      if (b.kind == BlockKind::figure && !b.attribution.empty()) line(out, b.attribution);
      break;
    case BlockKind::code:
    case BlockKind::html:
      literal_lines(out, b.text);
      break;
    case BlockKind::row:
      for (size_t i = 0; i < b.children.size(); ++i) {
        if (i > 0) out += '\t';
        append_plain_text(out, b.children[i].inlines);
      }
      out += '\n';
      break;
    case BlockKind::list: {
      int64_t number = b.start;
      for (const Block& item : b.children) {
        if (b.ordered) {
          append_int(out, number++);
          out += b.delimiter == ')' ? ") " : ". ";
        } else {
          out += "- ";
        }
        if (item.children.empty()) out += '\n';
        for (const Block& c : item.children) block_lines(out, c);
      }
      break;
    }
    case BlockKind::rule:
      break;
    case BlockKind::quote:
    case BlockKind::item:
    case BlockKind::table:
    case BlockKind::footnote:
      for (const Block& c : b.children) block_lines(out, c);
      if (!b.attribution.empty()) {
        out += b.kind == BlockKind::quote ? "\xE2\x80\x94 " : "";
        line(out, b.attribution);
      }
      break;
  }
}

}  // namespace

std::string text(const Article& a, const Options& options) {
  std::string out;
  out.reserve(256 + static_cast<size_t>(a.meta.word_count) * 7);
  if (a.headline) line(out, a.headline->inlines);
  const bool byline_first =
      a.byline_text && a.dek && a.byline_text->range.begin < a.dek->range.begin;
  if (byline_first) line(out, a.byline_text->inlines);
  if (a.dek) line(out, a.dek->inlines);
  if (a.byline_text && !byline_first) line(out, a.byline_text->inlines);
  for (const PartRef& p : part_order(a, options.layout)) {
    switch (p.kind) {
      case PartRef::Kind::section: {
        const Section& s = a.sections[p.index];
        if (s.heading) line(out, s.heading->inlines);
        for (const Block& b : s.blocks) block_lines(out, b);
        break;
      }
      case PartRef::Kind::takeaways:
        line(out, a.takeaways->heading.inlines);
        for (const TextPart& item : a.takeaways->items) {
          out += "- ";
          line(out, item.inlines);
        }
        break;
      case PartRef::Kind::credits:
        if (a.credits->heading) line(out, a.credits->heading->inlines);
        line(out, a.credits->text.inlines);
        break;
      case PartRef::Kind::author_box:
        if (a.author_box->heading) line(out, a.author_box->heading->inlines);
        for (const Block& b : a.author_box->bio) block_lines(out, b);
        break;
    }
  }
  for (const Block& f : a.footnotes) block_lines(out, f);
  return out;
}

}  // namespace galley::render
