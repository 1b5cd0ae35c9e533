// typography/dash: hyphens typed for a dash ("--", " - ").
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

std::string message(const typography::Finding& f) {
  std::string m = typography::message_buffer(f);
  if (f.edit->kind == typography::kNumberRanges) {
    m += "Hyphen in the range \"";
  } else if (f.found.find("--") != std::string_view::npos) {
    m += "Hyphens used as a dash in \"";
  } else {
    m += "Spaced hyphen used as a dash in \"";
  }
  m += f.found;
  m += "\"; write \"";
  m += f.expected;
  m += "\"";
  if (f.edit->kind == typography::kNumberRanges) {
    m += " with an en dash";
  } else if (f.locale == "en") {
    m += " with an em dash";
  } else {
    m += " with a spaced en dash";
  }
  m += ".";
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  unsigned kinds = typography::kDashes;
  if (ctx.flag("ranges")) kinds |= typography::kNumberRanges;
  typography::check_prose(article, ctx, sink, kinds, &message, true);
}

}  // namespace

const Rule& typography_dash() {
  static const Rule rule{
      {"typography/dash",
       "Flags \"--\" and a spaced hyphen between words; the fix writes the locale's dash (en: "
       "a closed em dash, de and fr: a spaced en dash).",
       "A hyphen joins words; a dash sets off a phrase. English house styles (Chicago) close up "
       "the em dash; German (Duden) and French set a spaced en dash. Hyphenated words, minus "
       "signs, arrows (-->), an HTML comment written out (<!--) and number ranges (1990-1995, "
       "unless the ranges option is on) are left alone.",
       {"typography"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {{"ranges", OptionType::boolean, false,
         "Also flag a hyphen between two numbers (1990-1995 → 1990–1995); off by default since "
         "codes and dates look alike."}},
       true,
       "# Talks resume in Berlin\n\nThe envoys -- Witkoff and Kushner -- met in Berlin.\n",
       "# Talks resume in Berlin\n\nThe envoys\xE2\x80\x94Witkoff and Kushner\xE2\x80\x94met in "
       "Berlin.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
