// The HTML sanitiser behind the opt-in raw-HTML passthrough: raw HTML is parsed and written
// again, so that what the browser reads is exactly what was checked.
#include "render/sanitize.h"

#include <algorithm>

#include "render/writer.h"

namespace galley::render {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// cmark-gfm's tagfilter: these are shown as text, never as markup.
bool filtered(std::string_view tag) {
  for (std::string_view t : {"title", "textarea", "style", "xmp", "iframe", "noembed", "noframes",
                             "script", "plaintext"}) {
    if (tag == t) return true;
  }
  return false;
}

bool allowed_element(std::string_view tag) {
  static constexpr std::string_view kAllowed[] = {
      "a",     "abbr",    "b",    "bdi",      "bdo",        "blockquote", "br",      "caption",
      "cite",  "code",    "col",  "colgroup", "dd",         "del",        "details", "dfn",
      "div",   "dl",      "dt",   "em",       "figcaption", "figure",     "h1",      "h2",
      "h3",    "h4",      "h5",   "h6",       "hr",         "i",          "img",     "ins",
      "kbd",   "li",      "mark", "ol",       "p",          "pre",        "q",       "rp",
      "rt",    "ruby",    "s",    "samp",     "small",      "span",       "strike",  "strong",
      "sub",   "summary", "sup",  "table",    "tbody",      "td",         "tfoot",   "th",
      "thead", "time",    "tr",   "tt",       "u",          "ul",         "var",     "wbr"};
  return std::find(std::begin(kAllowed), std::end(kAllowed), tag) != std::end(kAllowed);
}

bool void_element(std::string_view tag) {
  return tag == "br" || tag == "hr" || tag == "img" || tag == "wbr" || tag == "col";
}

enum class AttrKind : uint8_t { no, plain, url, image_url, style };

AttrKind attribute_kind(std::string_view tag, std::string_view name, bool allow_style) {
  if (name == "title" || name == "lang" || name == "dir") return AttrKind::plain;
  if (name == "style") return allow_style ? AttrKind::style : AttrKind::no;
  if (name == "align" && (tag == "p" || tag == "div" || tag == "table" || tag == "td" ||
                          tag == "th" || tag == "tr" || tag == "img" || tag[0] == 'h')) {
    return AttrKind::plain;
  }
  if (tag == "a") {
    if (name == "href") return AttrKind::url;
    if (name == "hreflang") return AttrKind::plain;
  }
  if (tag == "img") {
    if (name == "src") return AttrKind::image_url;
    if (name == "alt" || name == "width" || name == "height") return AttrKind::plain;
  }
  if (tag == "ol" && (name == "start" || name == "reversed" || name == "type"))
    return AttrKind::plain;
  if (tag == "li" && name == "value") return AttrKind::plain;
  if ((tag == "td" || tag == "th") &&
      (name == "colspan" || name == "rowspan" || name == "headers")) {
    return AttrKind::plain;
  }
  if (tag == "th" && (name == "scope" || name == "abbr")) return AttrKind::plain;
  if ((tag == "col" || tag == "colgroup") && name == "span") return AttrKind::plain;
  if ((tag == "blockquote" || tag == "q" || tag == "del" || tag == "ins") && name == "cite") {
    return AttrKind::url;
  }
  if ((tag == "del" || tag == "ins" || tag == "time") && name == "datetime") return AttrKind::plain;
  if (tag == "details" && name == "open") return AttrKind::plain;
  return AttrKind::no;
}

// CSS that could run code, fetch resources or hide an escape is refused as a whole.
bool safe_style(std::string_view css) {
  std::string low;
  low.reserve(css.size());
  for (const char c : css) {
    if (!is_space(c)) low += lower(c);
  }
  for (std::string_view bad :
       {"expression", "javascript", "vbscript", "url(", "@import", "behavior", "binding", "\\",
        "/*", "<", ">", "&", "image(", "image-set("}) {
    if (low.find(bad) != std::string::npos) return false;
  }
  return true;
}

// Whether s[i] ('&') begins a well-formed character reference, which may stay as written.
bool reference_at(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    const size_t start = j;
    while (j < s.size() && (hex ? (is_alnum(s[j])) : (s[j] >= '0' && s[j] <= '9'))) ++j;
    return j > start && j < s.size() && s[j] == ';';
  }
  const size_t start = j;
  while (j < s.size() && is_alnum(s[j])) ++j;
  return j > start && is_alpha(s[start]) && j < s.size() && s[j] == ';';
}

}  // namespace

void HtmlSanitizer::write(std::string& out, std::string_view html) {
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      const size_t used = tag(out, html, i);
      if (used > 0) {
        i += used;
      } else {
        out += "&lt;";
        ++i;
      }
      continue;
    }
    size_t next = html.find('<', i);
    if (next == std::string_view::npos) next = html.size();
    text(out, html.substr(i, next - i));
    i = next;
  }
}

void HtmlSanitizer::finish(std::string& out) {
  while (!open_.empty()) {
    out += "</";
    out += open_.back();
    out += '>';
    open_.pop_back();
  }
}

void HtmlSanitizer::text(std::string& out, std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '&':
        out += reference_at(s, i) ? "&" : "&amp;";
        break;
      default:
        out += c;
    }
  }
}

size_t HtmlSanitizer::tag(std::string& out, std::string_view html, size_t at) {
  const std::string_view rest = html.substr(at);
  // Comments, declarations and processing instructions are dropped (to the end of the node
  // when they do not close in it, as a browser would swallow what follows).
  if (rest.substr(0, 4) == "<!--") {
    const size_t end = rest.find("-->", 4);
    return end == std::string_view::npos ? rest.size() : end + 3;
  }
  if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
    const size_t end = rest.find('>');
    return end == std::string_view::npos ? rest.size() : end + 1;
  }
  const bool end_tag = rest.size() > 1 && rest[1] == '/';
  size_t p = end_tag ? 2 : 1;
  if (p >= rest.size() || !is_alpha(rest[p])) return 0;
  std::string name;
  while (p < rest.size() && (is_alnum(rest[p]) || rest[p] == '-')) name += lower(rest[p++]);
  if (p < rest.size() && !is_space(rest[p]) && rest[p] != '/' && rest[p] != '>') return 0;
  // Find the end of the tag, skipping quoted values.
  size_t q = p;
  char quote = 0;
  for (; q < rest.size(); ++q) {
    const char c = rest[q];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    }
  }
  if (q >= rest.size()) return 0;  // not closed here: shown as text
  const size_t used = q + 1;
  if (filtered(name)) {
    text(out, rest.substr(0, used));
    return used;
  }
  if (!allowed_element(name)) return used;
  if (end_tag) {
    const auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it == open_.rend()) return used;
    const size_t keep = static_cast<size_t>(open_.rend() - it) - 1;
    while (open_.size() > keep) {
      out += "</";
      out += open_.back();
      out += '>';
      open_.pop_back();
    }
    return used;
  }
  out += '<';
  out += name;
  // Attributes.
  while (p < q) {
    while (p < q && (is_space(rest[p]) || rest[p] == '/')) ++p;
    if (p >= q) break;
    std::string attr;
    while (p < q && !is_space(rest[p]) && rest[p] != '/' && rest[p] != '=')
      attr += lower(rest[p++]);
    if (attr.empty()) attr += rest[p++];  // a stray '=' begins a name, as in browsers
    while (p < q && is_space(rest[p])) ++p;
    std::string_view raw;
    bool has_value = false;
    if (p < q && rest[p] == '=') {
      has_value = true;
      ++p;
      while (p < q && is_space(rest[p])) ++p;
      if (p < q && (rest[p] == '"' || rest[p] == '\'')) {
        const char qc = rest[p++];
        const size_t close = rest.find(qc, p);
        raw = rest.substr(p, close - p);
        p = close + 1;
      } else {
        const size_t start = p;
        while (p < q && !is_space(rest[p])) ++p;
        raw = rest.substr(start, p - start);
      }
    }
    const AttrKind kind = attribute_kind(name, attr, allow_style_);
    if (kind == AttrKind::no) continue;
    value_.clear();
    const bool known = decode_html_entities(value_, raw);
    if (kind == AttrKind::url || kind == AttrKind::image_url) {
      if (!has_value || !known || !is_safe_url(value_, kind == AttrKind::image_url)) continue;
      out += ' ';
      out += attr;
      out += "=\"";
      append_url(out, value_);
      out += '"';
      continue;
    }
    if (kind == AttrKind::style && !safe_style(value_)) continue;
    out += ' ';
    out += attr;
    if (has_value) {
      out += "=\"";
      escape_html(out, value_);
      out += '"';
    }
  }
  out += '>';
  if (!void_element(name)) open_.push_back(std::move(name));
  return used;
}

}  // namespace galley::render
