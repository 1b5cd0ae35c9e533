// heading/length: a subheading too long to scan.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  const auto max = static_cast<uint32_t>(ctx.number("max"));
  for (const TextBlock& t : ctx.texts()) {
    if (t.role != TextBlock::Role::heading) continue;
    const uint32_t n = count_chars(detail::trim_unicode(t.map.text()));
    if (n <= max) continue;
    sink.report(t.range, "The heading '" + excerpt(t.map.text(), 6) + "' has " + std::to_string(n) +
                             " characters; at most " + std::to_string(max) + " expected.");
  }
}

}  // namespace

const Rule& heading_length() {
  static const Rule rule{
      {"heading/length",
       "Flags subheadings longer than a line.",
       "A subheading is a signpost: readers take it in at a glance only when it fits on one "
       "line; a long one reads as a sentence that lost its paragraph.",
       {"structure", "readability"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {{"max", OptionType::integer, 70.0, "Most characters a subheading may have."}},
       false,
       "# Headline\n\n## What the negotiators in Berlin agreed on, and what they left for the "
       "next round of talks\n\nText.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
