// section/empty: a heading with nothing under it.
#include "rules/rule.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context&, Sink& sink) {
  for (size_t i = 0; i < a.sections.size(); ++i) {
    const Section& s = a.sections[i];
    if (!s.heading || !s.blocks.empty()) continue;
    // A heading directly followed by a deeper subsection is not empty.
    if (i + 1 < a.sections.size() && a.sections[i + 1].heading && a.sections[i + 1].level > s.level)
      continue;
    sink.report(s.heading->range,
                detail::cat({"The section '", detail::plain_text(s.heading->inlines),
                             "' is empty; add text under it or remove the heading."}));
  }
}

}  // namespace

const Rule& section_empty() {
  static const Rule rule{
      {"section/empty",
       "Flags headings with no content under them.",
       "An empty section is usually a leftover from drafting and shows as a dangling heading.",
       {"structure"},
       Severity::warning,
       Severity::warning,
       Severity::warning,
       {},
       false,
       "# Headline\n\n## Empty\n\n## Next\n\nText.",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
