// links/unsafe-url: link and image addresses that run code or reach the reader's disk.
#include "render/writer.h"
#include "rules/prose.h"

namespace galley::rules {
namespace {

// The scheme as a browser reads it: whitespace and control characters dropped, lower case.
std::string scheme_of(std::string_view url) {
  std::string scheme;
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    if (c == ':') break;
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return scheme;
}

void check(const Article&, const Context& ctx, Sink& sink) {
  for (const Inline* in : ctx.links()) {
    const bool image = in->kind == InlineKind::image;
    if (render::is_safe_url(in->url, image)) continue;
    const std::string scheme = scheme_of(in->url);
    const std::string why = scheme == "file"   ? "points at a file on the reader's own computer"
                            : scheme == "data" ? "embeds data that is not an image"
                                               : "can run code in the reader's browser";
    sink.report(
        link_range(ctx.source(), *in),
        std::string(image ? "The image source" : "The link") + " uses a " + scheme +
            ": address, which " + why +
            "; expected an http(s), mailto: or relative address (the HTML output drops it).");
  }
}

}  // namespace

const Rule& links_unsafe_url() {
  static const Rule rule{
      {"links/unsafe-url",
       "Flags javascript:, vbscript:, file: and non-image data: addresses.",
       "Such addresses run code or open files when clicked, the classic way to smuggle a "
       "script into a page through a CMS. The HTML output neutralises them; the rule says so "
       "where the author can see it.",
       {"links", "security"},
       Severity::error,
       Severity::error,
       Severity::error,
       {},
       false,
       "# Headline\n\nThe dek.\n\nRead [the full statement](javascript:alert(document.cookie)).\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
