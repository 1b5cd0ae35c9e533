// dek/missing: a headline with no standfirst under it.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context&, Sink& sink) {
  // Without a headline there is nowhere for a dek to stand; headline/missing says so.
  if (!a.headline || a.dek) return;
  sink.report(a.headline->range,
              "The headline has no dek under it; expected a one-paragraph summary (standfirst) "
              "right after the headline.");
}

}  // namespace

const Rule& dek_missing() {
  static const Rule rule{
      {"dek/missing",
       "Requires a dek (standfirst) under the headline.",
       "The dek tells readers in a sentence what the story is and why it matters; feeds and "
       "search results use it as the description (schema.org alternativeHeadline).",
       {"structure"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {},
       false,
       "# Talks resume in Berlin\n\n## What was agreed\n\nBoth sides agreed to meet again.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
