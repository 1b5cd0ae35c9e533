// typography/space-before-percent: "90 %" in English; a breaking space before % in German
// and French.
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

std::string message(const typography::Finding& f) {
  std::string m = typography::message_buffer(f);
  m += "Space before '%' in \"";
  m += f.found;
  if (f.locale == "de") {
    // DIN 5008 and Duden: a space, which must not break the number from its sign.
    m += "\"; use a no-break space (U+00A0) so that '%' stays with the number.";
  } else if (f.locale == "fr") {
    // Imprimerie nationale: an espace fine insécable before %.
    m += "\"; use a narrow no-break space (U+202F) so that '%' stays with the number.";
  } else {
    m += "\"; write \"";
    m += f.expected;
    m += "\".";
  }
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  typography::check_prose(article, ctx, sink, typography::kSpaceBeforePercent, &message, true);
}

}  // namespace

const Rule& typography_space_before_percent() {
  static const Rule rule{
      {"typography/space-before-percent",
       "Flags a space between a number and '%': English writes 90%; German and French keep the "
       "space but make it a no-break one (de U+00A0, fr U+202F).",
       "English style guides (AP, Chicago) set the percent sign closed up to its number. German "
       "(DIN 5008, Duden) and French (Imprimerie nationale) set a space, which must not break "
       "the line between the number and the sign.",
       {"typography"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       true,
       "# Talks resume in Berlin\n\nThe plan is about 90 % agreed.\n",
       "# Talks resume in Berlin\n\nThe plan is about 90% agreed.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
