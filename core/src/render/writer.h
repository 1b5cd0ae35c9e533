// Shared output helpers: HTML escaping, URL safety and a streaming JSON writer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "source.h"
#include "galley/article.h"

namespace galley::render {

/// Appends `s` with & < > " escaped (text content and attribute values).
void escape_html(std::string& out, std::string_view s);

/// Whether a URL is safe to emit: javascript:, vbscript:, file: and non-image data: URLs are
/// not. `image` allows data:image/(png|gif|jpeg|webp|avif).
bool is_safe_url(std::string_view url, bool image);

/// Appends a URL for an href/src attribute: percent-encodes what must be, escapes for HTML.
void append_url(std::string& out, std::string_view url);

/// A streaming JSON writer with deterministic output.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, bool pretty = false) : out_(out), pretty_(pretty) {}
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// Writes a key (inside an object); the next call writes its value.
  void key(std::string_view k);
  void string(std::string_view s);
  void number(double v);
  void integer(int64_t v);
  void boolean(bool v);
  void null();
  /// Writes raw, already valid JSON as a value.
  void raw(std::string_view json);

 private:
  void before_value();
  void newline();
  std::string& out_;
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

/// Appends `s` as a JSON string literal (with quotes); '<' '>' '&' escaped when `html_safe`.
void append_json_string(std::string& out, std::string_view s, bool html_safe = false);

}  // namespace galley::render
