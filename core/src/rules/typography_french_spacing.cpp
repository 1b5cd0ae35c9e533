// typography/french-spacing: French no-break spaces before ; ! ? : and inside « ».
#include "typography/rule_check.h"

namespace galley::rules {
namespace {

// What the space belongs to: the mark the edit ends with or stands before.
char32_t mark_of(const typography::Finding& f) {
  size_t i = f.edit->text.size();
  const char32_t last = detail::decode_utf8_before(f.edit->text, i);
  if (last != 0xA0 && last != 0x202F) return last;          // "\u202F?" or "\u202F»"
  if (f.edit->text.rfind("\xC2\xAB", 0) == 0) return 0xAB;  // "«\u202F"
  size_t k = f.edit->end;
  return k < f.text.size() ? detail::decode_utf8(f.text, k) : 0;
}

std::string message(const typography::Finding& f) {
  const char32_t mark = mark_of(f);
  std::string shown;
  detail::append_utf8(shown, mark);
  std::string m = typography::message_buffer(f);
  if (mark == 0xAB) {
    m += "No narrow no-break space after '«' in \"";
  } else {
    m += mark == ':' ? "No no-break space before '" : "No narrow no-break space before '";
    m += shown;
    m += "' in \"";
  }
  m += f.found;
  m += mark == ':' ? "\"; French sets U+00A0 there." : "\"; French sets U+202F there.";
  return m;
}

void check(const Article& article, const Context& ctx, Sink& sink) {
  if (typography::rule_locale(article, ctx.options()) != "fr") return;
  typography::check_prose(article, ctx, sink, typography::kFrenchSpacing, &message);
}

}  // namespace

const Rule& typography_french_spacing() {
  static const Rule rule{
      {"typography/french-spacing",
       "French text only: flags a missing or breaking space before ; ! ? : and inside « »; the "
       "fix writes a narrow no-break space (U+202F), or a no-break space (U+00A0) before ':'.",
       "French typography (Imprimerie nationale) separates these marks from their word by a "
       "fine space that never breaks, so that a line never starts with '?' or '»'. An existing "
       "no-break space of either width is accepted; URLs and times (10:30) are left alone. "
       "Runs when the locale is fr, or the front matter says the article is French.",
       {"typography"},
       Severity::warning,
       Severity::warning,
       Severity::off,
       {},
       true,
       "---\nlanguage: fr\n---\n# Les pourparlers reprennent\n\nUn accord est-il proche? Oui.\n",
       "---\nlanguage: fr\n---\n# Les pourparlers reprennent\n\nUn accord est-il "
       "proche\xE2\x80\xAF? Oui.\n"},
      &check};
  return rule;
}

}  // namespace galley::rules
