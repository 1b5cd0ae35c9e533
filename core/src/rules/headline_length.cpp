// headline/length: a headline longer than search results and feeds show.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (!a.headline) return;
  const auto max = static_cast<uint32_t>(ctx.number("max"));
  const uint32_t n = count_chars(detail::trim_unicode(detail::plain_text(a.headline->inlines)));
  if (n <= max) return;
  sink.report(a.headline->range, "The headline has " + std::to_string(n) + " characters; at most " +
                                     std::to_string(max) + " expected.");
}

}  // namespace

const Rule& headline_length() {
  static const Rule rule{
      {"headline/length",
       "Flags headlines longer than a search result or a feed shows.",
       "Search engines and social cards cut headlines at about 110 characters (Google News and "
       "schema.org's headline property suggest no more); a cut headline loses its point.",
       {"structure", "seo"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"max", OptionType::integer, 110.0, "Most characters a headline may have."}},
       false,
       "# European leaders and U.S. negotiators meet again in Berlin to discuss the security "
       "guarantees Ukraine asked for and the territory Russia demands\n\nThe talks resume on "
       "Monday.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
