// HTML renderer: a semantic, safe <article> (or a whole document with the default theme).
#include <algorithm>

#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"

namespace galley::render {

std::vector<PartRef> part_order(const Article& a, Layout layout) {
  struct Entry {
    PartRef ref;
    uint32_t at;
    int rank;
  };
  std::vector<Entry> entries;
  for (size_t i = 0; i < a.sections.size(); ++i) {
    entries.push_back({{PartRef::Kind::section, i}, a.sections[i].range.begin, 1});
  }
  if (a.takeaways) entries.push_back({{PartRef::Kind::takeaways, 0}, a.takeaways->range.begin, layout == Layout::standard ? 0 : 2});
  if (a.credits) entries.push_back({{PartRef::Kind::credits, 0}, a.credits->range.begin, 3});
  if (a.author_box) entries.push_back({{PartRef::Kind::author_box, 0}, a.author_box->range.begin, 4});
  // Parts without source positions (from JSON input) keep the standard order.
  const bool positioned = std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.at > 0; });
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& x, const Entry& y) {
    if (layout == Layout::standard || !positioned) {
      if (x.rank != y.rank) return x.rank < y.rank;
    }
    return positioned ? x.at < y.at : false;
  });
  std::vector<PartRef> out;
  out.reserve(entries.size());
  for (const Entry& e : entries) out.push_back(e.ref);
  return out;
}

namespace {

class HtmlRenderer {
 public:
  HtmlRenderer(const Article& a, const Options& o, std::string& out) : a_(a), o_(o), out_(out) {}

  void article() {
    open("article", "article");
    out_.pop_back();
    out_ += " lang=\"";
    escape_html(out_, a_.meta.language);
    out_ += "\">\n";
    header();
    std::vector<int> open_levels;
    for (const PartRef& p : part_order(a_, o_.layout)) {
      if (p.kind == PartRef::Kind::section) {
        const Section& s = a_.sections[p.index];
        const int level = s.heading ? s.level : (open_levels.empty() ? 2 : open_levels.back());
        while (!open_levels.empty() && open_levels.back() >= level) {
          out_ += "</section>\n";
          open_levels.pop_back();
        }
        section(s);
        open_levels.push_back(level);
        continue;
      }
      while (!open_levels.empty()) {
        out_ += "</section>\n";
        open_levels.pop_back();
      }
      if (p.kind == PartRef::Kind::takeaways) takeaways(*a_.takeaways);
      if (p.kind == PartRef::Kind::credits) credits(*a_.credits);
      if (p.kind == PartRef::Kind::author_box) author_box(*a_.author_box);
    }
    while (!open_levels.empty()) {
      out_ += "</section>\n";
      open_levels.pop_back();
    }
    if (!a_.footnotes.empty()) footnotes();
    out_ += "</article>\n";
  }

 private:
  // Writes <tag class="prefix+cls">
  void open(std::string_view tag, std::string_view cls) {
    out_ += '<';
    out_ += tag;
    out_ += " class=\"";
    escape_html(out_, o_.class_prefix);
    escape_html(out_, cls);
    out_ += "\">";
  }
  void close(std::string_view tag) {
    out_ += "</";
    out_ += tag;
    out_ += ">\n";
  }

  void header() {
    const bool any = a_.headline || a_.dek || !a_.byline.empty() || !a_.meta.kicker.empty();
    if (!any) return;
    open("header", "header");
    out_ += '\n';
    if (!a_.meta.kicker.empty()) {
      open("p", "kicker");
      escape_html(out_, a_.meta.kicker);
      close("p");
    }
    if (a_.headline) {
      open("h1", "headline");
      inlines(a_.headline->inlines);
      close("h1");
    }
    if (a_.dek) {
      open("p", "dek");
      inlines(a_.dek->inlines);
      close("p");
    }
    if (!a_.byline.empty()) {
      open("p", "byline");
      out_ += "By ";
      for (size_t i = 0; i < a_.byline.size(); ++i) {
        if (i > 0) out_ += i + 1 == a_.byline.size() ? " and " : ", ";
        out_ += "<span class=\"";
        escape_html(out_, o_.class_prefix);
        out_ += "author\">";
        escape_html(out_, a_.byline[i].name);
        out_ += "</span>";
      }
      close("p");
    }
    if (!a_.meta.date.empty()) {
      open("p", "date");
      out_ += "<time>";
      escape_html(out_, a_.meta.date);
      out_ += "</time>";
      close("p");
    }
    close("header");
  }

  void section(const Section& s) {
    out_ += "<section class=\"";
    escape_html(out_, o_.class_prefix);
    out_ += "section\"";
    if (s.heading) {
      out_ += " aria-labelledby=\"";
      escape_html(out_, s.id);
      out_ += "\">\n";
      const int level = std::clamp(s.level, 2, 6);
      out_ += "<h" + std::to_string(level) + " id=\"";
      escape_html(out_, s.id);
      out_ += "\">";
      inlines(s.heading->inlines);
      out_ += "</h" + std::to_string(level) + ">\n";
    } else {
      out_ += ">\n";
    }
    for (const Block& b : s.blocks) block(b);
  }

  void takeaways(const Takeaways& t) {
    const std::string label = detail::plain_text(t.heading.inlines);
    out_ += "<aside class=\"";
    escape_html(out_, o_.class_prefix);
    out_ += "takeaways\" aria-label=\"";
    escape_html(out_, label);
    out_ += "\">\n";
    open("h2", "takeaways-heading");
    inlines(t.heading.inlines);
    close("h2");
    out_ += t.ordered ? "<ol>\n" : "<ul>\n";
    for (const TextPart& item : t.items) {
      out_ += "<li>";
      inlines(item.inlines);
      out_ += "</li>\n";
    }
    out_ += t.ordered ? "</ol>\n" : "</ul>\n";
    close("aside");
  }

  void credits(const Credits& c) {
    if (c.heading) {
      open("h2", "credits-heading");
      inlines(c.heading->inlines);
      close("h2");
    }
    open("p", "credits");
    inlines(c.text.inlines);
    close("p");
  }

  void author_box(const AuthorBox& box) {
    out_ += "<aside class=\"";
    escape_html(out_, o_.class_prefix);
    out_ += "author-box\" aria-label=\"About the author\" itemscope itemtype=\"https://schema.org/Person\">\n";
    if (box.heading) {
      open("h2", "author-heading");
      inlines(box.heading->inlines);
      close("h2");
    }
    out_ += "<meta itemprop=\"name\" content=\"";
    escape_html(out_, box.name);
    out_ += "\">\n";
    if (!box.role.empty()) {
      out_ += "<meta itemprop=\"jobTitle\" content=\"";
      escape_html(out_, box.role);
      out_ += "\">\n";
    }
    out_ += "<div itemprop=\"description\">\n";
    for (const Block& b : box.bio) block(b);
    out_ += "</div>\n";
    close("aside");
  }

  void footnotes() {
    out_ += "<section class=\"";
    escape_html(out_, o_.class_prefix);
    out_ += "footnotes\" aria-label=\"Footnotes\">\n<ol>\n";
    for (const Block& f : a_.footnotes) {
      out_ += "<li id=\"fn-";
      escape_html(out_, detail::slugify(f.text));
      out_ += "\">\n";
      for (const Block& c : f.children) block(c);
      out_ += "</li>\n";
    }
    out_ += "</ol>\n</section>\n";
  }

  void block(const Block& b) {
    switch (b.kind) {
      case BlockKind::paragraph:
        out_ += "<p>";
        inlines(b.inlines);
        out_ += "</p>\n";
        break;
      case BlockKind::heading: {
        const std::string tag = "h" + std::to_string(std::clamp(b.level, 2, 6));
        out_ += "<" + tag + ">";
        inlines(b.inlines);
        out_ += "</" + tag + ">\n";
        break;
      }
      case BlockKind::quote:
        quote(b);
        break;
      case BlockKind::list:
        list(b);
        break;
      case BlockKind::code:
        out_ += "<pre><code";
        if (!b.info.empty()) {
          const std::string_view lang = detail::split_words(b.info, " \t").front();
          out_ += " class=\"language-";
          escape_html(out_, lang);
          out_ += '"';
        }
        out_ += '>';
        escape_html(out_, b.text);
        out_ += "</code></pre>\n";
        break;
      case BlockKind::html:
        raw_html(b.text, true);
        break;
      case BlockKind::table:
        table(b);
        break;
      case BlockKind::rule:
        out_ += "<hr>\n";
        break;
      case BlockKind::figure:
        open("figure", "figure");
        inlines(b.inlines);
        if (!b.inlines.empty()) {
          const Inline& img = b.inlines[0].kind == InlineKind::image ? b.inlines[0] : b.inlines[0].children[0];
          if (!img.title.empty()) {
            out_ += "<figcaption>";
            escape_html(out_, img.title);
            out_ += "</figcaption>";
          }
        }
        close("figure");
        break;
      default:
        for (const Block& c : b.children) block(c);
        break;
    }
  }

  void quote(const Block& b) {
    open("figure", "quote");
    out_ += "\n<blockquote>\n";
    for (const Block& c : b.children) block(c);
    out_ += "</blockquote>\n";
    if (!b.attribution.empty()) {
      out_ += "<figcaption>";
      inlines(b.attribution);
      out_ += "</figcaption>\n";
    }
    close("figure");
  }

  void list(const Block& b) {
    if (b.ordered) {
      out_ += "<ol";
      if (b.start != 1) out_ += " start=\"" + std::to_string(b.start) + "\"";
      out_ += ">\n";
    } else {
      out_ += "<ul>\n";
    }
    for (const Block& item : b.children) {
      out_ += "<li>";
      if (item.checked >= 0) {
        out_ += item.checked ? "<input type=\"checkbox\" checked disabled> " : "<input type=\"checkbox\" disabled> ";
      }
      const bool tight = b.tight;
      for (const Block& c : item.children) {
        if (tight && c.kind == BlockKind::paragraph) {
          inlines(c.inlines);
        } else {
          if (out_.back() != '\n') out_ += '\n';
          block(c);
        }
      }
      out_ += "</li>\n";
    }
    out_ += b.ordered ? "</ol>\n" : "</ul>\n";
  }

  void table(const Block& b) {
    open("table", "table");
    out_ += '\n';
    bool in_body = false;
    for (const Block& row : b.children) {
      if (row.header) {
        out_ += "<thead>\n";
      } else if (!in_body) {
        out_ += "<tbody>\n";
        in_body = true;
      }
      out_ += "<tr>\n";
      for (size_t i = 0; i < row.children.size(); ++i) {
        const char* tag = row.header ? "th" : "td";
        out_ += '<';
        out_ += tag;
        const Align al = i < b.align.size() ? b.align[i] : Align::none;
        if (al != Align::none) {
          out_ += al == Align::left ? " style=\"text-align: left\"" : al == Align::center ? " style=\"text-align: center\"" : " style=\"text-align: right\"";
        }
        out_ += '>';
        inlines(row.children[i].inlines);
        out_ += "</";
        out_ += tag;
        out_ += ">\n";
      }
      out_ += "</tr>\n";
      if (row.header) out_ += "</thead>\n";
    }
    if (in_body) out_ += "</tbody>\n";
    close("table");
  }

  void raw_html(const std::string& html, bool block_level) {
    // Raw HTML is shown as text unless passthrough is allowed (sanitised later).
    if (block_level) out_ += "<p>";
    escape_html(out_, block_level ? std::string(detail::trim(html)) : html);
    if (block_level) out_ += "</p>\n";
  }

  void inlines(const Inlines& list) {
    for (const Inline& in : list) inline_node(in);
  }

  void inline_node(const Inline& in) {
    switch (in.kind) {
      case InlineKind::text:
        escape_html(out_, in.text);
        break;
      case InlineKind::code:
        out_ += "<code>";
        escape_html(out_, in.text);
        out_ += "</code>";
        break;
      case InlineKind::emphasis:
        out_ += "<em>";
        inlines(in.children);
        out_ += "</em>";
        break;
      case InlineKind::strong:
        out_ += "<strong>";
        inlines(in.children);
        out_ += "</strong>";
        break;
      case InlineKind::strikethrough:
        out_ += "<del>";
        inlines(in.children);
        out_ += "</del>";
        break;
      case InlineKind::link:
        out_ += "<a href=\"";
        if (is_safe_url(in.url, false)) append_url(out_, in.url);
        out_ += '"';
        if (!in.title.empty()) {
          out_ += " title=\"";
          escape_html(out_, in.title);
          out_ += '"';
        }
        out_ += '>';
        inlines(in.children);
        out_ += "</a>";
        break;
      case InlineKind::image:
        out_ += "<img src=\"";
        if (is_safe_url(in.url, true)) append_url(out_, in.url);
        out_ += "\" alt=\"";
        escape_html(out_, detail::plain_text(in.children));
        out_ += '"';
        if (!in.title.empty()) {
          out_ += " title=\"";
          escape_html(out_, in.title);
          out_ += '"';
        }
        out_ += '>';
        break;
      case InlineKind::html:
        raw_html(in.text, false);
        break;
      case InlineKind::soft_break:
        out_ += '\n';
        break;
      case InlineKind::line_break:
        out_ += "<br>\n";
        break;
      case InlineKind::footnote_reference:
        out_ += "<sup><a href=\"#fn-";
        escape_html(out_, detail::slugify(in.text));
        out_ += "\">";
        escape_html(out_, in.text);
        out_ += "</a></sup>";
        break;
    }
  }

  const Article& a_;
  const Options& o_;
  std::string& out_;
};

}  // namespace

std::string html(const Article& article, const Options& options) {
  std::string out;
  out.reserve(4096);
  if (options.document) {
    out += "<!DOCTYPE html>\n<html lang=\"";
    escape_html(out, article.meta.language);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    if (article.headline) escape_html(out, detail::plain_text(article.headline->inlines));
    out += "</title>\n</head>\n<body>\n";
  }
  HtmlRenderer(article, options, out).article();
  if (options.document) out += "</body>\n</html>\n";
  return out;
}

}  // namespace galley::render
