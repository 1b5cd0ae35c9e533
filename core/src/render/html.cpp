// HTML renderer: a semantic, safe <article> (or a whole document with the default theme).
#include <algorithm>

#include "render/render.h"
#include "render/sanitize.h"
#include "render/theme.h"
#include "render/writer.h"
#include "text_util.h"
#include "typography/typography.h"

namespace galley::render {

std::vector<PartRef> part_order(const Article& a, Layout layout) {
  struct Entry {
    PartRef ref;
    uint32_t at;
    int rank;
  };
  std::vector<Entry> entries;
  entries.reserve(a.sections.size() + 3);
  for (size_t i = 0; i < a.sections.size(); ++i) {
    entries.push_back({{PartRef::Kind::section, i}, a.sections[i].range.begin, 1});
  }
  if (a.takeaways) {
    entries.push_back({{PartRef::Kind::takeaways, 0},
                       a.takeaways->range.begin,
                       layout == Layout::standard ? 0 : 2});
  }
  if (a.credits) entries.push_back({{PartRef::Kind::credits, 0}, a.credits->range.begin, 3});
  if (a.author_box)
    entries.push_back({{PartRef::Kind::author_box, 0}, a.author_box->range.begin, 4});
  // Parts without source positions (from JSON input without spans) keep the standard order.
  const bool positioned =
      std::any_of(entries.begin(), entries.end(), [](const Entry& e) { return e.at > 0; });
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& x, const Entry& y) {
    if (layout == Layout::standard || !positioned) {
      if (x.rank != y.rank) return x.rank < y.rank;
      if (layout == Layout::standard) return false;
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
  HtmlRenderer(const Article& a, const Options& o, std::string& out)
      : a_(a), o_(o), out_(out), sanitizer_(o.allow_style) {
    typography_ = o.typography_html;
    locale_ = o.locale;
    class_open_ = " class=\"";
    escape_html(class_open_, o.class_prefix);
  }

  void article() {
    open_tag("article", "article");
    out_.pop_back();
    put(" lang=\"");
    escape_html(out_, a_.meta.language);
    put("\">\n");
    header();
    std::vector<int> open_levels;
    auto close_sections = [&](int down_to) {
      while (!open_levels.empty() && open_levels.back() >= down_to) {
        put("</section>\n");
        open_levels.pop_back();
      }
    };
    for (const PartRef& p : part_order(a_, o_.layout)) {
      if (p.kind == PartRef::Kind::section) {
        const Section& s = a_.sections[p.index];
        if (!s.heading) {
          // Text between parts (or the lead) belongs to no heading: it closes what is open.
          close_sections(0);
          lead(s);
          continue;
        }
        const int level = std::clamp(s.level, 2, 6);
        close_sections(level);
        section(s, level);
        open_levels.push_back(level);
        continue;
      }
      close_sections(0);
      if (p.kind == PartRef::Kind::takeaways) takeaways(*a_.takeaways);
      if (p.kind == PartRef::Kind::credits) credits(*a_.credits);
      if (p.kind == PartRef::Kind::author_box) author_box(*a_.author_box);
    }
    close_sections(0);
    if (!a_.footnotes.empty()) footnotes();
    put("</article>\n");
  }

 private:
  // Appends a string literal. Its length is known here; libc++'s append(const char*), which
  // `+=` calls, is compiled into the WebAssembly build's library and measures it at run time.
  template <size_t N>
  void put(const char (&literal)[N]) {
    out_.append(literal, N - 1);
  }
  // <tag class="prefix+cls">
  void open_tag(std::string_view tag, std::string_view cls) {
    out_ += '<';
    out_ += tag;
    class_attr(cls);
    out_ += '>';
  }
  void class_attr(std::string_view cls) {
    out_ += class_open_;
    out_ += cls;
    out_ += '"';
  }
  void close_tag(std::string_view tag) {
    put("</");
    out_ += tag;
    put(">\n");
  }
  void heading_tag(int level, bool closing) {
    out_ += closing ? "</h" : "<h";
    out_ += static_cast<char>('0' + level);
    if (closing) put(">\n");
  }

  void header() {
    const bool any = a_.headline || a_.dek || !a_.byline.empty() || a_.byline_text ||
                     !a_.meta.kicker.empty() || !a_.meta.date.empty();
    if (!any) return;
    open_tag("header", "header");
    out_ += '\n';
    if (!a_.meta.kicker.empty()) {
      open_tag("p", "kicker");
      prose(a_.meta.kicker);
      close_tag("p");
    }
    if (a_.headline) {
      open_tag("h1", "headline");
      inlines_block(a_.headline->inlines);
      close_tag("h1");
    }
    // A "By …" line keeps its place before or after the dek.
    const bool byline_first =
        a_.byline_text && a_.dek && a_.byline_text->range.begin < a_.dek->range.begin;
    if (byline_first) byline_line();
    if (a_.dek) {
      open_tag("p", "dek");
      inlines_block(a_.dek->inlines);
      close_tag("p");
    }
    if (a_.byline_text && !byline_first) {
      byline_line();
    } else if (!a_.byline_text && !a_.byline.empty()) {
      open_tag("p", "byline");
      put("By ");
      for (size_t i = 0; i < a_.byline.size(); ++i) {
        if (i > 0) out_ += i + 1 == a_.byline.size() ? " and " : ", ";
        put("<span");
        class_attr("author");
        out_ += '>';
        escape_html(out_, a_.byline[i].name);
        put("</span>");
      }
      close_tag("p");
    }
    if (!a_.meta.date.empty()) {
      open_tag("p", "date");
      put("<time datetime=\"");
      escape_html(out_, a_.meta.date);
      put("\">");
      escape_html(out_, a_.meta.date);
      put("</time>");
      close_tag("p");
    }
    close_tag("header");
  }

  void byline_line() {
    open_tag("p", "byline");
    inlines_block(a_.byline_text->inlines);
    close_tag("p");
  }

  void lead(const Section& s) {
    if (s.blocks.empty()) return;
    put("<div");
    class_attr("body");
    put(">\n");
    for (const Block& b : s.blocks) block(b);
    put("</div>\n");
  }

  void section(const Section& s, int level) {
    put("<section");
    class_attr("section");
    put(" aria-labelledby=\"");
    escape_html(out_, s.id);
    put("\">\n");
    heading_tag(level, false);
    put(" id=\"");
    escape_html(out_, s.id);
    out_ += '"';
    class_attr("heading");
    out_ += '>';
    inlines_block(s.heading->inlines);
    heading_tag(level, true);
    for (const Block& b : s.blocks) block(b);
  }

  void takeaways(const Takeaways& t) {
    put("<aside");
    class_attr("takeaways");
    put(" aria-label=\"");
    append_plain_text_html(out_, t.heading.inlines);
    put("\">\n");
    open_tag("h2", "takeaways-heading");
    inlines_block(t.heading.inlines);
    close_tag("h2");
    out_ += t.ordered ? "<ol" : "<ul";
    class_attr("takeaways-list");
    put(">\n");
    for (const TextPart& item : t.items) {
      put("<li>");
      inlines_block(item.inlines);
      put("</li>\n");
    }
    out_ += t.ordered ? "</ol>\n" : "</ul>\n";
    close_tag("aside");
  }

  void credits(const Credits& c) {
    if (c.heading) {
      open_tag("h2", "credits-heading");
      inlines_block(c.heading->inlines);
      close_tag("h2");
    }
    open_tag("p", "credits");
    inlines_block(c.text.inlines);
    close_tag("p");
  }

  void author_box(const AuthorBox& box) {
    put("<aside");
    class_attr("author-box");
    put(" aria-label=\"");
    if (box.heading) {
      append_plain_text_html(out_, box.heading->inlines);
    } else {
      out_ += about_author_label();
    }
    put("\" itemscope itemtype=\"https://schema.org/Person\">\n");
    if (box.heading) {
      open_tag("h2", "author-heading");
      inlines_block(box.heading->inlines);
      close_tag("h2");
    }
    if (!box.name.empty()) {
      put("<meta itemprop=\"name\" content=\"");
      escape_html(out_, box.name);
      put("\">\n");
    }
    if (!box.role.empty()) {
      put("<meta itemprop=\"jobTitle\" content=\"");
      escape_html(out_, box.role);
      put("\">\n");
    }
    for (const std::string& link : box.links) {
      if (!is_safe_url(link, false)) continue;
      put("<link itemprop=\"sameAs\" href=\"");
      append_url(out_, link);
      put("\">\n");
    }
    put("<div itemprop=\"description\">\n");
    for (const Block& b : box.bio) block(b);
    put("</div>\n");
    close_tag("aside");
  }

  std::string_view about_author_label() const {
    const std::string_view loc = o_.locale;
    if (loc.substr(0, 2) == "de") return "Über den Autor";
    if (loc.substr(0, 2) == "fr") return "À propos de l’auteur";
    return "About the author";
  }

  void footnotes() {
    put("<section");
    class_attr("footnotes");
    put(" aria-label=\"Footnotes\">\n<ol>\n");
    for (const Block& f : a_.footnotes) {
      put("<li id=\"fn-");
      escape_html(out_, detail::slugify(f.text));
      put("\">\n");
      for (const Block& c : f.children) block(c);
      put("</li>\n");
    }
    put("</ol>\n</section>\n");
  }

  void block(const Block& b) {
    switch (b.kind) {
      case BlockKind::paragraph:
        put("<p>");
        inlines_block(b.inlines);
        put("</p>\n");
        break;
      case BlockKind::heading: {
        const int level = std::clamp(b.level, 2, 6);
        heading_tag(level, false);
        out_ += '>';
        inlines_block(b.inlines);
        heading_tag(level, true);
        break;
      }
      case BlockKind::quote:
        quote(b);
        break;
      case BlockKind::list:
        list(b);
        break;
      case BlockKind::item:
        for (const Block& c : b.children) block(c);
        break;
      case BlockKind::code:
        put("<pre");
        class_attr("code");
        put("><code");
        if (!b.info.empty()) {
          size_t end = 0;
          while (end < b.info.size() && !detail::is_space(b.info[end])) ++end;
          put(" class=\"language-");
          escape_html(out_, std::string_view(b.info).substr(0, end));
          out_ += '"';
        }
        out_ += '>';
        escape_html(out_, b.text);
        put("</code></pre>\n");
        break;
      case BlockKind::html:
        raw_html_block(b.text);
        break;
      case BlockKind::table:
        table(b);
        break;
      case BlockKind::row:
      case BlockKind::cell:
        break;
      case BlockKind::rule:
        put("<hr>\n");
        break;
      case BlockKind::figure:
        figure(b);
        break;
      case BlockKind::footnote:
        for (const Block& c : b.children) block(c);
        break;
    }
  }

  void figure(const Block& b) {
    open_tag("figure", "figure");
    out_ += '\n';
    inlines_block(b.inlines);
    out_ += '\n';
    if (!b.attribution.empty()) {
      put("<figcaption>");
      inlines_block(b.attribution);
      put("</figcaption>\n");
    } else if (!b.inlines.empty()) {
      const Inline& first = b.inlines[0];
      const Inline* img = first.kind == InlineKind::image ? &first
                          : !first.children.empty() && first.children[0].kind == InlineKind::image
                              ? &first.children[0]
                              : nullptr;
      if (img && !img->title.empty()) {
        put("<figcaption>");
        escape_html(out_, img->title);
        put("</figcaption>\n");
      }
    }
    close_tag("figure");
  }

  void quote(const Block& b) {
    const bool attributed = !b.attribution.empty();
    if (attributed || b.pull) {
      open_tag("figure", b.pull ? "pull-quote" : "quote");
      out_ += '\n';
    }
    put("<blockquote");
    if (!attributed && !b.pull) class_attr("blockquote");
    put(">\n");
    for (const Block& c : b.children) block(c);
    put("</blockquote>\n");
    if (attributed) {
      put("<figcaption");
      class_attr("attribution");
      out_ += '>';
      inlines_block(b.attribution);
      put("</figcaption>\n");
    }
    if (attributed || b.pull) close_tag("figure");
  }

  void list(const Block& b) {
    if (b.ordered) {
      put("<ol");
      if (b.start != 1) {
        put(" start=\"");
        append_int(out_, b.start);
        out_ += '"';
      }
      put(">\n");
    } else {
      put("<ul>\n");
    }
    for (const Block& item : b.children) {
      if (item.checked >= 0) {
        put("<li");
        class_attr("task");
        out_ += item.checked ? "><input type=\"checkbox\" checked disabled> "
                             : "><input type=\"checkbox\" disabled> ";
      } else {
        put("<li>");
      }
      for (size_t i = 0; i < item.children.size(); ++i) {
        const Block& c = item.children[i];
        if (b.tight && c.kind == BlockKind::paragraph) {
          if (i > 0) out_ += '\n';
          inlines_block(c.inlines);
        } else {
          if (out_.back() != '\n' && out_.back() != ' ') out_ += '\n';
          block(c);
        }
      }
      put("</li>\n");
    }
    out_ += b.ordered ? "</ol>\n" : "</ul>\n";
  }

  void table(const Block& b) {
    open_tag("table", "table");
    out_ += '\n';
    bool in_body = false;
    for (const Block& row : b.children) {
      if (row.header) {
        put("<thead>\n");
      } else if (!in_body) {
        put("<tbody>\n");
        in_body = true;
      }
      put("<tr>\n");
      for (size_t i = 0; i < row.children.size(); ++i) {
        // A tag in one append: a table may have tens of thousands of cells.
        const Align al = i < b.align.size() ? b.align[i] : Align::none;
        if (al == Align::none) {
          out_.append(row.header ? "<th>" : "<td>", 4);
        } else {
          out_.append(row.header ? "<th" : "<td", 3);
          if (al == Align::left) put(" style=\"text-align: left\">");
          if (al == Align::center) put(" style=\"text-align: center\">");
          if (al == Align::right) put(" style=\"text-align: right\">");
        }
        inlines_block(row.children[i].inlines);
        out_.append(row.header ? "</th>\n" : "</td>\n", 6);
      }
      put("</tr>\n");
      if (row.header) put("</thead>\n");
    }
    if (in_body) put("</tbody>\n");
    close_tag("table");
  }

  static bool only_comments(std::string_view html) {
    html = detail::trim(html);
    while (!html.empty()) {
      if (html.substr(0, 4) != "<!--") return false;
      const size_t end = html.find("-->", 4);
      if (end == std::string_view::npos) return false;
      html = detail::trim(html.substr(end + 3));
    }
    return true;
  }

  void raw_html_block(const std::string& html) {
    if (only_comments(html)) return;  // comments (and galley directives) show nothing
    if (o_.allow_raw_html) {
      sanitizer_.write(out_, html);
      sanitizer_.finish(out_);
      if (out_.back() != '\n') out_ += '\n';
      return;
    }
    put("<p");
    class_attr("raw-html");
    out_ += '>';
    escape_html(out_, detail::trim(html));
    put("</p>\n");
  }

  void raw_html_inline(const std::string& html) {
    if (o_.allow_raw_html) {
      sanitizer_.write(out_, html);
      return;
    }
    if (only_comments(html)) return;
    escape_html(out_, html);
  }

  // Inlines of one block: typography state starts afresh, raw HTML left open is closed.
  void inlines_block(const Inlines& list) {
    before_ = 0;
    quote_state_ = {};
    inlines(list, 0);
    if (o_.allow_raw_html) sanitizer_.finish(out_);
  }

  void inlines(const Inlines& list, char32_t after) {
    for (size_t i = 0; i < list.size(); ++i) {
      const char32_t next = i + 1 < list.size() ? first_text_char(list[i + 1]) : after;
      inline_node(list[i], next);
    }
  }

  // Prose outside the model's inlines (kicker): typography without neighbours.
  void prose(std::string_view s) {
    before_ = 0;
    quote_state_ = {};
    text(s, 0);
  }

  void text(std::string_view s, char32_t after) {
    if (!typography_ || !typography::may_change(s)) {
      escape_html(out_, s);
      before_ = last_char(s);
      return;
    }
    scratch_.clear();
    typography::Context ctx;
    ctx.locale = locale_;
    ctx.before = before_;
    ctx.after = after;
    typography::apply_to(scratch_, s, typography::kRender, ctx, quote_state_);
    escape_html(out_, scratch_);
    before_ = last_char(scratch_);
  }

  void inline_node(const Inline& in, char32_t after) {
    switch (in.kind) {
      case InlineKind::text:
        text(in.text, after);
        break;
      case InlineKind::code:
        put("<code>");
        escape_html(out_, in.text);
        put("</code>");
        before_ = last_char(in.text);
        break;
      case InlineKind::emphasis:
        put("<em>");
        inlines(in.children, after);
        put("</em>");
        break;
      case InlineKind::strong:
        put("<strong>");
        inlines(in.children, after);
        put("</strong>");
        break;
      case InlineKind::strikethrough:
        put("<del>");
        inlines(in.children, after);
        put("</del>");
        break;
      case InlineKind::link:
        put("<a");
        if (is_safe_url(in.url, false)) {
          put(" href=\"");
          append_url(out_, in.url);
          out_ += '"';
        }
        if (!in.title.empty()) {
          put(" title=\"");
          escape_html(out_, in.title);
          out_ += '"';
        }
        out_ += '>';
        inlines(in.children, after);
        put("</a>");
        break;
      case InlineKind::image:
        put("<img");
        if (is_safe_url(in.url, true)) {
          put(" src=\"");
          append_url(out_, in.url);
          out_ += '"';
        }
        put(" alt=\"");
        append_plain_text_html(out_, in.children);
        out_ += '"';
        if (!in.title.empty()) {
          put(" title=\"");
          escape_html(out_, in.title);
          out_ += '"';
        }
        put(" loading=\"lazy\">");
        before_ = 'a';
        break;
      case InlineKind::html:
        raw_html_inline(in.text);
        break;
      case InlineKind::soft_break:
        out_ += '\n';
        before_ = ' ';
        break;
      case InlineKind::line_break:
        put("<br>\n");
        before_ = ' ';
        break;
      case InlineKind::footnote_reference:
        put("<sup");
        class_attr("footnote-ref");
        put("><a href=\"#fn-");
        escape_html(out_, detail::slugify(in.text));
        put("\">");
        escape_html(out_, in.text);
        put("</a></sup>");
        break;
    }
  }

  const Article& a_;
  const Options& o_;
  std::string& out_;
  HtmlSanitizer sanitizer_;
  bool typography_ = true;
  std::string_view locale_;
  char32_t before_ = 0;
  typography::State quote_state_;
  std::string scratch_;
  std::string class_open_;  // ` class="` and the escaped class prefix, written once
};

}  // namespace

std::string html(const Article& article, const Options& options) {
  std::string out;
  out.reserve(256 + static_cast<size_t>(article.meta.word_count) * 8);
  if (options.document) {
    out += "<!DOCTYPE html>\n<html lang=\"";
    escape_html(out, article.meta.language);
    out +=
        "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" "
        "content=\"light dark\">\n<title>";
    if (article.headline) append_plain_text_html(out, article.headline->inlines);
    out += "</title>\n";
    if (article.dek) {
      out += "<meta name=\"description\" content=\"";
      append_plain_text_html(out, article.dek->inlines);
      out += "\">\n";
    }
    out += "<style>\n";
    append_theme(out, options.class_prefix);
    out += "</style>\n<script type=\"application/ld+json\">\n";
    append_jsonld(out, article, options, true);
    out += "\n</script>\n</head>\n<body>\n<main>\n";
  }
  HtmlRenderer(article, options, out).article();
  if (options.document) out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace galley::render
