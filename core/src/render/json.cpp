// JSON renderer: the article model (galley.article/v1) with source spans, as
// npm/schema/article.schema.json describes it.
#include <algorithm>
#include <cmath>

#include "render/render.h"
#include "render/writer.h"
#include "text_util.h"

namespace galley::render {
namespace {

const char* inline_type(InlineKind k) {
  switch (k) {
    case InlineKind::text:
      return "text";
    case InlineKind::code:
      return "code";
    case InlineKind::emphasis:
      return "emphasis";
    case InlineKind::strong:
      return "strong";
    case InlineKind::strikethrough:
      return "strikethrough";
    case InlineKind::link:
      return "link";
    case InlineKind::image:
      return "image";
    case InlineKind::html:
      return "html";
    case InlineKind::soft_break:
      return "softbreak";
    case InlineKind::line_break:
      return "linebreak";
    case InlineKind::footnote_reference:
      return "footnoteReference";
  }
  return "text";
}

const char* align_name(Align a) {
  switch (a) {
    case Align::left:
      return "left";
    case Align::center:
      return "center";
    case Align::right:
      return "right";
    case Align::none:
      break;
  }
  return "none";
}

const char* quote_kind(QuoteKind k) {
  switch (k) {
    case QuoteKind::inline_quote:
      return "inline";
    case QuoteKind::block:
      return "block";
    case QuoteKind::pull:
      return "pull";
  }
  return "inline";
}

class ModelWriter {
 public:
  ModelWriter(JsonWriter& w, const detail::SourceText* src) : w_(w), src_(src) {}

  void article(const Article& a) {
    w_.begin_object();
    w_.key("schema");
    w_.string("galley.article/v1");
    w_.key("headline");
    optional_part(a.headline);
    w_.key("dek");
    optional_part(a.dek);
    w_.key("byline");
    w_.begin_array();
    for (const Person& p : a.byline) person(p);
    w_.end_array();
    if (!a.byline.empty()) {
      w_.key("bylineSource");
      recognition(a.byline_how, true);
    }
    w_.key("bylineText");
    optional_part(a.byline_text);
    w_.key("dateline");
    if (a.dateline.empty()) {
      w_.null();
    } else {
      w_.string(a.dateline);
      w_.key("datelineSource");
      recognition(a.dateline_how, true);
    }
    w_.key("sections");
    w_.begin_array();
    for (const Section& s : a.sections) section(s);
    w_.end_array();
    w_.key("takeaways");
    if (a.takeaways) {
      takeaways(*a.takeaways);
    } else {
      w_.null();
    }
    w_.key("credits");
    if (a.credits) {
      credits(*a.credits);
    } else {
      w_.null();
    }
    w_.key("authorBox");
    if (a.author_box) {
      author_box(*a.author_box);
    } else {
      w_.null();
    }
    w_.key("quotes");
    w_.begin_array();
    for (const Quote& q : a.quotes) quote(q);
    w_.end_array();
    w_.key("footnotes");
    w_.begin_array();
    for (const Block& f : a.footnotes) block(f);
    w_.end_array();
    w_.key("meta");
    meta(a.meta);
    w_.end_object();
  }

 private:
  void span(SourceRange r) {
    w_.key("span");
    span_value(r);
  }

  void span_value(SourceRange r) {
    if (!src_) {
      w_.null();
      return;
    }
    const detail::Position b = src_->position(r.begin);
    const detail::Position e = src_->position(r.end);
    // Every node has a span: written in one piece rather than key by key.
    w_.raw("{");
    w_.int_fields({{"offset", b.offset},
                   {"endOffset", e.offset},
                   {"line", b.line},
                   {"column", b.column},
                   {"endLine", e.line},
                   {"endColumn", e.column}});
    w_.raw_piece("}");
  }

  void recognition(const Recognition& how, bool as_object = false) {
    if (as_object) w_.begin_object();
    w_.key("confidence");
    w_.fixed(static_cast<int>(how.confidence * 100 + 0.5), 2);
    w_.key("reason");
    w_.string(how.reason);
    if (as_object) w_.end_object();
  }

  // Adjacent text nodes (split by the parser where an escape or a reference stood) are one
  // text node in JSON, so that equal text gives equal JSON.
  void inlines(const Inlines& list) {
    w_.begin_array();
    for (size_t i = 0; i < list.size(); ++i) {
      // Empty text (the parser leaves some around links) carries nothing.
      if (list[i].kind == InlineKind::text && list[i].text.empty()) continue;
      if (list[i].kind != InlineKind::text || i + 1 >= list.size() ||
          list[i + 1].kind != InlineKind::text) {
        inline_node(list[i]);
        continue;
      }
      w_.begin_object();
      w_.key("type");
      w_.string("text");
      w_.key("text");
      w_.raw("\"");  // the value's opening mark: the writer then knows the key has its value
      for (; i < list.size() && list[i].kind == InlineKind::text; ++i) w_.chars(list[i].text);
      --i;
      w_.raw_piece("\"");
      w_.end_object();
    }
    w_.end_array();
  }

  void inline_node(const Inline& in) {
    w_.begin_object();
    w_.key("type");
    w_.string(inline_type(in.kind));
    switch (in.kind) {
      case InlineKind::text:
      case InlineKind::code:
      case InlineKind::html:
        w_.key("text");
        w_.string(in.text);
        break;
      case InlineKind::footnote_reference:
        w_.key("label");
        w_.string(in.text);
        break;
      case InlineKind::link:
      case InlineKind::image:
        w_.key("url");
        w_.string(in.url);
        w_.key("title");
        w_.string(in.title);
        w_.key("children");
        inlines(in.children);
        break;
      case InlineKind::emphasis:
      case InlineKind::strong:
      case InlineKind::strikethrough:
        w_.key("children");
        inlines(in.children);
        break;
      case InlineKind::soft_break:
      case InlineKind::line_break:
        break;
    }
    w_.end_object();
  }

  void text_part(const TextPart& p, bool with_recognition) {
    w_.begin_object();
    w_.key("text");
    w_.plain_text(p.inlines);
    w_.key("inlines");
    inlines(p.inlines);
    span(p.range);
    if (with_recognition) recognition(p.how);
    w_.end_object();
  }

  void optional_part(const std::optional<TextPart>& p) {
    if (p) {
      text_part(*p, true);
    } else {
      w_.null();
    }
  }

  void person(const Person& p) {
    w_.begin_object();
    w_.key("name");
    w_.string(p.name);
    if (!p.role.empty()) {
      w_.key("role");
      w_.string(p.role);
    }
    if (!p.location.empty()) {
      w_.key("location");
      w_.string(p.location);
    }
    if (!p.url.empty()) {
      w_.key("url");
      w_.string(p.url);
    }
    span(p.range);
    w_.end_object();
  }

  void blocks(const std::vector<Block>& list) {
    w_.begin_array();
    for (const Block& b : list) block(b);
    w_.end_array();
  }

  void block(const Block& b) {
    w_.begin_object();
    w_.key("type");
    switch (b.kind) {
      case BlockKind::paragraph:
        w_.string("paragraph");
        w_.key("text");
        w_.plain_text(b.inlines);
        w_.key("inlines");
        inlines(b.inlines);
        break;
      case BlockKind::heading:
        w_.string("heading");
        w_.key("level");
        w_.integer(b.level);
        w_.key("inlines");
        inlines(b.inlines);
        break;
      case BlockKind::quote:
        w_.string("blockquote");
        w_.key("blocks");
        blocks(b.children);
        w_.key("attribution");
        if (b.attribution.empty()) {
          w_.null();
        } else {
          inlines(b.attribution);
        }
        w_.key("speaker");
        if (b.speaker.empty()) {
          w_.null();
        } else {
          w_.string(b.speaker);
        }
        w_.key("pull");
        w_.boolean(b.pull);
        if (!b.how.reason.empty()) recognition(b.how);
        break;
      case BlockKind::list:
        w_.string("list");
        w_.key("ordered");
        w_.boolean(b.ordered);
        w_.key("start");
        w_.integer(b.start);
        w_.key("tight");
        w_.boolean(b.tight);
        if (b.ordered) {
          w_.key("delimiter");
          w_.string(b.delimiter == ')' ? ")" : ".");
        }
        w_.key("items");
        blocks(b.children);
        break;
      case BlockKind::item:
        w_.string("item");
        if (b.checked >= 0) {
          w_.key("checked");
          w_.boolean(b.checked == 1);
        }
        w_.key("blocks");
        blocks(b.children);
        break;
      case BlockKind::code:
        w_.string("code");
        w_.key("info");
        w_.string(b.info);
        w_.key("fenced");
        w_.boolean(b.fenced);
        w_.key("text");
        w_.string(b.text);
        break;
      case BlockKind::html:
        w_.string("html");
        w_.key("text");
        w_.string(b.text);
        break;
      case BlockKind::table:
        w_.string("table");
        w_.key("align");
        w_.begin_array();
        for (Align al : b.align) w_.string(align_name(al));
        w_.end_array();
        w_.key("rows");
        blocks(b.children);
        break;
      case BlockKind::row:
        w_.string("row");
        w_.key("header");
        w_.boolean(b.header);
        w_.key("cells");
        w_.begin_array();
        for (const Block& c : b.children) inlines(c.inlines);
        w_.end_array();
        break;
      case BlockKind::cell:
        w_.string("cell");
        w_.key("inlines");
        inlines(b.inlines);
        break;
      case BlockKind::rule:
        w_.string("rule");
        break;
      case BlockKind::figure:
        w_.string("figure");
        w_.key("inlines");
        inlines(b.inlines);
        w_.key("caption");
        inlines(b.attribution);
        break;
      case BlockKind::footnote:
        w_.string("footnote");
        w_.key("label");
        w_.string(b.text);
        w_.key("blocks");
        blocks(b.children);
        break;
    }
    span(b.range);
    w_.end_object();
  }

  void section(const Section& s) {
    w_.begin_object();
    w_.key("heading");
    optional_part(s.heading);
    w_.key("level");
    w_.integer(s.level);
    w_.key("id");
    w_.string(s.id);
    w_.key("blocks");
    blocks(s.blocks);
    span(s.range);
    w_.end_object();
  }

  void takeaways(const Takeaways& t) {
    w_.begin_object();
    w_.key("heading");
    text_part(t.heading, false);
    w_.key("ordered");
    w_.boolean(t.ordered);
    w_.key("items");
    w_.begin_array();
    for (const TextPart& item : t.items) text_part(item, false);
    w_.end_array();
    span(t.range);
    recognition(t.how);
    w_.end_object();
  }

  void credits(const Credits& c) {
    w_.begin_object();
    w_.key("heading");
    if (c.heading) {
      text_part(*c.heading, false);
    } else {
      w_.null();
    }
    w_.key("text");
    text_part(c.text, false);
    w_.key("people");
    w_.begin_array();
    for (const Person& p : c.people) person(p);
    w_.end_array();
    span(c.range);
    recognition(c.how);
    w_.end_object();
  }

  void author_box(const AuthorBox& box) {
    w_.begin_object();
    w_.key("heading");
    if (box.heading) {
      text_part(*box.heading, false);
    } else {
      w_.null();
    }
    w_.key("name");
    w_.string(box.name);
    w_.key("role");
    if (box.role.empty()) {
      w_.null();
    } else {
      w_.string(box.role);
    }
    w_.key("bio");
    blocks(box.bio);
    w_.key("links");
    w_.begin_array();
    for (const std::string& l : box.links) w_.string(l);
    w_.end_array();
    span(box.range);
    recognition(box.how);
    w_.end_object();
  }

  void quote(const Quote& q) {
    w_.begin_object();
    w_.key("text");
    w_.string(q.text);
    w_.key("speaker");
    if (q.speaker.empty()) {
      w_.null();
    } else {
      w_.string(q.speaker);
    }
    if (!q.speaker.empty() && !q.speaker_range.empty()) {
      w_.key("speakerSpan");
      span_value(q.speaker_range);
    }
    w_.key("kind");
    w_.string(quote_kind(q.kind));
    w_.key("partial");
    w_.boolean(q.partial);
    w_.key("scare");
    w_.boolean(q.scare);
    span(q.range);
    recognition(q.how);
    w_.end_object();
  }

  void meta(const Meta& m) {
    w_.begin_object();
    w_.key("language");
    w_.string(m.language);
    if (!m.language_how.reason.empty()) {
      w_.key("languageSource");
      recognition(m.language_how, true);
    }
    w_.key("wordCount");
    w_.integer(m.word_count);
    w_.key("readingMinutes");
    w_.fixed(std::llround(m.reading_minutes * 10), 1);
    w_.key("date");
    if (m.date.empty()) {
      w_.null();
    } else {
      w_.string(m.date);
    }
    w_.key("tags");
    w_.begin_array();
    for (const std::string& t : m.tags) w_.string(t);
    w_.end_array();
    w_.key("kicker");
    if (m.kicker.empty()) {
      w_.null();
    } else {
      w_.string(m.kicker);
    }
    w_.key("frontMatterFormat");
    if (m.front_matter_format.empty()) {
      w_.null();
    } else {
      w_.string(m.front_matter_format);
    }
    w_.key("frontMatter");
    w_.raw(m.front_matter_json.empty() ? "{}" : m.front_matter_json);
    w_.end_object();
  }

  JsonWriter& w_;
  const detail::SourceText* src_;
};

}  // namespace

std::string json(const Article& article, const detail::SourceText* source, bool ascii) {
  std::string out;
  // The model is about four times the size of its source (spans, inlines and plain text), and
  // a section takes some 350 bytes whatever its length (its id, level and heading, with their
  // spans; 345 for "# Heading"): a document of thousands of headings over nothing is 35 times
  // its source, and one doubling of so large a string at the end costs a copy of all of it.
  const size_t source_bytes = source ? source->text().size() : 0;
  out.reserve(4096 + std::max(source_bytes * 4, static_cast<size_t>(article.meta.word_count) * 24) +
              article.sections.size() * 360);
  JsonWriter w(out);
  w.set_ascii(ascii);
  ModelWriter(w, source).article(article);
  return out;
}

}  // namespace galley::render
