// typography/straight-quotes: straight " and ' where the locale's quotation marks and the
// apostrophe belong.
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

std::string message(const typography::Finding& f) {
  const bool apostrophe = f.edit->kind == typography::kApostrophes;
  // Backticks delimit: the text itself is full of quotation marks.
  std::string m = typography::message_buffer(f);
  m += apostrophe ? "Straight apostrophe in `" : "Straight quotation mark in `";
  m += f.found;
  m += "`; write `";
  m += f.expected;
  m += "`";
  if (!apostrophe && f.locale == "fr") m += " (with narrow no-break spaces inside « »)";
  m += ".";
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  unsigned kinds = typography::kQuotes;
  if (ctx.flag("apostrophes")) kinds |= typography::kApostrophes;
  typography::check_prose(article, ctx, sink, kinds, &message);
}

}  // namespace

const Rule& typography_straight_quotes() {
  static const Rule rule{
      {"typography/straight-quotes",
       "Flags straight quotation marks and apostrophes; the fix writes the locale's curly marks "
       "(en “ ” ‘ ’, de „ “ ‚ ‘, fr « » with narrow no-break spaces) and ’ for apostrophes.",
       "Straight marks are typewriter stand-ins; published text uses the marks of its language. "
       "The direction of each mark is read from its neighbours; a mark whose direction is "
       "unclear (between letters or between spaces, inch and foot marks such as 5'10\") is "
       "left alone. Never inside code, URLs, HTML or alt text.",
       {"typography"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"apostrophes", OptionType::boolean, true,
         "Also flag straight apostrophes (it's → it’s, the '90s → the ’90s)."}},
       true,
       "# Talks resume in Berlin\n\n\"It's closer now,\" he said.\n",
       "# Talks resume in Berlin\n\n\xE2\x80\x9CIt\xE2\x80\x99s closer now,\xE2\x80\x9D he "
       "said.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
