// The HTML sanitiser behind the opt-in raw-HTML passthrough: cmark-gfm's tagfilter, an
// allow-list of elements and attributes, checked URLs, balanced tags.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::render {

/// Re-serialises raw HTML from the source so that only safe markup survives:
/// - the tags cmark-gfm's tagfilter names (script, style, iframe, textarea, title, xmp,
///   noembed, noframes, plaintext) are shown as text, as GitHub does;
/// - other elements pass only when on the allow-list (formatting, lists, tables, headings,
///   images, links…), with only allow-listed attributes: never on*, never style unless
///   `allow_style` (and then without expression(), url(), imports or escapes);
/// - href, src and cite are decoded and checked (no javascript:, vbscript:, file:, non-image
///   data:); every attribute is written again, quoted and escaped;
/// - comments, processing instructions and declarations are dropped;
/// - end tags close only what this sanitiser opened; what is left open is closed by finish().
class HtmlSanitizer {
 public:
  explicit HtmlSanitizer(bool allow_style) : allow_style_(allow_style) {}

  /// Appends the safe form of `html` (one raw HTML node) to `out`.
  void write(std::string& out, std::string_view html);

  /// Closes the elements still open (call at the end of each block).
  void finish(std::string& out);

 private:
  size_t tag(std::string& out, std::string_view html, size_t at);
  void text(std::string& out, std::string_view s);

  bool allow_style_;
  std::vector<std::string> open_;
  std::string value_;  // scratch: a decoded attribute value
};

}  // namespace galley::render
