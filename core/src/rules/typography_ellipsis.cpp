// typography/ellipsis: three periods typed for an ellipsis.
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

std::string message(const typography::Finding& f) {
  std::string m = typography::message_buffer(f);
  m += "Three periods in \"";
  m += f.found;
  m += "\"; write \"";
  m += f.expected;
  m += "\" with the ellipsis character.";
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  typography::check_prose(article, ctx, sink, typography::kEllipsis, &message, true);
}

}  // namespace

const Rule& typography_ellipsis() {
  static const Rule rule{
      {"typography/ellipsis",
       "Flags \"...\"; the fix writes the ellipsis character \xE2\x80\xA6.",
       "The ellipsis is one character: it keeps its dots together at a line end and spaces "
       "them as the font intends. Runs of two or of four and more periods are left alone.",
       {"typography"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       true,
       "# Talks resume in Berlin\n\nThe talks stalled... and resumed.\n",
       "# Talks resume in Berlin\n\nThe talks stalled\xE2\x80\xA6 and resumed.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
