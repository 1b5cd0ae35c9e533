// images/alt-missing: an image with no text alternative.
#include "rules/prose.h"

namespace galley::rules {
namespace {

std::string file_name(std::string_view url) {
  const size_t query = url.find_first_of("?#");
  if (query != std::string_view::npos) url = url.substr(0, query);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  const size_t slash = url.rfind('/');
  std::string_view name = slash == std::string_view::npos ? url : url.substr(slash + 1);
  if (name.size() > 40) {
    // Cut before a character, never inside one: the message must stay valid UTF-8 (JSON).
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name = name.substr(0, cut);
  }
  return std::string(name);
}

void check(const Article&, const Context& ctx, Sink& sink) {
  for (const Inline* in : ctx.links()) {
    if (in->kind == InlineKind::image &&
        detail::trim_unicode(detail::plain_text(in->children)).empty()) {
      sink.report(link_range(ctx.source(), *in),
                  "The image '" + file_name(in->url) +
                      "' has no alt text; expected a short description for "
                      "readers who cannot see it.");
    }
  }
}

}  // namespace

const Rule& images_alt_missing() {
  static const Rule rule{
      {"images/alt-missing",
       "Flags images without alt text.",
       "Alt text is what screen readers read and what shows when the image does not load "
       "(WCAG 1.1.1); search engines use it too.",
       {"media", "accessibility"},
       Severity::warning,
       Severity::warning,
       Severity::warning,
       {},
       false,
       "# Headline\n\nThe dek.\n\n![](https://example.org/berlin-talks.jpg)\n\nThe story.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
