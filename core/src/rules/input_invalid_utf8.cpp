// input/invalid-utf8: bytes that were not valid UTF-8 (or NUL) were replaced by U+FFFD.
#include "rules/rule.h"

namespace galley::rules {
namespace {

void check(const Article&, const Context& ctx, Sink& sink) {
  for (const SourceRange& r : ctx.source().replaced()) {
    sink.report(r, "Invalid UTF-8 or a NUL byte was replaced by U+FFFD (\xEF\xBF\xBD).");
  }
}

}  // namespace

const Rule& input_invalid_utf8() {
  static const Rule rule{
      {"input/invalid-utf8",
       "Flags bytes that were not valid UTF-8 and were replaced.",
       "Invalid bytes usually mean the text was saved in another encoding; the replacement "
       "character shows where words were damaged.",
       {"input"},
       Severity::warning,
       Severity::warning,
       Severity::warning,
       {},
       false,
       std::string("Caf\0 au lait\n", 13),
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
