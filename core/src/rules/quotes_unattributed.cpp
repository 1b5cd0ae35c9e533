// quotes/unattributed: a full quoted statement that names no speaker.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  const auto min_words = static_cast<uint32_t>(ctx.number("min-words"));
  const bool block_quotes = ctx.flag("block-quotes");
  for (const Quote& q : a.quotes) {
    // Scare quotes and fragments worked into a sentence need no speaker; pull quotes repeat
    // words already attributed in the text.
    if (q.scare || q.partial || q.kind == QuoteKind::pull || !q.speaker.empty()) continue;
    if (q.kind == QuoteKind::block && !block_quotes) continue;
    if (detail::count_words(q.text) < min_words) continue;
    sink.report(q.range, "The quotation \xE2\x80\x9C" + excerpt(q.text, 6) +
                             "\xE2\x80\x9D names no speaker; expected who said it (\xE2\x80\xA6, "
                             "Name said).");
  }
}

}  // namespace

const Rule& quotes_unattributed() {
  static const Rule rule{
      {"quotes/unattributed",
       "Flags full quoted statements with no speaker.",
       "Readers weigh a quotation by who said it, and an unattributed quote cannot be checked. "
       "Scare quotes and fragments worked into a sentence are left alone; the speaker may be "
       "named in the same or the next sentence, or by a block quote's attribution line.",
       {"quotes"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {{"min-words", OptionType::integer, 4.0, "Quotations shorter than this are not statements."},
        {"block-quotes", OptionType::boolean, true,
         "Also flag block quotes with no attribution line; turn off where block quotes are "
         "call-outs rather than speech."}},
       false,
       "# Headline\n\nThe dek.\n\nThe talks ended late. \xE2\x80\x9CWe are closer now than we have "
       "ever been.\xE2\x80\x9D Both sides will meet again.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
