// takeaways/item-length: each takeaway is one short point.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (!a.takeaways) return;
  const auto min = static_cast<uint32_t>(ctx.number("min-words"));
  const auto max = static_cast<uint32_t>(ctx.number("max-words"));
  for (const TextPart& item : a.takeaways->items) {
    const uint32_t n = detail::count_words(detail::plain_text(item.inlines));
    if (n > max) {
      sink.report(item.range, "This takeaway has " + std::to_string(n) + " words; at most " +
                                  std::to_string(max) + " expected.");
    } else if (n < min) {
      sink.report(item.range, "This takeaway has " + std::to_string(n) +
                                  (n == 1 ? " word" : " words") + "; at least " +
                                  std::to_string(min) + " expected.");
    }
  }
}

}  // namespace

const Rule& takeaways_item_length() {
  static const Rule rule{
      {"takeaways/item-length",
       "Checks that each takeaway is one short point.",
       "A takeaway is read in a glance: one sentence of up to about 30 words. A one-word item "
       "says nothing; a long one is a paragraph in the wrong place.",
       {"takeaways"},
       Severity::warning,
       Severity::info,
       Severity::off,
       {{"min-words", OptionType::integer, 3.0, "Fewest words an item may have."},
        {"max-words", OptionType::integer, 30.0, "Most words an item may have."}},
       false,
       "# Headline\n\nThe dek.\n\nThe story.\n\n## Key Takeaways\n\n- Talks resume in Berlin.\n- "
       "Security.\n- Both sides want a deal before the end of the year.\n",
       ""},
      &check};
  return rule;
}

}  // namespace galley::rules
