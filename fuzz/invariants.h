// Properties every Galley run must keep, shared by the fuzz targets and the reliability tests:
// the word sequence of a text, an HTML safety scan, and position checks of diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "galley/galley.h"

namespace galley::reliability {

/// Decodes one code point of UTF-8 at s[i] and advances i; a bad byte yields U+FFFD.
inline char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  i += len;
  return c;
}

/// Whether a code point belongs to a word. Independent of the core's own definition on
/// purpose: letters, digits and marks of any script are word characters; ASCII punctuation,
/// Latin-1 punctuation, the General Punctuation block (dashes, curly quotes, NBSP variants,
/// U+2011), currency, arrows and other symbols, emoji and controls are not. U+FFFD counts
/// as a letter so that a replaced byte stays inside its word.
inline bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c < 0xC0) return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // General Punctuation
  if (c >= 0x20A0 && c <= 0x20CF) return false;  // currency
  if (c >= 0x2100 && c <= 0x2BFF) return false;  // letterlike, arrows, maths, boxes, dingbats
  if (c >= 0x2E00 && c <= 0x2E7F) return false;  // supplemental punctuation
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation and the ideographic space
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFC)) return false;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji and pictographs
  if (c >= 0xE0000) return false;                  // tags and variation selectors
  return true;
}

/// The ordered words of a UTF-8 text, as maximal runs of word code points.
inline std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string current;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t c = next_code_point(s, i);
    if (is_word_code_point(c)) {
      current.append(s.substr(start, i - start));
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

/// Describes the first difference of two word sequences ("" when equal).
inline std::string word_difference(const std::vector<std::string>& expected,
                                   const std::vector<std::string>& actual) {
  size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
  if (i == expected.size() && i == actual.size()) return "";
  auto around = [](const std::vector<std::string>& w, size_t at) {
    std::string s;
    const size_t from = at > 4 ? at - 4 : 0;
    for (size_t k = from; k < w.size() && k < at + 5; ++k) {
      s += k == at ? "[" + w[k] + "]" : w[k];
      s += ' ';
    }
    return s;
  };
  return "words differ at word " + std::to_string(i) + " (expected " +
         std::to_string(expected.size()) + " words, got " + std::to_string(actual.size()) +
         "): expected '" + around(expected, i) + "' got '" + around(actual, i) + "'";
}

/// Checks that `expected` appears in order inside `actual`, which may hold more words (a byline
/// the HTML header repeats, labels). Returns the first word that could not be found, or "".
inline std::string word_subsequence_issue(const std::vector<std::string>& expected,
                                          const std::vector<std::string>& actual) {
  size_t j = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    while (j < actual.size() && actual[j] != expected[i]) ++j;
    if (j == actual.size()) {
      std::string context;
      for (size_t k = i > 4 ? i - 4 : 0; k < expected.size() && k < i + 5; ++k) {
        context += k == i ? "[" + expected[k] + "] " : expected[k] + " ";
      }
      return "word " + std::to_string(i) + " of " + std::to_string(expected.size()) +
             " is missing or out of order: '" + context + "'";
    }
    ++j;
  }
  return "";
}

namespace detail {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

inline void append_utf8(std::string& out, uint32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
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

}  // namespace detail

/// Decodes HTML character references the way a browser does in text and attribute values:
/// numeric references (with or without ';') and the named ones that matter for URLs and text.
inline std::string decode_html_entities(std::string_view s) {
  static constexpr std::pair<const char*, uint32_t> kNamed[] = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
      {"apos", '\''},    {"nbsp", 0xA0},     {"colon", ':'},     {"Tab", '\t'},
      {"NewLine", '\n'}, {"lpar", '('},      {"rpar", ')'},      {"sol", '/'},
      {"bsol", '\\'},    {"semi", ';'},      {"period", '.'},    {"comma", ','},
      {"excl", '!'},     {"num", '#'},       {"hellip", 0x2026}, {"mdash", 0x2014},
      {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"laquo", 0xAB},    {"raquo", 0xBB},    {"bdquo", 0x201E},
      {"sbquo", 0x201A}, {"thinsp", 0x2009}, {"copy", 0xA9},     {"reg", 0xAE},
      {"shy", 0xAD}};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      ++j;
      const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      uint64_t v = 0;
      const size_t digits_from = j;
      while (j < s.size()) {
        const char c = s[j];
        int d = -1;
        if (c >= '0' && c <= '9')
          d = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
          d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
          d = c - 'A' + 10;
        if (d < 0) break;
        if (v < 0x110000) v = v * (hex ? 16 : 10) + static_cast<uint64_t>(d);
        ++j;
      }
      if (j == digits_from) {
        out += s[i++];
        continue;
      }
      if (j < s.size() && s[j] == ';') ++j;
      detail::append_utf8(out, v > 0x10FFFF ? 0xFFFD : static_cast<uint32_t>(v));
      i = j;
      continue;
    }
    bool matched = false;
    for (const auto& [name, cp] : kNamed) {
      const std::string_view n(name);
      if (s.substr(j, n.size()) == n) {
        size_t end = j + n.size();
        if (end < s.size() && s[end] == ';') ++end;
        detail::append_utf8(out, cp);
        i = end;
        matched = true;
        break;
      }
    }
    if (!matched) out += s[i++];
  }
  return out;
}

/// An element start tag found by scan_html().
struct HtmlTag {
  std::string name;                                        ///< Lower-case tag name.
  std::vector<std::pair<std::string, std::string>> attrs;  ///< Lower-case names, decoded values.
};

/// Tokenises HTML the way a browser's tokenizer does in the states that matter here: start
/// tags with their attributes, comments, and raw-text elements whose content holds no tags.
/// Text between tags (entities decoded) is appended to `text` when it is given.
inline std::vector<HtmlTag> scan_html(std::string_view h, std::string* text = nullptr) {
  std::vector<HtmlTag> tags;
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string pending;
  auto flush = [&] {
    if (text) *text += decode_html_entities(pending);
    pending.clear();
  };
  size_t i = 0;
  while (i < h.size()) {
    if (h[i] != '<') {
      pending += h[i++];
      continue;
    }
    if (h.substr(i, 4) == "<!--") {
      flush();
      const size_t end = h.find("-->", i + 4);
      i = end == std::string_view::npos ? h.size() : end + 3;
      continue;
    }
    if (i + 1 < h.size() && (h[i + 1] == '!' || h[i + 1] == '?')) {
      flush();
      const size_t end = h.find('>', i);
      i = end == std::string_view::npos ? h.size() : end + 1;
      continue;
    }
    const bool closing = i + 1 < h.size() && h[i + 1] == '/';
    const size_t name_at = i + (closing ? 2 : 1);
    if (name_at >= h.size() || !is_alpha(h[name_at])) {
      pending += h[i++];
      continue;
    }
    flush();
    size_t j = name_at;
    while (j < h.size() && !is_ws(h[j]) && h[j] != '/' && h[j] != '>') ++j;
    HtmlTag tag;
    tag.name = detail::lower(h.substr(name_at, j - name_at));
    // Attributes (also parsed on end tags, as a browser does, but only start tags are kept).
    while (j < h.size() && h[j] != '>') {
      if (is_ws(h[j]) || h[j] == '/') {
        ++j;
        continue;
      }
      size_t n = j;
      ++j;  // a name may begin with '=' or a quote
      while (j < h.size() && !is_ws(h[j]) && h[j] != '/' && h[j] != '>' && h[j] != '=') ++j;
      std::string name = detail::lower(h.substr(n, j - n));
      while (j < h.size() && is_ws(h[j])) ++j;
      std::string value;
      if (j < h.size() && h[j] == '=') {
        ++j;
        while (j < h.size() && is_ws(h[j])) ++j;
        if (j < h.size() && (h[j] == '"' || h[j] == '\'')) {
          const char q = h[j++];
          const size_t v = j;
          while (j < h.size() && h[j] != q) ++j;
          value = decode_html_entities(h.substr(v, j - v));
          if (j < h.size()) ++j;
        } else {
          const size_t v = j;
          while (j < h.size() && !is_ws(h[j]) && h[j] != '>') ++j;
          value = decode_html_entities(h.substr(v, j - v));
        }
      }
      tag.attrs.emplace_back(std::move(name), std::move(value));
    }
    i = j < h.size() ? j + 1 : h.size();
    if (closing) continue;
    static constexpr const char* kRawText[] = {"script", "style",   "textarea", "title",   "xmp",
                                               "iframe", "noembed", "noframes", "noscript"};
    bool raw = tag.name == "plaintext";
    for (const char* r : kRawText) raw = raw || tag.name == r;
    if (raw) {
      const std::string lowered = detail::lower(h.substr(i));
      const size_t end =
          tag.name == "plaintext" ? std::string::npos : lowered.find("</" + tag.name);
      const size_t stop = end == std::string::npos ? h.size() : i + end;
      if (text && tag.name != "script" && tag.name != "style")
        *text += decode_html_entities(h.substr(i, stop - i));
      i = stop;
    }
    tags.push_back(std::move(tag));
  }
  flush();
  return tags;
}

/// Whether an attribute holds a URL that a browser may load or navigate to.
inline bool is_url_attribute(std::string_view name) {
  static constexpr const char* kUrlAttributes[] = {
      "href",     "src",      "action",   "formaction", "xlink:href",  "poster",  "background",
      "cite",     "data",     "codebase", "longdesc",   "lowsrc",      "dynsrc",  "usemap",
      "manifest", "ping",     "profile",  "srcset",     "imagesrcset", "classid", "archive",
      "itemtype", "xml:base", "to",       "from",       "values",      "by"};
  for (const char* a : kUrlAttributes) {
    if (name == a) return true;
  }
  return false;
}

/// The scheme-relevant start of a URL as a browser's URL parser sees it: leading C0 controls
/// and spaces dropped, tabs and newlines removed anywhere, lower case.
inline std::string url_head(std::string_view value) {
  std::string out;
  size_t i = 0;
  while (i < value.size() && static_cast<unsigned char>(value[i]) <= 0x20) ++i;
  for (; i < value.size() && out.size() < 32; ++i) {
    const char c = value[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    out += detail::ascii_lower(c);
  }
  return out;
}

/// Checks that HTML is safe to insert into a page: no script element (except a JSON-LD block
/// when `allow_json_ld`), no event-handler attribute, no javascript:, vbscript: or non-image
/// data: URL, no srcdoc, no <base>, no refreshing <meta>. Returns what is wrong, or "".
inline std::string html_safety_issue(std::string_view html, bool allow_json_ld) {
  for (const HtmlTag& tag : scan_html(html)) {
    if (tag.name == "script") {
      bool json_ld = false;
      for (const auto& [n, v] : tag.attrs)
        json_ld = json_ld || (n == "type" && detail::lower(v) == "application/ld+json");
      if (!(allow_json_ld && json_ld)) return "a <script> element survived";
    }
    if (tag.name == "base") return "a <base> element survived";
    if (tag.name == "meta") {
      for (const auto& [n, v] : tag.attrs) {
        if (n == "http-equiv") return "a <meta http-equiv> element survived";
      }
    }
    for (const auto& [n, v] : tag.attrs) {
      if (n.size() > 2 && n[0] == 'o' && n[1] == 'n')
        return "event-handler attribute '" + n + "' on <" + tag.name + ">";
      if (n == "srcdoc") return "srcdoc attribute on <" + tag.name + ">";
      if (!is_url_attribute(n)) continue;
      const std::string head = url_head(v);
      if (head.rfind("javascript:", 0) == 0 || head.rfind("vbscript:", 0) == 0 ||
          head.rfind("livescript:", 0) == 0) {
        return "script URL in " + n + " of <" + tag.name + ">: " + v.substr(0, 80);
      }
      if (head.rfind("data:", 0) == 0) {
        const bool framed = tag.name == "object" || tag.name == "embed" || tag.name == "iframe" ||
                            tag.name == "frame";
        if (framed || head.rfind("data:image/", 0) != 0)
          return "data: URL in " + n + " of <" + tag.name + ">: " + v.substr(0, 80);
      }
    }
  }
  return "";
}

/// Checks that every diagnostic's positions lie inside a source of `utf16_length` units and
/// `byte_length` bytes, in order, with a fix inside its bounds. Returns what is wrong, or "".
inline std::string diagnostic_position_issue(const std::vector<Diagnostic>& list,
                                             uint32_t utf16_length, uint32_t byte_length) {
  for (const Diagnostic& d : list) {
    const std::string where =
        "diagnostic " + d.rule + " at " + std::to_string(d.line) + ":" + std::to_string(d.column);
    if (d.rule.empty() || d.message.empty()) return where + " has no rule id or message";
    if (d.line < 1 || d.column < 1 || d.end_line < d.line) return where + " has bad line/column";
    if (d.end_line == d.line && d.end_column < d.column) return where + " ends before it begins";
    if (d.offset > d.end_offset || d.end_offset > utf16_length)
      return where + " has offsets outside the source";
    if (d.range.begin > d.range.end || d.range.end > byte_length)
      return where + " has a byte range outside the source";
    if (d.fix) {
      if (d.fix->offset > d.fix->end_offset || d.fix->end_offset > utf16_length)
        return where + " has a fix outside the source";
      if (d.fix->range.begin > d.fix->range.end || d.fix->range.end > byte_length)
        return where + " has a fix byte range outside the source";
    }
  }
  return "";
}

}  // namespace galley::reliability
