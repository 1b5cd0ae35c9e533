// JSON input: an article model (galley.article/v1, as npm/schema/article.schema.json says),
// validated and read back into an Article that renders as the source it came from did.
#include "parse/json_input.h"

#include <algorithm>
#include <initializer_list>
#include <set>

#include "json_value.h"
#include "structure/recognise.h"

namespace galley::parse {
namespace {

using Json = nlohmann::ordered_json;

// Deeper nesting (of blocks, and of inlines) is refused rather than risking the stack: real
// articles nest a few levels; the wasm build's stack is small.
constexpr int kMaxDepth = 256;

// Where a part stood in the source the model came from (span.offset), to keep its order.
struct Placed {
  uint32_t offset;
  SourceRange* range;
};

class Reader {
 public:
  Result<Article> read(const Json& root) {
    Article a;
    if (!root.is_object()) {
      fail("", "The article must be a JSON object");
      return *error_;
    }
    const Json* schema = member(root, "schema");
    if (!schema || !schema->is_string() ||
        schema->get_ref<const std::string&>() != "galley.article/v1") {
      fail("schema", "must be \"galley.article/v1\"");
      return *error_;
    }
    article(root, a);
    if (error_) return *error_;
    order_parts();
    ids(a);
    structure::count_words(a);
    return a;
  }

 private:
  // --- errors and members -----------------------------------------------------------------

  bool fail(const std::string& path, const std::string& what) {
    if (error_) return false;
    Error e;
    e.code = ErrorCode::invalid_json;
    e.message =
        path.empty() ? what + "." : "The article model is invalid at " + path + ": " + what + ".";
    e.field = path;
    error_ = e;
    return false;
  }

  static const Json* member(const Json& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  static std::string join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
  }
  static std::string index(const std::string& path, size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

  static const char* type_name(const Json& v) {
    switch (v.type()) {
      case Json::value_t::null:
        return "null";
      case Json::value_t::boolean:
        return "a boolean";
      case Json::value_t::string:
        return "a string";
      case Json::value_t::array:
        return "an array";
      case Json::value_t::object:
        return "an object";
      default:
        return "a number";
    }
  }

  bool object(const Json& v, const std::string& path, std::initializer_list<const char*> keys) {
    if (!v.is_object()) return fail(path, std::string("expected an object, found ") + type_name(v));
    for (auto it = v.begin(); it != v.end(); ++it) {
      bool known = false;
      for (const char* k : keys) known |= it.key() == k;
      if (!known) return fail(join(path, it.key().c_str()), "is not a field of this object");
    }
    return true;
  }

  bool string(const Json& obj, const char* key, const std::string& path, std::string& out,
              bool nullable = true) {
    const Json* v = member(obj, key);
    if (!v || (nullable && v->is_null())) return true;
    if (!v->is_string())
      return fail(join(path, key), std::string("expected a string, found ") + type_name(*v));
    out = v->get_ref<const std::string&>();
    return true;
  }

  bool boolean(const Json& obj, const char* key, const std::string& path, bool& out) {
    const Json* v = member(obj, key);
    if (!v) return true;
    if (!v->is_boolean())
      return fail(join(path, key), std::string("expected true or false, found ") + type_name(*v));
    out = v->get<bool>();
    return true;
  }

  bool integer(const Json& obj, const char* key, const std::string& path, int64_t& out, int64_t lo,
               int64_t hi) {
    const Json* v = member(obj, key);
    if (!v) return true;
    if (!v->is_number_integer())
      return fail(join(path, key), std::string("expected an integer, found ") + type_name(*v));
    const int64_t n = v->get<int64_t>();
    if (n < lo || n > hi) {
      return fail(join(path, key),
                  "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    }
    out = n;
    return true;
  }

  bool number(const Json& obj, const char* key, const std::string& path) {
    const Json* v = member(obj, key);
    if (!v || v->is_number()) return true;
    return fail(join(path, key), std::string("expected a number, found ") + type_name(*v));
  }

  const Json* array(const Json& obj, const char* key, const std::string& path) {
    const Json* v = member(obj, key);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_array()) {
      fail(join(path, key), std::string("expected an array, found ") + type_name(*v));
      return nullptr;
    }
    return v;
  }

  // --- spans and recognition --------------------------------------------------------------

  // Checks a span and returns its offset (0 when there is none).
  uint32_t span(const Json& obj, const char* key, const std::string& path) {
    const Json* v = member(obj, key);
    if (!v || v->is_null()) return 0;
    const std::string p = join(path, key);
    if (!object(*v, p, {"offset", "endOffset", "line", "column", "endLine", "endColumn"})) return 0;
    int64_t offset = 0, unused = 0;
    integer(*v, "offset", p, offset, 0, UINT32_MAX - 1);
    for (const char* k : {"endOffset", "line", "column", "endLine", "endColumn"})
      integer(*v, k, p, unused, 0, UINT32_MAX);
    return static_cast<uint32_t>(offset);
  }

  void recognition(const Json& obj, const std::string& path, Recognition& how) {
    const Json* c = member(obj, "confidence");
    if (c) {
      if (!c->is_number() || c->get<double>() < 0 || c->get<double>() > 1) {
        fail(join(path, "confidence"), "expected a number from 0 to 1");
        return;
      }
      how.confidence = static_cast<float>(c->get<double>());
    } else {
      how.confidence = 1.0f;
    }
    if (!string(obj, "reason", path, how.reason)) return;
    if (how.reason.empty()) how.reason = "json-input";
  }

  void recognition_object(const Json& obj, const char* key, const std::string& path,
                          Recognition& how) {
    const Json* v = member(obj, key);
    if (!v || v->is_null()) return;
    const std::string p = join(path, key);
    if (!object(*v, p, {"confidence", "reason"})) return;
    recognition(*v, p, how);
  }

  // --- inlines ----------------------------------------------------------------------------

  void inlines(const Json& v, const std::string& path, Inlines& out, int depth) {
    if (!v.is_array()) {
      fail(path, std::string("expected an array of inlines, found ") + type_name(v));
      return;
    }
    if (depth > kMaxDepth) {
      fail(path, "nests deeper than " + std::to_string(kMaxDepth) + " levels");
      return;
    }
    out.reserve(v.size());
    for (size_t i = 0; i < v.size() && !error_; ++i) {
      Inline in;
      inline_node(v[i], index(path, i), in, depth);
      out.push_back(std::move(in));
    }
  }

  void inline_node(const Json& v, const std::string& path, Inline& in, int depth) {
    if (!v.is_object()) {
      fail(path, std::string("expected an inline object, found ") + type_name(v));
      return;
    }
    const Json* type = member(v, "type");
    if (!type || !type->is_string()) {
      fail(join(path, "type"),
           "is required: text, code, html, emphasis, strong, strikethrough, link, image, "
           "softbreak, linebreak or footnoteReference");
      return;
    }
    const std::string& t = type->get_ref<const std::string&>();
    if (t == "text" || t == "code" || t == "html") {
      in.kind = t == "text" ? InlineKind::text : t == "code" ? InlineKind::code : InlineKind::html;
      if (!object(v, path, {"type", "text"})) return;
      if (!member(v, "text")) {
        fail(join(path, "text"), "is required");
        return;
      }
      string(v, "text", path, in.text, false);
    } else if (t == "emphasis" || t == "strong" || t == "strikethrough") {
      in.kind = t == "emphasis" ? InlineKind::emphasis
                : t == "strong" ? InlineKind::strong
                                : InlineKind::strikethrough;
      if (!object(v, path, {"type", "children"})) return;
      children(v, path, in, depth);
    } else if (t == "link" || t == "image") {
      in.kind = t == "link" ? InlineKind::link : InlineKind::image;
      if (!object(v, path, {"type", "url", "title", "children"})) return;
      if (!string(v, "url", path, in.url) || !string(v, "title", path, in.title)) return;
      children(v, path, in, depth);
    } else if (t == "softbreak" || t == "linebreak") {
      in.kind = t == "softbreak" ? InlineKind::soft_break : InlineKind::line_break;
      object(v, path, {"type"});
    } else if (t == "footnoteReference") {
      in.kind = InlineKind::footnote_reference;
      if (!object(v, path, {"type", "label"})) return;
      string(v, "label", path, in.text);
    } else {
      fail(join(path, "type"),
           "\"" + t +
               "\" is not an inline type (text, code, html, emphasis, strong, "
               "strikethrough, link, image, softbreak, linebreak, footnoteReference)");
    }
  }

  void children(const Json& v, const std::string& path, Inline& in, int depth) {
    const Json* c = member(v, "children");
    if (!c) return;
    inlines(*c, join(path, "children"), in.children, depth + 1);
  }

  // A text part: {text, inlines, span, confidence, reason}; inlines win over text.
  bool text_part(const Json& v, const std::string& path, TextPart& p, uint32_t* offset = nullptr) {
    if (!object(v, path, {"text", "inlines", "span", "confidence", "reason"})) return false;
    const Json* inl = member(v, "inlines");
    if (inl) {
      inlines(*inl, join(path, "inlines"), p.inlines, 0);
    } else {
      std::string text;
      if (!member(v, "text")) return fail(path, "needs \"inlines\" or \"text\"");
      if (!string(v, "text", path, text, false)) return false;
      Inline in;
      in.kind = InlineKind::text;
      in.text = std::move(text);
      p.inlines.push_back(std::move(in));
    }
    const uint32_t at = span(v, "span", path);
    if (offset) *offset = at;
    recognition(v, path, p.how);
    return !error_;
  }

  bool optional_part(const Json& obj, const char* key, const std::string& path,
                     std::optional<TextPart>& out, uint32_t* offset = nullptr) {
    const Json* v = member(obj, key);
    if (!v || v->is_null()) return true;
    TextPart p;
    if (!text_part(*v, join(path, key), p, offset)) return false;
    out = std::move(p);
    return true;
  }

  void person(const Json& v, const std::string& path, Person& p) {
    if (!object(v, path, {"name", "role", "location", "url", "span"})) return;
    if (!member(v, "name")) {
      fail(join(path, "name"), "is required");
      return;
    }
    string(v, "name", path, p.name, false) && string(v, "role", path, p.role) &&
        string(v, "location", path, p.location) && string(v, "url", path, p.url);
    span(v, "span", path);
  }

  void people(const Json& obj, const char* key, const std::string& path, std::vector<Person>& out) {
    const Json* arr = array(obj, key, path);
    if (!arr) return;
    const std::string p = join(path, key);
    for (size_t i = 0; i < arr->size() && !error_; ++i) {
      Person person_value;
      person((*arr)[i], index(p, i), person_value);
      out.push_back(std::move(person_value));
    }
  }

  // --- blocks -----------------------------------------------------------------------------

  void blocks(const Json& obj, const char* key, const std::string& path, std::vector<Block>& out,
              int depth) {
    const Json* arr = array(obj, key, path);
    if (!arr) return;
    if (depth > kMaxDepth) {
      fail(join(path, key), "nests deeper than " + std::to_string(kMaxDepth) + " levels");
      return;
    }
    const std::string p = join(path, key);
    out.reserve(arr->size());
    for (size_t i = 0; i < arr->size() && !error_; ++i) {
      Block b;
      block((*arr)[i], index(p, i), b, depth);
      out.push_back(std::move(b));
    }
  }

  void block(const Json& v, const std::string& path, Block& b, int depth) {
    if (!v.is_object()) {
      fail(path, std::string("expected a block object, found ") + type_name(v));
      return;
    }
    const Json* type = member(v, "type");
    if (!type || !type->is_string()) {
      fail(join(path, "type"),
           "is required: paragraph, heading, blockquote, list, item, code, html, table, row, "
           "cell, rule, figure or footnote");
      return;
    }
    const std::string& t = type->get_ref<const std::string&>();
    const Json* inl = member(v, "inlines");
    auto read_inlines = [&](Inlines& out) {
      if (inl) inlines(*inl, join(path, "inlines"), out, 0);
    };
    int64_t n = 0;
    if (t == "paragraph") {
      b.kind = BlockKind::paragraph;
      if (!object(v, path, {"type", "text", "inlines", "span"})) return;
      if (inl) {
        read_inlines(b.inlines);
      } else {
        Inline in;
        in.kind = InlineKind::text;
        if (!member(v, "text")) {
          fail(path, "needs \"inlines\" or \"text\"");
          return;
        }
        string(v, "text", path, in.text, false);
        b.inlines.push_back(std::move(in));
      }
    } else if (t == "heading") {
      b.kind = BlockKind::heading;
      if (!object(v, path, {"type", "level", "inlines", "span"})) return;
      n = 2;
      integer(v, "level", path, n, 1, 6);
      b.level = static_cast<int>(n);
      read_inlines(b.inlines);
    } else if (t == "blockquote") {
      b.kind = BlockKind::quote;
      if (!object(
              v, path,
              {"type", "blocks", "attribution", "speaker", "pull", "confidence", "reason", "span"}))
        return;
      blocks(v, "blocks", path, b.children, depth + 1);
      const Json* attribution = member(v, "attribution");
      if (attribution && !attribution->is_null())
        inlines(*attribution, join(path, "attribution"), b.attribution, 0);
      string(v, "speaker", path, b.speaker) && boolean(v, "pull", path, b.pull);
      if (member(v, "reason") || member(v, "confidence")) recognition(v, path, b.how);
    } else if (t == "list") {
      b.kind = BlockKind::list;
      if (!object(v, path, {"type", "ordered", "start", "tight", "delimiter", "items", "span"}))
        return;
      n = 1;
      boolean(v, "ordered", path, b.ordered) && boolean(v, "tight", path, b.tight) &&
          integer(v, "start", path, n, 0, 999999999);
      b.start = static_cast<int>(n);
      std::string delimiter = ".";
      string(v, "delimiter", path, delimiter);
      if (delimiter != "." && delimiter != ")") {
        fail(join(path, "delimiter"), "must be \".\" or \")\"");
        return;
      }
      b.delimiter = delimiter[0];
      blocks(v, "items", path, b.children, depth + 1);
      for (size_t i = 0; i < b.children.size() && !error_; ++i) {
        if (b.children[i].kind != BlockKind::item)
          fail(index(join(path, "items"), i), "must be an item");
      }
    } else if (t == "item") {
      b.kind = BlockKind::item;
      if (!object(v, path, {"type", "checked", "blocks", "span"})) return;
      if (member(v, "checked") && !member(v, "checked")->is_null()) {
        bool checked = false;
        boolean(v, "checked", path, checked);
        b.checked = checked ? 1 : 0;
      }
      blocks(v, "blocks", path, b.children, depth + 1);
    } else if (t == "code") {
      b.kind = BlockKind::code;
      if (!object(v, path, {"type", "info", "fenced", "text", "span"})) return;
      string(v, "info", path, b.info) && boolean(v, "fenced", path, b.fenced) &&
          string(v, "text", path, b.text);
    } else if (t == "html") {
      b.kind = BlockKind::html;
      if (!object(v, path, {"type", "text", "span"})) return;
      string(v, "text", path, b.text);
    } else if (t == "table") {
      b.kind = BlockKind::table;
      if (!object(v, path, {"type", "align", "rows", "span"})) return;
      if (const Json* align = array(v, "align", path)) {
        for (size_t i = 0; i < align->size(); ++i) {
          const Json& a = (*align)[i];
          const std::string s = a.is_string() ? a.get<std::string>() : "";
          if (s == "none" || a.is_null()) {
            b.align.push_back(Align::none);
          } else if (s == "left" || s == "center" || s == "right") {
            b.align.push_back(s == "left"     ? Align::left
                              : s == "center" ? Align::center
                                              : Align::right);
          } else {
            fail(index(join(path, "align"), i),
                 "must be \"none\", \"left\", \"center\" or \"right\"");
            return;
          }
        }
      }
      blocks(v, "rows", path, b.children, depth + 1);
      for (size_t i = 0; i < b.children.size() && !error_; ++i) {
        if (b.children[i].kind != BlockKind::row)
          fail(index(join(path, "rows"), i), "must be a row");
      }
    } else if (t == "row") {
      b.kind = BlockKind::row;
      if (!object(v, path, {"type", "header", "cells", "span"})) return;
      boolean(v, "header", path, b.header);
      if (const Json* cells = array(v, "cells", path)) {
        for (size_t i = 0; i < cells->size() && !error_; ++i) {
          Block cell;
          cell.kind = BlockKind::cell;
          inlines((*cells)[i], index(join(path, "cells"), i), cell.inlines, 0);
          b.children.push_back(std::move(cell));
        }
      }
    } else if (t == "cell") {
      b.kind = BlockKind::cell;
      if (!object(v, path, {"type", "inlines", "span"})) return;
      read_inlines(b.inlines);
    } else if (t == "rule") {
      b.kind = BlockKind::rule;
      object(v, path, {"type", "span"});
    } else if (t == "figure") {
      b.kind = BlockKind::figure;
      if (!object(v, path, {"type", "inlines", "caption", "span"})) return;
      read_inlines(b.inlines);
      const Json* caption = member(v, "caption");
      if (caption && !caption->is_null())
        inlines(*caption, join(path, "caption"), b.attribution, 0);
    } else if (t == "footnote") {
      b.kind = BlockKind::footnote;
      if (!object(v, path, {"type", "label", "blocks", "span"})) return;
      string(v, "label", path, b.text);
      blocks(v, "blocks", path, b.children, depth + 1);
    } else {
      fail(join(path, "type"),
           "\"" + t +
               "\" is not a block type (paragraph, heading, blockquote, list, item, "
               "code, html, table, row, cell, rule, figure, footnote)");
      return;
    }
    if (!error_) span(v, "span", path);
  }

  // --- parts ------------------------------------------------------------------------------

  void article(const Json& root, Article& a) {
    if (!object(root, "",
                {"schema", "headline", "dek", "byline", "bylineSource", "bylineText", "dateline",
                 "datelineSource", "sections", "takeaways", "credits", "authorBox", "quotes",
                 "footnotes", "meta"})) {
      return;
    }
    uint32_t at = 0;
    optional_part(root, "headline", "", a.headline, &at) && place(at, a.headline);
    optional_part(root, "dek", "", a.dek, &at) && place(at, a.dek);
    people(root, "byline", "", a.byline);
    recognition_object(root, "bylineSource", "", a.byline_how);
    optional_part(root, "bylineText", "", a.byline_text, &at) && place(at, a.byline_text);
    string(root, "dateline", "", a.dateline);
    recognition_object(root, "datelineSource", "", a.dateline_how);
    if (const Json* secs = array(root, "sections", "")) {
      a.sections.resize(secs->size());
      for (size_t i = 0; i < secs->size() && !error_; ++i)
        section((*secs)[i], index("sections", i), a.sections[i]);
    }
    if (const Json* t = member(root, "takeaways"); t && !t->is_null() && !error_) {
      a.takeaways.emplace();
      takeaways(*t, "takeaways", *a.takeaways);
    }
    if (const Json* c = member(root, "credits"); c && !c->is_null() && !error_) {
      a.credits.emplace();
      credits(*c, "credits", *a.credits);
    }
    if (const Json* box = member(root, "authorBox"); box && !box->is_null() && !error_) {
      a.author_box.emplace();
      author_box(*box, "authorBox", *a.author_box);
    }
    if (const Json* qs = array(root, "quotes", "")) {
      for (size_t i = 0; i < qs->size() && !error_; ++i) {
        Quote q;
        quote((*qs)[i], index("quotes", i), q);
        a.quotes.push_back(std::move(q));
      }
    }
    blocks(root, "footnotes", "", a.footnotes, 0);
    for (size_t i = 0; i < a.footnotes.size() && !error_; ++i) {
      if (a.footnotes[i].kind != BlockKind::footnote)
        fail(index("footnotes", i), "must be a footnote");
    }
    if (const Json* m = member(root, "meta"); m && !m->is_null() && !error_)
      meta(*m, "meta", a.meta);
  }

  bool place(uint32_t at, std::optional<TextPart>& part) {
    if (part) placed_.push_back({at, &part->range});
    return true;
  }

  void section(const Json& v, const std::string& path, Section& s) {
    if (!object(v, path, {"heading", "level", "id", "blocks", "span"})) return;
    optional_part(v, "heading", path, s.heading);
    int64_t level = 2;
    integer(v, "level", path, level, 1, 6);
    s.level = static_cast<int>(level);
    string(v, "id", path, s.id);
    blocks(v, "blocks", path, s.blocks, 0);
    placed_.push_back({span(v, "span", path), &s.range});
  }

  void takeaways(const Json& v, const std::string& path, Takeaways& t) {
    if (!object(v, path, {"heading", "ordered", "items", "span", "confidence", "reason"})) return;
    const Json* heading = member(v, "heading");
    if (!heading || heading->is_null()) {
      fail(join(path, "heading"), "is required");
      return;
    }
    if (!text_part(*heading, join(path, "heading"), t.heading)) return;
    boolean(v, "ordered", path, t.ordered);
    if (const Json* items = array(v, "items", path)) {
      for (size_t i = 0; i < items->size() && !error_; ++i) {
        TextPart p;
        text_part((*items)[i], index(join(path, "items"), i), p);
        t.items.push_back(std::move(p));
      }
    }
    placed_.push_back({span(v, "span", path), &t.range});
    recognition(v, path, t.how);
  }

  void credits(const Json& v, const std::string& path, Credits& c) {
    if (!object(v, path, {"heading", "text", "people", "span", "confidence", "reason"})) return;
    optional_part(v, "heading", path, c.heading);
    const Json* text = member(v, "text");
    if (!text || text->is_null()) {
      fail(join(path, "text"), "is required");
      return;
    }
    if (!text_part(*text, join(path, "text"), c.text)) return;
    people(v, "people", path, c.people);
    placed_.push_back({span(v, "span", path), &c.range});
    recognition(v, path, c.how);
  }

  void author_box(const Json& v, const std::string& path, AuthorBox& box) {
    if (!object(v, path,
                {"heading", "name", "role", "bio", "links", "span", "confidence", "reason"}))
      return;
    optional_part(v, "heading", path, box.heading);
    string(v, "name", path, box.name) && string(v, "role", path, box.role);
    blocks(v, "bio", path, box.bio, 0);
    if (const Json* links = array(v, "links", path)) {
      for (size_t i = 0; i < links->size() && !error_; ++i) {
        if (!(*links)[i].is_string()) {
          fail(index(join(path, "links"), i), "expected a string");
          return;
        }
        box.links.push_back((*links)[i].get<std::string>());
      }
    }
    placed_.push_back({span(v, "span", path), &box.range});
    recognition(v, path, box.how);
  }

  void quote(const Json& v, const std::string& path, Quote& q) {
    if (!object(v, path,
                {"text", "speaker", "speakerSpan", "kind", "partial", "scare", "span", "confidence",
                 "reason"})) {
      return;
    }
    string(v, "text", path, q.text) && string(v, "speaker", path, q.speaker);
    std::string kind = "inline";
    string(v, "kind", path, kind);
    if (kind == "inline" || kind == "block" || kind == "pull") {
      q.kind = kind == "inline"  ? QuoteKind::inline_quote
               : kind == "block" ? QuoteKind::block
                                 : QuoteKind::pull;
    } else {
      fail(join(path, "kind"), "must be \"inline\", \"block\" or \"pull\"");
      return;
    }
    boolean(v, "partial", path, q.partial) && boolean(v, "scare", path, q.scare);
    span(v, "speakerSpan", path);
    span(v, "span", path);
    recognition(v, path, q.how);
  }

  void meta(const Json& v, const std::string& path, Meta& m) {
    if (!object(v, path,
                {"language", "languageSource", "wordCount", "readingMinutes", "date", "tags",
                 "kicker", "frontMatterFormat", "frontMatter"})) {
      return;
    }
    string(v, "language", path, m.language);
    if (m.language.empty()) m.language = "en";
    recognition_object(v, "languageSource", path, m.language_how);
    int64_t unused = 0;
    integer(v, "wordCount", path, unused, 0, UINT32_MAX);
    number(v, "readingMinutes", path);
    string(v, "date", path, m.date) && string(v, "kicker", path, m.kicker);
    if (const Json* tags = array(v, "tags", path)) {
      for (size_t i = 0; i < tags->size() && !error_; ++i) {
        if (!(*tags)[i].is_string()) {
          fail(index(join(path, "tags"), i), "expected a string");
          return;
        }
        m.tags.push_back((*tags)[i].get<std::string>());
      }
    }
    string(v, "frontMatterFormat", path, m.front_matter_format);
    if (!m.front_matter_format.empty() && m.front_matter_format != "yaml" &&
        m.front_matter_format != "toml") {
      fail(join(path, "frontMatterFormat"), "must be \"yaml\", \"toml\" or null");
      return;
    }
    if (const Json* fm = member(v, "frontMatter"); fm && !fm->is_null()) {
      if (!fm->is_object()) {
        fail(join(path, "frontMatter"), std::string("expected an object, found ") + type_name(*fm));
        return;
      }
      m.front_matter_json = fm->dump();
    }
  }

  // --- what the model derives -------------------------------------------------------------

  // Parts take the order their spans give (as in the source); without spans, array order
  // and the standard layout. Ranges stay empty: they only order, they point nowhere.
  void order_parts() {
    const bool any =
        std::any_of(placed_.begin(), placed_.end(), [](const Placed& p) { return p.offset > 0; });
    if (!any) return;
    std::stable_sort(placed_.begin(), placed_.end(),
                     [](const Placed& x, const Placed& y) { return x.offset < y.offset; });
    uint32_t rank = 0;
    for (const Placed& p : placed_) {
      ++rank;
      *p.range = {rank, rank};
    }
  }

  // Ids as given when they are all present and unique; otherwise slugs of the headings.
  static void ids(Article& a) {
    std::set<std::string> seen;
    bool ok = true;
    for (const Section& s : a.sections) ok = ok && !s.id.empty() && seen.insert(s.id).second;
    if (!ok) structure::assign_section_ids(a);
  }

  std::optional<Error> error_;
  std::vector<Placed> placed_;
};

}  // namespace

Result<Article> parse_json_article(std::string_view json) {
  Result<Json> parsed = detail::parse_json(json, ErrorCode::invalid_json, "The article");
  if (!parsed) return parsed.error();
  return Reader().read(parsed.value());
}

}  // namespace galley::parse
