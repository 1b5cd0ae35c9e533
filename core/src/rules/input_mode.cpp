// input/mode: says which input mode `auto` chose, and why.
#include "rules/rule.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  const RunFacts& f = ctx.facts();
  if (!f.auto_detected) return;
  sink.report({0, 0}, std::string("Read as ") + input_mode_name(f.mode) + " because " +
                          f.mode_reason + ".");
}

}  // namespace

const Rule& input_mode() {
  static const Rule rule{
      {"input/mode",
       "Says which input mode auto-detection chose.",
       "Markdown and pasted text are read differently; knowing which was chosen explains the "
       "structure Galley found, and setting the mode explicitly makes it certain.",
       {"input"},
       Severity::info,
       Severity::info,
       Severity::info,
       {},
       false,
       "Plain text pasted from a page\nA short line\nA paragraph.",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
