// input/front-matter: front matter that could not be read (malformed YAML or TOML).
#include "rules/rule.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  const RunFacts& f = ctx.facts();
  if (f.front_matter_error.empty()) return;
  sink.report(f.front_matter_error_range,
              f.front_matter_error + " Its keys (title, dek, authors, date…) were not used.");
}

}  // namespace

const Rule& input_front_matter() {
  static const Rule rule{
      {"input/front-matter",
       "Reports front matter that is not valid YAML or TOML.",
       "Front matter gives the headline, dek, authors and date; when it cannot be read, Galley "
       "falls back on what the text implies, which is rarely what the writer meant.",
       {"input"},
       Severity::error,
       Severity::error,
       Severity::warning,
       {},
       false,
       "---\ntitle: [Talks resume in Berlin\n---\nEuropean leaders and U.S. envoys met again.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
