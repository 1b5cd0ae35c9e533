// author/missing: an article that names no author anywhere.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (!a.byline.empty() || a.author_box || (a.credits && !a.credits->people.empty())) return;
  SourceRange at = a.headline ? a.headline->range : SourceRange{};
  if (!a.headline && !ctx.texts().empty()) at = ctx.texts().front().range;
  sink.report(
      at,
      "The article names no author; expected a byline ('By Name'), an author in front matter, "
      "credits or an author box.");
}

}  // namespace

const Rule& author_missing() {
  static const Rule rule{
      {"author/missing",
       "Requires the article to name its author.",
       "Readers and search engines judge a story by who wrote it; Google asks for an author on "
       "every news article, and the JSON-LD output needs one.",
       {"author"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       false,
       "# Talks resume in Berlin\n\nThe dek.\n\nThe story, with no byline, credits or author "
       "box.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
