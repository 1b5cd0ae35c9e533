// Normalises HTML the way cmark's test/normalize.py does, so that two renderings compare equal
// when they differ only in insignificant whitespace, attribute order, self-closing slashes or
// the spelling of character references.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::spec {
namespace normalize_detail {

inline bool is_block_tag(std::string_view t) {
  static const char* const kBlock[] = {
      "article",  "header", "aside",    "hgroup",   "blockquote", "hr",         "iframe",
      "body",     "li",     "map",      "button",   "object",     "canvas",     "ol",
      "caption",  "output", "col",      "p",        "colgroup",   "pre",        "dd",
      "progress", "div",    "section",  "dl",       "table",      "td",         "dt",
      "tbody",    "embed",  "textarea", "fieldset", "tfoot",      "figcaption", "th",
      "figure",   "thead",  "footer",   "tr",       "form",       "ul",         "h1",
      "h2",       "h3",     "h4",       "h5",       "h6",         "video",      "script",
      "style"};
  for (const char* b : kBlock) {
    if (t == b) return true;
  }
  return false;
}

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline void append_utf8(std::string& out, uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Appends one decoded character the way normalize.py's output_char does.
inline void output_char(std::string& out, uint32_t c) {
  switch (c) {
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      append_utf8(out, c);
  }
}

// Decodes numeric references and the few named ones cmark writes; others stay as written.
inline std::string decode_refs(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      const char c = s[i++];
      if (c == '<') {
        out += "&lt;";
      } else if (c == '>') {
        out += "&gt;";
      } else if (c == '"') {
        out += "&quot;";
      } else {
        out += c;
      }
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 40) {
      out += "&amp;";
      ++i;
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    bool ok = false;
    if (!name.empty() && name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string_view digits = name.substr(hex ? 2 : 1);
      ok = !digits.empty();
      for (const char d : digits) {
        int v = -1;
        if (d >= '0' && d <= '9') v = d - '0';
        if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        if (v < 0) ok = false;
        if (ok && cp < 0x110000) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (cp >= 0x110000) ok = false;
    } else if (name == "amp") {
      cp = '&', ok = true;
    } else if (name == "lt") {
      cp = '<', ok = true;
    } else if (name == "gt") {
      cp = '>', ok = true;
    } else if (name == "quot") {
      cp = '"', ok = true;
    }
    if (!ok) {
      out += "&amp;";
      ++i;
      continue;
    }
    output_char(out, cp);
    i = semi + 1;
  }
  return out;
}

class Normaliser {
 public:
  std::string run(std::string_view html) {
    size_t i = 0;
    while (i < html.size()) {
      if (html[i] == '<') {
        const size_t used = markup(html, i);
        if (used > 0) {
          i += used;
          continue;
        }
      }
      size_t j = html.find('<', i + 1);
      if (j == std::string_view::npos) j = html.size();
      data(html.substr(i, j - i));
      i = j;
    }
    return out_;
  }

 private:
  // Handles markup at html[i] ('<'); returns how many bytes it used, 0 if it is text.
  size_t markup(std::string_view html, size_t i) {
    const std::string_view rest = html.substr(i);
    auto verbatim = [&](size_t end, size_t close_len, const char* kind) -> size_t {
      if (end == std::string_view::npos) return 0;
      out_.append(rest.data(), end + close_len);
      last_ = kind;
      return end + close_len;
    };
    if (rest.rfind("<!--", 0) == 0) return verbatim(rest.find("-->", 4), 3, "comment");
    if (rest.rfind("<![CDATA[", 0) == 0) return verbatim(rest.find("]]>"), 3, "decl");
    if (rest.rfind("<!", 0) == 0) return verbatim(rest.find('>'), 1, "decl");
    if (rest.rfind("<?", 0) == 0) return verbatim(rest.find('>'), 1, "pi");
    const bool end_tag = rest.size() > 1 && rest[1] == '/';
    size_t p = end_tag ? 2 : 1;
    if (p >= rest.size() ||
        !((rest[p] >= 'a' && rest[p] <= 'z') || (rest[p] >= 'A' && rest[p] <= 'Z')))
      return 0;
    std::string tag;
    while (p < rest.size() && !is_space(rest[p]) && rest[p] != '>' && rest[p] != '/') {
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[p])));
      ++p;
    }
    std::vector<std::pair<std::string, std::string>> attrs;
    std::vector<bool> has_value;
    bool self_closing = false;
    while (p < rest.size() && rest[p] != '>') {
      if (is_space(rest[p])) {
        ++p;
        continue;
      }
      if (rest[p] == '/') {
        self_closing = true;
        ++p;
        continue;
      }
      self_closing = false;
      std::string name;
      while (p < rest.size() && !is_space(rest[p]) && rest[p] != '>' && rest[p] != '=' &&
             rest[p] != '/') {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[p])));
        ++p;
      }
      while (p < rest.size() && is_space(rest[p])) ++p;
      std::string value;
      bool valued = false;
      if (p < rest.size() && rest[p] == '=') {
        valued = true;
        ++p;
        while (p < rest.size() && is_space(rest[p])) ++p;
        if (p < rest.size() && (rest[p] == '"' || rest[p] == '\'')) {
          const char q = rest[p++];
          const size_t close = rest.find(q, p);
          if (close == std::string_view::npos) return 0;
          value = std::string(rest.substr(p, close - p));
          p = close + 1;
        } else {
          while (p < rest.size() && !is_space(rest[p]) && rest[p] != '>') value += rest[p++];
        }
      }
      if (name.empty()) {
        ++p;
        continue;
      }
      attrs.emplace_back(name, valued ? decode_refs(value) : std::string());
      has_value.push_back(valued);
    }
    if (p >= rest.size()) return 0;
    const size_t used = p + 1;
    if (end_tag) {
      if (tag == "pre") {
        in_pre_ = false;
      } else if (is_block_tag(tag)) {
        rstrip();
      }
      out_ += "</" + tag + ">";
      last_tag_ = tag;
      last_ = "endtag";
      return used;
    }
    if (tag == "pre") in_pre_ = true;
    if (is_block_tag(tag)) rstrip();
    out_ += "<" + tag;
    std::vector<size_t> order(attrs.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return attrs[a] < attrs[b]; });
    for (const size_t k : order) {
      out_ += " " + attrs[k].first;
      if (has_value[k]) out_ += "=\"" + attrs[k].second + "\"";
    }
    out_ += ">";
    last_tag_ = tag;
    last_ = self_closing ? "endtag" : "starttag";
    return used;
  }

  void rstrip() {
    while (!out_.empty() && is_space(out_.back())) out_.pop_back();
  }

  void data(std::string_view raw) {
    std::string d = decode_refs(raw);
    const bool after_tag = last_ == "endtag" || last_ == "starttag";
    const bool after_block_tag = after_tag && is_block_tag(last_tag_);
    if (after_tag && last_tag_ == "br") {
      size_t k = 0;
      while (k < d.size() && d[k] == '\n') ++k;
      d.erase(0, k);
    }
    if (!in_pre_) {
      std::string collapsed;
      bool space = false;
      for (const char c : d) {
        if (is_space(c)) {
          space = true;
          continue;
        }
        if (space) collapsed += ' ';
        space = false;
        collapsed += c;
      }
      if (space) collapsed += ' ';
      d = collapsed;
    }
    if (after_block_tag && !in_pre_) {
      if (last_ == "starttag") {
        size_t k = 0;
        while (k < d.size() && is_space(d[k])) ++k;
        d.erase(0, k);
      } else {
        size_t k = 0;
        while (k < d.size() && is_space(d[k])) ++k;
        d.erase(0, k);
        while (!d.empty() && is_space(d.back())) d.pop_back();
      }
    }
    out_ += d;
    last_ = "data";
  }

  std::string out_;
  std::string last_ = "starttag";
  std::string last_tag_;
  bool in_pre_ = false;
};

}  // namespace normalize_detail

/// The normalised form of `html`.
inline std::string normalize_html(std::string_view html) {
  return normalize_detail::Normaliser().run(html);
}

}  // namespace galley::spec
