// heading/increment: heading levels go down one at a time.
#include "rules/rule.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context&, Sink& sink) {
  int previous = a.headline ? 1 : 0;
  for (const Section& s : a.sections) {
    if (!s.heading) continue;
    if (previous > 0 && s.level > previous + 1) {
      sink.report(s.heading->range, "Heading level " + std::to_string(s.level) + " follows level " +
                                        std::to_string(previous) + "; expected level " +
                                        std::to_string(previous + 1) + " or less.");
    }
    previous = s.level;
  }
}

}  // namespace

const Rule& heading_increment() {
  static const Rule rule{
      {"heading/increment",
       "Heading levels increase one at a time.",
       "Skipped levels break the outline that screen readers and tables of contents rely on.",
       {"structure", "accessibility"},
       Severity::warning,
       Severity::warning,
       Severity::warning,
       {},
       false,
       "# Headline\n\n#### Too deep\n\nText.",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
