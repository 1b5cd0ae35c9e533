// typography/nonbreaking-hyphen: U+2011 non-breaking hyphens, usually pasted from a CMS.
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

std::string message(const typography::Finding& f) {
  std::string m = typography::message_buffer(f);
  m += "Non-breaking hyphen (U+2011) in \"";
  m += f.found;
  m += "\"; write \"";
  m += f.expected;
  m += "\" with a plain hyphen.";
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  typography::check_prose(article, ctx, sink, typography::kNonbreakingHyphen, &message, true);
}

}  // namespace

const Rule& typography_nonbreaking_hyphen() {
  static const Rule rule{
      {"typography/nonbreaking-hyphen",
       "Flags the non-breaking hyphen U+2011; the fix writes a plain hyphen.",
       "U+2011 looks like a hyphen but is another character: search, spell checkers and some "
       "fonts do not treat it as one, and it usually comes from a CMS or word processor rather "
       "than from the writer's choice.",
       {"typography"},
       Severity::info,
       Severity::info,
       Severity::off,
       {},
       true,
       "# Talks resume in Berlin\n\nRussia\xE2\x80\x99s almost four\xE2\x80\x91year war.\n",
       "# Talks resume in Berlin\n\nRussia\xE2\x80\x99s almost four-year war.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
