// links/empty-text: a link with nothing to click on or to read out.
#include "rules/prose.h"

namespace galley::rules {
namespace {

std::string shorten(std::string_view url) {
  constexpr size_t kMax = 48;
  if (count_chars(url) <= kMax) return std::string(url);
  size_t i = 0;
  for (size_t n = 0; n < kMax - 1 && i < url.size(); ++n) detail::decode_utf8(url, i);
  return std::string(url.substr(0, i)) + "\xE2\x80\xA6";
}

// Whether the link shows something: text, or an image with alt text.
bool has_text(const Inlines& inlines) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::text:
      case InlineKind::code:
        if (!detail::trim_unicode(in.text).empty()) return true;
        break;
      default:
        if (has_text(in.children)) return true;
        break;
    }
  }
  return false;
}

void check(const Article&, const Context& ctx, Sink& sink) {
  for (const Inline* in : ctx.links()) {
    if (in->kind == InlineKind::link && !has_text(in->children)) {
      sink.report(link_range(ctx.source(), *in),
                  "The link to '" + shorten(in->url) +
                      "' has no text; expected words that say where it leads.");
    }
  }
}

}  // namespace

const Rule& links_empty_text() {
  static const Rule rule{
      {"links/empty-text",
       "Flags links with no text.",
       "An empty link cannot be clicked by sight, and a screen reader can only read out its "
       "address (WCAG 2.4.4, link purpose).",
       {"links", "accessibility"},
       Severity::warning,
       Severity::warning,
       Severity::warning,
       {},
       false,
       "# Headline\n\nThe dek.\n\nThe statement is [](https://example.org/statement) online.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
