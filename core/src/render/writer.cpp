// Shared output helpers: HTML escaping, URL safety and a streaming JSON writer.
#include "render/writer.h"

#include <cmath>
#include <cstdio>

#include "text_util.h"

namespace galley::render {

void escape_html(std::string& out, std::string_view s) {
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* rep = nullptr;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      default: continue;
    }
    out.append(s.data() + start, i - start);
    out += rep;
    start = i + 1;
  }
  out.append(s.data() + start, s.size() - start);
}

bool is_safe_url(std::string_view url, bool image) {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  std::string scheme;
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20) continue;
    if (c == ':') break;
    if (c == '/' || c == '?' || c == '#') return true;  // relative
    if (scheme.size() > 16) return true;
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (url.find(':') == std::string_view::npos) return true;
  if (scheme == "javascript" || scheme == "vbscript" || scheme == "file") return false;
  if (scheme == "data") {
    if (!image) return false;
    std::string rest = detail::to_lower_ascii(url.substr(url.find(':') + 1));
    for (std::string_view ok : {"image/png", "image/gif", "image/jpeg", "image/webp", "image/avif"}) {
      if (rest.compare(0, ok.size(), ok) == 0) return true;
    }
    return false;
  }
  return true;
}

void append_url(std::string& out, std::string_view url) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}') {
      encoded += '%';
      encoded += kHex[u >> 4];
      encoded += kHex[u & 15];
    } else {
      encoded += c;
    }
  }
  escape_html(out, encoded);
}

void append_json_string(std::string& out, std::string_view s, bool html_safe) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool special = c < 0x20 || c == '"' || c == '\\' ||
                         (html_safe && (c == '<' || c == '>' || c == '&'));
    // U+2028 and U+2029 are escaped so the JSON is also valid JavaScript.
    const bool separator = c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                           (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9);
    if (!special && !separator) continue;
    out.append(s.data() + start, i - start);
    if (separator) {
      out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
      }
    }
    start = i + 1;
  }
  out.append(s.data() + start, s.size() - start);
  out += '"';
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(static_cast<size_t>(depth_) * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    if (!first_) out_ += ',';
    newline();
  }
  first_ = false;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  ++depth_;
  first_ = true;
}

void JsonWriter::end_object() {
  --depth_;
  if (!first_) newline();
  out_ += '}';
  first_ = false;
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  ++depth_;
  first_ = true;
}

void JsonWriter::end_array() {
  --depth_;
  if (!first_) newline();
  out_ += ']';
  first_ = false;
}

void JsonWriter::key(std::string_view k) {
  before_value();
  append_json_string(out_, k);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
  before_value();
  append_json_string(out_, s);
}

void JsonWriter::number(double v) {
  before_value();
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    out_ += std::to_string(static_cast<int64_t>(v));
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  out_ += buf;
}

void JsonWriter::integer(int64_t v) {
  before_value();
  out_ += std::to_string(v);
}

void JsonWriter::boolean(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
}

}  // namespace galley::render
