// headline/missing: an article needs a headline.
#include "rules/rule.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (a.headline) return;
  // Point at the first line of the body, where a headline belongs.
  const uint32_t at = a.meta.front_matter_range.end > 0
                          ? ctx.source().line_start(ctx.source().line_of(a.meta.front_matter_range.end) + 1)
                          : 0;
  const uint32_t line = ctx.source().line_of(at);
  sink.report({at, std::max(at, ctx.source().line_end(line))},
              "The article has no headline; start it with a '# Headline' line (or a title in front matter).");
}

}  // namespace

const Rule& headline_missing() {
  static const Rule rule{
      {"headline/missing",
       "Requires a headline.",
       "Readers, search engines and feeds need a headline; without one the first sentence is "
       "used, which rarely works as a title.",
       {"structure"},
       Severity::error,
       Severity::error,
       Severity::warning,
       {},
       false,
       "The first paragraph of a story with no headline.",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
