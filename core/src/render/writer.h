// Shared output helpers: HTML escaping, URL safety, plain text and a streaming JSON writer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

#include "galley/article.h"
#include "source.h"

namespace galley::render {

/// Appends `s` with & < > " escaped (text content and double-quoted attribute values).
void escape_html(std::string& out, std::string_view s);

/// Whether a URL is safe to emit. javascript:, vbscript:, file: and data: URLs are not, except
/// data:image/(png|gif|jpeg|webp|avif) when `image` is set. ASCII whitespace and control
/// characters inside the scheme are ignored and its case is folded, as browsers do; `url`
/// must already be free of character references (see decode_html_entities()).
bool is_safe_url(std::string_view url, bool image);

/// Appends a URL for an href/src attribute: percent-encodes spaces, controls, non-ASCII bytes
/// and characters that are not allowed in URLs, keeps existing %XX escapes, escapes for HTML.
void append_url(std::string& out, std::string_view url);

/// Decodes HTML character references (numeric ones and the named ones that matter for URL
/// schemes and markup) into `out`. Returns false when a named reference it does not know
/// was met (the caller should then treat the value as suspect).
bool decode_html_entities(std::string& out, std::string_view s);

/// Appends the plain text of inlines: text and code literals, image alt text, breaks as
/// spaces (the same text as detail::plain_text(), without a temporary string).
void append_plain_text(std::string& out, const Inlines& inlines);

/// Appends the plain text of inlines HTML-escaped (for attribute values such as aria-label).
void append_plain_text_html(std::string& out, const Inlines& inlines);

/// What JSON strings escape beyond what JSON requires (flags).
enum JsonEscape : unsigned {
  kJsonHtmlSafe = 1,  // < > & as \u003c \u003e \u0026: safe inside an HTML <script> element
  kJsonAscii = 2,     // every character beyond ASCII as \uXXXX (a surrogate pair above U+FFFF)
};

/// A name and an integer, for JsonWriter::int_fields().
struct IntField {
  std::string_view name;
  int64_t value;
};

/// A streaming JSON writer with deterministic output.
///
/// It writes into a stage of its own and hands the output string whole pieces of it: an
/// output of thousands of small values (keys, numbers, short strings) is then a few large
/// appends instead of one call into the string per piece, which costs most in WebAssembly,
/// where std::string's members are calls into the library. A complete top-level value is
/// always in the output string when the call that completes it returns; out() hands over
/// what is staged at any time.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }
  /// Opens an object (as a value).
  void begin_object();
  /// Closes the innermost object.
  void end_object();
  /// Opens an array (as a value).
  void begin_array();
  /// Closes the innermost array.
  void end_array();
  /// Writes a key (inside an object); the next call writes its value.
  void key(std::string_view k);
  /// Writes a key given as a string literal, which must need no escaping (every key of
  /// Galley's outputs is an ASCII name): one copy instead of an escaping pass.
  template <size_t N>
  void key(const char (&k)[N]) {
    before_value();
    put_quoted(k, pretty_ ? ": " : ":");
    after_key_ = true;
  }
  /// Writes a string value.
  void string(std::string_view s);
  /// Writes a string literal that needs no escaping (type names, enum values) in one copy.
  template <size_t N>
  void string(const char (&s)[N]) {
    before_value();
    put_quoted(s, "");
    settle();
  }
  /// Writes the plain text of inlines as a string value, without a temporary string.
  void plain_text(const Inlines& inlines);
  /// Writes a number; whole numbers without a fraction, non-finite ones as null.
  void number(double v);
  /// Writes an integer.
  void integer(int64_t v);
  /// Writes scaled / 10^places (places ≤ 9) in decimal without trailing zeros: 85, 2 → 0.85;
  /// 1500, 3 → 1.5; 7, 0 → 7. For figures of fixed precision (confidences, timings), written
  /// without the C library's floating-point formatting.
  void fixed(int64_t scaled, unsigned places);
  /// Writes true or false.
  void boolean(bool v);
  /// Writes null.
  void null();
  /// Writes raw, already valid JSON as a value.
  void raw(std::string_view json);
  /// Continues the current value with raw text (no comma, no key): for pieces of an object or
  /// a string that the caller writes itself.
  void raw_piece(std::string_view text) { put(text.data(), text.size()); }
  /// Continues the current value with the characters of `s` escaped as inside a string.
  void chars(std::string_view s);
  /// Continues the current value with `"name":value` for each field, comma-separated (no comma
  /// before the first): objects written by the thousand (spans, findings) in one piece.
  void int_fields(std::initializer_list<IntField> fields);
  /// Makes string values safe inside an HTML <script> element: < > & become \u003c etc.
  void set_html_safe(bool on) { set_escape(kJsonHtmlSafe, on); }
  /// Writes only ASCII: every character beyond it, in strings and in raw() JSON, as a \u escape.
  void set_ascii(bool on) { set_escape(kJsonAscii, on); }
  bool ascii() const { return (escape_ & kJsonAscii) != 0; }
  /// The output string, with everything written so far.
  std::string& out() {
    flush();
    return out_;
  }

 private:
  static constexpr size_t kStage = 8192;
  // Inline: every value and key starts with it.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) {
      if (!first_) put(',');
      if (pretty_) newline();
    }
    first_ = false;
  }
  // A complete top-level value goes to the output string at once.
  void settle() {
    if (depth_ == 0) flush();
  }
  void flush() {
    if (staged_ != 0) {
      out_.append(stage_, staged_);
      staged_ = 0;
    }
  }
  // Room for `n` bytes at the end of the stage (flushed first if needed), or null when `n` is
  // more than the stage holds (then it is flushed, and the caller writes to out_).
  char* room(size_t n) {
    if (kStage - staged_ >= n) return stage_ + staged_;
    flush();
    return n <= kStage ? stage_ : nullptr;
  }
  void put(char c) {
    if (staged_ == kStage) flush();
    stage_[staged_++] = c;
  }
  void put(const char* p, size_t n) {
    if (char* at = room(n)) {
      std::memcpy(at, p, n);
      staged_ += n;
    } else {
      out_.append(p, n);
    }
  }
  void newline();
  void set_escape(unsigned flag, bool on) { escape_ = on ? escape_ | flag : escape_ & ~flag; }
  // Writes "literal" and then `after` (at most two characters) in one copy.
  template <size_t N>
  void put_quoted(const char (&literal)[N], std::string_view after) {
    char* p = room(N + 3);  // the stage always holds a literal
    p[0] = '"';
    std::memcpy(p + 1, literal, N - 1);
    p[N] = '"';
    const size_t extra = std::min<size_t>(after.size(), 2);
    for (size_t i = 0; i < extra; ++i) p[N + 1 + i] = after[i];
    staged_ += N + 1 + extra;
  }
  std::string& out_;
  bool pretty_;
  unsigned escape_ = 0;  // JsonEscape flags
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
  size_t staged_ = 0;
  char stage_[kStage];
};

/// Appends `s` as a JSON string literal (with quotes), escaped as `escape` (JsonEscape flags) says.
void append_json_string(std::string& out, std::string_view s, unsigned escape = 0);

/// Appends the characters of `s` escaped for the inside of a JSON string literal: what JSON
/// requires, U+2028 and U+2029 (so the JSON is also valid JavaScript), and what `escape` adds.
void append_json_chars(std::string& out, std::string_view s, unsigned escape = 0);

/// Appends valid JSON with every character beyond ASCII written as a \u escape (such
/// characters can only stand inside its strings, where the escape means the same).
void append_json_ascii(std::string& out, std::string_view json);

/// Appends a decimal integer without a temporary string.
void append_int(std::string& out, int64_t v);

/// One named integer of a run of fields written in one piece.
/// The first character an inline shows (0 when none): what typography decides by at the
/// boundary between two inlines.
char32_t first_text_char(const Inline& in);
/// The last character of `s` (0 when empty).
char32_t last_char(std::string_view s);

}  // namespace galley::render
