// takeaways/missing: a news article of some length without a key takeaways box.
#include "rules/prose.h"

namespace galley::rules {
namespace {

void check(const Article& a, const Context& ctx, Sink& sink) {
  if (a.takeaways) return;
  const auto min_words = static_cast<uint32_t>(ctx.number("min-words"));
  if (a.meta.word_count < min_words) return;
  SourceRange at = a.headline ? a.headline->range : SourceRange{};
  if (!a.headline && !ctx.texts().empty()) at = ctx.texts().front().range;
  sink.report(at,
              "The article has " + std::to_string(a.meta.word_count) +
                  " words and no key takeaways; expected a 'Key Takeaways' heading over a list of "
                  "the main points.");
}

}  // namespace

const Rule& takeaways_missing() {
  static const Rule rule{
      {"takeaways/missing",
       "Asks a news article for a key takeaways box.",
       "Most readers skim; a short list of the main points under a 'Key Takeaways' heading gives "
       "them the story in seconds and is what news apps and AI summaries pick up. Short pieces "
       "are exempt.",
       {"takeaways", "structure"},
       Severity::warning,
       Severity::off,
       Severity::off,
       {{"min-words", OptionType::integer, 300.0, "Articles with fewer words need no takeaways."}},
       false,
       "# Talks resume in Berlin\n\nThe dek.\n\nEuropean leaders and U.S. envoys met again on "
       "Monday to discuss security guarantees.\n",
       "",
       "{\"min-words\": 10}"},
      &check};
  return rule;
}

}  // namespace galley::rules
