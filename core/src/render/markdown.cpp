// Markdown renderer: canonical Markdown (ATX headings, '-' bullets, '>' quotes).
#include "render/render.h"
#include "text_util.h"

namespace galley::render {
namespace {

void escape_text(std::string& out, std::string_view s) {
  for (const char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '#') out += '\\';
    out += c;
  }
}

void inlines(std::string& out, const Inlines& list) {
  for (const Inline& in : list) {
    switch (in.kind) {
      case InlineKind::text: escape_text(out, in.text); break;
      case InlineKind::code: out += "`" + in.text + "`"; break;
      case InlineKind::emphasis: out += '*'; inlines(out, in.children); out += '*'; break;
      case InlineKind::strong: out += "**"; inlines(out, in.children); out += "**"; break;
      case InlineKind::strikethrough: out += "~~"; inlines(out, in.children); out += "~~"; break;
      case InlineKind::link: out += '['; inlines(out, in.children); out += "](" + in.url + ")"; break;
      case InlineKind::image: out += "!["; inlines(out, in.children); out += "](" + in.url + ")"; break;
      case InlineKind::html: out += in.text; break;
      case InlineKind::soft_break: out += '\n'; break;
      case InlineKind::line_break: out += "\\\n"; break;
      case InlineKind::footnote_reference: out += "[^" + in.text + "]"; break;
    }
  }
}

void block(std::string& out, const Block& b) {
  switch (b.kind) {
    case BlockKind::paragraph:
    case BlockKind::figure:
      inlines(out, b.inlines);
      out += "\n\n";
      break;
    case BlockKind::list:
      for (const Block& item : b.children) {
        out += "- ";
        for (const Block& c : item.children) block(out, c);
      }
      break;
    case BlockKind::code:
      out += "```" + b.info + "\n" + b.text + "```\n\n";
      break;
    case BlockKind::html:
      out += b.text + "\n";
      break;
    case BlockKind::rule:
      out += "---\n\n";
      break;
    default:
      for (const Block& c : b.children) block(out, c);
      break;
  }
}

}  // namespace

std::string markdown(const Article& a, const Options& options) {
  std::string out;
  if (a.headline) {
    out += "# ";
    inlines(out, a.headline->inlines);
    out += "\n\n";
  }
  if (a.dek) {
    inlines(out, a.dek->inlines);
    out += "\n\n";
  }
  for (const PartRef& p : part_order(a, options.layout)) {
    if (p.kind != PartRef::Kind::section) continue;
    const Section& s = a.sections[p.index];
    if (s.heading) {
      out += std::string(static_cast<size_t>(s.level), '#') + " ";
      inlines(out, s.heading->inlines);
      out += "\n\n";
    }
    for (const Block& b : s.blocks) block(out, b);
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace galley::render
