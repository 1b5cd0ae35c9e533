// Shared output helpers: HTML escaping, URL safety, plain text and a streaming JSON writer.
#include "render/writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "bytes8.h"
#include "text_util.h"

namespace galley::render {
namespace {

// Bytes that need work in HTML text and attribute values.
constexpr bool html_special(unsigned char c) {
  return c == '&' || c == '<' || c == '>' || c == '"';
}

constexpr char kHexUpper[] = "0123456789ABCDEF";

// Flags the bytes of the eight at `p` that need HTML escaping (detail::first_flagged()).
inline uint64_t html_flags8(const char* p) {
  using detail::has_byte;
  const uint64_t x = detail::load8(p);
  return has_byte(x, '&') | has_byte(x, '<') | has_byte(x, '>') | has_byte(x, '"');
}

// Flags the bytes of the eight at `p` that need a look in a JSON string
// (detail::first_flagged()): a control character, a quotation mark, a backslash, in HTML-safe
// mode < > &, and 0xE2 where it may open U+2028 or U+2029 (E2 80 A8/A9, escaped). Other
// characters that start with 0xE2, common in prose (dashes, curly quotation marks, the
// ellipsis), are not flagged; an 0xE2 in the last two bytes is, as its next bytes are not here.
// In ASCII mode every byte beyond ASCII is flagged instead.
inline uint64_t json_flags8(const char* p, unsigned escape) {
  using detail::has_byte;
  const uint64_t x = detail::load8(p);
  uint64_t look = detail::has_byte_below(x, 0x20) | has_byte(x, '"') | has_byte(x, '\\');
  if ((escape & kJsonHtmlSafe) != 0) look |= has_byte(x, '<') | has_byte(x, '>') | has_byte(x, '&');
  if ((escape & kJsonAscii) != 0) return look | detail::has_non_ascii(x);
  if (uint64_t e2 = has_byte(x, 0xE2)) {
    const uint64_t next80 = (has_byte(x, 0x80) >> 8) | 0x8000000000000000ull;
    const uint64_t then_sep =
        ((has_byte(x, 0xA8) | has_byte(x, 0xA9)) >> 16) | 0x8080000000000000ull;
    look |= e2 & next80 & then_sep;
  }
  return look;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Characters allowed unencoded in an href: RFC 3986 unreserved and reserved characters and
// '%' (existing escapes are kept, as cmark-gfm does).
bool url_char_ok(unsigned char c) {
  if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c))) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case ':':
    case '/':
    case '?':
    case '#':
    case '[':
    case ']':
    case '@':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case '%':
      return true;
    default:
      return false;
  }
}

// Named references that can hide a URL scheme or markup; browsers know many more, and a value
// that uses another one is reported as suspect by decode_html_entities().
struct NamedEntity {
  std::string_view name;
  std::string_view text;
};
constexpr NamedEntity kEntities[] = {
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"colon", ":"},
    {"Tab", "\t"},
    {"NewLine", "\n"},
    {"nbsp", "\xC2\xA0"},
    {"sol", "/"},
    {"bsol", "\\"},
    {"lpar", "("},
    {"rpar", ")"},
    {"period", "."},
    {"comma", ","},
    {"excl", "!"},
    {"num", "#"},
    {"percnt", "%"},
    {"equals", "="},
    {"semi", ";"},
    {"quest", "?"},
    {"commat", "@"},
    {"plus", "+"},
    {"lowbar", "_"},
    {"hyphen", "-"},
    {"dash", "-"},
    {"lsqb", "["},
    {"rsqb", "]"},
    {"lbrack", "["},
    {"rbrack", "]"},
    {"lcub", "{"},
    {"rcub", "}"},
    {"grave", "`"},
    {"Hat", "^"},
    {"verbar", "|"},
    {"vert", "|"},
    {"ast", "*"},
    {"dollar", "$"},
    {"copy", "\xC2\xA9"},
    {"reg", "\xC2\xAE"},
    {"hellip", "\xE2\x80\xA6"},
    {"mdash", "\xE2\x80\x94"},
    {"ndash", "\xE2\x80\x93"},
    {"rsquo", "\xE2\x80\x99"},
    {"lsquo", "\xE2\x80\x98"},
    {"ldquo", "\xE2\x80\x9C"},
    {"rdquo", "\xE2\x80\x9D"},
};

void plain_into(std::string& out, const Inlines& inlines, bool html) {
  detail::for_each_plain_piece(inlines, [&out, html](std::string_view text, const Inline&) {
    if (html) {
      escape_html(out, text);
    } else {
      out += text;
    }
  });
}

// Where escaped characters go: an output string, or memory known to have room for them.
struct StringSink {
  std::string& out;
  void put(const char* p, size_t n) { out.append(p, n); }
  void put(char c) { out += c; }
};
struct MemorySink {
  char* at;
  void put(const char* p, size_t n) {
    std::memcpy(at, p, n);
    at += n;
  }
  void put(char c) { *at++ = c; }
};

// The most bytes that escaping one byte of input writes (a control character as \u00XX; in
// ASCII mode a two-byte character as one escape, a four-byte one as two).
constexpr size_t kMaxEscapedPerByte = 6;

// Writes the character at s[i] (beyond ASCII) as \uXXXX, or as a surrogate pair above U+FFFF;
// an invalid byte as \ufffd. Returns the index after the character.
template <class Sink>
size_t put_u_escape(Sink& out, std::string_view s, size_t i) {
  static const char kHex[] = "0123456789abcdef";
  char buf[12];
  const auto put_unit = [&](char* at, uint32_t u) {
    at[0] = '\\';
    at[1] = 'u';
    at[2] = kHex[(u >> 12) & 15];
    at[3] = kHex[(u >> 8) & 15];
    at[4] = kHex[(u >> 4) & 15];
    at[5] = kHex[u & 15];
  };
  // Two- and three-byte characters, the ones of almost all text beyond ASCII (dashes, curly
  // quotation marks, accented letters), decoded here as detail::decode_utf8 decodes them,
  // without its call, and written as one escape of a known length.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char c = p[i];
  if (c >= 0xC0 && c < 0xF0) {
    const size_t len = c >= 0xE0 ? 3 : 2;
    if (i + len <= s.size() && (p[i + 1] & 0xC0) == 0x80 &&
        (len == 2 || (p[i + 2] & 0xC0) == 0x80)) {
      const uint32_t u = len == 2
                             ? ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu)
                             : ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
      put_unit(buf, u);
      out.put(buf, 6);
      return i + len;
    }
  }
  char32_t cp = detail::decode_utf8(s, i);
  size_t len = 0;
  if (cp >= 0x10000) {
    cp -= 0x10000;
    put_unit(buf, 0xD800 + (static_cast<uint32_t>(cp) >> 10));
    put_unit(buf + 6, 0xDC00 + (static_cast<uint32_t>(cp) & 0x3FF));
    len = 12;
  } else {
    put_unit(buf, static_cast<uint32_t>(cp));
    len = 6;
  }
  out.put(buf, len);
  return i;
}

}  // namespace

void escape_html(std::string& out, std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t start = 0;
  for (size_t i = 0;; ++i) {
    // Plain words are skipped whole, and the scan jumps to the first byte that needs escaping.
    while (i + 8 <= n) {
      const uint64_t flags = html_flags8(p + i);
      if (flags != 0) {
        i += detail::first_flagged(flags);
        break;
      }
      i += 8;
    }
    if (i + 8 > n) {
      while (i < n && !html_special(static_cast<unsigned char>(p[i]))) ++i;
      if (i >= n) break;
    }
    out.append(p + start, i - start);
    switch (p[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += "&quot;";
        break;
    }
    start = i + 1;
  }
  out.append(p + start, n - start);
}

bool is_safe_url(std::string_view url, bool image) {
  // The scheme as a browser reads it: leading C0 controls and spaces are stripped, tabs and
  // newlines anywhere are removed, letters are case-folded.
  char scheme[16];
  size_t len = 0;
  size_t i = 0;
  bool has_scheme = false;
  for (; i < url.size(); ++i) {
    const auto u = static_cast<unsigned char>(url[i]);
    if (u <= 0x20 || u == 0x7F) continue;
    const char c = static_cast<char>(u);
    if (c == ':') {
      has_scheme = len > 0;
      break;
    }
    const bool scheme_char =
        is_alpha(c) || (len > 0 && (is_digit(c) || c == '+' || c == '-' || c == '.'));
    if (!scheme_char) return true;          // not a scheme: a relative reference
    if (len == sizeof scheme) return true;  // longer than any scheme we refuse
    scheme[len++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (!has_scheme) return true;
  const std::string_view name(scheme, len);
  if (name == "javascript" || name == "vbscript" || name == "file" || name == "livescript" ||
      name == "mocha") {
    return false;
  }
  if (name != "data") return true;
  if (!image) return false;
  // data:image/<type>[;…],… with the type compared case-insensitively.
  std::string_view rest = url.substr(i + 1);
  while (!rest.empty() && static_cast<unsigned char>(rest.front()) <= 0x20) rest.remove_prefix(1);
  for (std::string_view ok :
       {"image/png", "image/gif", "image/jpeg", "image/jpg", "image/webp", "image/avif"}) {
    if (rest.size() < ok.size() || !detail::starts_with_ci(rest, ok)) continue;
    if (rest.size() == ok.size()) return true;
    const char next = rest[ok.size()];
    if (next == ';' || next == ',') return true;
  }
  return false;
}

void append_url(std::string& out, std::string_view url) {
  const size_t n = url.size();
  for (size_t i = 0; i < n; ++i) {
    const auto u = static_cast<unsigned char>(url[i]);
    if (u == '&') {
      out += "&amp;";
    } else if (u == '\'') {
      out += "&#x27;";
    } else if (u == '%' && !(i + 2 < n && is_hex(url[i + 1]) && is_hex(url[i + 2]))) {
      out += "%25";
    } else if (url_char_ok(u)) {
      out += static_cast<char>(u);
    } else {
      out += '%';
      out += kHexUpper[u >> 4];
      out += kHexUpper[u & 15];
    }
  }
}

bool decode_html_entities(std::string& out, std::string_view s) {
  bool known = true;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const char c = s[i];
    if (c != '&') {
      out += c;
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
      ++j;
      const bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      uint32_t cp = 0;
      const size_t digits_start = j;
      while (j < n && (hex ? is_hex(s[j]) : is_digit(s[j]))) {
        if (cp < 0x110000)
          cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(hex ? hex_value(s[j]) : s[j] - '0');
        ++j;
      }
      if (j == digits_start) {
        out += c;
        ++i;
        continue;
      }
      if (j < n && s[j] == ';') ++j;  // browsers accept a missing semicolon
      if (cp == 0 || cp >= 0x110000 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
      detail::append_utf8(out, static_cast<char32_t>(cp));
      i = j;
      continue;
    }
    while (j < n && (is_alpha(s[j]) || is_digit(s[j]))) ++j;
    const std::string_view name = s.substr(i + 1, j - i - 1);
    if (name.empty()) {
      out += c;
      ++i;
      continue;
    }
    bool found = false;
    for (const NamedEntity& e : kEntities) {
      if (e.name == name) {
        out += e.text;
        found = true;
        break;
      }
    }
    if (!found) {
      known = false;
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    if (j < n && s[j] == ';') ++j;
    i = j;
  }
  return known;
}

void append_plain_text(std::string& out, const Inlines& inlines) {
  plain_into(out, inlines, false);
}

void append_plain_text_html(std::string& out, const Inlines& inlines) {
  plain_into(out, inlines, true);
}

namespace {

// The escaping behind append_json_chars() and JsonWriter, for either sink.
template <class Sink>
void put_json_chars(Sink& out, std::string_view s, unsigned escape) {
  static const char kHex[] = "0123456789abcdef";
  // Bytes that may need escaping: 1 always, 2 in HTML-safe mode, 4 may open U+2028/U+2029,
  // 8 beyond ASCII (ASCII mode).
  static constexpr auto kClass = [] {
    std::array<unsigned char, 256> t{};
    for (int k = 0; k < 0x20; ++k) t[k] = 1;
    t['"'] = t['\\'] = 1;
    t['<'] = t['>'] = t['&'] = 2;
    for (int k = 0x80; k < 0x100; ++k) t[k] = 8;
    t[0xE2] = 4 | 8;
    return t;
  }();
  const bool ascii = (escape & kJsonAscii) != 0;
  const unsigned char mask = 1 | ((escape & kJsonHtmlSafe) != 0 ? 2 : 0) | (ascii ? 8 : 4);
  const char* p = s.data();
  const size_t n = s.size();
  size_t start = 0;
  for (size_t i = 0;; ++i) {
    // Plain words are skipped whole, and the scan jumps to the first byte to look at.
    while (i + 8 <= n) {
      const uint64_t flags = json_flags8(p + i, escape);
      if (flags != 0) {
        i += detail::first_flagged(flags);
        break;
      }
      i += 8;
    }
    if (i + 8 > n) {
      while (i < n && (kClass[static_cast<unsigned char>(p[i])] & mask) == 0) ++i;
      if (i >= n) break;
    }
    const auto c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80) {
      if (ascii) {
        // The character and any that follow it beyond ASCII (words of non-Latin scripts).
        out.put(p + start, i - start);
        do {
          i = put_u_escape(out, s, i);
        } while (i < n && static_cast<unsigned char>(p[i]) >= 0x80);
        start = i;
        i = start - 1;
        continue;
      }
      // U+2028 and U+2029 are escaped so the JSON is also valid JavaScript; any other
      // character that starts with 0xE2 (dashes, quotation marks, ...) is copied, and so is
      // another byte that a word's test flagged without need.
      if (c != 0xE2 || i + 2 >= n || static_cast<unsigned char>(p[i + 1]) != 0x80 ||
          (static_cast<unsigned char>(p[i + 2]) != 0xA8 &&
           static_cast<unsigned char>(p[i + 2]) != 0xA9)) {
        continue;
      }
      out.put(p + start, i - start);
      out.put(static_cast<unsigned char>(p[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029", 6);
      i += 2;
      start = i + 1;
      continue;
    }
    out.put(p + start, i - start);
    // The characters with a two-character escape; other control characters as \u00XX.
    const char short_form = c == '"'    ? '"'
                            : c == '\\' ? '\\'
                            : c == '\n' ? 'n'
                            : c == '\r' ? 'r'
                            : c == '\t' ? 't'
                                        : 0;
    if (short_form != 0) {
      const char e[2] = {'\\', short_form};
      out.put(e, 2);
    } else {
      const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.put(u, 6);
    }
    start = i + 1;
  }
  out.put(p + start, n - start);
}

}  // namespace

void append_json_chars(std::string& out, std::string_view s, unsigned escape) {
  StringSink sink{out};
  put_json_chars(sink, s, escape);
}

void append_json_ascii(std::string& out, std::string_view json) {
  const char* p = json.data();
  const size_t n = json.size();
  size_t start = 0;
  size_t i = 0;
  while (true) {
    while (i + 8 <= n) {
      const uint64_t flags = detail::has_non_ascii(detail::load8(p + i));
      if (flags != 0) {
        i += detail::first_flagged(flags);
        break;
      }
      i += 8;
    }
    if (i + 8 > n) {
      while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
      if (i >= n) break;
    }
    out.append(p + start, i - start);
    StringSink sink{out};
    i = start = put_u_escape(sink, json, i);
  }
  out.append(p + start, n - start);
}

void append_json_string(std::string& out, std::string_view s, unsigned escape) {
  out += '"';
  append_json_chars(out, s, escape);
  out += '"';
}

void append_int(std::string& out, int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

void JsonWriter::newline() {
  if (!pretty_) return;
  put('\n');
  for (int i = 0; i < depth_; ++i) put("  ", 2);
}

void JsonWriter::begin_object() {
  before_value();
  put('{');
  ++depth_;
  first_ = true;
}

void JsonWriter::end_object() {
  --depth_;
  if (!first_) newline();
  put('}');
  first_ = false;
  settle();
}

void JsonWriter::begin_array() {
  before_value();
  put('[');
  ++depth_;
  first_ = true;
}

void JsonWriter::end_array() {
  --depth_;
  if (!first_) newline();
  put(']');
  first_ = false;
  settle();
}

void JsonWriter::chars(std::string_view s) {
  // Through the stage, a piece at a time when the string could escape to more than it holds (an
  // HTML output, a long paragraph): one append per piece, not one per escape. Pieces end between
  // characters, which are escaped one by one.
  constexpr size_t kPiece = kStage / kMaxEscapedPerByte;
  for (;;) {
    size_t n = s.size();
    if (n > kPiece) {
      n = kPiece;
      while (n > kPiece - 3 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    }
    MemorySink sink{room(n * kMaxEscapedPerByte)};
    put_json_chars(sink, s.substr(0, n), escape_);
    staged_ = static_cast<size_t>(sink.at - stage_);
    if (n == s.size()) return;
    s.remove_prefix(n);
  }
}

void JsonWriter::key(std::string_view k) {
  before_value();
  put('"');
  chars(k);
  put(pretty_ ? "\": " : "\":", pretty_ ? 3 : 2);
  after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
  before_value();
  put('"');
  chars(s);
  put('"');
  settle();
}

void JsonWriter::plain_text(const Inlines& inlines) {
  before_value();
  put('"');
  detail::for_each_plain_piece(inlines,
                               [this](std::string_view text, const Inline&) { chars(text); });
  put('"');
  settle();
}

void JsonWriter::number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    integer(static_cast<int64_t>(v));
    return;
  }
  before_value();
  if (!std::isfinite(v)) {
    put("null", 4);
  } else {
    char buf[32];
    const int len = std::snprintf(buf, sizeof buf, "%.6g", v);
    put(buf, static_cast<size_t>(std::clamp(len, 0, static_cast<int>(sizeof buf) - 1)));
  }
  settle();
}

void JsonWriter::integer(int64_t v) {
  before_value();
  char* at = room(24);  // the stage always holds an integer
  staged_ = static_cast<size_t>(std::to_chars(at, at + 24, v).ptr - stage_);
  settle();
}

void JsonWriter::fixed(int64_t scaled, unsigned places) {
  before_value();
  char* p = room(32);  // a sign, 19 digits, a point
  const uint64_t magnitude = scaled < 0 ? 0 - static_cast<uint64_t>(scaled) : scaled;
  if (scaled < 0) *p++ = '-';
  uint64_t unit = 1;
  for (unsigned k = 0; k < places; ++k) unit *= 10;
  p = std::to_chars(p, p + 20, magnitude / unit).ptr;
  uint64_t fraction = magnitude % unit;
  if (fraction != 0) {
    unsigned digits = places;
    for (; fraction % 10 == 0; fraction /= 10) --digits;  // no trailing zeros
    *p++ = '.';
    for (unsigned k = digits; k-- > 0; fraction /= 10)
      p[k] = static_cast<char>('0' + fraction % 10);
    p += digits;
  }
  staged_ = static_cast<size_t>(p - stage_);
  settle();
}

void JsonWriter::boolean(bool v) {
  before_value();
  if (v) {
    put("true", 4);
  } else {
    put("false", 5);
  }
  settle();
}

void JsonWriter::null() {
  before_value();
  put("null", 4);
  settle();
}

void JsonWriter::raw(std::string_view json) {
  before_value();
  if ((escape_ & kJsonAscii) != 0) {
    flush();
    append_json_ascii(out_, json);
  } else {
    put(json.data(), json.size());
  }
  settle();
}

void JsonWriter::int_fields(std::initializer_list<IntField> fields) {
  bool first = true;
  for (const IntField& f : fields) {
    // A comma, the quoted name, a colon and at most 20 digits and a sign.
    char* at = room(f.name.size() + 25);
    char* p = at;
    if (!first) *p++ = ',';
    first = false;
    *p++ = '"';
    std::memcpy(p, f.name.data(), f.name.size());
    p += f.name.size();
    *p++ = '"';
    *p++ = ':';
    p = std::to_chars(p, p + 21, f.value).ptr;
    staged_ += static_cast<size_t>(p - at);
  }
}

char32_t first_text_char(const Inline& in) {
  switch (in.kind) {
    case InlineKind::text:
    case InlineKind::code: {
      if (in.text.empty()) return 0;
      size_t i = 0;
      return detail::decode_utf8(in.text, i);
    }
    case InlineKind::soft_break:
    case InlineKind::line_break:
      return ' ';
    case InlineKind::emphasis:
    case InlineKind::strong:
    case InlineKind::strikethrough:
    case InlineKind::link:
      return in.children.empty() ? 0 : first_text_char(in.children.front());
    default:
      return 0;
  }
}

char32_t last_char(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size();
  return detail::decode_utf8_before(s, i);
}

}  // namespace galley::render
